// The sampling engine against the simulator (a real HTTPS Kubernetes API): rounds fill the store
// for every node, the request cap holds, an unreachable node costs one message and no stall,
// a forbidden proxy falls back to metrics.k8s.io, stop() is prompt, the window sampler delivers.
#include "samplingtestutil.h"

#include "metrics/metricstore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

using namespace nt;
using nt::test::SimProcess;

namespace {

std::optional<double> latestOf(const MetricStore &store, const QString &node, Metric metric) {
    const auto id = store.findNode(node);
    if (!id)
        return std::nullopt;
    const auto v = store.latest(*id, metric);
    return v ? std::optional<double>(v->value) : std::nullopt;
}

int proxyRequests(const SimProcess &sim, const QString &node, const char *subpath) {
    const std::string path =
        "/api/v1/nodes/" + node.toStdString() + "/proxy/" + std::string(subpath);
    int count = 0;
    for (const auto &r : sim.recordedRequests()) {
        if (r.value("path", std::string()) == path)
            ++count;
    }
    return count;
}

SamplingConfig fastConfig() {
    SamplingConfig c;
    c.intervalMs = 1000;
    c.requestTimeoutMs = 5000;
    c.kubeletMetricsEveryRounds = 1; // every node every round (kubeletMetricsEveryNthRound tests N)
    return c;
}

} // namespace

