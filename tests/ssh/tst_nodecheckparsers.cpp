// The node-side checks' parsers on real output. Where each fixture (tests/ssh/fixtures) came from:
// - captured on this machine (Debian 12, 2026-11-28) by running the exact rendered template with
//   bash: proc-disk, tcp-open (a listener on 127.0.0.1:9000), tcp-refused (nothing on :443),
//   tunnel-absent (no crictl; the docker client without a daemon), dns-absent (neither nslookup
//   nor dig installed), journal-nojournal (journalctl without a journal);
// - the documented real formats, for tools this machine does not have or cannot run without
//   reaching the network: crictl-old-tunnelfront (the crictl ps table recorded in
//   kubernetes-sigs/cri-tools PR 369), crictl-konnectivity (the same table with the POD column of
//   cri-tools >= 1.19), docker-tunnelfront (docker ps' default table, as in the AKS guide's
//   `docker ps | grep tunnelfront`), nslookup-* (BIND 9.18 nslookup's output for an answer,
//   NXDOMAIN and no server), dig-resolved (BIND 9.18 dig), journal-klog (journalctl short format
//   with klog lines as the kubelet writes them).
// The live tests run the templates over a real sshd on 127.0.0.1 and parse what comes back.
#include "ssh/commandtemplate.h"
#include "ssh/nodecheckparsers.h"
#include "ssh/nodechecks.h"
#include "ssh/sshclient.h"
#include "sshdfixture.h"

#include <QFile>
#include <QTest>

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
    void liveOverSsh() {
        nt::test::SshdFixture sshd;
        const QString key = sshd.addUserKey(QStringLiteral("id_ed25519"));
        QVERIFY(sshd.start());
        SshConnectOptions options;
        options.target = {QStringLiteral("127.0.0.1"), QStringLiteral("root"), sshd.port(), {key}};
        options.unknownHostKey = UnknownHostKeyPolicy::AcceptOnce;
        options.knownHostsFile = sshd.path(QStringLiteral("known_hosts"));
        options.useAgent = false;
        SshClient client;
        const auto status = client.connectToHost(options).result();
        QVERIFY2(status.ok(), qPrintable(status.message));

        const auto disk =
            client.exec(*CommandTemplate::find(QStringLiteral("proc-disk"))->render({})).result();
        QCOMPARE(disk.exitStatus, 0);
        const auto e = parseProcDisk(disk.stdOut, disk.stdErr, disk.exitStatus);
        QVERIFY(!e.disks.isEmpty());
        QVERIFY(e.cpu && e.cpu->total() > 0);

        const auto probe =
            client
                .exec(*CommandTemplate::find(QStringLiteral("tcp-probe-443"))
                           ->render({{QStringLiteral("host"), QStringLiteral("127.0.0.1")}}))
                .result();
        const auto p = parseTcpProbe(probe.stdOut, probe.stdErr, probe.exitStatus);
        // Nothing listens on 127.0.0.1:443 on a test machine: refused, said by bash itself.
        QCOMPARE(p.outcome, TcpProbeEvidence::Outcome::Refused);

        const auto tunnel =
            client.exec(*CommandTemplate::find(QStringLiteral("tunnel-containers"))->render({}))
                .result();
        const auto t = parseTunnelContainers(tunnel.stdOut, tunnel.stdErr, tunnel.exitStatus);
        // No container runtime here: a clear problem, not an empty "no tunnel" verdict.
        QVERIFY(t.problem);
    }
};

QTEST_GUILESS_MAIN(TstNodeCheckParsers)
#include "tst_nodecheckparsers.moc"
