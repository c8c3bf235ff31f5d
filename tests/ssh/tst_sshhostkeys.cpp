// Host key verification against a real sshd: unknown keys (refused with the fingerprint, saved
// with accept-new, asked once), changed keys refused before any authentication with the
// known_hosts file:line, hashed known_hosts entries.
#include "ssh/sshclient.h"
#include "sshdfixture.h"

#include <QFile>
#include <QTest>

using nt::HostKeyDecision;
using nt::HostKeyQuestion;
using nt::SshClient;
using nt::SshConnectOptions;
using nt::SshErrorKind;
using nt::UnknownHostKeyPolicy;
using nt::test::SshdFixture;

class TstSshHostKeys : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SshdFixture> m_sshd;
    QString m_key;
    QStringList m_authAttempts;
    int m_files = 0;

    QString newKnownHosts() { return m_sshd->path(QStringLiteral("kh_%1").arg(++m_files)); }

    SshConnectOptions options(const QString &knownHosts, UnknownHostKeyPolicy policy) {
        SshConnectOptions o;
        o.target.host = QStringLiteral("127.0.0.1");
        o.target.user = QStringLiteral("root");
        o.target.port = m_sshd->port();
        o.target.identityFiles = {m_key};
        o.knownHostsFile = knownHosts;
        o.unknownHostKey = policy;
        o.useAgent = false;
        o.timeoutMs = 5000;
        o.callbacks.authAttempt = [this](const QString &method) { m_authAttempts << method; };
        return o;
    }

    static QByteArray readAll(const QString &file) {
        QFile in(file);
        return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() {
        m_sshd = std::make_unique<SshdFixture>();
        m_key = m_sshd->addUserKey(QStringLiteral("id_ed25519"));
        QVERIFY(m_sshd->start());
    }
    void init() { m_authAttempts.clear(); }

    void unknownHostRefusedWithFingerprint() {
        const QString kh = newKnownHosts();
        SshClient client;
        const auto status =
            client.connectToHost(options(kh, UnknownHostKeyPolicy::Refuse)).result();
        QCOMPARE(status.kind, SshErrorKind::HostKeyUnknown);
        const QString fingerprint = m_sshd->hostKeyFingerprint();
        QVERIFY(fingerprint.startsWith(QStringLiteral("SHA256:")));
        QVERIFY2(status.message.contains(fingerprint), qPrintable(status.message));
        QVERIFY(status.message.contains(QStringLiteral("ssh-ed25519")));
        QVERIFY(m_authAttempts.isEmpty());
        QVERIFY(!QFile::exists(kh));
    }

    void unknownHostAcceptedAndSaved() {
        const QString kh = newKnownHosts();
        SshClient client;
        auto status =
            client.connectToHost(options(kh, UnknownHostKeyPolicy::AcceptAndSave)).result();
        QVERIFY2(status.ok(), qPrintable(status.message));
        const QByteArray saved = readAll(kh);
        QVERIFY2(saved.contains(QStringLiteral("[127.0.0.1]:%1 ").arg(m_sshd->port()).toUtf8()),
                 saved);
        QVERIFY(saved.contains(m_sshd->hostKeyPublic().section(QLatin1Char(' '), 1, 1).toUtf8()));
        // Now known: the strict policy connects.
        SshClient again;
        status = again.connectToHost(options(kh, UnknownHostKeyPolicy::Refuse)).result();
        QVERIFY2(status.ok(), qPrintable(status.message));
    }

    void unknownHostAskedOnce_data() {
        QTest::addColumn<int>("answer");
        QTest::addRow("trust once") << int(HostKeyDecision::TrustOnce);
        QTest::addRow("trust and save") << int(HostKeyDecision::TrustAndSave);
        QTest::addRow("refuse") << int(HostKeyDecision::Refuse);
    }
    void unknownHostAskedOnce() {
        QFETCH(int, answer);
        const QString kh = newKnownHosts();
        SshConnectOptions o = options(kh, UnknownHostKeyPolicy::Ask);
        QList<HostKeyQuestion> questions;
        o.callbacks.unknownHostKey = [&](const HostKeyQuestion &q) {
            questions << q;
            return HostKeyDecision(answer);
        };
        SshClient client;
        const auto status = client.connectToHost(o).result();
        QCOMPARE(questions.size(), 1);
        QCOMPARE(questions.first().fingerprint, m_sshd->hostKeyFingerprint());
        QCOMPARE(questions.first().port, m_sshd->port());
        QCOMPARE(status.ok(), HostKeyDecision(answer) != HostKeyDecision::Refuse);
        QCOMPARE(QFile::exists(kh), HostKeyDecision(answer) == HostKeyDecision::TrustAndSave);
    }

    void hashedEntryRecognised() {
        const QString kh = newKnownHosts();
        QFile out(kh);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(m_sshd->knownHostsLine().toUtf8() + '\n');
        out.close();
        QVERIFY(SshdFixture::runTool(QStringLiteral("ssh-keygen"),
                                     {QStringLiteral("-H"), QStringLiteral("-f"), kh}));
        QVERIFY(readAll(kh).startsWith("|1|"));
        SshClient client;
        const auto status =
            client.connectToHost(options(kh, UnknownHostKeyPolicy::Refuse)).result();
        QVERIFY2(status.ok(), qPrintable(status.message));
    }

    // Last: it replaces the server's host key.
    void changedKeyRefusedBeforeAuthentication_data() {
        QTest::addColumn<bool>("hashed");
        QTest::addRow("plain entry") << false;
        QTest::addRow("hashed entry") << true;
    }
    void changedKeyRefusedBeforeAuthentication() {
        QFETCH(bool, hashed);
        const QString kh = newKnownHosts();
        QFile out(kh);
        QVERIFY(out.open(QIODevice::WriteOnly));
        const QByteArray otherKey = readAll(m_key + QStringLiteral(".pub")).trimmed();
        out.write("# a comment, then another host\nother.example.com " + otherKey + '\n');
        out.write(m_sshd->knownHostsLine().toUtf8() + '\n');
        out.close();
        if (hashed)
            QVERIFY(SshdFixture::runTool(QStringLiteral("ssh-keygen"),
                                         {QStringLiteral("-H"), QStringLiteral("-f"), kh}));

        QVERIFY(m_sshd->newHostKey());
        QVERIFY(m_sshd->start()); // same port, new key
        const QString newFingerprint = m_sshd->hostKeyFingerprint();
        SshClient client;
        const auto status =
            client.connectToHost(options(kh, UnknownHostKeyPolicy::AcceptAndSave)).result();
        QCOMPARE(status.kind, SshErrorKind::HostKeyChanged);
        QVERIFY2(status.message.contains(kh + QStringLiteral(":3;")), qPrintable(status.message));
        QVERIFY2(status.message.contains(newFingerprint), qPrintable(status.message));
        QVERIFY(status.message.contains(QStringLiteral("CHANGED")));
        // Refused before authenticating: we tried nothing, and the server saw nothing.
        QVERIFY(m_authAttempts.isEmpty());
        const QString log = m_sshd->log();
        QVERIFY2(!log.contains(QStringLiteral("Accepted")) &&
                     !log.contains(QStringLiteral("Failed")) &&
                     !log.contains(QStringLiteral("Postponed")),
                 qPrintable(log));
    }

    void cleanupTestCase() { m_sshd.reset(); }
};

QTEST_GUILESS_MAIN(TstSshHostKeys)
#include "tst_sshhostkeys.moc"
