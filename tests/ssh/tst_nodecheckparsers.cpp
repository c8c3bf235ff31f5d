// The node-side checks' parsers on real output. Where each fixture (tests/ssh/fixtures) came from:
// - run live on every test run (the live* tests): the templates over a real sshd on 127.0.0.1,
//   their output parsed as it comes back: proc-disk, tcp-probe-9000 against a listener and
//   tcp-probe-443 against a closed port, kubelet-journal-since (journalctl runs here, but the
//   container has no journald: "No journal files were found."), tunnel-containers (no crictl;
//   a docker client without a daemon, or no docker), and the real nslookup and dig
//   (bind9-dnsutils) against a dnsmasq on 127.0.0.1 giving an answer, a CNAME, NXDOMAIN,
//   REFUSED and no server at all;
// - captured on this machine (Debian 12, 2026-11-28): proc-disk, tcp-open, tcp-refused,
//   tunnel-absent, dns-absent, journal-nojournal by running the rendered template with bash;
//   captured-* by liveDnsOverSsh with NT_SSH_CAPTURE_DIR set;
// - the documented real formats, for what this machine cannot produce: crictl (not packaged in
//   Debian 12) - crictl-old-tunnelfront (the crictl ps table recorded in kubernetes-sigs/
//   cri-tools PR 369), crictl-konnectivity (the same table with the POD column of cri-tools
//   >= 1.19); docker-tunnelfront (docker ps' default table, as in the AKS guide's
//   `docker ps | grep tunnelfront`); nslookup-* and dig-resolved (BIND 9.18's output for
//   168.63.129.16, which a test may not ask); journal-klog (journalctl's short format with klog
//   lines as the kubelet writes them: no journal here to hold them).
#include "dnsmasqprocess.h"
#include "ssh/commandtemplate.h"
#include "ssh/nodecheckparsers.h"
#include "ssh/nodechecks.h"
#include "ssh/sshclient.h"
#include "sshdfixture.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

using namespace nt;

