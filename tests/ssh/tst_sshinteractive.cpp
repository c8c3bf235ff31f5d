// `nodetriage ssh USER@HOST` without a command: an interactive session in the local terminal,
// driven through a real pseudo-terminal (forkpty) against a real sshd on 127.0.0.1.
#include "sshdfixture.h"
#include "testsupport.h"

#include <csignal>
#include <poll.h>
#include <pty.h>
#include <QDeadlineTimer>
#include <QFile>
#include <QTest>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

using nt::test::SshdFixture;

namespace {

// The program on the slave side of a pty; we are the terminal on the master side.
class PtyProcess {
public:
    bool start(const QString &program, const QStringList &args, winsize size) {
        QList<QByteArray> storage{program.toLocal8Bit()};
        for (const QString &a : args)
            storage << a.toLocal8Bit();
        std::vector<char *> argv;
        for (QByteArray &s : storage)
            argv.push_back(s.data());
        argv.push_back(nullptr);
        m_pid = ::forkpty(&m_master, nullptr, nullptr, &size);
        if (m_pid == 0) {
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        return m_pid > 0;
    }
    ~PtyProcess() {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_master >= 0)
            ::close(m_master);
    }
    void write(const QByteArray &bytes) {
        [[maybe_unused]] const auto n = ::write(m_master, bytes.constData(), size_t(bytes.size()));
    }
    void resize(winsize size) { ::ioctl(m_master, TIOCSWINSZ, &size); }
    // Reads what the program writes until `needle` shows up (true) or the deadline/EOF.
    bool readUntil(const QByteArray &needle, int timeoutMs) {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_output.contains(needle)) {
            pollfd p{m_master, POLLIN, 0};
            const int left = int(deadline.remainingTime());
            if (left <= 0 || ::poll(&p, 1, left) <= 0)
                return false;
            char buffer[4096];
            const ssize_t n = ::read(m_master, buffer, sizeof buffer);
            if (n <= 0)
                return m_output.contains(needle); // EIO: the slave side is closed
            m_output.append(buffer, qsizetype(n));
        }
        return true;
    }
    void readToEnd(int timeoutMs) { readUntil(QByteArray("\x01never\x02"), timeoutMs); }
    // The exit code, or -1 when it did not exit normally in time.
    int wait(int timeoutMs) {
        QDeadlineTimer deadline(timeoutMs);
        int status = 0;
        while (!deadline.hasExpired()) {
            const pid_t r = ::waitpid(m_pid, &status, WNOHANG);
            if (r == m_pid) {
                m_reaped = true;
                return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            }
            pollfd p{m_master, POLLIN, 0};
            if (::poll(&p, 1, 50) > 0) { // drain, so the program never blocks on writing
                char buffer[4096];
                const ssize_t n = ::read(m_master, buffer, sizeof buffer);
                if (n > 0)
                    m_output.append(buffer, qsizetype(n));
            }
        }
        return -1;
    }
    const QByteArray &output() const { return m_output; }

private:
    pid_t m_pid = -1;
    int m_master = -1;
    bool m_reaped = false;
    QByteArray m_output;
};

} // namespace

class TstSshInteractive : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SshdFixture> m_sshd;
    QString m_key;
    QString m_knownHosts;

    QStringList arguments() const {
        return {QStringLiteral("ssh"),
                QStringLiteral("-p"),
                QString::number(m_sshd->port()),
                QStringLiteral("-i"),
                m_key,
                QStringLiteral("--known-hosts"),
                m_knownHosts,
                QStringLiteral("--ssh-config"),
                QStringLiteral("/dev/null"),
                QStringLiteral("root@127.0.0.1")};
    }

private Q_SLOTS:
    void initTestCase() {
        m_sshd = std::make_unique<SshdFixture>();
        m_key = m_sshd->addUserKey(QStringLiteral("id_ed25519"));
        QVERIFY(m_sshd->start());
        m_knownHosts = m_sshd->path(QStringLiteral("known_hosts"));
        QFile file(m_knownHosts);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_sshd->knownHostsLine().toUtf8() + '\n');
    }

    void typedCommandsAndExitStatus() {
        PtyProcess ssh;
        QVERIFY(ssh.start(nt::test::appBinary(), arguments(), winsize{24, 80, 0, 0}));
        QVERIFY2(ssh.readUntil("# ", 20000), ssh.output().constData()); // root's prompt
        ssh.write("echo hi; exit 3\r");
        ssh.readToEnd(10000);
        QCOMPARE(ssh.wait(10000), 3);
        // The remote echoes the line, then prints hi at the start of a line of its own (after
        // bash switches bracketed paste off again: "\e[?2004l\r").
        QVERIFY2(ssh.output().contains("echo hi; exit 3\r\n"), ssh.output().constData());
        QVERIFY2(ssh.output().contains("\rhi\r\n"),
                 ssh.output().right(300).toPercentEncoding(" ").constData());
    }

    void windowChangeReachesTheRemotePty() {
        PtyProcess ssh;
        QVERIFY(ssh.start(nt::test::appBinary(), arguments(), winsize{24, 80, 0, 0}));
        QVERIFY2(ssh.readUntil("# ", 20000), ssh.output().constData());
        ssh.write("stty size\r");
        QVERIFY2(ssh.readUntil("24 80", 10000), ssh.output().constData());
        ssh.resize(winsize{50, 132, 0, 0}); // the kernel sends SIGWINCH to nodetriage
        ssh.write("stty size\r");
        QVERIFY2(ssh.readUntil("50 132", 10000), ssh.output().constData());
        ssh.write("exit\r");
        QCOMPARE(ssh.wait(10000), 0);
    }

    void localTerminalRestoredAfterTheSession() {
        // Run through a shell on the pty: after the session, `stty -a` must show echo and icanon
        // again (raw mode restored).
        PtyProcess shell;
        const QString line =
            QStringLiteral("'%1' %2; echo status=$?; stty -a | grep -o -- '-\\?icanon'")
                .arg(nt::test::appBinary(), arguments().join(QLatin1Char(' ')));
        QVERIFY(shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), line},
                            winsize{24, 80, 0, 0}));
        QVERIFY2(shell.readUntil("# ", 20000), shell.output().constData());
        shell.write("exit 4\r");
        QVERIFY2(shell.readUntil("status=4", 10000), shell.output().constData());
        shell.readToEnd(5000);
        QVERIFY2(shell.output().contains("\r\nicanon") || shell.output().contains("\nicanon"),
                 shell.output().constData());
        QCOMPARE(shell.wait(5000), 0);
    }

    void cleanupTestCase() { m_sshd.reset(); }
};

QTEST_GUILESS_MAIN(TstSshInteractive)
#include "tst_sshinteractive.moc"
