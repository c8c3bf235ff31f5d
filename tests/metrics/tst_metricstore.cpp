// The multi-resolution store: ring wrap, roll-ups keeping min/max/mean, window queries choosing
// the finest tier, decimated peaks, absent values, the memory budget, and a writer thread
// racing readers (clean under -fsanitize=thread and -fsanitize=address,undefined).
#include "metrics/metricstore.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

using namespace nt;

using Values = QList<float>;
Q_DECLARE_METATYPE(Values)

namespace {

constexpr qint64 dayStartMs = 1795478400000; // 2026-11-24T00:00:00Z, a whole day boundary
constexpr qint64 second = 1000;

StoreConfig smallConfig() {
    StoreConfig c;
    c.tiers = {{1, 10}, {5, 4}};
    return c;
}

void feed(MetricStore &store, NodeId node, Metric metric, qint64 fromMs, int count,
          const std::function<double(int)> &value) {
    std::vector<StoreSample> batch;
    batch.reserve(size_t(count));
    for (int i = 0; i < count; ++i)
        batch.push_back({node, metric, fromMs + i * second, value(i)});
    QCOMPARE(store.ingest(batch), count);
}

} // namespace

class TstMetricStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void absentStaysAbsent();
    void latestValue();
    void nodeRegistry();
    void ringWrapKeepsNewest();
    void longGapLeavesNoStaleValues();
    void rollUp_data();
    void rollUp();
    void windowChoosesFinestTier_data();
    void windowChoosesFinestTier();
    void spikeInADaySurvivesDecimation();
    void outOfOrderAndNonFiniteRejected();
    void budgetRefusesNewSeries();
    void concurrentIngestAndQuery();
    void codesKeepValuesWithinAStep();
    void memoryGrowsWithDataAndConstantsCostNoCodes();
    void tiersSizedToTheInterval();
};

void TstMetricStore::absentStaysAbsent() {
    MetricStore store;
    const NodeId node = store.addNode(QStringLiteral("aks-nodepool1-0"));
    QVERIFY(!store.latest(node, Metric::CpuPercent));
    QVERIFY(store.query(node, Metric::CpuPercent, 0, dayStartMs).buckets.empty());
    QCOMPARE(store.query(node, Metric::CpuPercent, 0, dayStartMs).resolutionMs, qint64(0));

    const StoreSample cpu[] = {{node, Metric::CpuPercent, dayStartMs, 12.5}};
    QCOMPARE(store.ingest(cpu), 1);
    QVERIFY(store.latest(node, Metric::CpuPercent));
    // Other metrics of the same node were never reported: still absent, not 0.
    QVERIFY(!store.latest(node, Metric::PsiIoFullAvg10));
    QVERIFY(store.queryDecimated(node, Metric::PsiIoFullAvg10, 0, dayStartMs, 800).empty());
    // A NaN is "not reported" too.
    const StoreSample nan[] = {
        {node, Metric::MemoryPercent, dayStartMs, std::numeric_limits<double>::quiet_NaN()}};
    QCOMPARE(store.ingest(nan), 0);
    QVERIFY(!store.latest(node, Metric::MemoryPercent));
    QCOMPARE(store.stats().series, 1); // and it took no memory either
    QVERIFY(!store.latest(node + 1, Metric::CpuPercent));
}

void TstMetricStore::latestValue() {
    MetricStore store;
    const NodeId a = store.addNode(QStringLiteral("a"));
    const NodeId b = store.addNode(QStringLiteral("b"));
    feed(store, a, Metric::PidsUsed, dayStartMs, 30, [](int i) { return 1000 + i; });
    feed(store, b, Metric::PidsUsed, dayStartMs, 5, [](int) { return 7; });
    const std::optional<LatestValue> la = store.latest(a, Metric::PidsUsed);
    QVERIFY(la);
    QCOMPARE(la->value, 1029.0);
    QCOMPARE(la->timeMs, dayStartMs + 29 * second);
    // The latest value keeps double precision although the rings hold floats.
    const StoreSample precise[] = {{a, Metric::MemoryWorkingSetBytes, dayStartMs, 5629759489.0}};
    store.ingest(precise);
    QCOMPARE(store.latest(a, Metric::MemoryWorkingSetBytes)->value, 5629759489.0);
    QCOMPARE(store.latest(b, Metric::PidsUsed)->value, 7.0);
}