namespace {

QByteArray fixture(const QString &name) {
    QFile file(QStringLiteral(NT_SSH_FIXTURES "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

int fixtureStatus(const QString &name) {
    const QByteArray text = fixture(name + QStringLiteral(".status")).trimmed();
    return text.isEmpty() ? 0 : text.toInt();
}

} // namespace

class TstNodeCheckParsers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void crictlWithPodColumn() {
        const auto e =
            parseTunnelContainers(fixture(QStringLiteral("crictl-konnectivity.out")), {}, 0);
        QVERIFY(!e.problem);
        QCOMPARE(e.runtime, QStringLiteral("crictl"));
        QCOMPARE(e.containers.size(), 2);
        QCOMPARE(e.containers[0].id, QStringLiteral("3b7f8f1d2a9c4"));
        QCOMPARE(e.containers[0].name, QStringLiteral("konnectivity-agent"));
        QCOMPARE(e.containers[0].state, QStringLiteral("Running"));
        QCOMPARE(e.containers[0].podName, QStringLiteral("konnectivity-agent-7d9c8b6f5-x2k4q"));
        QVERIFY(e.containers[0].running);
        QVERIFY(!e.containers[1].running);
        QCOMPARE(e.flavour(), QStringLiteral("konnectivity"));
    }

    void crictlOldHeaderTunnelfrontExited() {
        const auto e =
            parseTunnelContainers(fixture(QStringLiteral("crictl-old-tunnelfront.out")), {}, 0);
        QCOMPARE(e.runtime, QStringLiteral("crictl"));
        QCOMPARE(e.containers.size(), 1);
        QCOMPARE(e.containers[0].id, QStringLiteral("f60944900ceb3"));
        QCOMPARE(e.containers[0].name, QStringLiteral("tunnel-front"));
        QVERIFY(!e.containers[0].running);
        QCOMPARE(e.flavour(), QStringLiteral("tunnelfront"));
        const auto verdict =
            NodeCheck::find(QStringLiteral("tunnel-containers"))
                ->evaluate(SshExecResult{
                    {}, 0, {}, fixture(QStringLiteral("crictl-old-tunnelfront.out")), {}});
        QVERIFY(verdict.problem);
        QCOMPARE(verdict.verdict,
                 QStringLiteral("The tunnelfront tunnel container is not running"));
    }

    void dockerTableWithEmptyPorts() {
        const auto e =
            parseTunnelContainers(fixture(QStringLiteral("docker-tunnelfront.out")), {}, 0);
        QCOMPARE(e.runtime, QStringLiteral("docker"));
        QCOMPARE(e.containers.size(), 1);
        QCOMPARE(e.containers[0].id, QStringLiteral("4c01db0b339c"));
        QCOMPARE(e.containers[0].state, QStringLiteral("Up 17 hours"));
        QVERIFY(e.containers[0].name.startsWith(QLatin1String("k8s_tunnel-front_tunnelfront")));
        QVERIFY(e.containers[0].running);
        QCOMPARE(e.flavour(), QStringLiteral("tunnelfront"));
    }

    void noRuntimeDaemon() {
        const QString f = QStringLiteral("tunnel-absent");
        const auto e = parseTunnelContainers(fixture(f + QStringLiteral(".out")),
                                             fixture(f + QStringLiteral(".err")), fixtureStatus(f));
        QVERIFY(e.problem);
        QCOMPARE(e.problem->tool, QStringLiteral("docker"));
        QVERIFY(e.problem->detail.startsWith(QLatin1String("Cannot connect to the Docker daemon")));
        QVERIFY(e.containers.isEmpty());
    }

    void dns_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QStringList>("addresses");
        QTest::addColumn<QString>("server");
        using O = DnsEvidence::Outcome;
        const QStringList answer{QStringLiteral("20.62.130.2")};
        QTest::addRow("nslookup answer")
            << QStringLiteral("nslookup-resolved.out") << 0 << int(O::Resolved) << answer
            << QStringLiteral("168.63.129.16#53");
        QTest::addRow("nslookup nxdomain")
            << QStringLiteral("nslookup-nxdomain.out") << 1 << int(O::NxDomain) << QStringList{}
            << QStringLiteral("10.0.0.10#53");
        QTest::addRow("nslookup no server")
            << QStringLiteral("nslookup-timeout.out") << 1 << int(O::ServerUnreachable)
            << QStringList{} << QString();
        QTest::addRow("dig answer via cname")
            << QStringLiteral("dig-resolved.out") << 0 << int(O::Resolved) << answer
            << QStringLiteral("168.63.129.16#53");
    }

    void dns() {
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(int, outcome);
        QFETCH(QStringList, addresses);
        QFETCH(QString, server);
        const auto e = parseDnsLookup(fixture(file), {}, status);
        QCOMPARE(int(e.outcome), outcome);
        QCOMPARE(e.addresses, addresses);
        QCOMPARE(e.server, server);
    }

    // nslookup and dig output captured over SSH by liveDnsOverSsh (NT_SSH_CAPTURE_DIR) from
    // BIND 9.18.49 against dnsmasq: kept so a machine without bind9-dnsutils still checks them.
    void dnsCaptured_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("rcode");
        using O = DnsEvidence::Outcome;
        // The A answer, then "** server can't find ...: REFUSED" for the AAAA query.
        QTest::addRow("nslookup answer") << QStringLiteral("captured-nslookup-answer.out")
                                         << int(O::Resolved) << QStringLiteral("REFUSED");
        QTest::addRow("nslookup refused") << QStringLiteral("captured-nslookup-refused.out")
                                          << int(O::ServerError) << QStringLiteral("REFUSED");
        QTest::addRow("dig refused") << QStringLiteral("captured-dig-refused.out")
                                     << int(O::ServerError) << QStringLiteral("REFUSED");
        QTest::addRow("nslookup no server") << QStringLiteral("captured-nslookup-no-server.out")
                                            << int(O::ServerUnreachable) << QString();
        QTest::addRow("dig no server") << QStringLiteral("captured-dig-no-server.out")
                                       << int(O::ServerUnreachable) << QString();
    }

