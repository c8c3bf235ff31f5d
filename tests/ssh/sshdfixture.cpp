#include "sshdfixture.h"

#include <csignal>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <unistd.h>

namespace nt::test {

namespace {
const QString kSshd = QStringLiteral("/usr/sbin/sshd");
constexpr int kStartTimeoutMs = 10000;
} // namespace

QList<qint64> descendantsOf(qint64 pid) {
    QHash<qint64, QList<qint64>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 child = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(child));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so cut at the last
        // ')'.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children[fields[1].toLongLong()].append(child);
    }
    QList<qint64> result;
    QList<qint64> queue{pid};
    while (!queue.isEmpty()) {
        const qint64 parent = queue.takeFirst();
        for (qint64 child : children.value(parent)) {
            result.append(child);
            queue.append(child);
        }
    }
    return result;
}

SshdFixture::SshdFixture() {
    // sshd insists on its privilege separation directory even when it never drops privileges.
    if (::geteuid() == 0)
        QDir().mkpath(QStringLiteral("/run/sshd"));
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    m_port = probe.serverPort();
    QFile(path(QStringLiteral("authorized_keys"))).open(QIODevice::WriteOnly);
    QDir(m_dir.path()).mkdir(QStringLiteral("home"));
}

SshdFixture::~SshdFixture() {
    kill();
    for (const QString &user : std::as_const(m_users)) {
        // -f: the sessions just killed may not all be reaped yet.
        runTool(QStringLiteral("/usr/sbin/userdel"), {QStringLiteral("-f"), user});
    }
}

namespace {

const QString kTestUserComment = QStringLiteral("NodeTriage SSH test (temporary)");

// Accounts "ntssh-PID-N" made by fixtures of processes that are gone (a test killed before its
// destructor ran).
void removeStaleTestUsers() {
    QFile passwd(QStringLiteral("/etc/passwd"));
    if (!passwd.open(QIODevice::ReadOnly))
        return;
    static const QRegularExpression name(QStringLiteral("^ntssh-(\\d+)-\\d+$"));
    const QList<QByteArray> lines = passwd.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() < 5 || QString::fromUtf8(fields[4]) != kTestUserComment)
            continue;
        const QString user = QString::fromUtf8(fields[0]);
        const auto m = name.match(user);
        if (m.hasMatch() && !QFile::exists(QStringLiteral("/proc/") + m.captured(1)))
            SshdFixture::runTool(QStringLiteral("/usr/sbin/userdel"), {QStringLiteral("-f"), user});
    }
}

} // namespace

QString SshdFixture::addPasswordUser(const QByteArray &password, QString *whyNot) {
    if (::geteuid() != 0) {
        *whyNot = QStringLiteral("sshd checks passwords only when it runs as root, and these "
                                 "tests run as uid %1")
                      .arg(::geteuid());
        return {};
    }
    removeStaleTestUsers();
    static int counter = 0;
    const QString user = QStringLiteral("ntssh-%1-%2").arg(::getpid()).arg(++counter);
    // The account's home is the fixture's home(): the session starts there, and the fixture's
    // directory must let it in (its files keep their own 0600 modes).
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                            QFileDevice::ExeOther);
    QFile::setPermissions(home(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                      QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                      QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                      QFileDevice::ExeOther);
    if (!runTool(QStringLiteral("/usr/sbin/useradd"),
                 {QStringLiteral("--no-create-home"), QStringLiteral("--home-dir"), home(),
                  QStringLiteral("--shell"), QStringLiteral("/bin/bash"),
                  QStringLiteral("--comment"), kTestUserComment, user})) {
        *whyNot = QStringLiteral("useradd %1 failed").arg(user);
        return {};
    }
    m_users << user;
    QProcess chpasswd;
    chpasswd.start(QStringLiteral("/usr/sbin/chpasswd"), QStringList{});
    chpasswd.write(user.toUtf8() + ':' + password + '\n');
    chpasswd.closeWriteChannel();
    if (!chpasswd.waitForFinished(30000) || chpasswd.exitCode() != 0) {
        *whyNot = QStringLiteral("chpasswd failed: %1")
                      .arg(QString::fromLocal8Bit(chpasswd.readAllStandardError()));
        return {};
    }
    return user;
}

bool SshdFixture::runTool(const QString &program, const QStringList &arguments,
                          QByteArray *output) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

bool SshdFixture::newHostKey(const QString &type) {
    QFile::remove(path(QStringLiteral("host_key")));
    QFile::remove(path(QStringLiteral("host_key.pub")));
    return runTool(QStringLiteral("ssh-keygen"),
                   {QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"),
                    QString(), QStringLiteral("-f"), path(QStringLiteral("host_key"))});
}

