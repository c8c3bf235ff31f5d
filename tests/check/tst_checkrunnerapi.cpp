// CheckRunner as the wizard uses it: run() on a worker thread with a progress callback, cancel()
// from another thread, and judging a store someone else filled. Against the simulator.
#include "check/checkoptions.h"
#include "check/checkrunner.h"
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"
#include "metrics/metricstore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QMutex>
#include <QtConcurrent/QtConcurrentRun>
#include <QTest>

#include <atomic>

using namespace nt;

namespace {

std::unique_ptr<KubeClient> clientFor(const test::SimProcess &sim) {
    Result<Kubeconfig> config = Kubeconfig::loadDefault(sim.kubeconfig());
    if (!config)
        return {};
    Result<ClusterAccess> access = config->resolve(QString());
    if (!access)
        return {};
    return std::make_unique<KubeClient>(std::move(access.value()));
}

CheckOptions options(QList<int> steps, int duration, int interval = 1) {
    CheckOptions o;
    o.steps = std::move(steps);
    o.durationSeconds = duration;
    o.intervalSeconds = interval;
    return o;
}

// Everything the callback was told, in order, with the thread it was told on.
struct Recorder {
    QMutex mutex;
    QList<CheckProgress> events;
    QSet<QThread *> threads;
    std::atomic<int> count{0};
    std::atomic<bool> sampling{false};
    std::atomic<int> stepsFinished{0};
    CheckProgressCallback callback() {
        return [this](const CheckProgress &p) {
            QMutexLocker lock(&mutex);
            events << p;
            threads.insert(QThread::currentThread());
            ++count;
            if (p.kind == CheckProgress::Kind::Sampling && p.total > 0)
                sampling = true;
            if (p.kind == CheckProgress::Kind::StepFinished)
                ++stepsFinished;
        };
    }
};

QString kindName(CheckProgress::Kind k) {
    switch (k) {
    case CheckProgress::Kind::Sampling:
        return QStringLiteral("sampling");
    case CheckProgress::Kind::StepStarted:
        return QStringLiteral("started");
    case CheckProgress::Kind::Check:
        return QStringLiteral("check");
    case CheckProgress::Kind::StepFinished:
        return QStringLiteral("finished");
    }
    return {};
}

QStringList idsOf(const QList<Finding> &findings) {
    QStringList ids;
    for (const Finding &f : findings)
        ids << f.id + u'@' + f.node + f.object;
    ids.sort();
    return ids;
}

} // namespace

class TstCheckRunnerApi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void progressInStepOrder();
    void cancelWhileSampling();
    void cancelInsideAStep();
    void judgesAnExternalStore();
};

void TstCheckRunnerApi::progressInStepOrder() {
    test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("memory-pressure")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    auto client = clientFor(sim);
    QVERIFY(client);
    // Step 3 would resolve the API server's name through the machine's resolver: not selected.
    CheckRunner runner(*client, options({1, 2, 4, 5, 6}, 2, 1), QStringLiteral("sim"));
    Recorder rec;
    runner.setProgress(rec.callback());
    QThread *runThread = nullptr;
    QFuture<Result<CheckReport>> done = QtConcurrent::run([&] {
        runThread = QThread::currentThread();
        return runner.run();
    });
    QTRY_VERIFY_WITH_TIMEOUT(done.isFinished(), 120000);
    const Result<CheckReport> report = done.result();
    QVERIFY2(report, qPrintable(report ? QString() : report.error()));
    QVERIFY(!report->canceled);

    QCOMPARE(rec.threads.size(), 1);
    QVERIFY(rec.threads.contains(runThread));
    // Sampling first (listing, then the window), then per step started, checks, finished.
    QStringList order;
    int lastStep = 0;
    QList<Finding> fromProgress;
    bool samplingOver = false;
    for (const CheckProgress &p : std::as_const(rec.events)) {
        if (p.kind == CheckProgress::Kind::Sampling) {
            QVERIFY2(!samplingOver, "sampling reported after a step began");
            QVERIFY(!p.text.isEmpty());
            QVERIFY(p.done <= p.total);
            continue;
        }
        samplingOver = true;
        QVERIFY2(p.step >= lastStep,
                 qPrintable(QStringLiteral("step %1 after %2").arg(p.step).arg(lastStep)));
        lastStep = p.step;
        if (order.isEmpty() || !order.last().startsWith(QString::number(p.step) + u' '))
            order << QString::number(p.step) + u' ';
        QString &line = order.last();
        const QString k = kindName(p.kind);
        if (!line.endsWith(k + u' '))
            line += k + u' ';
        if (p.kind == CheckProgress::Kind::Check)
            QVERIFY(!p.text.isEmpty());
        if (p.kind == CheckProgress::Kind::StepFinished) {
            QCOMPARE(p.result.number, p.step);
            fromProgress << p.findings;
        }
    }
    const QStringList expected{QStringLiteral("1 started check finished "),
                               QStringLiteral("2 started check finished "),
                               QStringLiteral("3 finished "),
                               QStringLiteral("4 started check finished "),
                               QStringLiteral("5 started check finished "),
                               QStringLiteral("6 started check finished ")};
    QCOMPARE(order, expected);
    // The findings told step by step are the report's, and this scenario's are among them.
    QCOMPARE(idsOf(fromProgress), idsOf(report->findings));
    bool pressure = false;
    for (const Finding &f : report->findings)
        pressure = pressure || f.id == u"node.memory-pressure";
    QVERIFY2(pressure, qPrintable(idsOf(report->findings).join(u' ')));
    // Step 3's StepFinished says why it did not run.
    for (const CheckProgress &p : std::as_const(rec.events)) {
        if (p.kind == CheckProgress::Kind::StepFinished && p.step == 3)
            QCOMPARE(toString(p.result.status), toString(StepStatus::Skipped));
    }
}

