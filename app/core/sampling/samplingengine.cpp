#include "sampling/samplingengine.h"

#include "sampling/samplingworker.h"

#include <QThread>

namespace nt {

struct SamplingEngine::Private {
    std::shared_ptr<MetricStore> store;
    SamplingConfig config;
    QThread thread;
    SamplingWorker *worker = nullptr; // lives on `thread`
    bool running = false;
};

SamplingEngine::SamplingEngine(KubeClient *client, std::shared_ptr<MetricStore> store,
                               QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>()) {
    qRegisterMetaType<SamplingRound>();
    qRegisterMetaType<SourceKind>();
    d->store = store ? std::move(store) : std::make_shared<MetricStore>();
    d->thread.setObjectName(QStringLiteral("nt-sampling"));
    d->worker = new SamplingWorker(client, d->store);
    d->worker->moveToThread(&d->thread);
    // Worker signals come from its thread; AutoConnection queues them to ours.
    connect(d->worker, &SamplingWorker::roundFinished, this, &SamplingEngine::roundFinished);
    connect(d->worker, &SamplingWorker::nodeProblem, this, &SamplingEngine::nodeProblem);
    connect(d->worker, &SamplingWorker::backfillFinished, this, &SamplingEngine::backfillFinished);
    connect(d->worker, &SamplingWorker::sourceProblem, this, &SamplingEngine::sourceProblem);
    d->thread.start();
    QMetaObject::invokeMethod(
        d->worker, [w = d->worker, c = d->config] { w->setConfig(c); }, Qt::QueuedConnection);
}

SamplingEngine::~SamplingEngine() {
    // Stop and delete the worker on its own thread (its timers, replies and watchers live
    // there), then join it.
    QMetaObject::invokeMethod(
        d->worker, [w = d->worker] { delete w; }, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

void SamplingEngine::setConfig(const SamplingConfig &config) {
    d->config = config;
    QMetaObject::invokeMethod(
        d->worker, [w = d->worker, config] { w->setConfig(config); }, Qt::QueuedConnection);
}

SamplingConfig SamplingEngine::config() const {
    return d->config;
}

void SamplingEngine::setTargets(const QList<SamplingTarget> &targets) {
    QMetaObject::invokeMethod(
        d->worker, [w = d->worker, targets] { w->setTargets(targets); }, Qt::QueuedConnection);
}

void SamplingEngine::setFocus(const QStringList &nodes) {
    QMetaObject::invokeMethod(
        d->worker, [w = d->worker, nodes] { w->setFocus(nodes); }, Qt::QueuedConnection);
}

void SamplingEngine::start() {
    d->running = true;
    QMetaObject::invokeMethod(
        d->worker, [w = d->worker] { w->start(); }, Qt::QueuedConnection);
}

void SamplingEngine::stop() {
    d->running = false;
    QMetaObject::invokeMethod(
        d->worker, [w = d->worker] { w->stop(); }, Qt::QueuedConnection);
}

bool SamplingEngine::isRunning() const {
    return d->running;
}

std::shared_ptr<MetricStore> SamplingEngine::store() const {
    return d->store;
}

QList<NodeSamplingState> SamplingEngine::nodeStates() const {
    return d->worker->nodeStates();
}

SamplingStats SamplingEngine::stats() const {
    return d->worker->stats();
}

} // namespace nt
