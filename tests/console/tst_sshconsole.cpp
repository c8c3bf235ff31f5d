// The SSH console window against a real OpenSSH sshd on 127.0.0.1 (offscreen): what the user sees
// in the terminal grid (colours, a full-screen program on the alternate screen, the PTY's size
// after a resize), the host-key and passphrase dialogs, a server killed mid-command and a
// reconnect, the node-side checks with their exact command shown, and a screenshot.
#include "console/hostkeydialog.h"
#include "console/sshconsolewindow.h"
#include "console/terminalwidget.h"
#include "ssh/sshtranscript.h"
#include "sshdfixture.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace nt;
using namespace nt::ui;
using nt::test::SshdFixture;

class TstSshConsole : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SshdFixture> m_sshd;
    QString m_key;
    int m_files = 0;

    QString knownHosts(const QByteArray &content) {
        const QString path = m_sshd->path(QStringLiteral("kh_console_%1").arg(++m_files));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
        return path;
    }

    ConsoleTarget targetFor(const QString &knownHostsFile, const QString &key) {
        ConsoleTarget t;
        t.host = QStringLiteral("127.0.0.1");
        t.user = QStringLiteral("root");
        t.port = m_sshd->port();
        t.identityFile = key;
        t.knownHostsFile = knownHostsFile;
        t.sshConfigFile = QStringLiteral("/dev/null");
        t.useAgent = false;
        t.nodeName = QStringLiteral("aks-nodepool1-12345678-vmss000002");
        t.apiServerFqdn = QStringLiteral("myaks-dns-1a2b3c4d.hcp.eastus.azmk8s.io");
        return t;
    }

    ConsoleTarget passwordTarget(SshdFixture &sshd, const QString &user) {
        ConsoleTarget t = targetFor({}, QString());
        t.user = user;
        t.port = sshd.port();
        t.knownHostsFile = sshd.path(QStringLiteral("known_hosts"));
        QFile file(t.knownHostsFile);
        if (file.open(QIODevice::WriteOnly))
            file.write(sshd.knownHostsLine().toUtf8() + '\n');
        return t;
    }

    // Types into the dialog's line edit, as the user would, and presses Return.
    static void answer(QInputDialog *dialog, const QString &text) {
        auto *edit = dialog->findChild<QLineEdit *>();
        QVERIFY(edit);
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }

    static void type(TerminalWidget *t, const QString &line) {
        QTest::keyClicks(t, line);
        QTest::keyClick(t, Qt::Key_Return);
    }

    static int rowContaining(TerminalWidget *t, const QString &text) {
        t->flushOutput();
        for (int r = 0; r < t->terminalSize().height(); ++r) {
            if (t->rowText(r).contains(text))
                return r;
        }
        return -1;
    }

    static int rowEqualTo(TerminalWidget *t, const QString &text) {
        t->flushOutput();
        for (int r = 0; r < t->terminalSize().height(); ++r) {
            if (t->rowText(r) == text)
                return r;
        }
        return -1;
    }

    static bool triedToAuthenticate(SshConsoleWindow &w) {
        return std::any_of(w.transcript()->entries().cbegin(), w.transcript()->entries().cend(),
                           [](const TranscriptEntry &e) {
                               return e.text.startsWith(QLatin1String("Trying authentication"));
                           });
    }

    template <typename T> static T *dialogOf(QWidget &w) {
        const auto all = w.findChildren<T *>();
        for (T *d : all) {
            if (d->isVisible())
                return d;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        m_sshd = std::make_unique<SshdFixture>();
        m_key = m_sshd->addUserKey(QStringLiteral("id_ed25519"));
        QVERIFY(m_sshd->start());
    }

    void colourAndFullScreenProgramInTheGrid() {
        SshConsoleWindow w;
        w.setTarget(targetFor(knownHosts(m_sshd->knownHostsLine().toUtf8() + '\n'), m_key));
        w.resize(1100, 600);
        w.show();
        w.connectToNode();
        QTRY_VERIFY_WITH_TIMEOUT(w.isConnected(), 15000);
        TerminalWidget *t = w.terminal();
        QTRY_VERIFY_WITH_TIMEOUT(rowContaining(t, QStringLiteral("#")) >= 0, 10000);

        type(t, QStringLiteral("clear; printf '\\033[31mRED\\033[0m \\033[1;38;5;208mORANGE"
                               "\\033[0m \\033[38;2;90;200;250mRGB\\033[0m\\n'"));
        QTRY_VERIFY_WITH_TIMEOUT(rowContaining(t, QStringLiteral("RED ORANGE RGB")) >= 0, 10000);
        const int row = rowContaining(t, QStringLiteral("RED ORANGE RGB"));
        QCOMPARE(t->cellAt(row, 0).text, QStringLiteral("R"));
        QCOMPARE(t->cellAt(row, 0).foregroundIndex, 1);
        QCOMPARE(t->cellAt(row, 4).foregroundIndex, 208);
        QVERIFY(t->cellAt(row, 4).bold);
        QCOMPARE(t->cellAt(row, 11).foreground, QColor(90, 200, 250));
        QVERIFY(t->cellAt(row, 3).defaultForeground);

        // less: the alternate screen, its status line at the bottom, then back to the shell.
        type(t, QStringLiteral("seq 1 500 > /tmp/nt-console-seq; less /tmp/nt-console-seq"));
        QTRY_VERIFY_WITH_TIMEOUT(t->isAlternateScreen(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(t->rowText(0), QStringLiteral("1"), 10000);
        const int rows = t->terminalSize().height();
        QTRY_COMPARE_WITH_TIMEOUT(t->rowText(rows - 2), QString::number(rows - 1), 10000);
        QTest::keyClick(t, Qt::Key_Q);
        QTRY_VERIFY_WITH_TIMEOUT(!t->isAlternateScreen(), 10000);
        QTRY_VERIFY(rowContaining(t, QStringLiteral("RED ORANGE RGB")) >= 0);

        QVERIFY(QDir().mkpath(QStringLiteral(NT_SCREENSHOT_DIR)));
        type(t, QStringLiteral("ls -la --color=always /etc | head -12; echo listed"));
        QTRY_VERIFY_WITH_TIMEOUT(rowEqualTo(t, QStringLiteral("listed")) >= 0, 10000);
        QVERIFY(w.runCheck(QStringLiteral("proc-disk")));
        QTRY_VERIFY_WITH_TIMEOUT(w.checkRecords().size() == 1, 15000);
        QVERIFY(w.grab().save(QStringLiteral(NT_SCREENSHOT_DIR "/console.png")));
    }

    void windowChangeAfterResize() {
        SshConsoleWindow w;
        w.setTarget(targetFor(knownHosts(m_sshd->knownHostsLine().toUtf8() + '\n'), m_key));
        w.resize(900, 500);
        w.show();
        w.connectToNode();
        QTRY_VERIFY_WITH_TIMEOUT(w.isConnected(), 15000);
        TerminalWidget *t = w.terminal();
        type(t, QStringLiteral("clear; stty size"));
        const QSize first = t->terminalSize();
        const QString firstText = QStringLiteral("%1 %2").arg(first.height()).arg(first.width());
        // `clear` wipes the command line too: the size is the screen's only text.
        QTRY_COMPARE_WITH_TIMEOUT(rowEqualTo(t, firstText), 0, 10000);

        w.resize(1300, 750);
        QTRY_VERIFY(t->terminalSize() != first);
        const QSize second = t->terminalSize();
        type(t, QStringLiteral("clear; stty size"));
        const QString secondText = QStringLiteral("%1 %2").arg(second.height()).arg(second.width());
        QTRY_COMPARE_WITH_TIMEOUT(rowEqualTo(t, secondText), 0, 10000);
    }

    void unknownHostRefusedBeforeAuthentication() {
        const QString kh = knownHosts({});
        SshConsoleWindow w;
        w.setTarget(targetFor(kh, m_key));
        w.show();
        w.connectToNode();
        HostKeyDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = dialogOf<HostKeyDialog>(w)) != nullptr, 15000);
        const auto *fingerprint = dialog->findChild<QLabel *>(QStringLiteral("fingerprint"));
        QVERIFY(fingerprint->text().contains(m_sshd->hostKeyFingerprint()));
        QVERIFY(fingerprint->text().contains(QLatin1String("ssh-ed25519")));
        dialog->findChild<QPushButton *>(QStringLiteral("refuse"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(w.statusText().contains(QLatin1String("Refused")), 10000);
        QVERIFY(w.statusText().contains(m_sshd->hostKeyFingerprint()));
        QVERIFY(!w.isConnected());
        QVERIFY(!triedToAuthenticate(w));
        QCOMPARE(QFile(kh).size(), 0);
    }

    void unknownHostTrustedOnceOrSaved_data() {
        QTest::addColumn<QString>("button");
        QTest::addColumn<bool>("saved");
        QTest::addRow("trust once") << QStringLiteral("trustOnce") << false;
        QTest::addRow("trust and save") << QStringLiteral("trustAndSave") << true;
    }

    void unknownHostTrustedOnceOrSaved() {
        QFETCH(QString, button);
        QFETCH(bool, saved);
        const QString kh = knownHosts({});
        SshConsoleWindow w;
        w.setTarget(targetFor(kh, m_key));
        w.show();
        w.connectToNode();
        HostKeyDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = dialogOf<HostKeyDialog>(w)) != nullptr, 15000);
        QVERIFY(!triedToAuthenticate(w)); // asked before any authentication
        dialog->findChild<QPushButton *>(button)->click();
        QTRY_VERIFY_WITH_TIMEOUT(w.isConnected(), 15000);
        QVERIFY(triedToAuthenticate(w));
        QCOMPARE(QFile(kh).size() > 0, saved);
    }

    void changedHostKeyRefusedWithNoWayOn() {
        SshdFixture other;
        QVERIFY(other.newHostKey());
        QVERIFY(other.start()); // only to read its key: a known_hosts line with another key
        QString line = other.knownHostsLine();
        line.replace(QStringLiteral(":%1 ").arg(other.port()),
                     QStringLiteral(":%1 ").arg(m_sshd->port()));
        other.kill();
        const QString kh = knownHosts("# first line\n" + line.toUtf8() + '\n');
        SshConsoleWindow w;
        w.setTarget(targetFor(kh, m_key));
        w.show();
        const qsizetype mark = m_sshd->log().size();
        w.connectToNode();
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = dialogOf<QMessageBox>(w)) != nullptr, 15000);
        QCOMPARE(box->objectName(), QStringLiteral("hostKeyChangedDialog"));
        QVERIFY2(box->text().contains(kh + QStringLiteral(":2")), qPrintable(box->text()));
        QVERIFY(box->text().contains(m_sshd->hostKeyFingerprint()));
        QCOMPARE(box->standardButtons(), QMessageBox::StandardButtons(QMessageBox::Close));
        QCOMPARE(box->buttons().size(), 1);
        QVERIFY(dialogOf<HostKeyDialog>(w) == nullptr); // no "trust" question at all
        QVERIFY(!w.isConnected());
        QVERIFY(!triedToAuthenticate(w));
        const QString log = m_sshd->log().mid(mark);
        QVERIFY2(!log.contains(QLatin1String("Accepted")) && !log.contains(QLatin1String("Failed")),
                 qPrintable(log));
        box->button(QMessageBox::Close)->click();
    }

    void passphraseAskedAndNeverRecorded() {
        const QString key = m_sshd->addUserKey(QStringLiteral("id_encrypted"),
                                               QStringLiteral("ed25519"), "open sesame 42");
        SshConsoleWindow w;
        w.setTarget(targetFor(knownHosts(m_sshd->knownHostsLine().toUtf8() + '\n'), key));
        w.show();
        w.connectToNode();
        QInputDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = dialogOf<QInputDialog>(w)) != nullptr, 15000);
        QCOMPARE(dialog->objectName(), QStringLiteral("passphraseDialog"));
        QCOMPARE(dialog->textEchoMode(), QLineEdit::Password);
        QVERIFY(dialog->labelText().contains(key));
        dialog->setTextValue(QStringLiteral("open sesame 42"));
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(w.isConnected(), 15000);
        QVERIFY(!w.transcript()->toJsonLines().contains("open sesame"));
    }

    // Password authentication against an sshd that offers it: the dialog, a mistyped password
    // refused with the question asked again, the right one opens the shell; after three wrong
    // ones a clear message and Connect tries again. No password reaches the transcript.
    void passwordAskedRetriedAndNeverRecorded() {
        SshdFixture sshd;
        sshd.passwordAuthentication = true;
        QString whyNot;
        const QString user = sshd.addPasswordUser("Right horse 7", &whyNot);
        if (user.isEmpty())
            QSKIP(qPrintable(whyNot));
        QVERIFY(sshd.start());
        SshConsoleWindow w;
        w.setTarget(passwordTarget(sshd, user));
        w.resize(900, 500);
        w.show();
        const QString prompt =
            QStringLiteral("Password for %1@127.0.0.1:%2:").arg(user).arg(sshd.port());

        w.connectToNode();
        QInputDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = dialogOf<QInputDialog>(w)) != nullptr, 15000);
        QCOMPARE(dialog->objectName(), QStringLiteral("passwordDialog"));
        QCOMPARE(dialog->textEchoMode(), QLineEdit::Password);
        QCOMPARE(dialog->labelText(), prompt);
        answer(dialog, QStringLiteral("wrong horse 1"));
        // Asked again, saying why.
        QTRY_VERIFY_WITH_TIMEOUT((dialog = dialogOf<QInputDialog>(w)) != nullptr, 15000);
        QCOMPARE(dialog->labelText(),
                 QStringLiteral("The password was refused; try again.\n") + prompt);
        QVERIFY(QDir().mkpath(QStringLiteral(NT_SCREENSHOT_DIR)));
        QVERIFY(dialog->grab().save(QStringLiteral(NT_SCREENSHOT_DIR "/password-retry.png")));
        answer(dialog, QStringLiteral("Right horse 7"));
        QTRY_VERIFY_WITH_TIMEOUT(w.isConnected(), 15000);
        type(w.terminal(), QStringLiteral("echo \"logged in as $(id -un)\""));
        QTRY_VERIFY_WITH_TIMEOUT(
            rowEqualTo(w.terminal(), QStringLiteral("logged in as ") + user) >= 0, 10000);
        const QString log = sshd.log();
        QVERIFY2(log.contains(QStringLiteral("Failed password for ") + user), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("Accepted password for ") + user), qPrintable(log));
        w.disconnectFromNode();

        // Three wrong passwords: the connection gives up with a sentence that says so.
        w.connectToNode();
        for (int i = 0; i < 3; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT((dialog = dialogOf<QInputDialog>(w)) != nullptr, 15000);
            answer(dialog, QStringLiteral("wrong horse %1").arg(i + 2));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!w.statusText().startsWith(QLatin1String("Connecting")), 15000);
        QCOMPARE(w.statusText(), QStringLiteral("Permission denied for %1@127.0.0.1:%2 (the server "
                                                "accepts: publickey, password): the password was "
                                                "refused 3 times")
                                     .arg(user)
                                     .arg(sshd.port()));
        QVERIFY(!w.isConnected());
        // ...and Connect asks again.
        auto *connect = w.findChild<QPushButton *>(QStringLiteral("connect"));
        QVERIFY(connect->isEnabled());
        connect->click();
        QTRY_VERIFY_WITH_TIMEOUT((dialog = dialogOf<QInputDialog>(w)) != nullptr, 15000);
        QCOMPARE(dialog->labelText(), prompt);
        answer(dialog, QStringLiteral("Right horse 7"));
        QTRY_VERIFY_WITH_TIMEOUT(w.isConnected(), 15000);

        const QByteArray transcript = w.transcript()->toJsonLines();
        QVERIFY(!transcript.contains("horse"));
        QVERIFY(transcript.contains("The password was refused."));
        QVERIFY(transcript.contains("logged in as"));
    }

    // Keyboard-interactive through PAM, as a node's sshd at its defaults asks for a password.
    void keyboardInteractiveAskedRetriedAndNeverRecorded() {
        SshdFixture sshd;
        sshd.keyboardInteractive = true;
        QString whyNot;
        const QString user = sshd.addPasswordUser("Pam and eggs 9", &whyNot);
        if (user.isEmpty())
            QSKIP(qPrintable(whyNot));
        QVERIFY(sshd.start());
        SshConsoleWindow w;
        w.setTarget(passwordTarget(sshd, user));
        w.show();
        w.connectToNode();
        QInputDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = dialogOf<QInputDialog>(w)) != nullptr, 15000);
        QCOMPARE(dialog->objectName(), QStringLiteral("keyboardInteractiveDialog"));
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Keyboard-interactive authentication"));
        QCOMPARE(dialog->textEchoMode(), QLineEdit::Password);       // PAM asks with echo off
        QCOMPARE(dialog->labelText(), QStringLiteral("Password: ")); // pam_unix's own prompt
        answer(dialog, QStringLiteral("Spam and eggs 9"));
        QTRY_VERIFY_WITH_TIMEOUT((dialog = dialogOf<QInputDialog>(w)) != nullptr, 20000);
        QCOMPARE(dialog->labelText(),
                 QStringLiteral("The server refused the answer; try again.\nPassword: "));
        answer(dialog, QStringLiteral("Pam and eggs 9"));
        QTRY_VERIFY_WITH_TIMEOUT(w.isConnected(), 15000);
        type(w.terminal(), QStringLiteral("echo \"logged in as $(id -un)\""));
        QTRY_VERIFY_WITH_TIMEOUT(
            rowEqualTo(w.terminal(), QStringLiteral("logged in as ") + user) >= 0, 10000);
        const QString log = sshd.log();
        QVERIFY2(log.contains(QStringLiteral("Failed keyboard-interactive/pam for ") + user),
                 qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("Accepted keyboard-interactive/pam for ") + user),
                 qPrintable(log));
        const QByteArray transcript = w.transcript()->toJsonLines();
        QVERIFY(!transcript.contains("eggs"));
        QVERIFY(transcript.contains("The server refused the answers."));
    }

    void nodeChecksShowTheirCommand() {
        SshConsoleWindow w;
        w.setTarget(targetFor(knownHosts(m_sshd->knownHostsLine().toUtf8() + '\n'), m_key));
        w.show();
        QVERIFY(!w.runCheck(QStringLiteral("proc-disk"))); // not connected: said, not run
        QVERIFY(w.statusText().startsWith(QLatin1String("Connect to the node first")));
        w.connectToNode();
        QTRY_VERIFY_WITH_TIMEOUT(w.isConnected(), 15000);

        w.findChild<QLineEdit *>(QStringLiteral("apiServerFqdn"))
            ->setText(QStringLiteral("x;reboot"));
        QVERIFY(!w.runCheck(QStringLiteral("tcp-443")));
        QCOMPARE(w.statusText(), QStringLiteral("Refused to run 'tcp-probe-443' on the node: "
                                                "'x;reboot' is not a valid host name"));

        w.findChild<QLineEdit *>(QStringLiteral("apiServerFqdn"))
            ->setText(QStringLiteral("127.0.0.1"));
        QVERIFY(w.runCheck(QStringLiteral("tcp-443")));
        auto *results = w.findChild<QPlainTextEdit *>(QStringLiteral("checkResults"));
        // Shown before it runs, exactly as it runs.
        QVERIFY(results->toPlainText().contains(
            QStringLiteral("$ timeout 5 bash -c 'exec 3<>\"/dev/tcp/$0/443\"' '127.0.0.1'")));
        QTRY_COMPARE_WITH_TIMEOUT(w.checkRecords().size(), 1, 15000);
        QCOMPARE(w.checkRecords().first().verdict.verdict,
                 QStringLiteral("The API server refused the connection on port 443"));
        QVERIFY(w.checkRecords().first().verdict.problem);
        const auto &entries = w.transcript()->entries();
        QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const TranscriptEntry &e) {
            return e.kind == TranscriptEntry::Kind::Command &&
                   e.text.contains(QLatin1String("/dev/tcp"));
        }));
    }

    void serverKilledMidCommandThenReconnect() {
        SshConsoleWindow w;
        w.setTarget(targetFor(knownHosts(m_sshd->knownHostsLine().toUtf8() + '\n'), m_key));
        w.show();
        w.connectToNode();
        QTRY_VERIFY_WITH_TIMEOUT(w.isConnected(), 15000);
        TerminalWidget *t = w.terminal();
        type(t, QStringLiteral("echo started; sleep 30"));
        QTRY_VERIFY_WITH_TIMEOUT(rowContaining(t, QStringLiteral("started")) >= 0, 10000);
        m_sshd->kill();
        QTRY_VERIFY_WITH_TIMEOUT(!w.isConnected(), 10000);
        const QString expected =
            QStringLiteral("Connection to 127.0.0.1:%1 lost: ").arg(m_sshd->port());
        QVERIFY2(w.statusText().startsWith(expected), qPrintable(w.statusText()));
        QVERIFY(w.statusText().endsWith(QLatin1String("Press Connect to reconnect.")));
        // What was shown stays.
        QVERIFY(rowContaining(t, QStringLiteral("started")) >= 0);

        QVERIFY(m_sshd->start());
        w.findChild<QPushButton *>(QStringLiteral("connect"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(w.isConnected(), 15000);
        type(t, QStringLiteral("echo back-again"));
        QTRY_VERIFY_WITH_TIMEOUT(rowContaining(t, QStringLiteral("back-again")) >= 0, 10000);
    }

    void cleanupTestCase() { m_sshd.reset(); }
};

QTEST_MAIN(TstSshConsole)
#include "tst_sshconsole.moc"
