// Option parsing of `nodetriage check`: CONTRACT.md's options, defaults, and one-sentence errors
// that name the option at fault.
#include "check/checkoptions.h"

#include <QTest>

class TstCheckOptions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stepLists_data();
    void stepLists();
    void defaults();
    void everything();
    void errors_data();
    void errors();
    void stepThreeOptions();
};

void TstCheckOptions::stepLists_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("steps"); // empty = rejected
    QTest::addRow("list") << QStringLiteral("1,2,6") << QList<int>{1, 2, 6};
    QTest::addRow("range") << QStringLiteral("1-6") << QList<int>{1, 2, 3, 4, 5, 6};
    QTest::addRow("mixed, unsorted, repeated")
        << QStringLiteral("6,1-3,2") << QList<int>{1, 2, 3, 6};
    QTest::addRow("single") << QStringLiteral("4") << QList<int>{4};
    QTest::addRow("spaces") << QStringLiteral(" 1 , 3 ") << QList<int>{1, 3};
    QTest::addRow("zero") << QStringLiteral("0") << QList<int>{};
    QTest::addRow("seven") << QStringLiteral("1,7") << QList<int>{};
    QTest::addRow("reversed") << QStringLiteral("5-2") << QList<int>{};
    QTest::addRow("open range") << QStringLiteral("2-") << QList<int>{};
    QTest::addRow("two dashes") << QStringLiteral("1-2-3") << QList<int>{};
    QTest::addRow("empty item") << QStringLiteral("1,,2") << QList<int>{};
    QTest::addRow("word") << QStringLiteral("all") << QList<int>{};
    QTest::addRow("empty") << QString() << QList<int>{};
}

void TstCheckOptions::stepLists() {
    QFETCH(QString, text);
    QFETCH(QList<int>, steps);
    const nt::Result<QList<int>> parsed = nt::parseStepList(text);
    QCOMPARE(parsed.ok(), !steps.isEmpty());
    if (parsed)
        QCOMPARE(parsed.value(), steps);
    else
        QVERIFY(parsed.error().contains(QStringLiteral("--steps")));
}