void TstMetricStore::nodeRegistry() {
    MetricStore store;
    const NodeId a = store.addNode(QStringLiteral("a"));
    QCOMPARE(store.addNode(QStringLiteral("a")), a);
    const NodeId b = store.addNode(QStringLiteral("b"));
    QVERIFY(a != b);
    QCOMPARE(store.findNode(QStringLiteral("b")), std::optional<NodeId>(b));
    QCOMPARE(store.nodeName(b), QStringLiteral("b"));
    QCOMPARE(store.nodeNames(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    feed(store, a, Metric::CpuPercent, dayStartMs, 3, [](int) { return 1; });
    store.removeNode(a);
    QVERIFY(!store.findNode(QStringLiteral("a")));
    QVERIFY(!store.latest(a, Metric::CpuPercent));
    QCOMPARE(store.stats().series, 0);
    const StoreSample late[] = {{a, Metric::CpuPercent, dayStartMs + 10 * second, 1}};
    QCOMPARE(store.ingest(late), 0);
    // A node that comes back is a new node with a new id and no history.
    const NodeId again = store.addNode(QStringLiteral("a"));
    QVERIFY(again != a);
    QVERIFY(!store.latest(again, Metric::CpuPercent));
}

void TstMetricStore::ringWrapKeepsNewest() {
    MetricStore store(smallConfig());
    const NodeId n = store.addNode(QStringLiteral("n"));
    feed(store, n, Metric::CpuPercent, dayStartMs, 25, [](int i) { return i; });

    // The 1 s ring holds 10 buckets: seconds 15..24.
    const SeriesWindow fine =
        store.query(n, Metric::CpuPercent, dayStartMs + 15 * second, dayStartMs + 24 * second);
    QCOMPARE(fine.resolutionMs, qint64(1000));
    QCOMPARE(fine.buckets.size(), size_t(10));
    QCOMPARE(fine.buckets.front().mean, 15.0f);
    QCOMPARE(fine.buckets.back().mean, 24.0f);
    QCOMPARE(fine.buckets.front().timeMs, dayStartMs + 15 * second);

    // From second 0 the 1 s ring no longer covers: the 5 s ring (4 buckets: 5..24) answers.
    const SeriesWindow coarse =
        store.query(n, Metric::CpuPercent, dayStartMs, dayStartMs + 24 * second);
    QCOMPARE(coarse.resolutionMs, qint64(5000));
    QCOMPARE(coarse.buckets.size(), size_t(4));
    QCOMPARE(coarse.buckets.front().timeMs, dayStartMs + 5 * second);
    QCOMPARE(coarse.buckets.front().min, 5.0f);
    QCOMPARE(coarse.buckets.back().max, 24.0f);
}

void TstMetricStore::longGapLeavesNoStaleValues() {
    MetricStore store(smallConfig());
    const NodeId n = store.addNode(QStringLiteral("n"));
    feed(store, n, Metric::DiskUtilPercent, dayStartMs, 10, [](int) { return 50; });
    // 3 s of silence, then one sample: the missing seconds are absent, not repeated.
    const StoreSample after[] = {{n, Metric::DiskUtilPercent, dayStartMs + 13 * second, 80}};
    store.ingest(after);
    SeriesWindow w =
        store.query(n, Metric::DiskUtilPercent, dayStartMs + 9 * second, dayStartMs + 13 * second);
    QCOMPARE(w.buckets.size(), size_t(2));
    QCOMPARE(w.buckets[0].timeMs, dayStartMs + 9 * second);
    QCOMPARE(w.buckets[1].timeMs, dayStartMs + 13 * second);

    // Exactly one lap of the 1 s ring later: the slot of second 13 must not show the 80 again.
    const StoreSample lap[] = {{n, Metric::DiskUtilPercent, dayStartMs + 23 * second, 10}};
    store.ingest(lap);
    w = store.query(n, Metric::DiskUtilPercent, dayStartMs + 14 * second, dayStartMs + 23 * second);
    QCOMPARE(w.resolutionMs, qint64(1000));
    QCOMPARE(w.buckets.size(), size_t(1));
    QCOMPARE(w.buckets[0].mean, 10.0f);
}

void TstMetricStore::rollUp_data() {
    QTest::addColumn<Values>("values"); // one per second, all inside one 5 s bucket
    QTest::addColumn<float>("min");
    QTest::addColumn<float>("max");
    QTest::addColumn<float>("mean");
    QTest::addRow("mixed") << Values{3, 9, 1, 5, 2} << 1.0f << 9.0f << 4.0f;
    QTest::addRow("single") << Values{42} << 42.0f << 42.0f << 42.0f;
    QTest::addRow("one spike") << Values{0, 0, 100, 0, 0} << 0.0f << 100.0f << 20.0f;
    QTest::addRow("negative") << Values{-4, -2} << -4.0f << -2.0f << -3.0f;
}

void TstMetricStore::rollUp() {
    QFETCH(Values, values);
    QFETCH(float, min);
    QFETCH(float, max);
    QFETCH(float, mean);
    MetricStore store(smallConfig());
    const NodeId n = store.addNode(QStringLiteral("n"));
    feed(store, n, Metric::IowaitPercent, dayStartMs, int(values.size()),
         [&values](int i) { return values[i]; });
    // Push the 1 s ring past its coverage so the query has to use the roll-up.
    const StoreSample later[] = {{n, Metric::IowaitPercent, dayStartMs + 15 * second, 0}};
    store.ingest(later);
    const SeriesWindow w =
        store.query(n, Metric::IowaitPercent, dayStartMs, dayStartMs + 4 * second);
    QCOMPARE(w.resolutionMs, qint64(5000));
    QCOMPARE(w.buckets.size(), size_t(1));
    QCOMPARE(w.buckets[0].min, min);
    QCOMPARE(w.buckets[0].max, max);
    QCOMPARE(w.buckets[0].mean, mean);
}

void TstMetricStore::windowChoosesFinestTier_data() {
    QTest::addColumn<int>("windowSeconds");
    QTest::addColumn<qint64>("resolutionMs");
    QTest::addColumn<int>("maxBuckets");
    QTest::addRow("10 min") << 600 << qint64(1000) << 601;
    QTest::addRow("15 min") << 900 << qint64(1000) << 901;
    QTest::addRow("1 h") << 3600 << qint64(30000) << 121;
    QTest::addRow("3 h") << 10800 << qint64(30000) << 361;
    QTest::addRow("6 h") << 21600 << qint64(300000) << 73;
    QTest::addRow("24 h") << 86400 << qint64(300000) << 289;
    QTest::addRow("a week: coarsest, what is left") << 7 * 86400 << qint64(300000) << 289;
}

void TstMetricStore::windowChoosesFinestTier() {
    QFETCH(int, windowSeconds);
    QFETCH(qint64, resolutionMs);
    QFETCH(int, maxBuckets);
    static MetricStore store;
    static const NodeId n = store.addNode(QStringLiteral("day"));
    if (!store.latest(n, Metric::CpuPercent))
        feed(store, n, Metric::CpuPercent, dayStartMs, 86400, [](int i) { return i % 100; });
    const qint64 now = dayStartMs + 86399 * second;
    const SeriesWindow w = store.query(n, Metric::CpuPercent, now - windowSeconds * second, now);
    QCOMPARE(w.resolutionMs, resolutionMs);
    QVERIFY(!w.buckets.empty());
    QVERIFY2(int(w.buckets.size()) <= maxBuckets, qPrintable(QString::number(w.buckets.size())));
    QVERIFY(w.buckets.back().timeMs <= now);
}

void TstMetricStore::spikeInADaySurvivesDecimation() {
    MetricStore store;
    const NodeId n = store.addNode(QStringLiteral("n"));
    const int spikeAt = 12 * 3600 + 17;
    feed(store, n, Metric::PsiIoSomeAvg10, dayStartMs, 86400,
         [spikeAt](int i) { return i == spikeAt ? 93.5 : 1.0; });
    const qint64 from = dayStartMs, to = dayStartMs + 86400 * second;
    const std::vector<ChartPoint> points =
        store.queryDecimated(n, Metric::PsiIoSomeAvg10, from, to, 800);
    QVERIFY(!points.empty());
    QVERIFY(points.size() <= 1600);
    double peak = 0;
    for (const ChartPoint &p : points)
        peak = std::max(peak, p.value);
    QCOMPARE(peak, 93.5);
}

void TstMetricStore::outOfOrderAndNonFiniteRejected() {
    MetricStore store;
    const NodeId n = store.addNode(QStringLiteral("n"));
    const StoreSample batch[] = {
        {n, Metric::ReadIops, dayStartMs + 10 * second, 100},
        {n, Metric::ReadIops, dayStartMs + 5 * second, 999}, // older: rejected
        {n, Metric::ReadIops, dayStartMs + 11 * second, std::numeric_limits<double>::infinity()},
        {n, Metric::ReadIops, -1, 1},                           // before 1970
        {n + 7, Metric::ReadIops, dayStartMs + 12 * second, 1}, // unknown node
        {n, Metric::ReadIops, dayStartMs + 12 * second, 200},
    };
    QCOMPARE(store.ingest(batch), 2);
    const StoreStats st = store.stats();
    QCOMPARE(st.accepted, quint64(2));
    QCOMPARE(st.rejected, quint64(4));
    const SeriesWindow w = store.query(n, Metric::ReadIops, dayStartMs, dayStartMs + 20 * second);
    QCOMPARE(w.buckets.size(), size_t(2));
    QCOMPARE(w.buckets[0].max, 100.0f);
}

void TstMetricStore::budgetRefusesNewSeries() {
    StoreConfig config;
    const size_t perSeries = SeriesHistory::bytesFor(config.tiers);
    config.memoryBudgetBytes = perSeries * 5 / 2; // room for two series
    MetricStore store(config);
    const NodeId a = store.addNode(QStringLiteral("a"));
    const NodeId b = store.addNode(QStringLiteral("b"));
    const StoreSample batch[] = {{a, Metric::CpuPercent, dayStartMs, 1},
                                 {a, Metric::MemoryPercent, dayStartMs, 2},
                                 {b, Metric::CpuPercent, dayStartMs, 3},
                                 {a, Metric::CpuPercent, dayStartMs + second, 4}};
    QCOMPARE(store.ingest(batch), 3);
    StoreStats st = store.stats();
    QCOMPARE(st.series, 2);
    QCOMPARE(st.refusedSeries, quint64(1));
    QCOMPARE(st.bytesPerSeries, perSeries);
    QVERIFY(st.bytes <= st.budgetBytes);
    QVERIFY(!store.latest(b, Metric::CpuPercent)); // refused: absent, not 0
    store.removeNode(a);
    QCOMPARE(store.ingest(std::span(batch + 2, 1)), 1);
    QCOMPARE(store.latest(b, Metric::CpuPercent)->value, 3.0);
    st = store.stats();
    QCOMPARE(st.series, 1);
}

void TstMetricStore::concurrentIngestAndQuery() {
    MetricStore store;
    constexpr int nodes = 50, seconds = 600;
    std::vector<NodeId> ids;
    for (int i = 0; i < nodes; ++i)
        ids.push_back(store.addNode(QStringLiteral("aks-pool-%1").arg(i)));
    std::atomic<bool> done = false;
    // std::thread, not QThread: its start and join are visible to ThreadSanitizer, so a
    // -fsanitize=thread build of this test reports only races in the store itself.
    std::thread writer([&] {
        for (int s = 0; s < seconds; ++s) {
            std::vector<StoreSample> batch;
            for (const NodeId id : ids) {
                for (const Metric m :
                     {Metric::CpuPercent, Metric::MemoryPercent, Metric::FsPercent})
                    batch.push_back({id, m, dayStartMs + s * second, double(s % 100)});
            }
            store.ingest(batch);
        }
        done = true;
    });
    int reads = 0;
    bool sane = true; // checked after the join: a QVERIFY here would abandon a running thread
    const qint64 to = dayStartMs + seconds * second;
    do {
        const NodeId id = ids[size_t(reads % nodes)];
        const std::vector<ChartPoint> points =
            store.queryDecimated(id, Metric::CpuPercent, dayStartMs, to, 200);
        sane = sane && points.size() <= 400;
        if (const std::optional<LatestValue> l = store.latest(id, Metric::MemoryPercent))
            sane = sane && l->value >= 0 && l->value < 100;
        ++reads;
    } while (!done);
    writer.join();
    QVERIFY(sane);
    for (const NodeId id : ids) {
        QCOMPARE(store.latest(id, Metric::FsPercent)->value, double((seconds - 1) % 100));
        QCOMPARE(store.query(id, Metric::CpuPercent, dayStartMs, to).buckets.size(),
                 size_t(seconds));
    }
    QCOMPARE(store.stats().accepted, quint64(nodes) * seconds * 3);
}

void TstMetricStore::codesKeepValuesWithinAStep() {
    // Non-integer values over a wide range: each bucket within 2/65,534 of its chunk's range;
    // integers exact.
    MetricStore store(smallConfig());
    const NodeId n = store.addNode(QStringLiteral("n"));
    const StoreConfig big{{{1, 100}}, size_t(1) << 20};
    MetricStore wide(big);
    const NodeId w = wide.addNode(QStringLiteral("w"));
    feed(wide, w, Metric::WriteBytesPerSec, dayStartMs, 100,
         [](int i) { return 12345.678 * i + (i % 7) * 0.37; });
    const SeriesWindow window =
        wide.query(w, Metric::WriteBytesPerSec, dayStartMs, dayStartMs + 99 * second);
    QCOMPARE(window.buckets.size(), size_t(100));
    for (int i = 0; i < 100; ++i) {
        const double expected = float(12345.678 * i + (i % 7) * 0.37);
        const double range = 12345.678 * 31 + 3; // a chunk spans 32 buckets
        QVERIFY2(std::abs(window.buckets[size_t(i)].mean - expected) <= 2 * range / 65534.0,
                 qPrintable(QStringLiteral("%1: %2 vs %3")
                                .arg(i)
                                .arg(window.buckets[size_t(i)].mean)
                                .arg(expected)));
    }
    QCOMPARE(window.buckets[0].mean, 0.0f);
    feed(store, n, Metric::PidsUsed, dayStartMs, 9, [](int i) { return 40000 + i * 1000; });
    const SeriesWindow pids = store.query(n, Metric::PidsUsed, dayStartMs, dayStartMs + 8 * second);
    for (int i = 0; i < 9; ++i)
        QCOMPARE(pids.buckets[size_t(i)].mean, float(40000 + i * 1000));
}

void TstMetricStore::memoryGrowsWithDataAndConstantsCostNoCodes() {
    MetricStore store;
    const NodeId n = store.addNode(QStringLiteral("n"));
    const StoreSample first[] = {{n, Metric::CpuPercent, dayStartMs, 1.5}};
    store.ingest(first);
    const StoreStats one = store.stats();
    // A new series takes its chunk headers, not its codes: under a third of what it may take.
    QVERIFY2(one.bytes < one.bytesPerSeries / 3, qPrintable(QString::number(one.bytes)));
    QCOMPARE(one.reservedBytes, one.bytesPerSeries);
    // An hour of a constant (pid_max): still no codes.
    feed(store, n, Metric::PidsMax, dayStartMs, 3600, [](int) { return 4194304; });
    const size_t constantBytes = store.stats().bytes - one.bytes;
    QCOMPARE(constantBytes, one.bytes); // no more than a series with one sample
    QCOMPARE(store.query(n, Metric::PidsMax, dayStartMs, dayStartMs + 3600 * second).buckets.size(),
             size_t(120)); // the hour from the 30 s tier
    // An hour of a moving value: the codes arrive, and the total stays within the reservation.
    feed(store, n, Metric::MemoryPercent, dayStartMs, 3600, [](int i) { return i % 97 * 0.5; });
    const StoreStats st = store.stats();
    QVERIFY(st.bytes > one.bytes + constantBytes + 900 * 2);
    QVERIFY(st.bytes <= st.reservedBytes);
    QVERIFY(st.reservedBytes <= st.budgetBytes);
    store.removeNode(n);
    QCOMPARE(store.stats().bytes, size_t(0));
    QCOMPARE(store.stats().reservedBytes, size_t(0));
}

void TstMetricStore::tiersSizedToTheInterval() {
    const auto tiers = StoreConfig::tiersForInterval(StoreConfig::defaultTiers(), 10);
    QCOMPARE(tiers.size(), size_t(2));
    QCOMPARE(tiers[0].resolutionSeconds, 10u);
    QCOMPARE(tiers[0].buckets, 360u); // the last hour at 10 s
    QCOMPARE(tiers[1].resolutionSeconds, 300u);
    QCOMPARE(tiers[1].buckets, 288u); // 24 h at 5 min
    QCOMPARE(StoreConfig::tiersForInterval(StoreConfig::defaultTiers(), 1).size(), size_t(3));

    MetricStore store;
    store.setSampleInterval(10);
    const NodeId n = store.addNode(QStringLiteral("n"));
    feed(store, n, Metric::CpuPercent, dayStartMs, 1, [](int) { return 1; });
    std::vector<StoreSample> day;
    for (int i = 0; i < 8640; ++i)
        day.push_back({n, Metric::CpuPercent, dayStartMs + (i + 1) * 10 * second, double(i % 50)});
    QCOMPARE(store.ingest(day), 8640);
    const qint64 now = dayStartMs + 8640 * 10 * second;
    const SeriesWindow hour = store.query(n, Metric::CpuPercent, now - 3600 * second, now);
    QCOMPARE(hour.resolutionMs, qint64(10000));
    QVERIFY(hour.buckets.size() >= 359 && hour.buckets.size() <= 361);
    const SeriesWindow whole = store.query(n, Metric::CpuPercent, now - 86400 * second, now);
    QCOMPARE(whole.resolutionMs, qint64(300000));
    float most = 0, least = 100;
    for (const Bucket &b : whole.buckets) {
        most = std::max(most, b.max);
        least = std::min(least, b.min);
    }
    QCOMPARE(most, 49.0f); // every 5 min bucket holds 30 samples: i % 50 reaches 49 and 0
    QCOMPARE(least, 0.0f);
    // At most what its tiers may take: 360 x 2 + 288 x 6 bytes of codes plus headers.
    QVERIFY(store.stats().bytes <= SeriesHistory::bytesFor(tiers));
}

QTEST_GUILESS_MAIN(TstMetricStore)
#include "tst_metricstore.moc"
