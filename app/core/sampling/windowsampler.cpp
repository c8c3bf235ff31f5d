#include "sampling/samplingengine.h"
#include "sampling/samplingworker.h"

#include <QDateTime>
#include <QPromise>
#include <QThread>

#include <algorithm>

namespace nt {

struct WindowSampler::Private {
    KubeClient *client = nullptr;
    QList<SamplingTarget> targets;
    SamplingConfig config;
    QStringList focus;
    std::shared_ptr<MetricStore> store = std::make_shared<MetricStore>();
    QThread thread;
    SamplingWorker *worker = nullptr;
    std::shared_ptr<QPromise<WindowResult>> promise;
    // Touched on the worker's thread only.
    WindowResult result;
    int roundsWanted = 1;
};

WindowSampler::WindowSampler(KubeClient *client, QList<SamplingTarget> targets,
                             SamplingConfig config, QStringList focus)
    : d(std::make_unique<Private>()) {
    d->client = client;
    d->targets = std::move(targets);
    d->config = std::move(config);
    // The check judges the kubelet's counters of every node over its window: every round.
    if (d->config.kubeletMetricsEveryRounds <= 0)
        d->config.kubeletMetricsEveryRounds = 1;
    d->focus = std::move(focus);
    d->thread.setObjectName(QStringLiteral("nt-window-sampler"));
}

WindowSampler::~WindowSampler() {
    if (d->worker) {
        QMetaObject::invokeMethod(
            d->worker,
            [this] {
                delete d->worker;
                d->worker = nullptr;
                if (d->promise) {
                    d->promise->future().cancel();
                    d->promise->finish();
                    d->promise.reset();
                }
            },
            Qt::BlockingQueuedConnection);
    }
    d->thread.quit();
    d->thread.wait();
}

QFuture<WindowResult> WindowSampler::run(int durationMs) {
    auto promise = std::make_shared<QPromise<WindowResult>>();
    promise->start();
    if (d->worker) { // one run per sampler
        promise->future().cancel();
        promise->finish();
        return promise->future();
    }
    d->promise = promise;
    d->worker = new SamplingWorker(d->client, d->store);
    d->worker->moveToThread(&d->thread);
    Private *p = d.get();
    // Direct: these run on the worker's thread, where the worker is driven.
    QObject::connect(
        d->worker, &SamplingWorker::nodeProblem, d->worker,
        [p](const QString &node, const QString &message) {
            if (message.isEmpty())
                p->result.nodeProblems.remove(node);
            else
                p->result.nodeProblems.insert(node, message);
        },
        Qt::DirectConnection);
    QObject::connect(
        d->worker, &SamplingWorker::backfillFinished, d->worker,
        [p](int, int, const QString &error) { p->result.backfillError = error; },
        Qt::DirectConnection);
    QObject::connect(
        d->worker, &SamplingWorker::roundFinished, d->worker,
        [p](const SamplingRound &round) {
            ++p->result.rounds;
            p->result.finishedMs = round.finishedMs;
            // Rounds at 0, I, 2I, ... up to D: D / I + 1 of them, counted rather than timed so
            // a round that starts a few ms late does not drop the last one.
            if (p->result.rounds < p->roundsWanted || !p->promise)
                return;
            p->worker->stop();
            p->result.store = p->store;
            p->result.stats = p->worker->stats();
            p->promise->addResult(p->result);
            p->promise->finish();
            p->promise.reset();
        },
        Qt::DirectConnection);
    d->thread.start();
    QMetaObject::invokeMethod(
        d->worker,
        [p, durationMs] {
            p->result.startedMs = QDateTime::currentMSecsSinceEpoch();
            p->worker->setConfig(p->config);
            // The worker clamps the interval to 1-60 s; count rounds with the clamped one.
            const int interval = std::clamp(p->config.intervalMs, 1000, 60000);
            p->roundsWanted = std::max(0, durationMs) / interval + 1;
            p->worker->setTargets(p->targets);
            p->worker->setFocus(p->focus);
            p->worker->start();
        },
        Qt::QueuedConnection);
    return promise->future();
}

void WindowSampler::cancel() {
    if (!d->worker)
        return;
    QMetaObject::invokeMethod(
        d->worker,
        [p = d.get()] {
            p->worker->stop();
            if (p->promise) {
                p->promise->future().cancel();
                p->promise->finish();
                p->promise.reset();
            }
        },
        Qt::QueuedConnection);
}

} // namespace nt