void TstCheckRunnerApi::cancelWhileSampling() {
    test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("healthy")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    auto client = clientFor(sim);
    QVERIFY(client);
    // A ten-minute window: only a cancel ends this run in time.
    CheckRunner runner(*client, options({1, 2, 4, 5, 6}, 600, 1), QStringLiteral("sim"));
    Recorder rec;
    runner.setProgress(rec.callback());
    QFuture<Result<CheckReport>> done = QtConcurrent::run([&] { return runner.run(); });
    QTRY_VERIFY_WITH_TIMEOUT(rec.sampling.load(), 30000);
    QVERIFY(!done.isFinished());
    QElapsedTimer timer;
    timer.start();
    runner.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(done.isFinished(), 1000);
    qInfo("run() returned %lld ms after cancel()", timer.elapsed());
    const Result<CheckReport> report = done.result();
    QVERIFY2(report, qPrintable(report ? QString() : report.error()));
    QVERIFY(report->canceled);
    QCOMPARE(report->steps.size(), 6);
    for (const StepResult &s : report->steps) {
        QCOMPARE(toString(s.status), toString(StepStatus::Skipped));
        QVERIFY2(s.number == 3 ? s.note.contains(u"--steps") : s.note == u"cancelled",
                 qPrintable(s.note));
    }
    QVERIFY(report->findings.isEmpty());
    QCOMPARE(rec.stepsFinished.load(), 6);
}

