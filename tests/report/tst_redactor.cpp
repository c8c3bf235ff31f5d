// The redactor every report string passes through: secret shapes and registered values go,
// pseudonyms are stable and whole-word.
#include "redactor.h"

#include <QTest>

using nt::report::Redactor;

class TstRedactor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void secretShapes_data();
    void secretShapes();
    void registeredSecret();
    void keepsOrdinaryText();
    void pseudonymsAreStableAndWhole();
    void addressesGetDocumentationStandIns();
    void offLeavesNamesAlone();
};

void TstRedactor::secretShapes_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("kept");
    QTest::addRow("pem key")
        << QStringLiteral(
               "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4s\nabcdEFGH\n-----END RSA "
               "PRIVATE KEY-----\nafter")
        << QStringLiteral("MIIEowIBAAKCAQEAx4s") << QStringLiteral("after");
    QTest::addRow("jwt")
        << QStringLiteral(
               "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2lnbmF0dXJlLXBhcnQ is bad")
        << QStringLiteral("eyJzdWIiOiJzeXN0ZW0ifQ") << QStringLiteral("is bad");
    QTest::addRow("bearer") << QStringLiteral("curl -H 'Authorization: Bearer s3cr3t-T0ken.x' url")
                            << QStringLiteral("s3cr3t-T0ken.x") << QStringLiteral("Bearer");
    QTest::addRow("password=") << QStringLiteral("mysql --password=hunter2hunter2 -u root")
                               << QStringLiteral("hunter2hunter2") << QStringLiteral("-u root");
    QTest::addRow("yaml token") << QStringLiteral("    token: abcdef0123456789")
                                << QStringLiteral("abcdef0123456789") << QStringLiteral("token:");
    QTest::addRow("cert data") << QStringLiteral("client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBL"
                                                 "RVktLS0tLQpNSUlFb3dJQkFBS0NBUUVB")
                               << QStringLiteral("LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBL")
                               << QStringLiteral("client-key-data");
    QTest::addRow("sas sig") << QStringLiteral(
                                    "https://a.blob.core.windows.net/c?sv=1&sig=AbC%2Bdef"
                                    "123&se=2")
                             << QStringLiteral("AbC%2Bdef123") << QStringLiteral("&se=2");
}

void TstRedactor::secretShapes() {
    QFETCH(QString, text);
    QFETCH(QString, secret);
    QFETCH(QString, kept);
    const QString out = Redactor().apply(text);
    QVERIFY2(!out.contains(secret), qPrintable(out));
    QVERIFY2(out.contains(kept), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("[redacted]")), qPrintable(out));
}

void TstRedactor::registeredSecret() {
    Redactor r;
    r.addSecret(QStringLiteral("plain-canary-7f3a"));
    const QString out = r.apply(QStringLiteral("echo plain-canary-7f3a > /tmp/x; done"));
    QCOMPARE(out, QStringLiteral("echo [redacted] > /tmp/x; done"));
}

void TstRedactor::keepsOrdinaryText() {
    const QString text = QStringLiteral(
        "Node aks-nodepool1-12345678-vmss000002 is NotReady since 10:30:00; kubectl describe "
        "node aks-nodepool1-12345678-vmss000002 shows 95.5% disk.");
    QCOMPARE(Redactor().apply(text), text);
    QCOMPARE(Redactor(false).apply(QStringLiteral("10.224.0.4")), QStringLiteral("10.224.0.4"));
}

void TstRedactor::pseudonymsAreStableAndWhole() {
    Redactor r(true);
    r.addClusterName(QStringLiteral("myaks"));
    r.addHostName(QStringLiteral("myaks-dns-1a2b.hcp.westeurope.azmk8s.io"));
    r.addNodeName(QStringLiteral("aks-np-1"));
    r.addNodeName(QStringLiteral("aks-np-10"));
    const QString out = r.apply(QStringLiteral(
        "aks-np-10 and aks-np-1. on myaks via myaks-dns-1a2b.hcp.westeurope.azmk8s.io:443"));
    QCOMPARE(out, QStringLiteral("node-0002 and node-0001. on cluster-1 via "
                                 "apiserver-1.example.invalid:443"));
    QCOMPARE(r.pseudonym(QStringLiteral("aks-np-1")), QStringLiteral("node-0001"));
    // The same name gets the same stand-in wherever it appears.
    QCOMPARE(r.apply(QStringLiteral("kubectl cordon aks-np-1")),
             QStringLiteral("kubectl cordon node-0001"));
}

void TstRedactor::addressesGetDocumentationStandIns() {
    Redactor r(true);
    const QString out = r.apply(QStringLiteral("dial 10.224.0.4:10250 and fd00::1a, 10.224.0.4"));
    QCOMPARE(out, QStringLiteral("dial 192.0.2.1:10250 and 2001:db8::2, 192.0.2.1"));
    // Times are not addresses.
    QCOMPARE(r.apply(QStringLiteral("at 10:30:00")), QStringLiteral("at 10:30:00"));
}

void TstRedactor::offLeavesNamesAlone() {
    Redactor r(false);
    r.addNodeName(QStringLiteral("aks-np-1"));
    QCOMPARE(r.apply(QStringLiteral("aks-np-1 at 10.0.0.1")),
             QStringLiteral("aks-np-1 at 10.0.0.1"));
}

QTEST_GUILESS_MAIN(TstRedactor)
#include "tst_redactor.moc"