QString SshdFixture::addUserKey(const QString &name, const QString &type,
                                const QByteArray &passphrase, bool pem) {
    const QString keyPath = path(name);
    QStringList arguments{
        QStringLiteral("-q"),          QStringLiteral("-t"), type,   QStringLiteral("-N"),
        QString::fromUtf8(passphrase), QStringLiteral("-f"), keyPath};
    if (type == QLatin1String("rsa"))
        arguments << QStringLiteral("-b") << QStringLiteral("2048");
    if (pem)
        arguments << QStringLiteral("-m") << QStringLiteral("PEM");
    if (!runTool(QStringLiteral("ssh-keygen"), arguments))
        return {};
    return authorize(keyPath + QStringLiteral(".pub")) ? keyPath : QString();
}

bool SshdFixture::authorize(const QString &publicKeyFile) {
    QFile pub(publicKeyFile);
    QFile authorized(path(QStringLiteral("authorized_keys")));
    if (!pub.open(QIODevice::ReadOnly) || !authorized.open(QIODevice::Append))
        return false;
    return authorized.write(pub.readAll()) > 0;
}

QString SshdFixture::knownHostsLine() const {
    return QStringLiteral("[127.0.0.1]:%1 %2").arg(m_port).arg(hostKeyPublic());
}

QString SshdFixture::hostKeyPublic() const {
    QFile pub(path(QStringLiteral("host_key.pub")));
    if (!pub.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = pub.readAll().trimmed().split(' ');
    return fields.size() >= 2 ? QString::fromLatin1(fields[0] + ' ' + fields[1]) : QString();
}

QString SshdFixture::hostKeyFingerprint() const {
    QByteArray output;
    if (!runTool(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-lf"), path(QStringLiteral("host_key.pub"))}, &output))
        return {};
    const QList<QByteArray> fields = output.split(' ');
    return fields.size() >= 2 ? QString::fromLatin1(fields[1]) : QString();
}

bool SshdFixture::writeConfig() {
    QFile config(path(QStringLiteral("sshd_config")));
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QString text =
        QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nAuthorizedKeysFile %3\n"
                       "PidFile %4\nStrictModes no\nUsePAM %7\nPermitRootLogin yes\n"
                       "PasswordAuthentication %5\nKbdInteractiveAuthentication %7\n"
                       "AllowTcpForwarding yes\nLogLevel VERBOSE\nMaxStartups 100\n"
                       // Sessions run the user's login shell, which would read the user's rc
                       // files (bash reads ~/.bashrc even for `bash -c CMD` under sshd). HOME
                       // points at the fixture's empty home instead (SetEnv is applied after
                       // sshd sets HOME), and ~/.ssh/rc is not run.
                       "SetEnv HOME=%6\nPermitUserRC no\nPermitUserEnvironment no\n")
            .arg(m_port)
            .arg(path(QStringLiteral("host_key")), path(QStringLiteral("authorized_keys")),
                 path(QStringLiteral("sshd.pid")),
                 passwordAuthentication ? QStringLiteral("yes") : QStringLiteral("no"), home(),
                 keyboardInteractive ? QStringLiteral("yes") : QStringLiteral("no"));
    return config.write(text.toUtf8()) > 0;
}

bool SshdFixture::start() {
    kill();
    if (!QFile::exists(path(QStringLiteral("host_key"))) && !newHostKey())
        return false;
    if (!writeConfig())
        return false;
    m_log.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels); // sshd -e logs to stderr
    m_process->start(kSshd, {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                             path(QStringLiteral("sshd_config"))});
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        qWarning("cannot start %s: %s", qPrintable(kSshd), qPrintable(m_process->errorString()));
        return false;
    }
    return waitForBanner(kStartTimeoutMs);
}

bool SshdFixture::waitForBanner(int timeoutMs) {
    // sshd logs this line after listen(): from then on connections queue in the backlog.
    const QByteArray ready = "Server listening on 127.0.0.1 port " + QByteArray::number(m_port);
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_log.contains(ready)) {
        if (m_process->state() != QProcess::Running || deadline.hasExpired()) {
            qWarning("sshd did not start: %s", log().toLocal8Bit().constData());
            return false;
        }
        m_process->waitForReadyRead(int(deadline.remainingTime()));
        m_log += m_process->readAll();
    }
    return true;
}

QString SshdFixture::log() {
    // Collects what sshd wrote since the last call without waiting for more.
    while (m_process && m_process->waitForReadyRead(0))
        m_log += m_process->readAll();
    if (m_process)
        m_log += m_process->readAll();
    return QString::fromUtf8(m_log);
}

void SshdFixture::kill() {
    if (!m_process)
        return;
    const qint64 pid = m_process->processId();
    if (pid > 0) {
        const QList<qint64> children = descendantsOf(pid);
        ::kill(pid_t(pid), SIGKILL); // first, so it cannot fork more
        for (qint64 child : children)
            ::kill(pid_t(child), SIGKILL);
    }
    m_process->waitForFinished(5000);
    m_log += m_process->readAll();
    m_process.reset();
}

} // namespace nt::test