void TstCheckRunnerApi::cancelInsideAStep() {
    // Listing deployments (step 2) takes 30 s: the cancel comes while step 2 waits for it.
    test::SimProcess sim(
        {QStringLiteral("--scenario"), QStringLiteral("memory-pressure"), QStringLiteral("--fault"),
         QStringLiteral(
             R"({"path": "/apis/apps/v1/namespaces/kube-system/deployments", "delayMs": 30000})")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    auto client = clientFor(sim);
    QVERIFY(client);
    CheckRunner runner(*client, options({1, 2, 4}, 0), QStringLiteral("sim"));
    std::atomic<bool> inStepTwo{false};
    runner.setProgress([&](const CheckProgress &p) {
        if (p.kind == CheckProgress::Kind::Check && p.step == 2)
            inStepTwo = true;
    });
    QFuture<Result<CheckReport>> done = QtConcurrent::run([&] { return runner.run(); });
    QTRY_VERIFY_WITH_TIMEOUT(inStepTwo.load(), 30000);
    QVERIFY(!done.isFinished());
    runner.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(done.isFinished(), 1000);
    const Result<CheckReport> report = done.result();
    QVERIFY(report);
    QVERIFY(report->canceled);
    // Step 1 finished before the cancel and keeps what it found; 2 and 4 are cancelled.
    QVERIFY(report->steps.at(0).status == StepStatus::Warn ||
            report->steps.at(0).status == StepStatus::Fail);
    QStringList ids;
    for (const Finding &f : report->findings)
        ids << f.id;
    QVERIFY2(ids.contains(QStringLiteral("node.memory-pressure")), qPrintable(ids.join(u' ')));
    QCOMPARE(toString(report->steps.at(1).status), toString(StepStatus::Skipped));
    QCOMPARE(report->steps.at(1).note, QStringLiteral("cancelled"));
    QCOMPARE(toString(report->steps.at(3).status), toString(StepStatus::Skipped));
    QCOMPARE(report->steps.at(3).note, QStringLiteral("cancelled"));
}

void TstCheckRunnerApi::judgesAnExternalStore() {
    test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("healthy")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    auto client = clientFor(sim);
    QVERIFY(client);
    const TypedList<Node> nodes =
        client->listAs<Node>(QStringLiteral("/api/v1/nodes"), &Node::fromJson).result();
    QVERIFY(nodes.ok());
    QVERIFY(nodes.items.size() >= 2);
    const QString hot = nodes.items.at(0).meta.name;
    const QString restarted = nodes.items.at(1).meta.name;

    // What the window's engine would have stored: the first node at 97 % CPU over the whole
    // window, the second's kubelet restarting (uptime falls) - and a third node the engine
    // could not reach, with no kubelet series at all.
    auto store = std::make_shared<MetricStore>();
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 60000;
    std::vector<StoreSample> batch;
    const NodeId hotId = store->addNode(hot);
    const NodeId restartedId = store->addNode(restarted);
    for (int i = 0; i < 10; ++i) {
        const qint64 t = t0 + i * 5000;
        batch.push_back({hotId, Metric::CpuPercent, t, 97.0});
        batch.push_back({hotId, Metric::KubeletUptimeSeconds, t, 5000.0 + i * 5});
        batch.push_back({restartedId, Metric::CpuPercent, t, 20.0});
        batch.push_back(
            {restartedId, Metric::KubeletUptimeSeconds, t, i < 5 ? 900.0 + i * 5 : (i - 5) * 5.0});
    }
    QCOMPARE(store->ingest(batch), int(batch.size()));
    ExternalSamples ext;
    ext.store = store;
    ext.fromMs = t0 - 1000;
    ext.toMs = t0 + 50000;
    ext.rounds = 10;
    const QString unreachable = nodes.items.size() > 2 ? nodes.items.at(2).meta.name : QString();
    if (!unreachable.isEmpty())
        ext.nodeProblems.insert(unreachable,
                                QStringLiteral("Sampling node %1 failed: 503").arg(unreachable));

    CheckRunner runner(*client, options({1, 4}, 30, 5), QStringLiteral("sim"));
    runner.setExternalSamples(ext);
    QElapsedTimer timer;
    timer.start();
    QFuture<Result<CheckReport>> done = QtConcurrent::run([&] { return runner.run(); });
    QTRY_VERIFY_WITH_TIMEOUT(done.isFinished(), 30000);
    // A 30 s window was asked for, but nothing is sampled: the given window is judged at once.
    QVERIFY2(timer.elapsed() < 25000, qPrintable(QString::number(timer.elapsed())));
    const Result<CheckReport> report = done.result();
    QVERIFY2(report, qPrintable(report ? QString() : report.error()));
    QStringList ids;
    for (const Finding &f : report->findings)
        ids << f.id + u'@' + f.node;
    QVERIFY2(ids.contains(QStringLiteral("node.cpu-high@") + hot), qPrintable(ids.join(u' ')));
    QVERIFY2(ids.contains(QStringLiteral("kubelet.restarting@") + restarted),
             qPrintable(ids.join(u' ')));
    QVERIFY2(!ids.contains(QStringLiteral("node.cpu-high@") + restarted),
             qPrintable(ids.join(u' ')));
    if (!unreachable.isEmpty())
        QVERIFY2(ids.contains(QStringLiteral("kubelet.metrics-unreachable@") + unreachable),
                 qPrintable(ids.join(u' ')));
    QCOMPARE(report->window.start.toMSecsSinceEpoch(), ext.fromMs);
    QCOMPARE(report->window.end.toMSecsSinceEpoch(), ext.toMs);
    QCOMPARE(runner.store().get(), store.get());
    // The latest values come from that store too.
    QCOMPARE(report->latest.value(hot).value(QStringLiteral("cpuPercent")), 97.0);
    // Nothing was sampled: not one request through the nodes' proxy.
    for (const nlohmann::json &req : sim.recordedRequests()) {
        const std::string path = req.value("path", std::string());
        QVERIFY2(path.find("/proxy/") == std::string::npos, path.c_str());
    }
}

QTEST_GUILESS_MAIN(TstCheckRunnerApi)
#include "tst_checkrunnerapi.moc"