    void dnsCaptured() {
        QFETCH(QString, file);
        QFETCH(int, outcome);
        QFETCH(QString, rcode);
        const QByteArray out = fixture(file);
        QVERIFY(!out.isEmpty());
        const auto e = parseDnsLookup(out, {}, 1);
        QCOMPARE(int(e.outcome), outcome);
        QCOMPARE(e.rcode, rcode);
        if (e.outcome == DnsEvidence::Outcome::Resolved)
            QCOMPARE(e.addresses, QStringList{QStringLiteral("10.1.2.3")});
        if (e.outcome == DnsEvidence::Outcome::ServerUnreachable)
            QVERIFY2(e.detail.startsWith(QLatin1String("communications error to 127.0.0.1#")) &&
                         e.detail.endsWith(QLatin1String(": connection refused")),
                     qPrintable(e.detail));
        const auto verdict = NodeCheck::find(QStringLiteral("dns-azure"))
                                 ->evaluate(SshExecResult{{}, 1, {}, out, {}});
        QCOMPARE(verdict.problem, e.outcome != DnsEvidence::Outcome::Resolved);
    }

    void dnsToolMissing() {
        const QString f = QStringLiteral("dns-absent");
        const auto e = parseDnsLookup(fixture(f + QStringLiteral(".out")),
                                      fixture(f + QStringLiteral(".err")), fixtureStatus(f));
        QCOMPARE(e.outcome, DnsEvidence::Outcome::ToolMissing);
        QCOMPARE(e.detail, QStringLiteral("bash: line 1: dig: command not found"));
    }

    void dnsCname() {
        const auto e = parseDnsLookup(fixture(QStringLiteral("dig-resolved.out")), {}, 0);
        QCOMPARE(e.canonicalName, QStringLiteral("fe3.hcp.eastus.azmk8s.io"));
    }

