// How each source turns what its peer says into gauges, on exact inputs: absent fields stay
// absent, counters become rates across restarts, the root cgroup's whole disks are summed once.
// (The same sources against their real peers: tst_samplingengine, tst_samplingpeers.)
// The /proc-over-SSH fixtures data/proc-a.txt and proc-b.txt are this machine's /proc as the
// source's command printed it, two seconds apart with a 2,000-write `dd oflag=direct` between.
#include "sampling/cadvisorsource.h"
#include "sampling/diskrates.h"
#include "sampling/kubeletmetricssource.h"
#include "sampling/kubeletsummarysource.h"
#include "sampling/nodeexportersource.h"
#include "sampling/procsshsource.h"

#include <QtTest>

using namespace nt;

namespace {

std::optional<double> find(const std::vector<Gauge> &gauges, Metric metric) {
    for (const Gauge &g : gauges) {
        if (g.metric == metric)
            return g.value;
    }
    return std::nullopt;
}

QByteArray kubeletScrape(double started, double errors, double evictions, double le01, double inf) {
    return QStringLiteral(
               "# TYPE kubelet_runtime_operations_errors_total counter\n"
               "kubelet_runtime_operations_errors_total{operation_type=\"exec_sync\"} %2\n"
               "kubelet_runtime_operations_errors_total{operation_type=\"pull_image\"} 1\n"
               "# TYPE kubelet_evictions counter\n"
               "kubelet_evictions{eviction_signal=\"memory.available\"} %3\n"
               "# TYPE kubelet_pleg_relist_duration_seconds histogram\n"
               "kubelet_pleg_relist_duration_seconds_bucket{le=\"0.1\"} %4\n"
               "kubelet_pleg_relist_duration_seconds_bucket{le=\"10\"} %5\n"
               "kubelet_pleg_relist_duration_seconds_bucket{le=\"+Inf\"} %5\n"
               "kubelet_pleg_relist_duration_seconds_sum 1\n"
               "kubelet_pleg_relist_duration_seconds_count %5\n"
               "kubelet_running_pods 12\n"
               "process_start_time_seconds %1\n")
        .arg(started, 0, 'f', 0)
        .arg(errors)
        .arg(evictions)
        .arg(le01)
        .arg(inf)
        .toUtf8();
}

} // namespace

