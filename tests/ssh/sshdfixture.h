#pragma once
// A real OpenSSH sshd for the tests: `/usr/sbin/sshd -D -e -f <generated config>` on 127.0.0.1
// and a free port, with a temporary host key, authorized_keys and pid file in a temporary dir.
// start() returns once the server answers with its banner (polled, with a deadline); the
// destructor kills it and every process it started (the per-connection children outlive the
// listener, so killing only sshd would leave the sessions running).
#include <memory>
#include <QByteArray>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

namespace nt::test {

class SshdFixture {
public:
    SshdFixture();
    ~SshdFixture();
    SshdFixture(const SshdFixture &) = delete;
    SshdFixture &operator=(const SshdFixture &) = delete;

    bool passwordAuthentication = false;
    // Keyboard-interactive through PAM (UsePAM yes, Debian's /etc/pam.d/sshd: pam_unix asks
    // "Password: "), as on a node whose sshd is left at its defaults.
    bool keyboardInteractive = false;

    // Starts sshd (on the same port as before if it ran already). Generates the ed25519 host
    // key on first use. False (with a QWARN naming why) if sshd does not come up.
    bool start();
    // Kills sshd and all its descendants (sessions, the commands they run) with SIGKILL.
    void kill();
    // Replaces the host key with a new one of `type` (ed25519, rsa); takes effect on start().
    bool newHostKey(const QString &type = QStringLiteral("ed25519"));

    int port() const { return m_port; }
    QString dir() const { return m_dir.path(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // The sessions' HOME: an empty directory of the fixture, so the shell sshd starts reads no
    // rc file of the user running the tests (root's ~/.bashrc may run anything, e.g. pyenv).
    QString home() const { return m_dir.filePath(QStringLiteral("home")); }
    QString hostKeyPublic() const;      // "ssh-ed25519 AAAA..." of the current host key
    QString hostKeyFingerprint() const; // as `ssh-keygen -lf` prints it: "SHA256:..."
    // Everything sshd wrote to stderr since start() (its log, LogLevel VERBOSE).
    QString log();

    // Makes a key pair at dir()/name (-N passphrase, -m PEM when pem) and authorizes it.
    QString addUserKey(const QString &name, const QString &type = QStringLiteral("ed25519"),
                       const QByteArray &passphrase = {}, bool pem = false);

    // A local account with `password`, for password and keyboard-interactive logins: sshd can
    // check a password only when it runs as root, so it is made (useradd, chpasswd) only then,
    // with the fixture's home() as its home, and removed by the destructor (accounts left by a
    // killed test are removed by the next fixture that makes one). Returns the user name, or
    // an empty string with the reason in *whyNot (not root, useradd failed).
    QString addPasswordUser(const QByteArray &password, QString *whyNot);

    // Authorizes an existing public key (e.g. one made by another fixture).
    bool authorize(const QString &publicKeyFile);
    // "[127.0.0.1]:PORT ssh-ed25519 AAAA...": the known_hosts line for this server.
    QString knownHostsLine() const;

    static bool runTool(const QString &program, const QStringList &arguments,
                        QByteArray *output = nullptr);

private:
    bool writeConfig();
    bool waitForBanner(int timeoutMs);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QByteArray m_log;
    QStringList m_users; // made by addPasswordUser(), removed by the destructor
};

// How long a test waits for one SSH operation (connect, a command) before failing: sessions
// read no rc file (see SshdFixture), so nothing here takes more than a few seconds even on a
// loaded machine; a hang fails the test with a message instead of running into ctest's timeout.
constexpr int kSshWaitMs = 60000;

// Runs the event loop until `future` finishes or `timeoutMs` passes; false if it did not
// finish. Use as QVERIFY2(nt::test::finishes(f), "...") before f.result().
template <typename T> bool finishes(const QFuture<T> &future, int timeoutMs = kSshWaitMs) {
    if (future.isFinished())
        return true;
    QEventLoop loop;
    QFutureWatcher<T> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.isFinished();
}

// Every descendant of `pid`, children first in the list before their own children.
QList<qint64> descendantsOf(qint64 pid);

} // namespace nt::test
