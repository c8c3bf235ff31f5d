// SshConfig (the ~/.ssh/config subset we read) and endpoint parsing.
#include "ssh/sshconfig.h"

#include <QDir>
#include <QTest>

namespace {
QString S(const char *text) {
    return QString::fromUtf8(text);
}
} // namespace

using nt::SshConfig;
using nt::SshEndpoint;
using nt::SshOverrides;
using nt::UnknownHostKeyPolicy;

class TstSshConfig : public QObject {
    Q_OBJECT

private:
    static SshConfig parse(const QByteArray &text) {
        auto config = SshConfig::parse(text, QStringLiteral("cfg"));
        if (!config)
            qFatal("parse failed: %s", qPrintable(config.error()));
        return config.value();
    }

private Q_SLOTS:
    void endpoint_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addRow("host") << S("node1") << true << S("") << S("node1") << 0;
        QTest::addRow("user host port")
            << S("azureuser@10.0.0.4:2222") << true << S("azureuser") << S("10.0.0.4") << 2222;
        QTest::addRow("ipv6 with port")
            << S("root@[fe80::1]:22") << true << S("root") << S("fe80::1") << 22;
        QTest::addRow("bare ipv6") << S("fe80::1") << true << S("") << S("fe80::1") << 0;
        QTest::addRow("ssh uri") << S("ssh://u@h:2200") << true << S("u") << S("h") << 2200;
        QTest::addRow("bad port") << S("h:99999") << false << S("") << S("") << 0;
        QTest::addRow("empty user") << S("@h") << false << S("") << S("") << 0;
        QTest::addRow("space") << S("a b") << false << S("") << S("") << 0;
        QTest::addRow("empty") << S("") << false << S("") << S("") << 0;
    }
    void endpoint() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto endpoint = nt::parseSshEndpoint(text);
        QCOMPARE(endpoint.has_value(), valid);
        if (!valid)
            return;
        QTEST(endpoint->user, "user");
        QTEST(endpoint->host, "host");
        QTEST(endpoint->port, "port");
    }

    void globMatch_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::addRow("star") << S("aks-*") << S("aks-np-1") << true;
        QTest::addRow("question") << S("node?") << S("node7") << true;
        QTest::addRow("question needs one") << S("node?") << S("node") << false;
        QTest::addRow("inner star") << S("10.0.*.4") << S("10.0.12.4") << true;
        QTest::addRow("case") << S("AKS-*") << S("aks-x") << true;
        QTest::addRow("no match") << S("bastion") << S("bastion2") << false;
    }
    void globMatch() {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QTEST(SshConfig::globMatch(pattern, text), "matches");
    }

    void firstValueWinsAndPatterns() {
        const SshConfig config = parse("User everyone\n"
                                       "Host aks-* !aks-skip\n"
                                       "  HostName %h.internal\n"
                                       "  User azureuser\n"
                                       "  Port 2222\n"
                                       "  IdentityFile ~/.ssh/aks_key\n"
                                       "Host *\n"
                                       "  User ignored\n"
                                       "  Port 22\n"
                                       "  IdentityFile=\"/keys/with space\"\n");
        const auto node = config.lookup(QStringLiteral("aks-np-1"));
        QCOMPARE(node.hostName, QStringLiteral("aks-np-1.internal"));
        QCOMPARE(node.user, QStringLiteral("everyone")); // before any Host: applies first
        QCOMPARE(node.port, 2222);
        QCOMPARE(node.identityFiles, QStringList({QStringLiteral("~/.ssh/aks_key"),
                                                  QStringLiteral("\"/keys/with space\"")}));
        const auto skipped = config.lookup(QStringLiteral("aks-skip"));
        QVERIFY(skipped.hostName.isEmpty());
        QCOMPARE(skipped.port, 22);
    }

    void connectOptionsResolveJumpsAndKnownHosts() {
        const SshConfig config = parse("Host bastion\n"
                                       "  HostName 20.1.2.3\n"
                                       "  User jumper\n"
                                       "  IdentityFile %d/.ssh/bastion_%r\n"
                                       "Host node1\n"
                                       "  HostName 10.0.0.4\n"
                                       "  User azureuser\n"
                                       "  ProxyJump bastion,admin@10.0.0.9:2200\n"
                                       "  UserKnownHostsFile ~/kh/%h\n"
                                       "  StrictHostKeyChecking accept-new\n");
        auto options = config.connectOptions(*nt::parseSshEndpoint(QStringLiteral("node1")));
        QVERIFY(options);
        QCOMPARE(options->target.host, QStringLiteral("10.0.0.4"));
        QCOMPARE(options->target.user, QStringLiteral("azureuser"));
        QCOMPARE(options->target.port, 22);
        QCOMPARE(options->jumps.size(), 2);
        QCOMPARE(options->jumps[0].display(), QStringLiteral("jumper@20.1.2.3:22"));
        QCOMPARE(options->jumps[0].identityFiles,
                 QStringList{QDir::homePath() + QStringLiteral("/.ssh/bastion_jumper")});
        QCOMPARE(options->jumps[1].display(), QStringLiteral("admin@10.0.0.9:2200"));
        QCOMPARE(options->knownHostsFile, QDir::homePath() + QStringLiteral("/kh/10.0.0.4"));
        QCOMPARE(options->unknownHostKey, UnknownHostKeyPolicy::AcceptAndSave);

        // The command line beats the file; "none" switches ProxyJump off.
        SshOverrides overrides;
        overrides.user = QStringLiteral("root");
        overrides.port = 2022;
        overrides.identityFiles = {QStringLiteral("/k/id")};
        overrides.proxyJump = QStringLiteral("none");
        overrides.knownHostsFile = QStringLiteral("/tmp/kh");
        options = config.connectOptions(*nt::parseSshEndpoint(QStringLiteral("node1")), overrides);
        QVERIFY(options);
        QCOMPARE(options->target.display(), QStringLiteral("root@10.0.0.4:2022"));
        QCOMPARE(options->target.identityFiles, QStringList{QStringLiteral("/k/id")});
        QVERIFY(options->jumps.isEmpty());
        QCOMPARE(options->knownHostsFile, QStringLiteral("/tmp/kh"));
        QCOMPARE(options->unknownHostKey, UnknownHostKeyPolicy::AcceptAndSave);

        options = SshConfig().connectOptions(*nt::parseSshEndpoint(QStringLiteral("u@h")));
        QVERIFY(options);
        QCOMPARE(options->knownHostsFile, QDir::homePath() + QStringLiteral("/.ssh/known_hosts"));
        QCOMPARE(options->unknownHostKey, UnknownHostKeyPolicy::Refuse);
    }

    void badJumpAndBadPortNamed() {
        const auto bad = SshConfig::parse("Host x\n  Port twenty\n", QStringLiteral("/etc/cfg"));
        QVERIFY(!bad);
        QVERIFY2(bad.error().startsWith(QStringLiteral("/etc/cfg:2: Port")),
                 qPrintable(bad.error()));
        const SshConfig config = parse("Host x\n ProxyJump a b\n");
        const auto options = config.connectOptions(*nt::parseSshEndpoint(QStringLiteral("x")));
        QVERIFY(!options);
        QVERIFY(options.error().contains(QStringLiteral("'a b'")));
    }

    void matchBlocksOtherThanAllAreSkipped() {
        const SshConfig config = parse("Match host foo exec \"true\"\n  User nope\n"
                                       "Match all\n  User yes\n");
        QCOMPARE(config.lookup(QStringLiteral("foo")).user, QStringLiteral("yes"));
    }
};

QTEST_GUILESS_MAIN(TstSshConfig)
#include "tst_sshconfig.moc"
