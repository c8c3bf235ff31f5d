// The node_exporter and Prometheus sources against the real programs (Debian packages
// prometheus-node-exporter and prometheus), started on 127.0.0.1 with free ports: the values make
// sense, write IOPS rise under a dd this test runs, and Prometheus' query and query_range
// backfill give values for the node. /proc over SSH against a real sshd (tests/ssh/sshdfixture.h)
// on 127.0.0.1, reading this machine's own /proc, with the same checks.
#include "metrics/metricstore.h"
#include "sampling/samplingengine.h"
#include "sshdfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>

using namespace nt;

namespace {

quint16 freePort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("no free port");
    return server.serverPort();
}

// A program of ours on loopback, stopped when the object goes away.
class Peer {
public:
    ~Peer() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    // Starts and waits (on its log, no sleeping) until `ready` appears in what it prints.
    bool start(const QString &program, const QStringList &args, const QByteArray &ready) {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(program, args);
        if (!m_process.waitForStarted(10000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (!m_log.contains(ready) && timer.elapsed() < 30000 &&
               m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(1000);
            m_log += m_process.readAll();
        }
        return m_log.contains(ready);
    }
    QByteArray log() { return m_log += m_process.readAll(); }

private:
    QProcess m_process;
    QByteArray m_log;
};

std::optional<double> latestOf(const MetricStore &store, const QString &node, Metric metric) {
    const auto id = store.findNode(node);
    if (!id)
        return std::nullopt;
    const auto v = store.latest(*id, metric);
    return v ? std::optional<double>(v->value) : std::nullopt;
}

// The whole disk a directory sits on, e.g. "vda" for /tmp on /dev/vda1 ("" if not a block device).
QString diskOf(const QString &dir) {
    struct stat st {};
    if (::stat(QFile::encodeName(dir).constData(), &st) != 0)
        return {};
    const QString sys =
        QStringLiteral("/sys/dev/block/%1:%2").arg(major(st.st_dev)).arg(minor(st.st_dev));
    const QFileInfo link(sys);
    if (!link.exists())
        return {};
    QString path = link.canonicalFilePath();
    if (QFileInfo::exists(path + QStringLiteral("/partition")))
        path = QFileInfo(path).path(); // the partition's parent is the disk
    return QFileInfo(path).fileName();
}

} // namespace

class TestSamplingPeers : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        qRegisterMetaType<SamplingRound>();
        qRegisterMetaType<SourceKind>();
        if (!QFileInfo::exists(QStringLiteral(NT_NODE_EXPORTER_BIN)))
            QSKIP("prometheus-node-exporter is not installed (Debian package "
                  "prometheus-node-exporter)");
    }

    void nodeExporterDirect() {
        Peer exporter;
        const quint16 port = freePort();
        QVERIFY2(exporter.start(QStringLiteral(NT_NODE_EXPORTER_BIN),
                                {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                                 QStringLiteral("--collector.processes")},
                                "Listening on"),
                 exporter.log().constData());
        const QString node = QStringLiteral("aks-local-vmss000000");
        SamplingConfig config;
        config.intervalMs = 1000;
        config.nodeExporterUrls.insert(
            node, QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)));
        auto store = std::make_shared<MetricStore>();
        SamplingEngine engine(nullptr, store); // node_exporter only: no cluster needed
        engine.setConfig(config);
        engine.setTargets({SamplingTarget{node, QStringLiteral("127.0.0.1"), 0, 0, {}}});
        QSignalSpy rounds(&engine, &SamplingEngine::roundFinished);
        QSignalSpy problems(&engine, &SamplingEngine::nodeProblem);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 3, 30000);

        const auto cpu = latestOf(*store, node, Metric::CpuPercent);
        QVERIFY(cpu && *cpu >= 0 && *cpu <= 100);
        const auto iowait = latestOf(*store, node, Metric::IowaitPercent);
        QVERIFY(iowait && *iowait >= 0 && *iowait <= 100);
        const auto memory = latestOf(*store, node, Metric::MemoryPercent);
        QVERIFY(memory && *memory > 0 && *memory < 100);
        const auto pids = latestOf(*store, node, Metric::PidsUsed);
        const auto pidMax = latestOf(*store, node, Metric::PidsMax);
        QVERIFY2(pids && *pids > 0, "--collector.processes gives node_processes_pids");
        QVERIFY(pidMax && *pidMax > *pids);
        QVERIFY(latestOf(*store, node, Metric::Load1PerCore));
        QCOMPARE(problems.count(), 0);

        // The disk under a temporary directory, and write IOPS rising while dd writes to it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString disk = diskOf(dir.path());
        if (disk.isEmpty())
            QSKIP("the temporary directory is not on a block device (tmpfs?)");
        const auto id = store->findNode(node);
        QVERIFY(id);
        const qint64 beforeDd = QDateTime::currentMSecsSinceEpoch();
        const SeriesWindow baseline =
            store->query(*id, Metric::WriteIops, beforeDd - 10000, beforeDd);
        QVERIFY2(!baseline.buckets.empty(), qPrintable(disk));
        double baselineMax = 0;
        for (const Bucket &b : baseline.buckets)
            baselineMax = std::max<double>(baselineMax, b.max);

        QProcess dd;
        dd.start(QStringLiteral("dd"),
                 {QStringLiteral("if=/dev/zero"),
                  QStringLiteral("of=%1").arg(dir.filePath(QStringLiteral("dd.bin"))),
                  QStringLiteral("bs=4k"), QStringLiteral("count=20000"),
                  QStringLiteral("oflag=direct")});
        QVERIFY(dd.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(dd.state() == QProcess::NotRunning, 120000);
        QCOMPARE(dd.exitCode(), 0);
        const int roundsAfterDd = int(rounds.count());
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= roundsAfterDd + 2, 10000);
        engine.stop();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        const SeriesWindow during = store->query(*id, Metric::WriteIops, beforeDd, after);
        double duringMax = 0, writes = 0;
        for (const Bucket &b : during.buckets) {
            duringMax = std::max<double>(duringMax, b.max);
            writes += b.mean; // 1 s buckets, one round a second: IOPS x 1 s
        }
        QVERIFY2(duringMax > baselineMax,
                 qPrintable(QStringLiteral("%1 <= %2").arg(duringMax).arg(baselineMax)));
        // dd's 20,000 direct writes show up in the integrated rate (other writers only add).
        QVERIFY2(writes >= 0.7 * 20000, qPrintable(QString::number(writes)));
        const auto util = latestOf(*store, node, Metric::DiskUtilPercent);
        QVERIFY(util && *util >= 0 && *util <= 100);
    }

    void procOverSsh() {
        if (!QFileInfo::exists(QStringLiteral("/usr/sbin/sshd")))
            QSKIP("sshd is not installed (Debian package openssh-server)");
        nt::test::SshdFixture sshd;
        const QString key = sshd.addUserKey(QStringLiteral("id_ed25519"));
        QVERIFY(!key.isEmpty());
        QVERIFY(sshd.start());
        SshConnectOptions options;
        options.target = {QStringLiteral("127.0.0.1"), QStringLiteral("root"), sshd.port(), {key}};
        options.unknownHostKey = UnknownHostKeyPolicy::AcceptOnce;
        options.knownHostsFile = sshd.path(QStringLiteral("known_hosts"));
        options.useAgent = false;

        const QString node = QStringLiteral("aks-ssh-vmss000000");
        SamplingConfig config;
        config.intervalMs = 1000;
        config.kubeletSummary = config.kubeletMetrics = config.cadvisorForFocus =
            config.nodeMetricsFallback = false;
        config.procOverSsh.insert(node, options);
        auto store = std::make_shared<MetricStore>();
        SamplingEngine engine(nullptr, store); // /proc over SSH only: no cluster needed
        engine.setConfig(config);
        engine.setTargets({SamplingTarget{node, QStringLiteral("127.0.0.1"), 0, 0, {}}});
        QSignalSpy rounds(&engine, &SamplingEngine::roundFinished);
        QSignalSpy problems(&engine, &SamplingEngine::nodeProblem);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 3, 60000);
        QVERIFY2(problems.isEmpty(),
                 problems.isEmpty() ? "" : qPrintable(problems.first().at(1).toString()));
        QCOMPARE(engine.nodeStates().value(0).sources, QList<SourceKind>{SourceKind::ProcOverSsh});

        const auto cpu = latestOf(*store, node, Metric::CpuPercent);
        QVERIFY(cpu && *cpu >= 0 && *cpu <= 100);
        const auto iowait = latestOf(*store, node, Metric::IowaitPercent);
        QVERIFY(iowait && *iowait >= 0 && *iowait <= 100);
        const auto memory = latestOf(*store, node, Metric::MemoryPercent);
        QVERIFY(memory && *memory > 0 && *memory < 100);
        const auto pids = latestOf(*store, node, Metric::PidsUsed);
        const auto pidMax = latestOf(*store, node, Metric::PidsMax);
        QVERIFY(pids && *pids > 0);
        QVERIFY(pidMax && *pidMax > *pids);
        QVERIFY(latestOf(*store, node, Metric::Load1PerCore));
        if (QFileInfo::exists(QStringLiteral("/proc/pressure/io"))) {
            const auto psi = latestOf(*store, node, Metric::PsiIoSomeAvg10);
            QVERIFY(psi && *psi >= 0 && *psi <= 100);
        }

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString disk = diskOf(dir.path());
        if (disk.isEmpty())
            QSKIP("the temporary directory is not on a block device (tmpfs?)");
        const auto id = store->findNode(node);
        QVERIFY(id);
        const qint64 beforeDd = QDateTime::currentMSecsSinceEpoch();
        const SeriesWindow baseline =
            store->query(*id, Metric::WriteIops, beforeDd - 10000, beforeDd);
        QVERIFY2(!baseline.buckets.empty(), qPrintable(disk));
        double baselineMax = 0;
        for (const Bucket &b : baseline.buckets)
            baselineMax = std::max<double>(baselineMax, b.max);
        QProcess dd;
        dd.start(QStringLiteral("dd"),
                 {QStringLiteral("if=/dev/zero"),
                  QStringLiteral("of=%1").arg(dir.filePath(QStringLiteral("dd.bin"))),
                  QStringLiteral("bs=4k"), QStringLiteral("count=20000"),
                  QStringLiteral("oflag=direct")});
        QVERIFY(dd.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(dd.state() == QProcess::NotRunning, 120000);
        QCOMPARE(dd.exitCode(), 0);
        const int roundsAfterDd = int(rounds.count());
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= roundsAfterDd + 2, 20000);
        engine.stop();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        const SeriesWindow during = store->query(*id, Metric::WriteIops, beforeDd, after);
        double duringMax = 0, writes = 0;
        qint64 previousMs = 0;
        for (const Bucket &b : during.buckets) {
            duringMax = std::max<double>(duringMax, b.max);
            // Rounds may be more than a second apart on a loaded machine: IOPS x the gap.
            const qint64 spanMs = previousMs ? b.timeMs - previousMs : 1000;
            writes += b.mean * double(spanMs) / 1000.0;
            previousMs = b.timeMs;
        }
        QVERIFY2(duringMax > baselineMax,
                 qPrintable(QStringLiteral("%1 <= %2").arg(duringMax).arg(baselineMax)));
        // dd's 20,000 direct writes show up in the integrated rate (other writers only add).
        QVERIFY2(writes >= 0.7 * 20000, qPrintable(QString::number(writes)));
        const auto util = latestOf(*store, node, Metric::DiskUtilPercent);
        QVERIFY(util && *util >= 0 && *util <= 100);
    }

    void prometheusQueryAndBackfill() {
        if (!QFileInfo::exists(QStringLiteral(NT_PROMETHEUS_BIN)))
            QSKIP("prometheus is not installed (Debian package prometheus)");
        Peer exporter;
        const quint16 exporterPort = freePort();
        QVERIFY2(
            exporter.start(QStringLiteral(NT_NODE_EXPORTER_BIN),
                           {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(exporterPort),
                            QStringLiteral("--collector.processes")},
                           "Listening on"),
            exporter.log().constData());
        QTemporaryDir dir;
        QFile config(dir.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                                    "scrape_configs:\n"
                                    "  - job_name: node\n"
                                    "    static_configs: [{targets: ['127.0.0.1:%1']}]\n")
                         .arg(exporterPort)
                         .toUtf8());
        config.close();
        Peer prometheus;
        const quint16 port = freePort();
        QVERIFY2(
            prometheus.start(
                QStringLiteral(NT_PROMETHEUS_BIN),
                {QStringLiteral("--config.file=%1").arg(config.fileName()),
                 QStringLiteral("--storage.tsdb.path=%1").arg(dir.filePath(QStringLiteral("tsdb"))),
                 QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)},
                "Server is ready to receive web requests."),
            prometheus.log().constData());

        // Targets as the cluster names them; the instance 127.0.0.1:PORT is mapped by
        // InternalIP for one, by node_uname_info's nodename for the other.
        const QString byIp = QStringLiteral("aks-byip-vmss000000");
        const QString byName = QHostInfo::localHostName();
        SamplingConfig c;
        c.intervalMs = 1000;
        c.prometheusUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        c.prometheusBearerToken = QStringLiteral("not-a-real-token");
        c.prometheusBackfill = false;
        c.kubeletSummary = c.kubeletMetrics = c.cadvisorForFocus = c.nodeMetricsFallback = false;

        {
            auto store = std::make_shared<MetricStore>();
            SamplingEngine engine(nullptr, store);
            engine.setConfig(c);
            engine.setTargets({SamplingTarget{byIp, QStringLiteral("127.0.0.1"), 0, 0, {}}});
            QSignalSpy sources(&engine, &SamplingEngine::sourceProblem);
            QSignalSpy firstRounds(&engine, &SamplingEngine::roundFinished);
            engine.start();
            // Rates need two scrapes inside the window: wait for them, round by round.
            QTRY_VERIFY_WITH_TIMEOUT(latestOf(*store, byIp, Metric::CpuPercent), 60000);
            QTRY_VERIFY_WITH_TIMEOUT(latestOf(*store, byIp, Metric::WriteIops), 30000);
            // A few more rounds, so that Prometheus holds seconds of history for the backfill.
            const int seen = int(firstRounds.count());
            QTRY_VERIFY_WITH_TIMEOUT(firstRounds.count() >= seen + 5, 30000);
            engine.stop();
            const auto cpu = latestOf(*store, byIp, Metric::CpuPercent);
            QVERIFY(*cpu >= 0 && *cpu <= 100);
            const auto memory = latestOf(*store, byIp, Metric::MemoryPercent);
            QVERIFY(memory && *memory > 0 && *memory < 100);
            const auto pids = latestOf(*store, byIp, Metric::PidsUsed);
            QVERIFY(pids && *pids > 0);
            QVERIFY(*latestOf(*store, byIp, Metric::WriteIops) >= 0);
            QCOMPARE(sources.count(), 0);
        }

        // Backfill: a new engine's store starts with what Prometheus already holds.
        c.prometheusBackfill = true;
        c.prometheusStepSeconds = 1;
        auto store = std::make_shared<MetricStore>();
        SamplingEngine engine(nullptr, store);
        engine.setConfig(c);
        engine.setTargets({SamplingTarget{byName, QStringLiteral("10.9.9.9"), 0, 0, {}}});
        QSignalSpy backfill(&engine, &SamplingEngine::backfillFinished);
        QSignalSpy rounds(&engine, &SamplingEngine::roundFinished);
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        engine.start();
        QVERIFY(backfill.wait(30000));
        QCOMPARE(backfill.first().at(2).toString(), QString());
        QCOMPARE(backfill.first().at(0).toInt(), 1);
        QVERIFY(backfill.first().at(1).toInt() > 0);
        QCOMPARE(rounds.count(), 0); // backfill comes before the first round
        const auto id = store->findNode(byName);
        QVERIFY(id);
        // The last minute (1 s buckets): Prometheus has scraped every second for a few seconds.
        const SeriesWindow history =
            store->query(*id, Metric::MemoryPercent, started - 60 * 1000, started);
        QCOMPARE(history.resolutionMs, qint64(1000));
        QVERIFY2(history.buckets.size() >= 2, "history from before the engine started");
        for (const Bucket &b : history.buckets)
            QVERIFY(b.max > 0 && b.max < 100);
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 1, 10000);
        engine.stop();
        QVERIFY(latestOf(*store, byName, Metric::CpuPercent));
    }

    void unreachablePrometheusIsOneProblem() {
        SamplingConfig c;
        c.intervalMs = 1000;
        c.prometheusUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freePort()));
        c.prometheusBackfill = false;
        auto store = std::make_shared<MetricStore>();
        SamplingEngine engine(nullptr, store);
        engine.setConfig(c);
        engine.setTargets(
            {SamplingTarget{QStringLiteral("n1"), QStringLiteral("127.0.0.1"), 0, 0, {}}});
        QSignalSpy rounds(&engine, &SamplingEngine::roundFinished);
        QSignalSpy sources(&engine, &SamplingEngine::sourceProblem);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 3, 20000);
        engine.stop();
        QCOMPARE(sources.count(), 1);
        QCOMPARE(sources.first().at(0).value<SourceKind>(), SourceKind::Prometheus);
        const QString message = sources.first().at(1).toString();
        QVERIFY2(message.contains(c.prometheusUrl.toString()), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestSamplingPeers)
#include "tst_samplingpeers.moc"