class TestSamplingDecode : public QObject {
    Q_OBJECT
private slots:
    void summaryFull() {
        const QByteArray body = R"({"node":{"nodeName":"n1",
            "cpu":{"usageNanoCores":1000000000,"psi":{"some":{"avg10":1.5}}},
            "memory":{"workingSetBytes":2147483648,"psi":{"some":{"avg10":0.5},"full":{"avg10":0.25}}},
            "fs":{"usedBytes":25,"capacityBytes":100},
            "rlimit":{"curproc":500,"maxpid":1000},
            "io":{"psi":{"some":{"avg10":3},"full":{"avg10":2}}}}})";
        SamplingTarget t{QStringLiteral("n1"), {}, 4.0, 8.0 * 1024 * 1024 * 1024, {}};
        std::vector<Gauge> out;
        QCOMPARE(KubeletSummarySource::decodeSummary(body, t, out), QString());
        QCOMPARE(*find(out, Metric::CpuPercent), 25.0); // 1 core of 4 allocatable
        QCOMPARE(*find(out, Metric::MemoryPercent), 25.0);
        QCOMPARE(*find(out, Metric::MemoryWorkingSetBytes), 2147483648.0);
        QCOMPARE(*find(out, Metric::FsPercent), 25.0);
        QCOMPARE(*find(out, Metric::PidsUsed), 500.0);
        QCOMPARE(*find(out, Metric::PidsMax), 1000.0);
        QCOMPARE(*find(out, Metric::PidPercent), 50.0);
        QCOMPARE(*find(out, Metric::PsiCpuSomeAvg10), 1.5);
        QCOMPARE(*find(out, Metric::PsiMemorySomeAvg10), 0.5);
        QCOMPARE(*find(out, Metric::PsiMemoryFullAvg10), 0.25);
        QCOMPARE(*find(out, Metric::PsiIoSomeAvg10), 3.0);
        QCOMPARE(*find(out, Metric::PsiIoFullAvg10), 2.0);
    }

    void summaryAbsentStaysAbsent() {
        // An older kubelet: no PSI, no rlimit; and the node's allocatable is unknown.
        const QByteArray body =
            R"({"node":{"cpu":{"usageNanoCores":5},"memory":{"workingSetBytes":7}}})";
        SamplingTarget t{QStringLiteral("n1"), {}, 0, 0, {}};
        std::vector<Gauge> out;
        QCOMPARE(KubeletSummarySource::decodeSummary(body, t, out), QString());
        QCOMPARE(out.size(), size_t(1)); // only the working set
        QCOMPARE(*find(out, Metric::MemoryWorkingSetBytes), 7.0);
        QVERIFY(!find(out, Metric::CpuPercent));
        QVERIFY(!find(out, Metric::PidsUsed));
        QVERIFY(!find(out, Metric::PsiCpuSomeAvg10));
    }

    void summaryGarbageNamesTheNode() {
        std::vector<Gauge> out;
        const QString error = KubeletSummarySource::decodeSummary(
            "<html>", SamplingTarget{QStringLiteral("aks-x-1"), {}, 1, 1, {}}, out);
        QVERIFY(error.contains(QLatin1String("aks-x-1")));
        QVERIFY(out.empty());
    }

    // The Summary reader is a SAX pass that stops when "node" closes: what comes before it is
    // read (pods first, numbers with the same names elsewhere ignored), broken JSON before or
    // inside "node" and a Summary without "node" are refused with the node's name.
    void summaryReaderEdges() {
        const SamplingTarget t{QStringLiteral("aks-y-2"), {}, 2.0, 0, {}};
        {
            std::vector<Gauge> out;
            const QByteArray body = R"({"pods":[{"cpu":{"usageNanoCores":9e9},
                "rlimit":{"curproc":1}}],"usageNanoCores":7,
                "node":{"systemContainers":[{"cpu":{"usageNanoCores":8e9}}],
                "cpu":{"usageNanoCores":500000000,"psi":{"some":{"avg10":4}}},
                "rlimit":{"curproc":40,"maxpid":400}}})";
            QCOMPARE(KubeletSummarySource::decodeSummary(body, t, out), QString());
            QCOMPARE(*find(out, Metric::CpuPercent), 25.0); // 0.5 of 2 cores, not 8 or 9
            QCOMPARE(*find(out, Metric::PidsUsed), 40.0);
            QCOMPARE(*find(out, Metric::PidPercent), 10.0);
            QCOMPARE(*find(out, Metric::PsiCpuSomeAvg10), 4.0);
            QVERIFY(!find(out, Metric::MemoryWorkingSetBytes));
        }
        for (const QByteArray &bad :
             {QByteArray(R"({"node":{"cpu":{"usageNanoCores":5)"), // cut inside "node"
              QByteArray(R"([{"node":{}}])"),                       // not an object at the top
              QByteArray(R"({"pods":[],"nodes":{}})"),              // no "node"
              QByteArray(R"({"pods":[}, "node":{}})"), QByteArray()}) {
            std::vector<Gauge> out;
            const QString error = KubeletSummarySource::decodeSummary(bad, t, out);
            QVERIFY2(error.contains(QLatin1String("aks-y-2")), bad.constData());
            QVERIFY(out.empty());
        }
    }

    void kubeletRatesAcrossRestart() {
        KubeletMetricsSource::NodeState state;
        std::vector<Gauge> out;
        const qint64 t0 = 1'800'000'000'000;
        const double started = 1'799'990'000; // 10,000 s before t0
        QCOMPARE(KubeletMetricsSource::decodeScrape(kubeletScrape(started, 10, 4, 100, 100),
                                                    QStringLiteral("n1"), t0, state, out),
                 QString());
        QCOMPARE(*find(out, Metric::KubeletUptimeSeconds), 10000.0);
        QCOMPARE(*find(out, Metric::KubeletRunningPods), 12.0);
        QVERIFY(!find(out, Metric::KubeletRuntimeErrorsPerSec)); // first scrape: no rate yet
        QVERIFY(!find(out, Metric::KubeletPlegRelistP99Seconds));

        // 10 s later: 20 more errors (2/s), 1 eviction; 100 relists, 10 of them slow.
        out.clear();
        KubeletMetricsSource::decodeScrape(kubeletScrape(started, 30, 5, 190, 200),
                                           QStringLiteral("n1"), t0 + 10000, state, out);
        QCOMPARE(*find(out, Metric::KubeletRuntimeErrorsPerSec), 2.0);
        QCOMPARE(*find(out, Metric::KubeletEvictionsPerSec), 0.1);
        const double p99 = *find(out, Metric::KubeletPlegRelistP99Seconds);
        QVERIFY2(p99 > 0.1 && p99 <= 10, qPrintable(QString::number(p99))); // the slow 10%

        // The kubelet restarted 5 s ago: uptime drops, counters start again from 0.
        out.clear();
        KubeletMetricsSource::decodeScrape(kubeletScrape(double(t0) / 1000 + 15, 3, 0, 1, 1),
                                           QStringLiteral("n1"), t0 + 20000, state, out);
        QCOMPARE(*find(out, Metric::KubeletUptimeSeconds), 5.0);
        QCOMPARE(*find(out, Metric::KubeletRuntimeErrorsPerSec), (3.0 + 1.0) / 10.0);
        QVERIFY(find(out, Metric::KubeletPlegRelistP99Seconds)); // from the new counts alone
    }

    void wholeDisks_data() {
        QTest::addColumn<QString>("device");
        QTest::addColumn<bool>("whole");
        QTest::addRow("sda") << QStringLiteral("/dev/sda") << true;
        QTest::addRow("sda1") << QStringLiteral("/dev/sda1") << false;
        QTest::addRow("vda") << QStringLiteral("vda") << true;
        QTest::addRow("xvdb") << QStringLiteral("xvdb") << true;
        QTest::addRow("nvme0n1") << QStringLiteral("nvme0n1") << true;
        QTest::addRow("nvme0n1p2") << QStringLiteral("nvme0n1p2") << false;
        QTest::addRow("mmcblk0") << QStringLiteral("mmcblk0") << true;
        QTest::addRow("mmcblk0p1") << QStringLiteral("mmcblk0p1") << false;
        QTest::addRow("dm-0") << QStringLiteral("dm-0") << false;
        QTest::addRow("md0") << QStringLiteral("md0") << false;
        QTest::addRow("loop3") << QStringLiteral("loop3") << false;
        QTest::addRow("zram0") << QStringLiteral("zram0") << false;
        QTest::addRow("empty") << QString() << false;
    }
    void wholeDisks() {
        QFETCH(QString, device);
        QFETCH(bool, whole);
        const std::string d = device.toStdString();
        QCOMPARE(isWholeDisk(d), whole);
    }

    void cadvisorRootCgroupDisks() {
        // Two disks and a partition of the first (not counted twice), a container's own
        // series (not the node's), cAdvisor's timestamps used for the interval.
        auto scrape = [](int reads, int writes, double io, double weighted, double psi, qint64 ts) {
            const long long t = ts;
            return QString::asprintf(
                       "container_fs_reads_total{device=\"/dev/sda\",id=\"/\"} %d %lld\n"
                       "container_fs_writes_total{device=\"/dev/sda\",id=\"/\"} %d %lld\n"
                       "container_fs_reads_bytes_total{device=\"/dev/sda\",id=\"/\"} %d %lld\n"
                       "container_fs_writes_bytes_total{device=\"/dev/sda\",id=\"/\"} %d %lld\n"
                       "container_fs_io_time_seconds_total{device=\"/dev/sda\",id=\"/\"} %g %lld\n"
                       "container_fs_io_time_weighted_seconds_total{device=\"/dev/sda\",id=\"/\"} "
                       "%g %lld\n"
                       "container_fs_writes_total{device=\"/dev/sda1\",id=\"/\"} %d %lld\n"
                       "container_fs_writes_total{device=\"/dev/sdb\",id=\"/\"} %d %lld\n"
                       "container_fs_writes_total{device=\"/dev/sda\",id=\"/kubepods/x\"} 9e9 "
                       "%lld\n"
                       "container_pressure_io_waiting_seconds_total{id=\"/\"} %g %lld\n",
                       reads, t, writes, t, reads * 1000, t, writes * 1000, t, io, t, weighted, t,
                       writes, t, writes, t, t, psi, t)
                .toUtf8();
        };
        CadvisorSource::NodeState state;
        std::vector<Gauge> out;
        const qint64 t0 = 1'800'000'000'000;
        QCOMPARE(CadvisorSource::decodeScrape(scrape(100, 200, 10, 20, 1, t0), QStringLiteral("n1"),
                                              t0 + 999, state, out),
                 QString());
        QVERIFY(out.empty()); // counters only: nothing before the second scrape
        CadvisorSource::decodeScrape(scrape(150, 400, 15, 40, 2, t0 + 10000), QStringLiteral("n1"),
                                     t0 + 12345, state, out);
        QCOMPARE(*find(out, Metric::ReadIops), 5.0);
        QCOMPARE(*find(out, Metric::WriteIops), 40.0); // sda 20/s + sdb 20/s, not sda1
        QCOMPARE(*find(out, Metric::ReadBytesPerSec), 5000.0);
        QCOMPARE(*find(out, Metric::WriteBytesPerSec), 20000.0);
        QCOMPARE(*find(out, Metric::DiskUtilPercent), 50.0); // 5 s busy in 10 s
        QCOMPARE(*find(out, Metric::QueueDepth), 2.0);
        QCOMPARE(*find(out, Metric::AvgIoSizeBytes), (5000.0 + 20000.0) / (5.0 + 40.0));
        QCOMPARE(*find(out, Metric::PsiIoSomeAvg10), 10.0); // 1 s stalled in 10 s
        QVERIFY(!find(out, Metric::PsiCpuSomeAvg10));       // not reported: absent
    }

    void nodeExporterCpuAndMemory() {
        auto scrape = [](double idle0, double idle1, double user, double iowait) {
            return QStringLiteral("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} %1\n"
                                  "node_cpu_seconds_total{cpu=\"1\",mode=\"idle\"} %2\n"
                                  "node_cpu_seconds_total{cpu=\"0\",mode=\"user\"} %3\n"
                                  "node_cpu_seconds_total{cpu=\"0\",mode=\"iowait\"} %4\n"
                                  "node_memory_MemTotal_bytes 1000\n"
                                  "node_memory_MemAvailable_bytes 250\n"
                                  "node_load1 3\n"
                                  "node_processes_pids 300\n"
                                  "node_processes_max_processes 3000\n")
                .arg(idle0)
                .arg(idle1)
                .arg(user)
                .arg(iowait)
                .toUtf8();
        };
        NodeExporterSource::NodeState state;
        std::vector<Gauge> out;
        const qint64 t0 = 1'800'000'000'000;
        NodeExporterSource::decodeScrape(scrape(100, 100, 50, 0), QStringLiteral("n1"), t0, state,
                                         out);
        QVERIFY(!find(out, Metric::CpuPercent));
        QCOMPARE(*find(out, Metric::MemoryPercent), 75.0);
        QCOMPARE(*find(out, Metric::Load1PerCore), 1.5);
        QCOMPARE(*find(out, Metric::PidPercent), 10.0);
        QVERIFY(!find(out, Metric::FsPercent)); // no filesystem series: absent
        out.clear();
        // 10 s on 2 CPUs: idle 5 + 5, iowait 2 -> busy = 1 - (12 / 10) / 2 = 40 %.
        NodeExporterSource::decodeScrape(scrape(105, 105, 58, 2), QStringLiteral("n1"), t0 + 10000,
                                         state, out);
        QCOMPARE(*find(out, Metric::CpuPercent), 40.0);
        QCOMPARE(*find(out, Metric::IowaitPercent), 10.0);
    }

    void procOverSshFromCapturedProc() {
        auto read = [](const char *name) {
            QFile f(QStringLiteral(NT_PROC_FIXTURES "/") + QLatin1String(name));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray a = read("proc-a.txt"), b = read("proc-b.txt");
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        ProcSshSource::NodeState state;
        std::vector<Gauge> out;
        const qint64 t0 = 1'800'000'000'000;
        QVERIFY(ProcSshSource::decodeProc(a, QStringLiteral("n1"), t0, state, out).isEmpty());
        // One reading: gauges only, no rate yet (absent, not 0).
        QVERIFY(!find(out, Metric::CpuPercent));
        QVERIFY(!find(out, Metric::WriteIops));
        // MemTotal 24684092 kB, MemAvailable 20611612 kB.
        QCOMPARE(*find(out, Metric::MemoryPercent), (1.0 - 20611612.0 / 24684092.0) * 100.0);
        QCOMPARE(*find(out, Metric::MemoryWorkingSetBytes), (24684092.0 - 20611612.0) * 1024.0);
        // loadavg "11.50 11.84 10.72 14/177 24844", pid_max 32768, 2 CPUs.
        QCOMPARE(*find(out, Metric::PidsUsed), 177.0);
        QCOMPARE(*find(out, Metric::PidsMax), 32768.0);
        QCOMPARE(*find(out, Metric::PidPercent), 177.0 / 32768.0 * 100.0);
        QCOMPARE(*find(out, Metric::Load1PerCore), 11.5 / 2);
        QCOMPARE(*find(out, Metric::PsiCpuSomeAvg10), 98.34);
        QCOMPARE(*find(out, Metric::PsiIoSomeAvg10), 0.64);
        QCOMPARE(*find(out, Metric::PsiMemoryFullAvg10), 0.0); // reported as 0.00: a real 0

        out.clear();
        QVERIFY(
            ProcSshSource::decodeProc(b, QStringLiteral("n1"), t0 + 10000, state, out).isEmpty());
        // /proc/stat cpu: user +415, system +64, softirq +1, steal +1 ticks; idle, iowait +0.
        QCOMPARE(*find(out, Metric::CpuPercent), (1.0 - 1.0 / 481.0) * 100.0);
        QCOMPARE(*find(out, Metric::IowaitPercent), 0.0);
        // vda (zram0 and loop* are not whole disks): writes +2024, sectors written +44360,
        // reads +5, sectors read +96, io_ms +124, weighted io_ms +251, over 10 s.
        QCOMPARE(*find(out, Metric::WriteIops), 202.4);
        QCOMPARE(*find(out, Metric::ReadIops), 0.5);
        QCOMPARE(*find(out, Metric::WriteBytesPerSec), 44360.0 * 512 / 10);
        QCOMPARE(*find(out, Metric::ReadBytesPerSec), 96.0 * 512 / 10);
        QCOMPARE(*find(out, Metric::DiskUtilPercent), 1.24);
        QCOMPARE(*find(out, Metric::QueueDepth), 0.0251);
        QCOMPARE(*find(out, Metric::AvgIoSizeBytes), (44360.0 + 96.0) * 512 / (2024 + 5));

        // The node rebooted: every counter is lower than before. Rates count from 0 (a reset),
        // never negative, and CPU stays a percentage.
        out.clear();
        QVERIFY(
            ProcSshSource::decodeProc(a, QStringLiteral("n1"), t0 + 20000, state, out).isEmpty());
        const auto cpu = find(out, Metric::CpuPercent);
        QVERIFY(cpu && *cpu >= 0 && *cpu <= 100);
        for (Metric m : {Metric::WriteIops, Metric::ReadIops, Metric::WriteBytesPerSec,
                         Metric::DiskUtilPercent, Metric::QueueDepth}) {
            const auto v = find(out, m);
            QVERIFY2(v && *v >= 0, metricKey(m).data());
        }
    }

    void procOverSshWithoutPsiOrGarbage() {
        // A kernel without PSI: grep -s prints nothing for /proc/pressure, and PSI is absent.
        const QByteArray noPsi = "/proc/stat:cpu  10 0 10 80 0 0 0 0 0 0\n"
                                 "/proc/stat:cpu0 10 0 10 80 0 0 0 0 0 0\n"
                                 "/proc/loadavg:0.50 0.40 0.30 1/90 123\n";
        ProcSshSource::NodeState state;
        std::vector<Gauge> out;
        QVERIFY(ProcSshSource::decodeProc(noPsi, QStringLiteral("n1"), 1000, state, out).isEmpty());
        QVERIFY(!find(out, Metric::PsiIoSomeAvg10));
        QVERIFY(!find(out, Metric::MemoryPercent));
        QVERIFY(!find(out, Metric::PidPercent)); // no pid_max: no percentage
        QCOMPARE(*find(out, Metric::PidsUsed), 90.0);
        // Something that is not the command's output: one sentence naming the node.
        const QString error = ProcSshSource::decodeProc(
            "bash: grep: command not found\n", QStringLiteral("aks-x-1"), 2000, state, out);
        QVERIFY(error.contains(QStringLiteral("aks-x-1")));
        QVERIFY(error.contains(QStringLiteral("/proc/stat")));
    }
};

QTEST_GUILESS_MAIN(TestSamplingDecode)
#include "tst_samplingdecode.moc"