    void tcpProbe_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("detail");
        QTest::addRow("open") << QStringLiteral("tcp-open") << int(TcpProbeEvidence::Outcome::Open)
                              << QString();
        QTest::addRow("refused") << QStringLiteral("tcp-refused")
                                 << int(TcpProbeEvidence::Outcome::Refused)
                                 << QStringLiteral("connect: Connection refused");
    }

    void tcpProbe() {
        QFETCH(QString, file);
        QFETCH(int, outcome);
        QFETCH(QString, detail);
        const auto e = parseTcpProbe(fixture(file + QStringLiteral(".out")),
                                     fixture(file + QStringLiteral(".err")), fixtureStatus(file));
        QCOMPARE(int(e.outcome), outcome);
        QCOMPARE(e.detail, detail);
    }

    void tcpProbeTimeout() {
        // timeout(1) exits 124 when it had to stop the command (its manual); bash prints nothing.
        const auto e = parseTcpProbe("probe-exit=124\n", {}, 0);
        QCOMPARE(e.outcome, TcpProbeEvidence::Outcome::TimedOut);
    }

    void journalKlog() {
        const auto e = parseKubeletJournal(fixture(QStringLiteral("journal-klog.out")), {}, 0);
        QVERIFY(!e.problem);
        QCOMPARE(e.lines, 5);
        QCOMPARE(e.restarts, 2);
        QCOMPARE(e.errorLines, 1);
        QVERIFY(e.lastErrors.first().contains(QLatin1String("Unable to register node")));
    }

    void journalWithoutJournal() {
        const QString f = QStringLiteral("journal-nojournal");
        const auto e = parseKubeletJournal(fixture(f + QStringLiteral(".out")),
                                           fixture(f + QStringLiteral(".err")), fixtureStatus(f));
        QVERIFY(e.problem);
        QCOMPARE(e.problem->detail, QStringLiteral("No journal files were found."));
        QVERIFY(e.noEntries);
        QCOMPARE(e.lines, 0);
    }

    void procDisk() {
        const auto e = parseProcDisk(fixture(QStringLiteral("proc-disk.out")), {}, 0);
        QVERIFY(e.problems.isEmpty());
        // loop and zram devices: loop left out, zram kept (it is a block device with I/O).
        const auto vda = std::find_if(e.disks.cbegin(), e.disks.cend(),
                                      [](const DiskStats &d) { return d.device == u"vda"; });
        QVERIFY(vda != e.disks.cend());
        QCOMPARE(vda->readsCompleted, quint64(125833));
        QCOMPARE(vda->sectorsRead, quint64(5791066));
        QCOMPARE(vda->writesCompleted, quint64(103431));
        QCOMPARE(vda->msDoingIo, quint64(81424));
        QCOMPARE(vda->weightedMs, quint64(978148));
        QVERIFY(std::none_of(e.disks.cbegin(), e.disks.cend(), [](const DiskStats &d) {
            return d.device.startsWith(QLatin1String("loop"));
        }));
        QVERIFY(e.cpu);
        QCOMPARE(e.cpu->iowait, quint64(1068));
        QCOMPARE(e.cpu->user, quint64(1539866));
        QVERIFY(e.ioSome && e.ioFull);
        QCOMPARE(e.ioSome->avg300, 0.15);
        QCOMPARE(e.ioFull->totalUs, quint64(8158407));
    }

    // The templates run for real over SSH, and their output parsed as it comes back.
    void liveProcDiskOverSsh() {
        if (!connectOnce())
            return;
        const auto disk = run(*CommandTemplate::find(QStringLiteral("proc-disk"))->render({}),
                              QStringLiteral("proc-disk"));
        QCOMPARE(disk.exitStatus, 0);
        const auto e = parseProcDisk(disk.stdOut, disk.stdErr, disk.exitStatus);
        QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u' ')));
        QVERIFY(!e.disks.isEmpty());
        QVERIFY(e.cpu && e.cpu->total() > 0);
        // The same counters as this process reads itself: the node's own /proc/diskstats.
        QFile diskstats(QStringLiteral("/proc/diskstats"));
        QVERIFY(diskstats.open(QIODevice::ReadOnly));
        const QList<QByteArray> first = diskstats.readLine().simplified().split(' ');
        QVERIFY(std::any_of(e.disks.cbegin(), e.disks.cend(),
                            [&](const DiskStats &d) {
                                return d.device == QString::fromLatin1(first.value(2));
                            }) ||
                first.value(2).startsWith("loop") || first.value(2).startsWith("ram"));
    }

    // bash's /dev/tcp under timeout(1), as the template runs it, against a port that listens
    // and one that does not.
    void liveTcpProbeOverSsh() {
        if (!connectOnce())
            return;
        // :9000 open: our listener, or whatever already listens there (open all the same).
        QTcpServer listener;
        if (!listener.listen(QHostAddress::LocalHost, 9000) &&
            listener.serverError() != QAbstractSocket::AddressInUseError)
            QSKIP(qPrintable(QStringLiteral("cannot listen on 127.0.0.1:9000: ") +
                             listener.errorString()));
        const auto open =
            run(*CommandTemplate::find(QStringLiteral("tcp-probe-9000"))
                     ->render({{QStringLiteral("host"), QStringLiteral("127.0.0.1")}}),
                QStringLiteral("tcp-open"));
        auto p = parseTcpProbe(open.stdOut, open.stdErr, open.exitStatus);
        QCOMPARE(p.outcome, TcpProbeEvidence::Outcome::Open);
        QCOMPARE(p.detail, QString());

        QTcpSocket check;
        check.connectToHost(QHostAddress::LocalHost, 443);
        if (check.waitForConnected(2000))
            QSKIP("something listens on 127.0.0.1:443 here: the refused case needs it closed");
        const auto closed =
            run(*CommandTemplate::find(QStringLiteral("tcp-probe-443"))
                     ->render({{QStringLiteral("host"), QStringLiteral("127.0.0.1")}}),
                QStringLiteral("tcp-refused"));
        p = parseTcpProbe(closed.stdOut, closed.stdErr, closed.exitStatus);
        QCOMPARE(p.outcome, TcpProbeEvidence::Outcome::Refused);
        QCOMPARE(p.detail, QStringLiteral("connect: Connection refused"));
        const auto verdict = NodeCheck::find(QStringLiteral("tcp-443"))->evaluate(closed);
        QVERIFY(verdict.problem);
        QCOMPARE(verdict.verdict,
                 QStringLiteral("The API server refused the connection on port 443"));
    }

    // journalctl runs here but the container has no journald, so it has no journal: what it
    // says then is parsed as a problem, not as "no kubelet errors". The klog lines themselves
    // are tested on the documented format (journalKlog).
    void liveJournalOverSsh() {
        if (!connectOnce())
            return;
        const auto journal =
            run(*CommandTemplate::find(QStringLiteral("kubelet-journal-since"))
                     ->render({{QStringLiteral("since"), QStringLiteral("-15 min")}}),
                QStringLiteral("journal-live"));
        if (journal.stdErr.contains("command not found"))
            QSKIP("journalctl is not installed here");
        const auto e = parseKubeletJournal(journal.stdOut, journal.stdErr, journal.exitStatus);
        if (!journal.stdErr.contains("No journal files were found")) {
            // A machine with a journal: whatever kubelet lines it has are counted, no problem.
            QVERIFY2(!e.problem, qPrintable(e.problem ? e.problem->detail : QString()));
            return;
        }
        QVERIFY(e.problem);
        QCOMPARE(e.problem->detail, QStringLiteral("No journal files were found."));
        QVERIFY(e.noEntries);
        QCOMPARE(e.lines, 0);
    }

    void liveTunnelContainersOverSsh() {
        if (!connectOnce())
            return;
        const auto tunnel =
            run(*CommandTemplate::find(QStringLiteral("tunnel-containers"))->render({}),
                QStringLiteral("tunnel-live"));
        const auto t = parseTunnelContainers(tunnel.stdOut, tunnel.stdErr, tunnel.exitStatus);
        // No container runtime here (crictl is not packaged in Debian 12; a docker client
        // without a daemon, or none): a clear problem, not an empty "no tunnel" verdict.
        QVERIFY(t.problem);
        QVERIFY2(t.problem->tool == u"docker" || t.problem->tool == u"crictl",
                 qPrintable(t.problem->tool));
    }

    // The real nslookup and dig (bind9-dnsutils) against a dnsmasq on 127.0.0.1, run over SSH
    // as the node would run them. The templates ask the node's resolver or 168.63.129.16 on
    // port 53; the test's server is on a free port, so the same tools get -port / -p.
    void liveDnsOverSsh_data() {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("serverUp");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QStringList>("addresses");
        QTest::addColumn<QString>("cname");
        QTest::addColumn<QString>("rcode");
        using O = DnsEvidence::Outcome;
        const QStringList api{QStringLiteral("10.1.2.3")};
        for (const QString &tool : {QStringLiteral("nslookup"), QStringLiteral("dig")}) {
            QTest::addRow("%s answer", qPrintable(tool))
                << tool << QStringLiteral("api.node.test") << true << int(O::Resolved) << api
                << QString() << QString();
            QTest::addRow("%s answer via cname", qPrintable(tool))
                << tool << QStringLiteral("alias.node.test") << true << int(O::Resolved) << api
                << QStringLiteral("api.node.test") << QString();
            QTest::addRow("%s nxdomain", qPrintable(tool))
                << tool << QStringLiteral("gone.node.test") << true << int(O::NxDomain)
                << QStringList{} << QString() << QStringLiteral("NXDOMAIN");
            QTest::addRow("%s refused", qPrintable(tool))
                << tool << QStringLiteral("elsewhere.example") << true << int(O::ServerError)
                << QStringList{} << QString() << QStringLiteral("REFUSED");
            QTest::addRow("%s no server", qPrintable(tool))
                << tool << QStringLiteral("api.node.test") << false << int(O::ServerUnreachable)
                << QStringList{} << QString() << QString();
        }
    }

    void liveDnsOverSsh() {
        QFETCH(QString, tool);
        QFETCH(QString, name);
        QFETCH(bool, serverUp);
        QFETCH(int, outcome);
        QFETCH(QStringList, addresses);
        QFETCH(QString, cname);
        QFETCH(QString, rcode);
        if (!connectOnce())
            return;
        const auto where = run(QStringLiteral("command -v ") + tool, QString());
        if (where.exitStatus != 0)
            QSKIP(qPrintable(tool + QStringLiteral(" is not installed (bind9-dnsutils)")));
        quint16 port = 0;
        if (serverUp) {
            if (!m_dns) {
                m_dns = std::make_unique<nt::test::DnsmasqProcess>(
                    QStringList{QStringLiteral("--host-record=api.node.test,10.1.2.3"),
                                QStringLiteral("--cname=alias.node.test,api.node.test"),
                                QStringLiteral("--address=/gone.node.test/")});
                QVERIFY2(m_dns->start(), qPrintable(m_dns->errorString()));
            }
            port = m_dns->port();
        } else {
            QUdpSocket free; // a port nothing listens on: the kernel answers "port unreachable"
            QVERIFY(free.bind(QHostAddress::LocalHost, 0));
            port = free.localPort();
        }
        const QString command =
            tool == u"nslookup"
                ? QStringLiteral("nslookup -port=%1 %2 127.0.0.1").arg(port).arg(name)
                : QStringLiteral("dig -p %1 @127.0.0.1 %2").arg(port).arg(name);
        const QString capture = QStringLiteral("%1-%2").arg(
            tool,
            QString::fromLatin1(QTest::currentDataTag()).section(u' ', 1).replace(u' ', u'-'));
        const auto r = run(command, capture);
        const auto e = parseDnsLookup(r.stdOut, r.stdErr, r.exitStatus);
        const QString output = QString::fromUtf8(r.stdOut + r.stdErr);
        QVERIFY2(int(e.outcome) == outcome, qPrintable(output));
        QCOMPARE(e.addresses, addresses);
        QCOMPARE(e.canonicalName, cname);
        if (!rcode.isEmpty())
            QCOMPARE(e.rcode, rcode);
        if (serverUp)
            QCOMPARE(e.server, QStringLiteral("127.0.0.1#%1").arg(port));
        else
            QCOMPARE(e.detail,
                     QStringLiteral("communications error to 127.0.0.1#%1: connection refused")
                         .arg(port));
    }

    void cleanupTestCase() {
        m_client.reset();
        m_dns.reset();
        m_sshd.reset();
    }

