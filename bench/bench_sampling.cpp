// The sampling engine at scale: a simulated cluster of N nodes (default 5,000) sampled every I
// seconds (default 10) for D seconds (default 120), Summary + kubelet metrics for every node and
// cAdvisor for 5 nodes in focus, as the window does. Prints the engine's CPU as % of one core
// (getrusage of this process: the simulator is a separate process), peak and final RSS,
// samples/s, round durations, and how late this (caller) thread's event loop ran, which is what
// a window on it would feel.
//
//   bench_sampling [--nodes N] [--interval S] [--duration S] [--sim PATH]
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"
#include "kube/types.h"
#include "metrics/metricstore.h"
#include "sampling/samplingengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace nt;

namespace {

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// VmRSS or VmHWM from /proc/self/status, in MiB.
double memoryMiB(const char *field) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field)) + 1).trimmed().split(' ').first().toDouble() /
                   1024.0;
    }
    return -1;
}

double percentile(std::vector<double> values, double q) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[size_t(q * double(values.size() - 1))];
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("nodes"), QStringLiteral("Simulated nodes."),
                      QStringLiteral("N"), QStringLiteral("5000")});
    parser.addOption({QStringLiteral("interval"), QStringLiteral("Sampling interval, seconds."),
                      QStringLiteral("S"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("duration"), QStringLiteral("How long to sample, seconds."),
                      QStringLiteral("S"), QStringLiteral("120")});
    parser.addOption({QStringLiteral("sim"), QStringLiteral("nodetriage-sim binary."),
                      QStringLiteral("PATH"),
                      QCoreApplication::applicationDirPath() + QStringLiteral("/nodetriage-sim")});
    parser.process(app);
    const int nodes = parser.value(QStringLiteral("nodes")).toInt();
    const int intervalS = parser.value(QStringLiteral("interval")).toInt();
    const int durationS = parser.value(QStringLiteral("duration")).toInt();

    QTemporaryDir dir;
    QProcess sim;
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sim.start(parser.value(QStringLiteral("sim")),
              {QStringLiteral("--nodes"), QString::number(nodes), QStringLiteral("--port"),
               QStringLiteral("0"), QStringLiteral("--kubeconfig-out"),
               dir.filePath(QStringLiteral("kubeconfig"))});
    QByteArray out;
    while (!out.contains('\n') && sim.waitForReadyRead(60000))
        out += sim.readAllStandardOutput();
    if (!out.startsWith("listening on")) {
        std::fprintf(stderr, "the simulator did not start: %s\n", out.constData());
        return 1;
    }
    auto config = Kubeconfig::load({dir.filePath(QStringLiteral("kubeconfig"))});
    if (!config) {
        std::fprintf(stderr, "kubeconfig: %s\n", qPrintable(config.error()));
        return 1;
    }
    auto access = config->resolve();
    if (!access) {
        std::fprintf(stderr, "kubeconfig: %s\n", qPrintable(access.error()));
        return 1;
    }
    KubeClient client(access.value());
    TypedList<Node> listed =
        client.listAs<Node>(QStringLiteral("/api/v1/nodes"), &Node::fromJson).result();
    QList<SamplingTarget> targets;
    for (const Node &n : listed.items)
        targets.append(samplingTargetFor(n));
    QStringList focus;
    for (int i = 0; i < std::min<int>(5, int(targets.size())); ++i)
        focus.append(targets.at(i).name);

    auto store = std::make_shared<MetricStore>();
    SamplingEngine engine(&client, store);
    SamplingConfig c;
    c.intervalMs = intervalS * 1000;
    engine.setConfig(c);
    engine.setTargets(targets);
    engine.setFocus(focus);

    std::vector<double> roundMs, lagMs;
    int failedNodes = 0;
    QObject::connect(&engine, &SamplingEngine::roundFinished, [&](const SamplingRound &r) {
        roundMs.push_back(double(r.finishedMs - r.startedMs));
        failedNodes = std::max(failedNodes, r.nodesFailed);
    });
    // This thread's event loop: a 10 ms timer that notes how late it fires.
    QElapsedTimer tick;
    tick.start();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout,
                     [&] { lagMs.push_back(std::max(0.0, double(tick.restart()) - 10.0)); });
    probe.start(10);

    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    engine.start();
    QTimer::singleShot(durationS * 1000, &app, &QCoreApplication::quit);
    app.exec();
    engine.stop();
    const double seconds = double(wall.elapsed()) / 1000.0;
    const double cpu = cpuSeconds() - cpu0;
    const SamplingStats stats = engine.stats();
    const StoreStats storeStats = store->stats();

    std::printf("nodes                 %d (listed %d)\n", nodes, int(targets.size()));
    std::printf("interval / duration   %d s / %.1f s\n", intervalS, seconds);
    std::printf("rounds                %llu (requests %llu, failed %llu, max in flight %d)\n",
                static_cast<unsigned long long>(stats.rounds),
                static_cast<unsigned long long>(stats.requests),
                static_cast<unsigned long long>(stats.failures), stats.maxInFlightSeen);
    std::printf("round duration        median %.0f ms, max %.0f ms\n", percentile(roundMs, 0.5),
                roundMs.empty() ? 0.0 : *std::max_element(roundMs.begin(), roundMs.end()));
    std::printf("engine CPU            %.1f %% of one core (%.2f s CPU)\n", 100.0 * cpu / seconds,
                cpu);
    std::printf("RSS                   %.0f MiB now, %.0f MiB peak\n", memoryMiB("VmRSS:"),
                memoryMiB("VmHWM:"));
    std::printf("samples stored        %llu (%.0f samples/s)\n",
                static_cast<unsigned long long>(stats.samplesStored),
                double(stats.samplesStored) / seconds);
    std::printf("store                 %d nodes, %d series, %.0f MiB\n", storeStats.nodes,
                storeStats.series, double(storeStats.bytes) / 1024.0 / 1024.0);
    std::printf("caller loop lag       p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                percentile(lagMs, 0.5), percentile(lagMs, 0.99),
                lagMs.empty() ? 0.0 : *std::max_element(lagMs.begin(), lagMs.end()));
    sim.terminate();
    sim.waitForFinished(10000);
    return 0;
}
