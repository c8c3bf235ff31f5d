// `nodetriage check --ssh-*`: the node-side checks over SSH. The simulator gives every node the
// InternalIP 127.0.0.1, where the test's own OpenSSH sshd listens; the node-side lookups ask the
// test's dnsmasq (--node-dns-server), never 168.63.129.16 or this machine's resolver, and the TCP
// probe targets the simulator's own port. Nothing leaves 127.0.0.1.
#include "../dns/dnsmasqprocess.h"
#include "reportschema.h"
#include "sshdfixture.h"
#include "testsupport.h"

#include <nlohmann/json.hpp>
#include <QFile>
#include <QTcpServer>
#include <QTest>

using nlohmann::json;

namespace {

const QString kFqdn = QStringLiteral("myaks-dns-1a2b3c4d.hcp.westeurope.azmk8s.io");

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

struct Run {
    int exitCode = -1;
    json report;
    QString err;
};

const json *findingOf(const json &report, const char *id) {
    for (const json &f : report["findings"]) {
        if (f["id"] == id)
            return &f;
    }
    return nullptr;
}

QString stepNote(const json &report, int step) {
    for (const json &s : report["steps"]) {
        if (s["number"] == step)
            return q(s["status"].get<std::string>() + ' ' + s.value("note", std::string()));
    }
    return {};
}

QStringList ids(const json &report) {
    QStringList out;
    for (const json &f : report["findings"])
        out << q(f["id"].get<std::string>() + '@' + f.value("node", std::string()));
    return out;
}

} // namespace

class TstCheckNodeVantage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void podFailsNodeResolves();
    void nodeAndUpstreamFail();
    void unreachableNodeIsOneLine();
    void unknownHostKeyRefused();

private:
    Run check(const nt::test::SimProcess &sim, const QStringList &extra);
    QStringList ssh(int port, const QString &knownHosts) const;

    std::unique_ptr<nt::test::SshdFixture> m_sshd;
    std::unique_ptr<nt::test::DnsmasqProcess> m_good, m_bad;
    QString m_key, m_knownHosts;
};

void TstCheckNodeVantage::initTestCase() {
    m_sshd = std::make_unique<nt::test::SshdFixture>();
    m_key = m_sshd->addUserKey(QStringLiteral("id_ed25519"));
    QVERIFY(m_sshd->start());
    m_knownHosts = m_sshd->path(QStringLiteral("known_hosts"));
    QFile kh(m_knownHosts);
    QVERIFY(kh.open(QIODevice::WriteOnly));
    kh.write(m_sshd->knownHostsLine().toUtf8() + '\n');
    kh.close();
    // A server that knows the API server's name, and one that says it does not exist.
    m_good = std::make_unique<nt::test::DnsmasqProcess>(
        QStringList{QStringLiteral("--address=/%1/20.61.183.92").arg(kFqdn)});
    QVERIFY2(m_good->start(), qPrintable(m_good->errorString()));
    m_bad = std::make_unique<nt::test::DnsmasqProcess>(
        QStringList{QStringLiteral("--address=/%1/").arg(kFqdn)});
    QVERIFY2(m_bad->start(), qPrintable(m_bad->errorString()));
}

QStringList TstCheckNodeVantage::ssh(int port, const QString &knownHosts) const {
    return {QStringLiteral("--ssh-user"),    QStringLiteral("root"),
            QStringLiteral("--ssh-key"),     m_key,
            QStringLiteral("--ssh-port"),    QString::number(port),
            QStringLiteral("--known-hosts"), knownHosts,
            QStringLiteral("--ssh-config"),  QStringLiteral("/dev/null"),
            QStringLiteral("--ssh-nodes"),   QStringLiteral("2")};
}

Run TstCheckNodeVantage::check(const nt::test::SimProcess &sim, const QStringList &extra) {
    const QStringList args = QStringList{QStringLiteral("check"), QStringLiteral("--kubeconfig"),
                                         sim.kubeconfig(),        QStringLiteral("--duration"),
                                         QStringLiteral("0"),     QStringLiteral("--json"),
                                         QStringLiteral("-")} +
                             extra;
    const auto r = nt::test::runProcess(nt::test::appBinary(), args, 180000);
    Run run;
    run.exitCode = r.exitCode;
    run.err = QString::fromUtf8(r.err);
    run.report = json::parse(r.out.toStdString(), nullptr, false);
    return run;
}

