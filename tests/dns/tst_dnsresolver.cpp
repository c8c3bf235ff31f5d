// The workstation vantage of step 3 against a real DNS server: dnsmasq on 127.0.0.1 holding the
// scenario's API server name, and its broken variants (NXDOMAIN, REFUSED, no answer at all).
// Only loopback is ever asked; no real name is resolved.
#include "check/dnsresolver.h"
#include "dnsmasqprocess.h"

#include <QElapsedTimer>
#include <QTest>
#include <QUdpSocket>

using nt::DnsAnswer;

namespace {
const QString kFqdn = QStringLiteral("myaks-dns-1a2b3c4d.hcp.westeurope.azmk8s.io");
const QString kPrivate = QStringLiteral(
    "myaks-dns-1a2b3c4d.4f3e2d1c-aaaa-bbbb-cccc-1234567890ab.privatelink.westeurope.azmk8s.io");
} // namespace

class TstDnsResolver : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void resolvesTheZone();
    void nxdomain();
    void refused();
    void forwardsIntoNothing();
    void serverThatNeverAnswers();
    void nothingListens();
    void badServerAddress();
    void privateAddresses_data();
    void privateAddresses();

private:
    std::unique_ptr<nt::test::DnsmasqProcess> m_dns;
};

void TstDnsResolver::initTestCase() {
    if (!QFile::exists(nt::test::DnsmasqProcess::binary()))
        QFAIL("dnsmasq is missing: install dnsmasq-base (scripts/dev.sh does)");
    m_dns = std::make_unique<nt::test::DnsmasqProcess>(
        QStringList{QStringLiteral("--address=/%1/20.50.1.2").arg(kFqdn),
                    QStringLiteral("--address=/%1/10.224.0.100").arg(kPrivate),
                    QStringLiteral("--address=/gone.example.test/")});
    QVERIFY2(m_dns->start(), qPrintable(m_dns->errorString()));
}

void TstDnsResolver::resolvesTheZone() {
    const DnsAnswer a = nt::resolveName(kFqdn, m_dns->server());
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.addresses, QStringList{QStringLiteral("20.50.1.2")});
    QCOMPARE(a.server, m_dns->server());
    const DnsAnswer p = nt::resolveName(kPrivate, m_dns->server());
    QCOMPARE(p.addresses, QStringList{QStringLiteral("10.224.0.100")});
    // dnsmasq saw the question: it was really asked, not answered from anywhere else.
    QTRY_VERIFY(m_dns->log().contains(QStringLiteral("query[A] ") + kFqdn));
}

void TstDnsResolver::nxdomain() {
    const DnsAnswer a = nt::resolveName(QStringLiteral("gone.example.test"), m_dns->server());
    QCOMPARE(a.status, DnsAnswer::Status::NxDomain);
    QVERIFY(!a.ok());
    QVERIFY2(a.error.contains(QStringLiteral("NXDOMAIN")) && a.error.contains(m_dns->server()),
             qPrintable(a.error));
}

void TstDnsResolver::refused() {
    // Not in the zone and no upstream: dnsmasq refuses.
    const DnsAnswer a = nt::resolveName(QStringLiteral("elsewhere.example.test"), m_dns->server());
    QCOMPARE(a.status, DnsAnswer::Status::ServFail);
    QVERIFY2(a.error.contains(QStringLiteral("REFUSED")), qPrintable(a.error));
}

void TstDnsResolver::forwardsIntoNothing() {
    // The broken custom-DNS case: the zone is forwarded to a server that is gone.
    nt::test::DnsmasqProcess broken({
        QStringLiteral("--server=/%1/127.0.0.1#1").arg(kFqdn),
    });
    QVERIFY2(broken.start(), qPrintable(broken.errorString()));
    const DnsAnswer a = nt::resolveName(kFqdn, broken.server(), 1000);
    QVERIFY2(!a.ok(), qPrintable(a.describe()));
    QVERIFY2(a.status == DnsAnswer::Status::Timeout || a.status == DnsAnswer::Status::ServFail,
             qPrintable(a.error));
}

void TstDnsResolver::serverThatNeverAnswers() {
    // A UDP socket that reads queries and never answers: the resolver gives up in bounded time.
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    const QString server = QStringLiteral("127.0.0.1:%1").arg(silent.localPort());
    QElapsedTimer t;
    t.start();
    const DnsAnswer a = nt::resolveName(kFqdn, server, 1000);
    QCOMPARE(a.status, DnsAnswer::Status::Timeout);
    QVERIFY2(a.error.contains(server), qPrintable(a.error));
    QVERIFY2(t.elapsed() < 8000, qPrintable(QString::number(t.elapsed())));
    QVERIFY(silent.hasPendingDatagrams()); // the query did arrive
}

void TstDnsResolver::nothingListens() {
    QUdpSocket gone;
    QVERIFY(gone.bind(QHostAddress::LocalHost, 0));
    const QString server = QStringLiteral("127.0.0.1:%1").arg(gone.localPort());
    gone.close();
    const DnsAnswer a = nt::resolveName(kFqdn, server, 1000);
    QCOMPARE(a.status, DnsAnswer::Status::Unreachable);
    QVERIFY2(a.error.contains(server), qPrintable(a.error));
}

void TstDnsResolver::badServerAddress() {
    const DnsAnswer a = nt::resolveName(kFqdn, QStringLiteral("not-an-ip:53"));
    QCOMPARE(a.status, DnsAnswer::Status::Error);
    QVERIFY(a.error.contains(QStringLiteral("not-an-ip")));
}

void TstDnsResolver::privateAddresses_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("isPrivate");
    QTest::addRow("10/8") << QStringLiteral("10.224.0.4") << true;
    QTest::addRow("172.16/12") << QStringLiteral("172.31.255.1") << true;
    QTest::addRow("172.32 is public") << QStringLiteral("172.32.0.1") << false;
    QTest::addRow("192.168/16") << QStringLiteral("192.168.1.1") << true;
    QTest::addRow("public") << QStringLiteral("20.50.1.2") << false;
    QTest::addRow("garbage") << QStringLiteral("x") << false;
}

void TstDnsResolver::privateAddresses() {
    QFETCH(QString, address);
    QFETCH(bool, isPrivate);
    QCOMPARE(nt::isPrivateIPv4(address), isPrivate);
}

QTEST_GUILESS_MAIN(TstDnsResolver)
#include "tst_dnsresolver.moc"
