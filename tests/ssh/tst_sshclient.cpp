// SshClient against real OpenSSH servers: exec, key kinds, passphrases, password refused,
// ProxyJump chains, the PTY shell, a server killed mid-command, cancellation.
#include "ssh/sshclient.h"
#include "sshdfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using nt::SshClient;
using nt::SshConnectOptions;
using nt::SshErrorKind;
using nt::test::SshdFixture;

class TstSshClient : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SshdFixture> m_sshd;
    QString m_key; // ed25519, OpenSSH format, authorized on m_sshd

    QString knownHostsFor(const QList<SshdFixture *> &servers) {
        const QString file = m_sshd->path(QStringLiteral("known_hosts_%1").arg(++m_files));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        for (SshdFixture *server : servers)
            out.write(server->knownHostsLine().toUtf8() + '\n');
        return file;
    }

    SshConnectOptions optionsFor(SshdFixture &server, const QString &key) {
        SshConnectOptions options;
        options.target.host = QStringLiteral("127.0.0.1");
        options.target.user = QStringLiteral("root");
        options.target.port = server.port();
        options.target.identityFiles = {key};
        options.knownHostsFile = knownHostsFor({&server});
        options.useAgent = false;
        options.timeoutMs = 5000;
        return options;
    }

    int m_files = 0;