class TestSamplingEngine : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        qRegisterMetaType<SamplingRound>();
        qRegisterMetaType<SourceKind>();
    }

    void roundFillsStoreForEveryNode() {
        SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("healthy")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(test::accessFor(sim));
        const QList<SamplingTarget> targets = test::targetsOf(client);
        QVERIFY(targets.size() >= 3);
        auto store = std::make_shared<MetricStore>();
        SamplingEngine engine(&client, store);
        engine.setConfig(fastConfig());
        engine.setTargets(targets);
        const QString focus = targets.first().name;
        engine.setFocus({focus});
        QSignalSpy rounds(&engine, &SamplingEngine::roundFinished);
        QSignalSpy problems(&engine, &SamplingEngine::nodeProblem);
        engine.start();
        QVERIFY(engine.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 3, 30000);
        engine.stop();

        // Exactly one signal per round, in order, a full interval apart.
        QList<SamplingRound> seen;
        for (const auto &args : rounds)
            seen.append(args.at(0).value<SamplingRound>());
        for (int i = 0; i < seen.size(); ++i) {
            QCOMPARE(seen[i].number, quint64(i + 1));
            QCOMPARE(seen[i].nodesSampled, int(targets.size()));
            QCOMPARE(seen[i].nodesFailed, 0);
            QVERIFY(seen[i].samplesStored > 0);
            if (i > 0)
                QVERIFY(seen[i].startedMs - seen[i - 1].startedMs >= 900);
        }
        QCOMPARE(problems.count(), 0);

        for (const SamplingTarget &t : targets) {
            const auto cpu = latestOf(*store, t.name, Metric::CpuPercent);
            QVERIFY2(cpu && *cpu > 0 && *cpu <= 100, qPrintable(t.name));
            // Memory % is the working set over allocatable, as the Summary reports it.
            const auto memory = latestOf(*store, t.name, Metric::MemoryPercent);
            const auto workingSet = latestOf(*store, t.name, Metric::MemoryWorkingSetBytes);
            QVERIFY(memory && workingSet && *memory > 0 && *memory <= 100);
            QVERIFY(qAbs(*memory - *workingSet / t.allocatableMemoryBytes * 100.0) < 0.01);
            const auto pids = latestOf(*store, t.name, Metric::PidsUsed);
            const auto pidMax = latestOf(*store, t.name, Metric::PidsMax);
            QVERIFY(pids && *pids > 0 && pidMax && *pidMax >= *pids);
            QVERIFY(latestOf(*store, t.name, Metric::PidPercent));
            const auto fs = latestOf(*store, t.name, Metric::FsPercent);
            QVERIFY(fs && *fs > 0 && *fs < 100);
            // PSI is on in the healthy scenario: present, a percentage.
            const auto psi = latestOf(*store, t.name, Metric::PsiCpuSomeAvg10);
            QVERIFY(psi && *psi >= 0 && *psi <= 100);
            // Kubelet metrics in the same round: gauges at once, rates from the second round.
            const auto running = latestOf(*store, t.name, Metric::KubeletRunningPods);
            QVERIFY(running && *running > 0);
            const auto uptime = latestOf(*store, t.name, Metric::KubeletUptimeSeconds);
            QVERIFY(uptime && *uptime > 60);
            const auto errors = latestOf(*store, t.name, Metric::KubeletRuntimeErrorsPerSec);
            QVERIFY(errors && *errors >= 0);
            // cAdvisor only for the node in focus.
            const auto writes = latestOf(*store, t.name, Metric::WriteIops);
            if (t.name == focus)
                QVERIFY2(writes && *writes > 0, "the focus node has disk rates from cAdvisor");
            else
                QVERIFY2(!writes, "no cAdvisor scrape for nodes out of focus");
        }
        QVERIFY(proxyRequests(sim, focus, "metrics/cadvisor") >= 2);
        QCOMPARE(proxyRequests(sim, targets.last().name, "metrics/cadvisor"), 0);
        for (const NodeSamplingState &s : engine.nodeStates()) {
            QVERIFY(s.lastError.isEmpty());
            QVERIFY(s.sources.contains(SourceKind::KubeletSummary));
            QVERIFY(s.sources.contains(SourceKind::KubeletMetrics));
        }
    }

    void kubeletMetricsEveryNthRound() {
        // Outside the focus, kubelet /metrics every 3rd round, spread over the rounds; the node
        // in focus every round. Its rates still come (two scrapes three rounds apart).
        SimProcess sim({QStringLiteral("--nodes"), QStringLiteral("6")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(test::accessFor(sim));
        const QList<SamplingTarget> targets = test::targetsOf(client);
        QCOMPARE(targets.size(), 6);
        auto store = std::make_shared<MetricStore>();
        SamplingEngine engine(&client, store);
        SamplingConfig config = fastConfig();
        config.kubeletMetricsEveryRounds = 3;
        config.cadvisorForFocus = false;
        engine.setConfig(config);
        engine.setTargets(targets);
        engine.setFocus({targets.first().name});
        QSignalSpy rounds(&engine, &SamplingEngine::roundFinished);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 7, 60000);
        engine.stop();
        const auto roundsRun = quint64(rounds.count());
        quint64 expected = 6 * roundsRun + roundsRun; // Summary for all, /metrics for the focus
        for (quint64 r = 1; r <= roundsRun; ++r) {
            for (quint64 i = 1; i < 6; ++i)
                expected += (r + i) % 3 == 0 ? 1 : 0;
        }
        QCOMPARE(engine.stats().requests, expected);
        QVERIFY(expected < 2 * 6 * roundsRun); // fewer than Summary + /metrics for all
        // Every node has its kubelet figures, and counters became rates for every one of them.
        for (const SamplingTarget &t : targets) {
            const auto id = store->findNode(t.name);
            QVERIFY(id);
            QVERIFY2(store->latest(*id, Metric::KubeletRunningPods), qPrintable(t.name));
            QVERIFY2(store->latest(*id, Metric::KubeletRuntimeErrorsPerSec), qPrintable(t.name));
        }
    }

    void maxInFlightIsRespected() {
        // Every proxy answer takes 300 ms: 30 nodes x 2 requests cannot all be in flight at once.
        SimProcess sim(
            {QStringLiteral("--nodes"), QStringLiteral("30"), QStringLiteral("--fault"),
             QStringLiteral(R"({"path":"/api/v1/nodes/[^/]+/proxy/.*","delayMs":300})")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(test::accessFor(sim));
        const QList<SamplingTarget> targets = test::targetsOf(client);
        QCOMPARE(targets.size(), 30);
        auto store = std::make_shared<MetricStore>();
        SamplingEngine engine(&client, store);
        SamplingConfig config = fastConfig();
        config.maxInFlight = 4;
        engine.setConfig(config);
        engine.setTargets(targets);
        QSignalSpy rounds(&engine, &SamplingEngine::roundFinished);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 1, 60000);
        engine.stop();
        const SamplingStats stats = engine.stats();
        QCOMPARE(stats.maxInFlightSeen, 4);
        QCOMPARE(stats.requests, quint64(60) * quint64(rounds.count()));
        const auto round = rounds.first().at(0).value<SamplingRound>();
        QCOMPARE(round.nodesSampled, 30);
        // 60 requests of >= 300 ms, 4 at a time: at least 15 x 300 ms.
        QVERIFY(round.finishedMs - round.startedMs >= 4500);
        QCOMPARE(store->stats().nodes, 30);
    }

    void unreachableNodeGivesOneProblemAndNoStall() {
        SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(test::accessFor(sim));
        const QList<SamplingTarget> targets = test::targetsOf(client);
        const QString bad = QStringLiteral("aks-nodepool1-37372907-vmss000002");
        const QString good = QStringLiteral("aks-nodepool1-37372907-vmss000000");
        auto store = std::make_shared<MetricStore>();
        SamplingEngine engine(&client, store);
        engine.setConfig(fastConfig());
        engine.setTargets(targets);
        QSignalSpy rounds(&engine, &SamplingEngine::roundFinished);
        QSignalSpy problems(&engine, &SamplingEngine::nodeProblem);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 6, 40000);
        engine.stop();

        QCOMPARE(problems.count(), 1);
        QCOMPARE(problems.first().at(0).toString(), bad);
        const QString message = problems.first().at(1).toString();
        QVERIFY2(message.contains(bad) && message.contains(QLatin1String("10250")),
                 qPrintable(message));
        for (const auto &args : rounds) {
            const auto round = args.at(0).value<SamplingRound>();
            QVERIFY2(round.finishedMs - round.startedMs < 2000, "the unreachable node stalls");
            QVERIFY(round.nodesWithData.contains(good));
            QVERIFY(!round.nodesWithData.contains(bad));
        }
        QVERIFY(!latestOf(*store, bad, Metric::CpuPercent));
        QVERIFY(latestOf(*store, good, Metric::CpuPercent));
        // Backoff: the failing node is asked less and less often.
        const int badSummaries = proxyRequests(sim, bad, "stats/summary");
        const int goodSummaries = proxyRequests(sim, good, "stats/summary");
        QVERIFY2(badSummaries >= 2 && badSummaries <= goodSummaries / 2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(badSummaries).arg(goodSummaries)));
        bool found = false;
        for (const NodeSamplingState &s : engine.nodeStates()) {
            if (s.node != bad)
                continue;
            found = true;
            QCOMPARE(s.lastError, message);
            QVERIFY(s.consecutiveFailures >= 2);
            QVERIFY(s.nextAttemptMs > 0);
        }
        QVERIFY(found);
    }

    void forbiddenProxyFallsBackToNodeMetrics() {
        SimProcess sim({QStringLiteral("--fault"),
                        QStringLiteral(R"({"path":"/api/v1/nodes/[^/]+/proxy/.*","status":403})")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(test::accessFor(sim));
        const QList<SamplingTarget> targets = test::targetsOf(client);
        auto store = std::make_shared<MetricStore>();
        SamplingEngine engine(&client, store);
        engine.setConfig(fastConfig());
        engine.setTargets(targets);
        QSignalSpy rounds(&engine, &SamplingEngine::roundFinished);
        QSignalSpy sources(&engine, &SamplingEngine::sourceProblem);
        QSignalSpy problems(&engine, &SamplingEngine::nodeProblem);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 2, 30000);
        engine.stop();
        QVERIFY(engine.stats().proxyForbidden);
        QCOMPARE(problems.count(), 0); // not a node's fault
        QCOMPARE(sources.count(), 1);
        QVERIFY(sources.first().at(1).toString().contains(QLatin1String("metrics.k8s.io")));
        for (const SamplingTarget &t : targets) {
            const auto cpu = latestOf(*store, t.name, Metric::CpuPercent);
            QVERIFY2(cpu && *cpu > 0 && *cpu <= 100, qPrintable(t.name));
            QVERIFY(latestOf(*store, t.name, Metric::MemoryPercent));
            // NodeMetrics has no PIDs: absent, not 0.
            QVERIFY(!latestOf(*store, t.name, Metric::PidsUsed));
        }
        // After the first 403 the engine stops asking the proxy.
        int proxy = 0, nodeMetrics = 0;
        for (const auto &r : sim.recordedRequests()) {
            const std::string path = r.value("path", std::string());
            proxy += path.find("/proxy/") != std::string::npos;
            nodeMetrics += path == "/apis/metrics.k8s.io/v1beta1/nodes";
        }
        QVERIFY2(proxy <= 2 * int(targets.size()), qPrintable(QString::number(proxy)));
        QVERIFY(nodeMetrics >= 2);
    }

    void stopDuringRoundReturnsPromptly() {
        SimProcess sim(
            {QStringLiteral("--fault"),
             QStringLiteral(
                 R"({"path":"/api/v1/nodes/[^/]+/proxy/stats/summary","delayMs":20000})")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(test::accessFor(sim));
        auto store = std::make_shared<MetricStore>();
        SamplingEngine engine(&client, store);
        SamplingConfig config = fastConfig();
        config.requestTimeoutMs = 30000;
        engine.setConfig(config);
        engine.setTargets(test::targetsOf(client));
        QSignalSpy rounds(&engine, &SamplingEngine::roundFinished);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(engine.stats().inFlight > 0, 10000);
        QElapsedTimer timer;
        timer.start();
        engine.stop();
        QVERIFY(timer.elapsed() < 100);
        QVERIFY(!engine.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(engine.stats().inFlight, 0, 1000);
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(rounds.count(), 0); // the cut-off round is not reported as a round
    }

    void windowSamplerOneRound() {
        SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(test::accessFor(sim));
        const QList<SamplingTarget> targets = test::targetsOf(client);
        WindowSampler sampler(&client, targets, fastConfig());
        QFuture<WindowResult> future = sampler.run(0);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
        const WindowResult result = future.result();
        QCOMPARE(result.rounds, 1);
        QVERIFY(result.store);
        const QString bad = QStringLiteral("aks-nodepool1-37372907-vmss000002");
        for (const SamplingTarget &t : targets) {
            if (t.name == bad)
                QVERIFY(!latestOf(*result.store, t.name, Metric::CpuPercent));
            else
                QVERIFY(latestOf(*result.store, t.name, Metric::CpuPercent));
        }
        QCOMPARE(result.nodeProblems.size(), 1);
        QVERIFY(result.nodeProblems.value(bad).contains(bad));
    }

    void windowSamplerDuration() {
        SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("healthy")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(test::accessFor(sim));
        const QList<SamplingTarget> targets = test::targetsOf(client);
        WindowSampler sampler(&client, targets, fastConfig());
        // The CLI blocks on the result with no event loop of its own running.
        const WindowResult result = sampler.run(2000).result();
        QCOMPARE(result.rounds, 3); // at 0, 1 and 2 s
        QVERIFY(result.finishedMs - result.startedMs >= 2000);
        for (const SamplingTarget &t : targets) {
            // Rates need two rounds: present after a window of three.
            QVERIFY(latestOf(*result.store, t.name, Metric::KubeletRuntimeErrorsPerSec));
            const auto id = result.store->findNode(t.name);
            QVERIFY(id);
            const SeriesWindow w = result.store->query(
                *id, Metric::CpuPercent, result.startedMs - 1000, result.finishedMs + 1000);
            QCOMPARE(int(w.buckets.size()), 3);
        }
        QVERIFY(result.nodeProblems.isEmpty());
    }

    void windowSamplerDestroyedEarlyCancels() {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(test::accessFor(sim));
        QFuture<WindowResult> future;
        {
            WindowSampler sampler(&client, test::targetsOf(client), fastConfig());
            future = sampler.run(60000);
        }
        QVERIFY(future.isFinished());
        QVERIFY(future.isCanceled());
    }
};

QTEST_GUILESS_MAIN(TestSamplingEngine)
#include "tst_samplingengine.moc"
