// histogram_quantile() semantics: interpolation inside the bucket holding the rank, the +Inf
// bucket, absent answers, and buckets taken from a parsed scrape.
#include "metrics/histogram.h"
#include "metrics/textformat.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace nt;

using Buckets = std::vector<HistogramBucket>;
Q_DECLARE_METATYPE(Buckets)

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();
const Buckets http = {{0.05, 24054}, {0.1, 33444}, {0.2, 100392},
                      {0.5, 129389}, {1, 133988},  {inf, 144320}};
} // namespace

class TstHistogram : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quantile_data();
    void quantile();
    void fromScrape();
    void increase();
};

void TstHistogram::quantile_data() {
    QTest::addColumn<Buckets>("buckets");
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expected"); // NaN: absent

    const double absent = std::numeric_limits<double>::quiet_NaN();
    // rank 72160 falls in (0.1, 0.2]: 0.1 + 0.1 * (72160 - 33444) / (100392 - 33444)
    QTest::addRow("median interpolates") << http << 0.5 << 0.15782995757901658;
    QTest::addRow("first bucket from zero") << http << 0.1 << 0.05 * 14432.0 / 24054.0;
    QTest::addRow("p99 in +Inf bucket gives last finite bound") << http << 0.99 << 1.0;
    QTest::addRow("q 0") << Buckets{{1, 0}, {2, 4}, {inf, 4}} << 0.0 << 1.0;
    QTest::addRow("q 1") << Buckets{{1, 0}, {2, 4}, {inf, 4}} << 1.0 << 2.0;
    QTest::addRow("unsorted input")
        << Buckets{{inf, 10}, {1, 9}, {0.005, 0}} << 0.5 << 0.005 + (1 - 0.005) * 5.0 / 9.0;
    QTest::addRow("duplicate bounds are summed")
        << Buckets{{1, 2}, {1, 2}, {2, 8}, {inf, 8}} << 0.5 << 1.0;
    QTest::addRow("non-monotonic counts are fixed")
        << Buckets{{1, 5}, {2, 4}, {inf, 10}} << 0.5 << 1.0;
    QTest::addRow("negative first bound") << Buckets{{-1, 5}, {0, 10}, {inf, 10}} << 0.1 << -1.0;
    QTest::addRow("no +Inf bucket is absent") << Buckets{{1, 5}, {2, 10}} << 0.5 << absent;
    QTest::addRow("one bucket is absent") << Buckets{{inf, 10}} << 0.5 << absent;
    QTest::addRow("no observations is absent") << Buckets{{1, 0}, {inf, 0}} << 0.5 << absent;
    QTest::addRow("q above 1 is absent") << http << 1.5 << absent;
    QTest::addRow("q below 0 is absent") << http << -0.1 << absent;
    QTest::addRow("q NaN is absent") << http << absent << absent;
    QTest::addRow("empty is absent") << Buckets{} << 0.5 << absent;
}

void TstHistogram::quantile() {
    QFETCH(Buckets, buckets);
    QFETCH(double, q);
    QFETCH(double, expected);
    const std::optional<double> got = histogramQuantile(q, buckets);
    if (std::isnan(expected)) {
        QVERIFY(!got.has_value());
        return;
    }
    QVERIFY(got.has_value());
    QCOMPARE(*got, expected);
}

void TstHistogram::fromScrape() {
    const QByteArray text = R"(# TYPE kubelet_pleg_relist_duration_seconds histogram
kubelet_pleg_relist_duration_seconds_bucket{node="a",le="0.1"} 90
kubelet_pleg_relist_duration_seconds_bucket{node="a",le="10"} 99
kubelet_pleg_relist_duration_seconds_bucket{node="a",le="+Inf"} 100
kubelet_pleg_relist_duration_seconds_bucket{node="b",le="0.1"} 0
kubelet_pleg_relist_duration_seconds_bucket{node="b",le="10"} 0
kubelet_pleg_relist_duration_seconds_bucket{node="b",le="+Inf"} 100
kubelet_pleg_relist_duration_seconds_sum 12
kubelet_pleg_relist_duration_seconds_count 200
)";
    const ParseResult r = parseTextFormat(text);
    QVERIFY(r.errors.empty());
    const Label nodeA[] = {{"node", "a"}};
    const Buckets a = histogramBuckets(r, "kubelet_pleg_relist_duration_seconds", nodeA);
    QCOMPARE(a.size(), size_t(3));
    QCOMPARE(histogramQuantile(0.99, a).value_or(-1), 10.0);
    // sum by (le): 90, 99, 200 -> p30 is rank 60, in [0, 0.1]
    const Buckets all = histogramBuckets(r, "kubelet_pleg_relist_duration_seconds");
    QCOMPARE(all.size(), size_t(3));
    QCOMPARE(histogramQuantile(0.3, all).value_or(-1), 0.1 * 60.0 / 90.0);
    QVERIFY(histogramBuckets(r, "no_such_family").empty());
}

void TstHistogram::increase() {
    const Buckets earlier = {{1, 10}, {10, 12}, {inf, 12}};
    const Buckets later = {{1, 10}, {10, 20}, {inf, 21}};
    const Buckets delta = histogramIncrease(earlier, later);
    QCOMPARE(delta.size(), size_t(3));
    QCOMPARE(delta[0].count, 0.0);
    QCOMPARE(delta[1].count, 8.0);
    QCOMPARE(delta[2].count, 9.0);
    // The kubelet restarted: its counters began again, so the later scrape is the increase.
    const Buckets restarted = {{1, 1}, {10, 2}, {inf, 2}};
    const Buckets afterReset = histogramIncrease(later, restarted);
    QCOMPARE(afterReset[2].count, 2.0);
    QCOMPARE(afterReset[0].count, 1.0);
}

QTEST_GUILESS_MAIN(TstHistogram)
#include "tst_histogram.moc"