void TstCheckOptions::defaults() {
    const nt::Result<nt::CheckOptions> o = nt::CheckOptions::parse({});
    QVERIFY(o.ok());
    QCOMPARE(o->steps, (QList<int>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(o->durationSeconds, 30);
    QCOMPARE(o->intervalSeconds, 5);
    QVERIFY(o->jsonPath.isEmpty());
    QVERIFY(!o->allowChanges);
    QVERIFY(!o->help);
}

void TstCheckOptions::everything() {
    const nt::Result<nt::CheckOptions> o =
        nt::CheckOptions::parse({QStringLiteral("--kubeconfig"),
                                 QStringLiteral("/k"),
                                 QStringLiteral("--context"),
                                 QStringLiteral("prod"),
                                 QStringLiteral("--steps"),
                                 QStringLiteral("1,6"),
                                 QStringLiteral("--duration"),
                                 QStringLiteral("0"),
                                 QStringLiteral("--interval"),
                                 QStringLiteral("2"),
                                 QStringLiteral("--prometheus"),
                                 QStringLiteral("http://p:9090"),
                                 QStringLiteral("--ssh-user"),
                                 QStringLiteral("azureuser"),
                                 QStringLiteral("--ssh-port"),
                                 QStringLiteral("2222"),
                                 QStringLiteral("--ssh-jump"),
                                 QStringLiteral("me@bastion:22"),
                                 QStringLiteral("--known-hosts"),
                                 QStringLiteral("/kh"),
                                 QStringLiteral("--json"),
                                 QStringLiteral("-"),
                                 QStringLiteral("--pdf"),
                                 QStringLiteral("r.pdf"),
                                 QStringLiteral("--allow-changes"),
                                 QStringLiteral("--lang"),
                                 QStringLiteral("zh_CN")});
    QVERIFY2(o.ok(), qPrintable(o.error()));
    QCOMPARE(o->kubeconfig, QStringLiteral("/k"));
    QCOMPARE(o->context, QStringLiteral("prod"));
    QCOMPARE(o->steps, (QList<int>{1, 6}));
    QCOMPARE(o->durationSeconds, 0);
    QCOMPARE(o->intervalSeconds, 2);
    QCOMPARE(o->prometheus, QStringLiteral("http://p:9090"));
    QCOMPARE(o->sshUser, QStringLiteral("azureuser"));
    QCOMPARE(o->sshPort, 2222);
    QCOMPARE(o->sshJump, QStringLiteral("me@bastion:22"));
    QCOMPARE(o->knownHosts, QStringLiteral("/kh"));
    QCOMPARE(o->jsonPath, QStringLiteral("-"));
    QCOMPARE(o->pdfPath, QStringLiteral("r.pdf"));
    QVERIFY(o->allowChanges);
    QCOMPARE(o->lang, QStringLiteral("zh_CN"));

    const nt::Result<nt::CheckOptions> help = nt::CheckOptions::parse({QStringLiteral("--help")});
    QVERIFY(help.ok() && help->help);
    QVERIFY(help->helpText.startsWith(QStringLiteral("Usage: nodetriage check [options]")));
    QVERIFY(help->helpText.contains(QStringLiteral("--known-hosts")));
}

void TstCheckOptions::errors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("duration word")
        << QStringList{QStringLiteral("--duration"), QStringLiteral("long")}
        << QStringLiteral("--duration");
    QTest::addRow("interval zero") << QStringList{QStringLiteral("--interval"), QStringLiteral("0")}
                                   << QStringLiteral("--interval");
    QTest::addRow("ssh port") << QStringList{QStringLiteral("--ssh-port"), QStringLiteral("70000")}
                              << QStringLiteral("--ssh-port");
    QTest::addRow("lang") << QStringList{QStringLiteral("--lang"), QStringLiteral("chinese please")}
                          << QStringLiteral("--lang");
    QTest::addRow("missing value")
        << QStringList{QStringLiteral("--json")} << QStringLiteral("json");
    QTest::addRow("positional") << QStringList{QStringLiteral("extra")} << QStringLiteral("extra");
    QTest::addRow("dns server name")
        << QStringList{QStringLiteral("--dns-server"), QStringLiteral("dns.example.com")}
        << QStringLiteral("--dns-server");
    QTest::addRow("dns server octet")
        << QStringList{QStringLiteral("--dns-server"), QStringLiteral("10.0.0.300")}
        << QStringLiteral("10.0.0.300");
    QTest::addRow("dns server port")
        << QStringList{QStringLiteral("--dns-server"), QStringLiteral("127.0.0.1:0")}
        << QStringLiteral("--dns-server");
    QTest::addRow("fqdn") << QStringList{QStringLiteral("--fqdn"), QStringLiteral("a b;rm -rf")}
                          << QStringLiteral("--fqdn");
    QTest::addRow("probe image") << QStringList{QStringLiteral("--probe-image"),
                                                QStringLiteral("busybox; reboot")}
                                 << QStringLiteral("--probe-image");
    QTest::addRow("probe timeout")
        << QStringList{QStringLiteral("--probe-timeout"), QStringLiteral("1")}
        << QStringLiteral("--probe-timeout");
}

void TstCheckOptions::stepThreeOptions() {
    const nt::Result<nt::CheckOptions> o = nt::CheckOptions::parse(
        {QStringLiteral("--dns-server"), QStringLiteral("127.0.0.1:5353"), QStringLiteral("--fqdn"),
         QStringLiteral("X.hcp.westeurope.azmk8s.io"), QStringLiteral("--probe-image"),
         QStringLiteral("registry.local/tools/busybox:1.36"), QStringLiteral("--probe-timeout"),
         QStringLiteral("20"), QStringLiteral("--vnet-integration")});
    QVERIFY2(o.ok(), qPrintable(o.error()));
    QCOMPARE(o->dnsServer, QStringLiteral("127.0.0.1:5353"));
    QCOMPARE(o->fqdn, QStringLiteral("x.hcp.westeurope.azmk8s.io"));
    QCOMPARE(o->probeImage, QStringLiteral("registry.local/tools/busybox:1.36"));
    QCOMPARE(o->probeTimeoutSeconds, 20);
    QVERIFY(o->vnetIntegration);
    const nt::Result<nt::CheckOptions> d = nt::CheckOptions::parse({});
    QVERIFY(d.ok());
    QCOMPARE(d->dnsServer, QString());
    QCOMPARE(d->probeTimeoutSeconds, 60);
    QVERIFY(!d->allowChanges);
}

void TstCheckOptions::errors() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const nt::Result<nt::CheckOptions> o = nt::CheckOptions::parse(args);
    QVERIFY(!o.ok());
    QVERIFY2(o.error().contains(mentions), qPrintable(o.error()));
    QVERIFY(!o.error().contains(u'\n'));
}

QTEST_GUILESS_MAIN(TstCheckOptions)
#include "tst_checkoptions.moc"
