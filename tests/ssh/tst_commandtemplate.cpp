// CommandTemplate: the validators (data-driven) and rendering with shell quoting.
#include "ssh/commandtemplate.h"

#include <QTest>

namespace {
QString S(const char *text) {
    return QString::fromUtf8(text);
}
} // namespace

using nt::CommandArgKind;
using nt::CommandTemplate;

Q_DECLARE_METATYPE(CommandArgKind)

class TstCommandTemplate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validators_data() {
        QTest::addColumn<CommandArgKind>("kind");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        const auto fqdn = CommandArgKind::Fqdn;
        const auto node = CommandArgKind::NodeName;
        const auto container = CommandArgKind::ContainerId;
        QTest::addRow("fqdn aks api") << fqdn << S("x-dns-1a2b.hcp.westeurope.azmk8s.io") << true;
        QTest::addRow("fqdn trailing dot") << fqdn << S("mcr.microsoft.com.") << true;
        QTest::addRow("fqdn single label") << fqdn << S("localhost") << true;
        QTest::addRow("fqdn 63 char label")
            << fqdn << QString(63, QLatin1Char('a')) + QStringLiteral(".io") << true;
        QTest::addRow("fqdn 64 char label")
            << fqdn << QString(64, QLatin1Char('a')) + QStringLiteral(".io") << false;
        QTest::addRow("fqdn leading hyphen") << fqdn << S("-x.io") << false;
        QTest::addRow("fqdn empty label") << fqdn << S("a..io") << false;
        QTest::addRow("node vmss") << node << S("aks-nodepool1-12345678-vmss000002") << true;
        QTest::addRow("node dotted") << node << S("node-1.internal") << true;
        QTest::addRow("node upper case") << node << S("AKS-node") << false;
        QTest::addRow("container 64 hex") << container << QString(64, QLatin1Char('a')) << true;
        const auto since = CommandArgKind::Since;
        QTest::addRow("since date time") << since << S("2026-11-28 09:15:00") << true;
        QTest::addRow("since date minutes") << since << S("2026-11-28 09:15") << true;
        QTest::addRow("since date") << since << S("2026-11-28") << true;
        QTest::addRow("since relative") << since << S("-15 min") << true;
        QTest::addRow("since relative hours") << since << S("-1h") << true;
        QTest::addRow("since option injection") << since << S("-1h --output=export") << false;
        QTest::addRow("since newline") << since << S("2026-11-28\n") << false;
        QTest::addRow("since word") << since << S("yesterday; reboot") << false;
        QTest::addRow("container 12 hex prefix") << container << S("0123456789ab") << true;
        QTest::addRow("container too short") << container << S("0123abc") << false;
        QTest::addRow("container not hex") << container << S("0123456789xyz") << false;
        const QStringList hostile = {QStringLiteral("a;rm -rf /"),
                                     QStringLiteral("$(x)"),
                                     QStringLiteral("`id`"),
                                     QStringLiteral("a b"),
                                     QStringLiteral("a'b"),
                                     QStringLiteral("a\"b"),
                                     QStringLiteral("a\nb"),
                                     QStringLiteral("abc\n"),
                                     QStringLiteral("a|b"),
                                     QStringLiteral("a&b"),
                                     QStringLiteral("../etc"),
                                     QStringLiteral("{node}"),
                                     QString()};
        for (const QString &value : hostile) {
            const QByteArray name = value.toUtf8().toPercentEncoding();
            QTest::addRow("fqdn hostile %s", name.constData()) << fqdn << value << false;
            QTest::addRow("node hostile %s", name.constData()) << node << value << false;
            QTest::addRow("container hostile %s", name.constData()) << container << value << false;
        }
    }
    void validators() {
        QFETCH(CommandArgKind, kind);
        QFETCH(QString, value);
        QTEST(CommandTemplate::isValid(kind, value), "valid");
    }

    void shellQuote() {
        QCOMPARE(CommandTemplate::shellQuote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
        QCOMPARE(CommandTemplate::shellQuote(QString()), QStringLiteral("''"));
    }

    void renderValidatesAndQuotes() {
        const CommandTemplate *resolve = CommandTemplate::find(QStringLiteral("resolve"));
        QVERIFY(resolve);
        auto command =
            resolve->render({{QStringLiteral("host"), QStringLiteral("mcr.microsoft.com")}});
        QVERIFY(command);
        QCOMPARE(command.value(), QStringLiteral("getent hosts 'mcr.microsoft.com'"));

        command = resolve->render({{QStringLiteral("host"), QStringLiteral("a;rm -rf /")}});
        QVERIFY(!command);
        QVERIFY2(command.error().contains(QStringLiteral("not a valid host name")),
                 qPrintable(command.error()));

        QVERIFY(!resolve->render({}));
        QVERIFY(!resolve->render({{QStringLiteral("host"), QStringLiteral("a.io")},
                                  {QStringLiteral("extra"), QStringLiteral("x")}}));
        QVERIFY(!CommandTemplate::find(QStringLiteral("rm")));
    }

    void catalogueSlotsAllAppearInPatterns() {
        for (const CommandTemplate &t : CommandTemplate::catalogue())
            QVERIFY2(!t.pattern().contains(QLatin1Char('{')) ||
                         t.render({}).error().contains(QStringLiteral("needs its argument")),
                     qPrintable(t.id()));
    }
};

QTEST_GUILESS_MAIN(TstCommandTemplate)
#include "tst_commandtemplate.moc"