private:
    std::unique_ptr<nt::test::SshdFixture> m_sshd;
    std::unique_ptr<SshClient> m_client;
    std::unique_ptr<nt::test::DnsmasqProcess> m_dns;

    // One sshd and one connection for all the live tests; false (the test failed) if either
    // cannot be had.
    bool connectOnce() {
        if (m_client)
            return true;
        m_sshd = std::make_unique<nt::test::SshdFixture>();
        const QString key = m_sshd->addUserKey(QStringLiteral("id_ed25519"));
        [&] { QVERIFY(m_sshd->start()); }();
        if (QTest::currentTestFailed())
            return false;
        SshConnectOptions options;
        options.target = {
            QStringLiteral("127.0.0.1"), QStringLiteral("root"), m_sshd->port(), {key}};
        options.unknownHostKey = UnknownHostKeyPolicy::AcceptOnce;
        options.knownHostsFile = m_sshd->path(QStringLiteral("known_hosts"));
        options.useAgent = false;
        m_client = std::make_unique<SshClient>();
        const auto status = m_client->connectToHost(options);
        [&] {
            QVERIFY2(nt::test::finishes(status), "connecting to the test sshd timed out");
            QVERIFY2(status.result().ok(), qPrintable(status.result().message));
        }();
        if (QTest::currentTestFailed()) {
            m_client.reset();
            return false;
        }
        return true;
    }

    // Runs `command` over the connection with a bounded wait. With NT_SSH_CAPTURE_DIR set, the
    // output is also written there as NAME.out/.err/.status (how tests/ssh/fixtures/*-live*
    // and the other captured fixtures were made).
    SshExecResult run(const QString &command, const QString &captureName) {
        const auto future = m_client->exec(command);
        if (!nt::test::finishes(future)) {
            QTest::qFail(qPrintable(QStringLiteral("'%1' did not finish within %2 s")
                                        .arg(command)
                                        .arg(nt::test::kSshWaitMs / 1000)),
                         __FILE__, __LINE__);
            return {};
        }
        const SshExecResult result = future.result();
        const QString dir = qEnvironmentVariable("NT_SSH_CAPTURE_DIR");
        if (!dir.isEmpty() && !captureName.isEmpty()) {
            const auto write = [&](const QString &suffix, const QByteArray &data) {
                QFile file(dir + u'/' + captureName + suffix);
                if (file.open(QIODevice::WriteOnly))
                    file.write(data);
            };
            write(QStringLiteral(".out"), result.stdOut);
            write(QStringLiteral(".err"), result.stdErr);
            write(QStringLiteral(".status"), QByteArray::number(result.exitStatus) + '\n');
        }
        return result;
    }
};

QTEST_GUILESS_MAIN(TstNodeCheckParsers)
#include "tst_nodecheckparsers.moc"
