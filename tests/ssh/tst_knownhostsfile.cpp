// KnownHostsFile: finding a host's lines, plain, with patterns and hashed by ssh-keygen -H.
#include "ssh/knownhostsfile.h"
#include "sshdfixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using nt::KnownHostsFile;

class TstKnownHostsFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostName() {
        QCOMPARE(KnownHostsFile::hostName(QStringLiteral("10.0.0.4"), 22),
                 QStringLiteral("10.0.0.4"));
        QCOMPARE(KnownHostsFile::hostName(QStringLiteral("10.0.0.4"), 2222),
                 QStringLiteral("[10.0.0.4]:2222"));
    }

    void findPlainAndHashed_data() {
        QTest::addColumn<bool>("hashed");
        QTest::addRow("plain") << false;
        QTest::addRow("hashed") << true;
    }
    void findPlainAndHashed() {
        QFETCH(bool, hashed);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("known_hosts"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        const QByteArray key =
            "AAAAC3NzaC1lZDI1NTE5AAAAIEMFfwbNAudGoF9SOqoFAA+Qzol7EjJXlM3WIFQCu9Ul";
        out.write("# header\n"
                  "other.example.com ssh-ed25519 " +
                  key +
                  "\n"
                  "[10.0.0.4]:2222 ssh-ed25519 " +
                  key +
                  "\n"
                  "10.0.0.4 ssh-rsa " +
                  key +
                  "\n"
                  "@cert-authority *.example.com ssh-ed25519 " +
                  key + "\n");
        out.close();
        if (hashed)
            QVERIFY(nt::test::SshdFixture::runTool(
                QStringLiteral("ssh-keygen"), {QStringLiteral("-H"), QStringLiteral("-f"), file}));
        auto lines = KnownHostsFile::find(file, QStringLiteral("10.0.0.4"), 2222);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].line, 3);
        QCOMPARE(lines[0].hashed, hashed);
        QCOMPARE(lines[0].keyType, QStringLiteral("ssh-ed25519"));
        lines = KnownHostsFile::find(file, QStringLiteral("10.0.0.4"), 22);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].line, 4);
        QVERIFY(KnownHostsFile::find(file, QStringLiteral("10.0.0.5"), 22).isEmpty());
    }

    void patternsAndNegation() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("known_hosts"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("10.0.0.*,!10.0.0.9 ssh-ed25519 AAAA\n");
        out.close();
        QCOMPARE(KnownHostsFile::find(file, QStringLiteral("10.0.0.4"), 22).size(), 1);
        QVERIFY(KnownHostsFile::find(file, QStringLiteral("10.0.0.9"), 22).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstKnownHostsFile)
#include "tst_knownhostsfile.moc"