private Q_SLOTS:
    void initTestCase() {
        m_sshd = std::make_unique<SshdFixture>();
        m_key = m_sshd->addUserKey(QStringLiteral("id_ed25519"));
        QVERIFY(!m_key.isEmpty());
        QVERIFY(m_sshd->start());
    }

    void execReturnsStreamsAndExitStatus() {
        SshClient client;
        const auto status = client.connectToHost(optionsFor(*m_sshd, m_key)).result();
        QVERIFY2(status.ok(), qPrintable(status.message));
        const auto result =
            client.exec(QStringLiteral("echo out; echo err >&2; printf '\\000\\377'; exit 7"))
                .result();
        QVERIFY2(result.ok(), qPrintable(result.status.message));
        QCOMPARE(result.exitStatus, 7);
        QCOMPARE(result.stdOut, QByteArray("out\n\0\xff", 6));
        QCOMPARE(result.stdErr, QByteArray("err\n"));
        // A second command on the same connection.
        QCOMPARE(client.exec(QStringLiteral("true")).result().exitStatus, 0);
        QVERIFY(client.disconnectFromHost().result().ok());
        QTRY_VERIFY(m_sshd->log().contains(QStringLiteral("Received disconnect")));
    }

    // The session's shell reads its rc files from the fixture's empty home, never from the home
    // of the user running the tests (root's ~/.bashrc here runs pyenv, whose lock once hung
    // every SSH test): bash, started by sshd for `bash -c CMD`, reads ~/.bashrc even then.
    void sessionReadsNoRcFileOfTheUser() {
        QFile rc(m_sshd->home() + QStringLiteral("/.bashrc"));
        QVERIFY(rc.open(QIODevice::WriteOnly));
        rc.write("NT_RC_FROM=fixture-home\n");
        rc.close();
        SshClient client;
        const auto status = client.connectToHost(optionsFor(*m_sshd, m_key));
        QVERIFY2(nt::test::finishes(status), "connect timed out");
        QVERIFY2(status.result().ok(), qPrintable(status.result().message));
        const auto result = client.exec(QStringLiteral("echo \"$HOME|${NT_RC_FROM:-none}\""));
        QVERIFY2(nt::test::finishes(result), "exec timed out");
        QCOMPARE(result.result().stdOut, m_sshd->home().toUtf8() + "|fixture-home\n");
        QFile::remove(rc.fileName());
    }

    // A command that does not end fails the waiting test after the bound, with the event loop
    // running; it does not hang it.
    void boundedWaitOnAHungCommand() {
        SshClient client;
        const auto status = client.connectToHost(optionsFor(*m_sshd, m_key));
        QVERIFY2(nt::test::finishes(status), "connect timed out");
        QVERIFY(status.result().ok());
        QElapsedTimer timer;
        timer.start();
        const auto hung = client.exec(QStringLiteral("sleep 600"));
        QVERIFY(!nt::test::finishes(hung, 1000));
        QVERIFY(timer.elapsed() >= 1000);
        QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
        client.cancel();
        QVERIFY2(nt::test::finishes(hung), "cancel did not end the command");
    }

    void execNotConnected() {
        SshClient client;
        const auto result = client.exec(QStringLiteral("true")).result();
        QCOMPARE(result.status.kind, SshErrorKind::NotConnected);
    }

    void keyAuth_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("pem");
        QTest::addRow("ed25519 openssh") << QStringLiteral("ed25519") << false;
        QTest::addRow("rsa pem") << QStringLiteral("rsa") << true;
        QTest::addRow("ecdsa openssh") << QStringLiteral("ecdsa") << false;
    }
    void keyAuth() {
        QFETCH(QString, type);
        QFETCH(bool, pem);
        const QString key =
            m_sshd->addUserKey(QStringLiteral("key_%1_%2").arg(type).arg(pem), type, {}, pem);
        QVERIFY(!key.isEmpty());
        if (pem) {
            QFile file(key);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.readAll().startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        }
        SshClient client;
        const auto status = client.connectToHost(optionsFor(*m_sshd, key)).result();
        QVERIFY2(status.ok(), qPrintable(status.message));
        QCOMPARE(client.exec(QStringLiteral("echo ok")).result().stdOut, QByteArray("ok\n"));
    }

    void encryptedKey_data() {
        QTest::addColumn<bool>("pem");
        QTest::addRow("openssh") << false;
        QTest::addRow("pem") << true;
    }
    void encryptedKey() {
        QFETCH(bool, pem);
        const QByteArray secret = "correct horse";
        const QString key = m_sshd->addUserKey(
            QStringLiteral("enc_%1").arg(pem),
            pem ? QStringLiteral("rsa") : QStringLiteral("ed25519"), secret, pem);
        QVERIFY(!key.isEmpty());
        // Without the .pub beside it the key must be decrypted before the server is asked.
        QVERIFY(QFile::remove(key + QStringLiteral(".pub")));

        SshConnectOptions options = optionsFor(*m_sshd, key);
        int asked = 0;
        QString askedFor;
        options.callbacks.passphrase = [&](const QString &file, int) {
            ++asked;
            askedFor = file;
            return std::optional<QByteArray>(secret);
        };
        SshClient client;
        auto status = client.connectToHost(options).result();
        QVERIFY2(status.ok(), qPrintable(status.message));
        QCOMPARE(asked, 1);
        QCOMPARE(askedFor, key);

        const QByteArray wrong = "not-the-passphrase";
        options.callbacks.passphrase = [&](const QString &, int) {
            return std::optional<QByteArray>(wrong);
        };
        SshClient second;
        status = second.connectToHost(options).result();
        QCOMPARE(status.kind, SshErrorKind::KeyFile);
        QVERIFY2(status.message.contains(QStringLiteral("wrong passphrase for the key ") + key),
                 qPrintable(status.message));
        QVERIFY(!status.message.contains(QString::fromUtf8(wrong)));
    }

    void passwordRefusedWhenServerDisablesIt() {
        SshConnectOptions options = optionsFor(*m_sshd, m_sshd->path(QStringLiteral("absent")));
        int passwordAsked = 0;
        options.callbacks.password = [&](const QString &, int) {
            ++passwordAsked;
            return std::optional<QByteArray>("secret");
        };
        SshClient client;
        const auto status = client.connectToHost(options).result();
        QCOMPARE(status.kind, SshErrorKind::Auth);
        QVERIFY2(status.message.contains(QStringLiteral("Permission denied for root@127.0.0.1:")),
                 qPrintable(status.message));
        QVERIFY2(status.message.contains(QStringLiteral("the server accepts: publickey)")),
                 qPrintable(status.message));
        QCOMPARE(passwordAsked, 0);
    }

    void proxyJump_data() {
        QTest::addColumn<int>("hops");
        QTest::addRow("one jump host") << 1;
        QTest::addRow("two jump hosts") << 2;
    }
    void proxyJump() {
        QFETCH(int, hops);
        std::vector<std::unique_ptr<SshdFixture>> jumps;
        QList<SshdFixture *> servers{m_sshd.get()};
        SshConnectOptions options = optionsFor(*m_sshd, m_key);
        for (int i = 0; i < hops; ++i) {
            jumps.push_back(std::make_unique<SshdFixture>());
            QVERIFY(jumps.back()->authorize(m_key + QStringLiteral(".pub")));
            QVERIFY(jumps.back()->start());
            servers << jumps.back().get();
            nt::SshHostSettings hop = options.target;
            hop.port = jumps.back()->port();
            options.jumps << hop;
        }
        options.knownHostsFile = knownHostsFor(servers);
        SshClient client;
        const auto status = client.connectToHost(options).result();
        QVERIFY2(status.ok(), qPrintable(status.message));
        const auto result = client.exec(QStringLiteral("echo $SSH_CONNECTION")).result();
        QVERIFY2(result.ok(), qPrintable(result.status.message));
        // The target sees the connection arrive from the last jump host, not from us directly.
        QVERIFY(result.stdOut.endsWith(
            QByteArray(" 127.0.0.1 " + QByteArray::number(m_sshd->port()) + '\n')));
        for (const auto &jump : jumps)
            QTRY_VERIFY(jump->log().contains(QStringLiteral("Accepted publickey for root")));
        QVERIFY(client.disconnectFromHost().result().ok());
    }

    void ptyShellAndWindowChange() {
        SshClient client;
        const auto status = client.connectToHost(optionsFor(*m_sshd, m_key)).result();
        QVERIFY2(status.ok(), qPrintable(status.message));
        QByteArray output;
        connect(&client, &SshClient::shellOutput, this,
                [&](int, const QByteArray &data) { output += data; });
        QSignalSpy closed(&client, &SshClient::shellClosed);
        const auto shell = client.openShell({80, 24}).result();
        QVERIFY2(shell.status.ok(), qPrintable(shell.status.message));

        client.writeShell(shell.channelId,
                          "echo T=$TERM; stty size; printf '\\033[31mred\\033[0m\\n'; tput cols\n");
        QTRY_VERIFY_WITH_TIMEOUT(output.contains("\n80\r\n"), 5000);
        QVERIFY(output.contains("T=xterm-256color"));
        QVERIFY(output.contains("24 80"));
        QVERIFY(output.contains("\x1b[31mred\x1b[0m"));

        output.clear();
        client.resizeShell(shell.channelId, {132, 40});
        client.writeShell(shell.channelId, "stty size\n");
        QTRY_VERIFY_WITH_TIMEOUT(output.contains("40 132"), 5000);

        client.writeShell(shell.channelId, "exit 5\n");
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 5000);
        QCOMPARE(closed.first().at(1).toInt(), 5);
    }

    void serverKilledMidCommandThenReconnect() {
        SshClient client;
        QSignalSpy lost(&client, &SshClient::connectionLost);
        const SshConnectOptions options = optionsFor(*m_sshd, m_key);
        QVERIFY(client.connectToHost(options).result().ok());
        const qsizetype mark = m_sshd->log().size();
        auto running = client.exec(QStringLiteral("sleep 30"));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_sshd->log().mid(mark).contains(QStringLiteral("Starting session: command")), 5000);
        QElapsedTimer timer;
        timer.start();
        m_sshd->kill();
        const auto result = running.result();
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(result.status.kind, SshErrorKind::ConnectionLost);
        const QString expected =
            QStringLiteral("Connection to 127.0.0.1:%1 lost while running 'sleep 30': ")
                .arg(m_sshd->port());
        QVERIFY2(result.status.message.startsWith(expected), qPrintable(result.status.message));
        QTRY_COMPARE(lost.size(), 1);

        QVERIFY(m_sshd->start());
        const auto again = client.connectToHost(options).result();
        QVERIFY2(again.ok(), qPrintable(again.message));
        QCOMPARE(client.exec(QStringLiteral("echo back")).result().stdOut, QByteArray("back\n"));
    }

    void cancelConnectToSilentServer() {
        QTcpServer silent; // accepts (the kernel does) and never says a word
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        SshConnectOptions options = optionsFor(*m_sshd, m_key);
        options.target.port = silent.serverPort();
        options.timeoutMs = 60000;
        SshClient client;
        auto pending = client.connectToHost(options);
        QTRY_VERIFY(silent.hasPendingConnections());
        QVERIFY(!pending.isFinished());
        QElapsedTimer timer;
        timer.start();
        client.cancel();
        const auto status = pending.result();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(status.kind, SshErrorKind::Canceled);
    }

    void cleanupTestCase() { m_sshd.reset(); }
};

QTEST_GUILESS_MAIN(TstSshClient)
#include "tst_sshclient.moc"
