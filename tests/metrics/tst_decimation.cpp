// Min/max decimation: bounded output, extremes kept, time order, window clipping.
#include "metrics/decimation.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace nt;

using Buckets = std::vector<Bucket>;
Q_DECLARE_METATYPE(Buckets)

namespace {

Buckets flat(int count, qint64 stepMs, float value) {
    Buckets b;
    b.reserve(size_t(count));
    for (int i = 0; i < count; ++i)
        b.push_back({i * stepMs, value, value, value});
    return b;
}

} // namespace

class TstDecimation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bounds_data();
    void bounds();
    void singleSpikeInADaySurvives();
    void timeOrderWithinAColumn();
    void randomDataKeepsExtremes();
};

void TstDecimation::bounds_data() {
    QTest::addColumn<Buckets>("buckets");
    QTest::addColumn<int>("pixels");
    QTest::addColumn<int>("expectedPoints");

    QTest::addRow("no buckets") << Buckets{} << 800 << 0;
    QTest::addRow("no pixels") << flat(10, 1000, 1) << 0 << 0;
    QTest::addRow("fewer flat buckets than pixels: one point each")
        << flat(10, 1000, 1) << 800 << 10;
    QTest::addRow("bucket with a range: min and max") << Buckets{{0, 1, 5, 3}} << 800 << 2;
    QTest::addRow("flat day to 800 px: one point per column") << flat(86400, 1000, 1) << 800 << 800;
    QTest::addRow("outside the window is ignored")
        << Buckets{{-5000, 1, 1, 1}, {0, 2, 2, 2}, {99000, 3, 3, 3}, {200000, 4, 4, 4}} << 100 << 2;
}

void TstDecimation::bounds() {
    QFETCH(Buckets, buckets);
    QFETCH(int, pixels);
    QFETCH(int, expectedPoints);
    const qint64 to = buckets.size() > 100 ? qint64(buckets.size()) * 1000 : 100000;
    const std::vector<ChartPoint> points = decimateMinMax(buckets, 0, to, pixels);
    QCOMPARE(int(points.size()), expectedPoints);
    QVERIFY(points.size() <= size_t(std::max(pixels, 0)) * 2);
}

void TstDecimation::singleSpikeInADaySurvives() {
    Buckets day = flat(86400, 1000, 20);
    day[43210].max = 97;
    day[50000].min = 3;
    const std::vector<ChartPoint> points = decimateMinMax(day, 0, 86400000, 800);
    QVERIFY(points.size() <= 1600);
    const auto [lo, hi] = std::minmax_element(
        points.begin(), points.end(),
        [](const ChartPoint &a, const ChartPoint &b) { return a.value < b.value; });
    QCOMPARE(hi->value, 97.0);
    QCOMPARE(hi->timeMs, qint64(43210000));
    QCOMPARE(lo->value, 3.0);
    QCOMPARE(lo->timeMs, qint64(50000000));
}

void TstDecimation::timeOrderWithinAColumn() {
    // Peak first, trough later, all in one column: drawn in that order.
    const Buckets b = {{0, 5, 5, 5}, {1000, 9, 9, 9}, {2000, 1, 1, 1}, {3000, 5, 5, 5}};
    const std::vector<ChartPoint> points = decimateMinMax(b, 0, 1000000, 10);
    QCOMPARE(points.size(), size_t(2));
    QCOMPARE(points[0].value, 9.0);
    QCOMPARE(points[1].value, 1.0);
    QVERIFY(points[0].timeMs < points[1].timeMs);
}

void TstDecimation::randomDataKeepsExtremes() {
    QRandomGenerator rng(1234);
    Buckets b;
    float lo = 1e9f, hi = -1e9f;
    for (int i = 0; i < 10000; ++i) {
        const float a = float(rng.bounded(1000.0)), c = float(rng.bounded(1000.0));
        b.push_back({i * 10000LL, std::min(a, c), std::max(a, c), (a + c) / 2});
        lo = std::min(lo, std::min(a, c));
        hi = std::max(hi, std::max(a, c));
    }
    const std::vector<ChartPoint> points = decimateMinMax(b, 0, 100000000, 333);
    QVERIFY(points.size() <= 666);
    double outLo = 1e9, outHi = -1e9;
    for (size_t i = 0; i < points.size(); ++i) {
        outLo = std::min(outLo, points[i].value);
        outHi = std::max(outHi, points[i].value);
        if (i > 0)
            QVERIFY(points[i - 1].timeMs <= points[i].timeMs);
    }
    QCOMPARE(outLo, double(lo));
    QCOMPARE(outHi, double(hi));
}

QTEST_GUILESS_MAIN(TstDecimation)
#include "tst_decimation.moc"
