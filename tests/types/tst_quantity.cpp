// Quantity parsing and rounding against values computed by hand from apimachinery's rules
// (resource.ParseQuantity, MilliValue, Value).
#include "kube/quantity.h"

#include <limits>
#include <QTest>

using nt::Quantity;

class TstQuantity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valid_data();
    void valid();
    void garbage_data();
    void garbage();
    void equality();
    void toDouble();
};

void TstQuantity::valid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("milli");
    QTest::addColumn<qint64>("value");
    constexpr qint64 max = std::numeric_limits<qint64>::max();

    QTest::addRow("allocatable cpu") << QStringLiteral("1900m") << qint64(1900) << qint64(2);
    QTest::addRow("allocatable memory")
        << QStringLiteral("5497812Ki") << qint64(5629759488000) << qint64(5629759488);
    QTest::addRow("pods") << QStringLiteral("110") << qint64(110000) << qint64(110);
    QTest::addRow("binary fraction")
        << QStringLiteral("1.5Gi") << qint64(1610612736000) << qint64(1610612736);
    QTest::addRow("decimal mega") << QStringLiteral("100M") << qint64(100000000000)
                                  << qint64(100000000);
    QTest::addRow("kilo") << QStringLiteral("4k") << qint64(4000000) << qint64(4000);
    QTest::addRow("exponent") << QStringLiteral("1e3") << qint64(1000000) << qint64(1000);
    QTest::addRow("negative exponent") << QStringLiteral("12E-3") << qint64(12) << qint64(1);
    QTest::addRow("plus exponent") << QStringLiteral("2e+2") << qint64(200000) << qint64(200);
    QTest::addRow("exa") << QStringLiteral("1E") << max << qint64(1000000000000000000);
    QTest::addRow("fraction") << QStringLiteral("0.1") << qint64(100) << qint64(1);
    QTest::addRow("leading dot") << QStringLiteral(".5") << qint64(500) << qint64(1);
    QTest::addRow("trailing dot") << QStringLiteral("5.") << qint64(5000) << qint64(5);
    QTest::addRow("negative") << QStringLiteral("-1") << qint64(-1000) << qint64(-1);
    QTest::addRow("plus sign") << QStringLiteral("+5") << qint64(5000) << qint64(5);
    QTest::addRow("zero") << QStringLiteral("0") << qint64(0) << qint64(0);
    QTest::addRow("zero with suffix") << QStringLiteral("0Gi") << qint64(0) << qint64(0);
    QTest::addRow("milli rounds up") << QStringLiteral("1.5m") << qint64(2) << qint64(1);
    QTest::addRow("negative rounds away from zero")
        << QStringLiteral("-1.5m") << qint64(-2) << qint64(-1);
    QTest::addRow("nano cpu") << QStringLiteral("123456789n") << qint64(124) << qint64(1);
    QTest::addRow("micro") << QStringLiteral("1500u") << qint64(2) << qint64(1);
    QTest::addRow("below a nano rounds up to one nano")
        << QStringLiteral("1e-100") << qint64(1) << qint64(1);
    QTest::addRow("capped at int64 units") << QStringLiteral("1e100") << max << max;
    QTest::addRow("huge exponent") << QStringLiteral("1e1234567") << max << max;
    QTest::addRow("int64 max") << QStringLiteral("9223372036854775807") << max << max;
    QTest::addRow("exbibyte saturates milli")
        << QStringLiteral("1Ei") << max << qint64(1152921504606846976);
    QTest::addRow("leading zeros")
        << QStringLiteral("007Mi") << qint64(7340032000) << qint64(7340032);
}

void TstQuantity::valid() {
    QFETCH(QString, text);
    QFETCH(qint64, milli);
    QFETCH(qint64, value);
    const std::optional<Quantity> q = Quantity::parse(text);
    QVERIFY2(q.has_value(), qPrintable(text));
    QCOMPARE(q->milliValue(), milli);
    QCOMPARE(q->value(), value);
    QCOMPARE(q->text(), text);
}

void TstQuantity::garbage_data() {
    QTest::addColumn<QString>("text");
    const char *const bad[] = {"",
                               "1.2.3",
                               "Ki",
                               "5 Gi",
                               " 1",
                               "1 ",
                               "1i",
                               ".5i",
                               "1.1.M",
                               "1+1M",
                               "0.1mi",
                               "aoeu",
                               "-",
                               ".",
                               "1e",
                               "1e+",
                               "1e1.5",
                               "1KiB",
                               "1ki",
                               "1K",
                               "1Mb",
                               "--1",
                               "1e-",
                               "e3",
                               "1e99999999999999999999",
                               "1\xef\xbc\x91"};
    for (const char *text : bad)
        QTest::addRow("%s", text) << QString::fromUtf8(text);
}

void TstQuantity::garbage() {
    QFETCH(QString, text);
    QVERIFY2(!Quantity::parse(text).has_value(), qPrintable(text));
}

void TstQuantity::equality() {
    QCOMPARE(*Quantity::parse(QStringLiteral("1Ki")), *Quantity::parse(QStringLiteral("1024")));
    QCOMPARE(*Quantity::parse(QStringLiteral("1000m")), *Quantity::parse(QStringLiteral("1")));
    QCOMPARE(*Quantity::parse(QStringLiteral("1e3")), *Quantity::parse(QStringLiteral("1k")));
    QVERIFY(
        !(*Quantity::parse(QStringLiteral("1.5Gi")) == *Quantity::parse(QStringLiteral("1.5G"))));
}

void TstQuantity::toDouble() {
    QCOMPARE(Quantity::parse(QStringLiteral("1.5Gi"))->toDouble(), 1610612736.0);
    QCOMPARE(Quantity::parse(QStringLiteral("250m"))->toDouble(), 0.25);
    QCOMPARE(Quantity::parse(QStringLiteral("-2k"))->toDouble(), -2000.0);
}

QTEST_GUILESS_MAIN(TstQuantity)
#include "tst_quantity.moc"
