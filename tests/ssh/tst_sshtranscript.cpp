// The transcript: timestamps, ANSI removed, typed lines recorded only when the node echoed them
// (a password typed at a no-echo prompt is never stored), JSON lines.
#include "ssh/sshtranscript.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using nt::SshTranscript;
using nt::TranscriptEntry;

class TstSshTranscript : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void echoedLineRecorded() {
        SshTranscript t;
        t.beginSession(QStringLiteral("root@10.224.0.4:22"));
        t.typed("ls /va");
        t.output("ls /va"); // the PTY echoes as the user types
        t.typed("r\r");
        t.output("r\r\n\x1b[0m\x1b[01;34mlib\x1b[0m  log\r\n");
        QCOMPARE(t.entries().size(), 2);
        QCOMPARE(t.entries()[0].kind, TranscriptEntry::Kind::Input);
        QCOMPARE(t.entries()[0].text, QStringLiteral("ls /var"));
        QCOMPARE(t.entries()[0].session, QStringLiteral("root@10.224.0.4:22"));
        QCOMPARE(t.entries()[1].kind, TranscriptEntry::Kind::Output);
        QCOMPARE(t.entries()[1].text, QStringLiteral("ls /var\nlib  log\n"));
        QVERIFY(t.entries()[0].time.isValid());
        QCOMPARE(t.entries()[0].time.timeSpec(), Qt::UTC);
    }

    void passwordAtNoEchoPromptNotRecorded() {
        SshTranscript t;
        t.output("[sudo] password for azureuser: ");
        t.typed("Sup3rS3cret!\r"); // echo off: nothing comes back
        t.output("\r\n");
        const QByteArray saved = t.toJsonLines();
        QVERIFY(!saved.contains("Sup3rS3cret"));
        const auto redacted =
            std::find_if(t.entries().cbegin(), t.entries().cend(), [](const TranscriptEntry &e) {
                return e.kind == TranscriptEntry::Kind::Redacted;
            });
        QVERIFY(redacted != t.entries().cend());
        QVERIFY(redacted->text.contains(QLatin1String("not recorded")));
    }

    void backspaceEditsTheLine() {
        SshTranscript t;
        t.typed("ecx");
        t.output("ecx");
        t.typed("\x7fho hi\r");
        t.output("\b \bho hi\r\nhi\r\n");
        QCOMPARE(t.entries().first().text, QStringLiteral("echo hi"));
    }

    void plainTextStripsSequences() {
        QCOMPARE(SshTranscript::plainText("\x1b[31mred\x1b[0m \x1b]0;title\x07ok\x1b(B!"),
                 QStringLiteral("red ok!"));
        QCOMPARE(SshTranscript::plainText("a\r\nb"), QStringLiteral("a\nb"));
    }

    void savedAsJsonLines() {
        SshTranscript t;
        t.beginSession(QStringLiteral("root@127.0.0.1:2222"));
        t.event(QStringLiteral("Connected"));
        t.command(QStringLiteral("cat /proc/diskstats"));
        t.output("partial");
        t.flush();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.jsonl"));
        QVERIFY(t.save(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(second[QStringLiteral("kind")].toString(), QStringLiteral("command"));
        QCOMPARE(second[QStringLiteral("text")].toString(), QStringLiteral("cat /proc/diskstats"));
        QCOMPARE(second[QStringLiteral("session")].toString(),
                 QStringLiteral("root@127.0.0.1:2222"));
        QVERIFY(QDateTime::fromString(second[QStringLiteral("time")].toString(), Qt::ISODateWithMs)
                    .isValid());
        QCOMPARE(QJsonDocument::fromJson(lines[2]).object()[QStringLiteral("text")].toString(),
                 QStringLiteral("partial"));
        QString error;
        QVERIFY(!t.save(dir.filePath(QStringLiteral("missing/dir/t.jsonl")), &error));
        QVERIFY(error.startsWith(QLatin1String("Cannot write the transcript to ")));
    }
};

QTEST_GUILESS_MAIN(TstSshTranscript)
#include "tst_sshtranscript.moc"
