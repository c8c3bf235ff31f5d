// Counter-to-rate conversion: resets, gaps, duplicates, out-of-order and non-finite samples,
// gauges passing through. Each row feeds a sequence and checks every output.
#include "metrics/counterrate.h"

#include <QTest>

#include <cmath>
#include <limits>

using nt::CounterRate;
using Status = CounterRate::Status;

struct Step {
    qint64 ms;
    double value;
    double expected; // NaN: no output
    Status status;
};
using Steps = QList<Step>;
Q_DECLARE_METATYPE(Steps)

class TstCounterRate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sequence_data();
    void sequence();
    void clearForgetsBase();
};

void TstCounterRate::sequence_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("maxIntervalMs");
    QTest::addColumn<Steps>("steps");
    const double none = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const int counter = int(CounterRate::Kind::Counter);
    const qint64 max = 60000;

    QTest::addRow("steady") << counter << max
                            << Steps{{0, 100, none, Status::First},
                                     {10000, 150, 5, Status::Rate},
                                     {20000, 150, 0, Status::Rate},
                                     {25000, 160, 2, Status::Rate}};
    QTest::addRow("first sample gives nothing, not zero")
        << counter << max << Steps{{5000, 0, none, Status::First}};
    QTest::addRow("reset restarts from zero") << counter << max
                                              << Steps{{0, 1000, none, Status::First},
                                                       {10000, 1100, 10, Status::Rate},
                                                       {20000, 30, 3, Status::Reset},
                                                       {30000, 80, 5, Status::Rate}};
    QTest::addRow("gap longer than max gives no rate and rebases")
        << counter << max
        << Steps{{0, 10, none, Status::First},
                 {120000, 500, none, Status::Gap},
                 {130000, 600, 10, Status::Rate}};
    // A node that was unreachable for minutes and whose kubelet restarted meanwhile: the lower
    // value after the gap is neither a rate nor a reset, just the new base.
    QTest::addRow("reset during a gap is a new base, not a rate")
        << counter << max
        << Steps{{0, 5000, none, Status::First},
                 {300000, 40, none, Status::Gap},
                 {310000, 90, 5, Status::Rate}};
    QTest::addRow("gap exactly max still rates")
        << counter << max << Steps{{0, 0, none, Status::First}, {60000, 600, 10, Status::Rate}};
    QTest::addRow("missing sample spans two real samples") << counter << max
                                                           << Steps{{0, 0, none, Status::First},
                                                                    {10000, 100, 10, Status::Rate},
                                                                    {30000, 500, 20, Status::Rate}};
    QTest::addRow("duplicate timestamp ignored") << counter << max
                                                 << Steps{{0, 0, none, Status::First},
                                                          {10000, 100, 10, Status::Rate},
                                                          {10000, 900, none, Status::Duplicate},
                                                          {20000, 200, 10, Status::Rate}};
    QTest::addRow("out of order ignored") << counter << max
                                          << Steps{{10000, 100, none, Status::First},
                                                   {5000, 50, none, Status::OutOfOrder},
                                                   {20000, 300, 20, Status::Rate}};
    QTest::addRow("NaN and Inf are not reported, base kept")
        << counter << max
        << Steps{{0, 0, none, Status::First},
                 {10000, none, none, Status::NotFinite},
                 {15000, inf, none, Status::NotFinite},
                 {20000, 200, 10, Status::Rate}};
    QTest::addRow("millisecond interval")
        << counter << max << Steps{{0, 0, none, Status::First}, {250, 1, 4, Status::Rate}};
    QTest::addRow("gauge passes through") << int(CounterRate::Kind::Gauge) << max
                                          << Steps{{0, 42, 42, Status::Value},
                                                   {10000, 7, 7, Status::Value},
                                                   {500000, 9, 9, Status::Value},
                                                   {500000, 1, none, Status::Duplicate},
                                                   {600000, none, none, Status::NotFinite}};
}

void TstCounterRate::sequence() {
    QFETCH(int, kind);
    QFETCH(qint64, maxIntervalMs);
    QFETCH(Steps, steps);
    CounterRate rate(CounterRate::Kind(kind), maxIntervalMs);
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const Step &step = steps[i];
        const CounterRate::Result r = rate.add(step.ms, step.value);
        const QByteArray where = "step " + QByteArray::number(i);
        QVERIFY2(r.status == step.status, where.constData());
        QVERIFY2(r.value.has_value() == !std::isnan(step.expected), where.constData());
        if (r.value)
            QCOMPARE(*r.value, step.expected);
    }
}

void TstCounterRate::clearForgetsBase() {
    CounterRate rate;
    QCOMPARE(rate.add(0, 10).status, Status::First);
    QCOMPARE(rate.add(1000, 20).value.value_or(-1), 10.0);
    rate.clear();
    // After clear() an older timestamp is a fresh start, not out of order.
    const CounterRate::Result r = rate.add(500, 5);
    QCOMPARE(r.status, Status::First);
    QVERIFY(!r.value);
}

QTEST_GUILESS_MAIN(TstCounterRate)
#include "tst_counterrate.moc"
