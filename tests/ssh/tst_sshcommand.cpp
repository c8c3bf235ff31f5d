// `nodetriage ssh` end to end: the real binary against a real sshd.
#include "sshdfixture.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using nt::test::SshdFixture;

class TstSshCommand : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SshdFixture> m_sshd;
    QString m_key;
    QString m_knownHosts;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &arguments, const QByteArray &input = {}) {
        QProcess process;
        process.start(nt::test::appBinary(), QStringList{QStringLiteral("ssh")} + arguments);
        process.write(input);
        process.closeWriteChannel();
        Run result;
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
            return result;
        result.exitCode = process.exitCode();
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
    QStringList common() const {
        return {QStringLiteral("-p"),
                QString::number(m_sshd->port()),
                QStringLiteral("-i"),
                m_key,
                QStringLiteral("--known-hosts"),
                m_knownHosts,
                QStringLiteral("--ssh-config"),
                QStringLiteral("/dev/null")};
    }

private Q_SLOTS:
    void initTestCase() {
        m_sshd = std::make_unique<SshdFixture>();
        m_key = m_sshd->addUserKey(QStringLiteral("id_ed25519"));
        QVERIFY(m_sshd->start());
        m_knownHosts = m_sshd->path(QStringLiteral("known_hosts"));
    }

    // First: the known_hosts file does not exist yet.
    void unknownHostRefusedThenAccepted() {
        Run r = run(common() + QStringList{QStringLiteral("root@127.0.0.1"), QStringLiteral("--"),
                                           QStringLiteral("true")});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.err.contains(m_sshd->hostKeyFingerprint().toUtf8()), r.err);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!QFile::exists(m_knownHosts));

        r = run(common() + QStringList{QStringLiteral("--accept-new-host-key"),
                                       QStringLiteral("root@127.0.0.1"), QStringLiteral("--"),
                                       QStringLiteral("echo saved")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("saved\n"));
        QVERIFY(QFile::exists(m_knownHosts));
    }

    void printsOutputAndExitsWithStatus() {
        const Run r =
            run(common() + QStringList{QStringLiteral("root@127.0.0.1"), QStringLiteral("--"),
                                       QStringLiteral("echo hi; echo oops >&2; exit 3")});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.out, QByteArray("hi\n"));
        QCOMPARE(r.err, QByteArray("oops\n"));
    }

    void binaryOutputIsCopiedByteForByte() {
        const Run r =
            run(common() + QStringList{QStringLiteral("root@127.0.0.1"), QStringLiteral("--"),
                                       QStringLiteral("printf '\\000\\001\\377\\r\\n'")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("\0\1\xff\r\n", 5));
    }

    void configAliasAndJump() {
        // An alias from an SSH config, reached through a jump host named in that config.
        SshdFixture jump;
        QVERIFY(jump.authorize(m_key + QStringLiteral(".pub")));
        QVERIFY(jump.start());
        QFile kh(m_knownHosts);
        QVERIFY(kh.open(QIODevice::Append));
        kh.write(jump.knownHostsLine().toUtf8() + '\n');
        kh.close();
        const QString config = m_sshd->path(QStringLiteral("ssh_config"));
        QFile cfg(config);
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write(
            QStringLiteral("Host bastion\n  HostName 127.0.0.1\n  Port %1\n"
                           "Host node\n  HostName 127.0.0.1\n  Port %2\n  ProxyJump bastion\n"
                           "Host *\n  User root\n  IdentityFile %3\n  UserKnownHostsFile %4\n")
                .arg(jump.port())
                .arg(m_sshd->port())
                .arg(m_key, m_knownHosts)
                .toUtf8());
        cfg.close();
        const Run r = run({QStringLiteral("--ssh-config"), config, QStringLiteral("node"),
                           QStringLiteral("--"), QStringLiteral("echo via jump")});
        QVERIFY2(r.exitCode == 0, r.err);
        QCOMPARE(r.out, QByteArray("via jump\n"));
        QTRY_VERIFY(jump.log().contains(QStringLiteral("Accepted publickey for root")));
    }

    // --password-stdin against a server that takes a password, asked by the password method
    // or by keyboard-interactive through PAM (a node's sshd at its defaults); a wrong one is
    // sent once, refused in one line that does not hold it.
    void passwordFromStdin_data() {
        QTest::addColumn<bool>("keyboardInteractive");
        QTest::addRow("password") << false;
        QTest::addRow("keyboard-interactive") << true;
    }
    void passwordFromStdin() {
        QFETCH(bool, keyboardInteractive);
        SshdFixture sshd;
        sshd.passwordAuthentication = !keyboardInteractive;
        sshd.keyboardInteractive = keyboardInteractive;
        QString whyNot;
        const QString user = sshd.addPasswordUser("stdin pass 3", &whyNot);
        if (user.isEmpty())
            QSKIP(qPrintable(whyNot));
        QVERIFY(sshd.start());
        const QStringList args{QStringLiteral("-p"),
                               QString::number(sshd.port()),
                               QStringLiteral("--accept-new-host-key"),
                               QStringLiteral("--known-hosts"),
                               sshd.path(QStringLiteral("known_hosts")),
                               QStringLiteral("--ssh-config"),
                               QStringLiteral("/dev/null"),
                               QStringLiteral("--password-stdin"),
                               user + QStringLiteral("@127.0.0.1"),
                               QStringLiteral("--"),
                               QStringLiteral("id -un; exit 4")};
        Run r = run(args, "stdin pass 3\n");
        QVERIFY2(r.exitCode == 4, r.err);
        QCOMPARE(r.out, user.toUtf8() + '\n');

        r = run(args, "stdin pass 4\n");
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(
            r.err.startsWith(QByteArray("Permission denied for " + user.toUtf8() + "@127.0.0.1:")),
            r.err);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!r.err.contains("stdin pass"));
        const QString method = keyboardInteractive ? QStringLiteral("keyboard-interactive/pam")
                                                   : QStringLiteral("password");
        const QString log = sshd.log();
        QCOMPARE(log.count(QStringLiteral("Failed %1 for %2 ").arg(method, user)), 1);
    }

    void connectionErrorsExit255WithOneLine() {
        const Run r =
            run({QStringLiteral("-p"), QStringLiteral("1"), QStringLiteral("--ssh-config"),
                 QStringLiteral("/dev/null"), QStringLiteral("root@127.0.0.1"),
                 QStringLiteral("--"), QStringLiteral("true")});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.err.startsWith("Cannot connect to 127.0.0.1:1: "), r.err);
        QCOMPARE(r.err.count('\n'), 1);
    }

    void cleanupTestCase() { m_sshd.reset(); }
};

QTEST_GUILESS_MAIN(TstSshCommand)
#include "tst_sshcommand.moc"