void TstCheckNodeVantage::podFailsNodeResolves() {
    // dns-custom-broken: CoreDNS forwards the name into NXDOMAIN; the node's DNS resolves it.
    nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("dns-custom-broken"),
                              QStringLiteral("--node-address"), QStringLiteral("127.0.0.1")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const Run r = check(sim, QStringList{QStringLiteral("--steps"), QStringLiteral("2-4"),
                                         QStringLiteral("--dns-server"), m_good->server(),
                                         QStringLiteral("--node-dns-server"), m_good->server(),
                                         QStringLiteral("--allow-changes"),
                                         QStringLiteral("--probe-timeout"), QStringLiteral("20")} +
                                 ssh(m_sshd->port(), m_knownHosts));
    QVERIFY2(!r.report.is_discarded(), qPrintable(r.err));
    QVERIFY2(r.exitCode >= 0 && r.exitCode <= 2, qPrintable(r.err));
    QCOMPARE(nt::test::ReportSchema::check(r.report), QString());
    // The node vantage is now measured over SSH, not inferred, and names the fault.
    const json *only = findingOf(r.report, "dns.pod-only-failure");
    QVERIFY2(only, qPrintable(ids(r.report).join(u' ') + u'\n' + r.err));
    const QString evidence = q((*only)["evidence"].dump());
    QVERIFY2(evidence.contains(QStringLiteral("over SSH on aks-")), qPrintable(evidence));
    QVERIFY2(evidence.contains(QStringLiteral("20.61.183.92")), qPrintable(evidence));
    QVERIFY2(evidence.contains(QStringLiteral("--node-dns-server")), qPrintable(evidence));
    QVERIFY2(!evidence.contains(QStringLiteral("inferred")), qPrintable(evidence));
    QVERIFY(!findingOf(r.report, "dns.node-failure"));
    QVERIFY(!findingOf(r.report, "dns.upstream-failure"));
    QVERIFY2(!stepNote(r.report, 3).contains(QStringLiteral("not run")),
             qPrintable(stepNote(r.report, 3)));
    // The TCP probe reached the API server (the simulator's port) from the "node".
    QVERIFY2(!findingOf(r.report, "connectivity.node-apiserver-unreachable"),
             qPrintable(ids(r.report).join(u' ')));
    const QString step2 = stepNote(r.report, 2);
    QVERIFY2(step2.contains(QStringLiteral("accepts connections")), qPrintable(step2));
    // No crictl here (and no Docker daemon to ask): said, not turned into a finding.
    QVERIFY2(step2.contains(QStringLiteral("container runtime could not be asked")),
             qPrintable(step2));
    QVERIFY2(r.err.contains(QStringLiteral("container runtime could not be asked")),
             qPrintable(r.err));
    // Steps 3's lookups and step 4's journal ran on the node, as its sshd saw.
    const QString log = m_sshd->log();
    QVERIFY2(log.contains(QStringLiteral("Accepted publickey")), qPrintable(log.right(2000)));
    QVERIFY2(stepNote(r.report, 4).contains(QStringLiteral("kubelet journal")) ||
                 q(r.report["findings"].dump()).contains(QStringLiteral("kubelet journal")),
             qPrintable(stepNote(r.report, 4)));
}

void TstCheckNodeVantage::nodeAndUpstreamFail() {
    nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("dns-custom-broken"),
                              QStringLiteral("--node-address"), QStringLiteral("127.0.0.1")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const Run r = check(sim, QStringList{QStringLiteral("--steps"), QStringLiteral("3"),
                                         QStringLiteral("--dns-server"), m_good->server(),
                                         QStringLiteral("--node-dns-server"), m_bad->server()} +
                                 ssh(m_sshd->port(), m_knownHosts));
    QVERIFY2(!r.report.is_discarded(), qPrintable(r.err));
    const json *node = findingOf(r.report, "dns.node-failure");
    QVERIFY2(node, qPrintable(ids(r.report).join(u' ') + u'\n' + r.err));
    QVERIFY2(q((*node)["detail"].dump()).contains(QStringLiteral("NXDOMAIN")),
             qPrintable(q((*node)["detail"].dump())));
    QVERIFY2(findingOf(r.report, "dns.upstream-failure"), qPrintable(ids(r.report).join(u' ')));
    QCOMPARE(r.exitCode, 2);
}

void TstCheckNodeVantage::unreachableNodeIsOneLine() {
    nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("healthy"),
                              QStringLiteral("--node-address"), QStringLiteral("127.0.0.1")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    // A port where nothing listens: every visited node is unreachable.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const int closed = probe.serverPort();
    probe.close();
    const Run r = check(sim, QStringList{QStringLiteral("--steps"), QStringLiteral("2,4")} +
                                 ssh(closed, m_knownHosts));
    QVERIFY2(!r.report.is_discarded(), qPrintable(r.err));
    QCOMPARE(r.exitCode, 0); // healthy: the run is not failed by SSH
    const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // --ssh-nodes 2: one line per node
    for (const QString &line : lines) {
        QVERIFY2(line.contains(QStringLiteral("could not be reached over SSH")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("root@127.0.0.1:%1").arg(closed)), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("aks-")), qPrintable(line));
    }
    for (const json &s : r.report["steps"]) {
        const std::string status = s["status"];
        QVERIFY2(status != "error", s.dump().c_str());
    }
}

void TstCheckNodeVantage::unknownHostKeyRefused() {
    nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("healthy"),
                              QStringLiteral("--node-address"), QStringLiteral("127.0.0.1")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const QString empty = m_sshd->path(QStringLiteral("known_hosts_empty"));
    QFile(empty).open(QIODevice::WriteOnly);
    const QString before = m_sshd->log();
    const Run r = check(sim, QStringList{QStringLiteral("--steps"), QStringLiteral("2")} +
                                 ssh(m_sshd->port(), empty));
    QVERIFY2(!r.report.is_discarded(), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("could not be reached over SSH")), qPrintable(r.err));
    QVERIFY2(r.err.contains(m_sshd->hostKeyFingerprint()) ||
                 r.err.contains(QStringLiteral("host key"), Qt::CaseInsensitive),
             qPrintable(r.err));
    // Refused before authenticating, and nothing was saved.
    const QString after = m_sshd->log().mid(before.size());
    QVERIFY2(!after.contains(QStringLiteral("Accepted publickey")), qPrintable(after));
    QFile file(empty);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray());
}

QTEST_GUILESS_MAIN(TstCheckNodeVantage)
#include "tst_checknodevantage.moc"
