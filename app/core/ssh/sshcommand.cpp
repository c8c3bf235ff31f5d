#include "ssh/sshcommand.h"

#include "ssh/sshclient.h"
#include "ssh/sshconfig.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QSocketNotifier>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace nt {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Ssh)
};

constexpr int kFailure = 255; // as ssh: the connection, not the command, failed

struct CommandLine {
    QString configFile;
    SshOverrides overrides;
    bool passwordStdin = false;
    QString destination;
    QStringList command;
    bool help = false;
};

// Reads a secret from the terminal without echo; nullopt when there is no terminal.
std::optional<QByteArray> readSecret(const QString &prompt) {
    QFile tty(QStringLiteral("/dev/tty"));
    if (!tty.open(QIODevice::ReadWrite | QIODevice::Unbuffered))
        return std::nullopt;
    termios saved{};
    const int fd = tty.handle();
    if (::tcgetattr(fd, &saved) != 0)
        return std::nullopt;
    termios quiet = saved;
    quiet.c_lflag &= tcflag_t(~ECHO);
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
    tty.write(prompt.toLocal8Bit() + ' ');
    QByteArray line = tty.readLine();
    ::tcsetattr(fd, TCSAFLUSH, &saved);
    tty.write("\n");
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

std::optional<QString> parse(const QStringList &args, CommandLine &cl, QString &error) {
    auto value = [&](qsizetype &i, const QString &name) -> std::optional<QString> {
        const QString arg = args[i];
        if (arg.startsWith(name + QLatin1Char('=')))
            return arg.mid(name.size() + 1);
        if (i + 1 >= args.size()) {
            error = Tr::tr("%1 needs a value").arg(name);
            return std::nullopt;
        }
        return args[++i];
    };
    auto is = [](const QString &arg, const QString &name, const QString &shortName = {}) {
        return arg == name || arg.startsWith(name + QLatin1Char('=')) ||
               (!shortName.isEmpty() && arg == shortName);
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (!cl.destination.isEmpty()) {
            cl.command = args.mid(arg == QLatin1String("--") ? i + 1 : i);
            break;
        }
        std::optional<QString> v;
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            cl.help = true;
        } else if (is(arg, QStringLiteral("--ssh-config"), QStringLiteral("-F"))) {
            if (!(v = value(i, QStringLiteral("--ssh-config"))))
                return std::nullopt;
            cl.configFile = *v;
        } else if (is(arg, QStringLiteral("--ssh-user"), QStringLiteral("-l"))) {
            if (!(v = value(i, QStringLiteral("--ssh-user"))))
                return std::nullopt;
            cl.overrides.user = *v;
        } else if (is(arg, QStringLiteral("--ssh-key"), QStringLiteral("-i"))) {
            if (!(v = value(i, QStringLiteral("--ssh-key"))))
                return std::nullopt;
            cl.overrides.identityFiles << *v;
        } else if (is(arg, QStringLiteral("--ssh-port"), QStringLiteral("-p"))) {
            if (!(v = value(i, QStringLiteral("--ssh-port"))))
                return std::nullopt;
            bool ok = false;
            cl.overrides.port = v->toInt(&ok);
            if (!ok || cl.overrides.port < 1 || cl.overrides.port > 65535) {
                error = Tr::tr("--ssh-port must be a number from 1 to 65535, not '%1'").arg(*v);
                return std::nullopt;
            }
        } else if (is(arg, QStringLiteral("--ssh-jump"), QStringLiteral("-J"))) {
            if (!(v = value(i, QStringLiteral("--ssh-jump"))))
                return std::nullopt;
            cl.overrides.proxyJump = *v;
        } else if (is(arg, QStringLiteral("--known-hosts"))) {
            if (!(v = value(i, QStringLiteral("--known-hosts"))))
                return std::nullopt;
            cl.overrides.knownHostsFile = *v;
        } else if (arg == QLatin1String("--accept-new-host-key")) {
            cl.overrides.acceptNewHostKey = true;
        } else if (arg == QLatin1String("--password-stdin")) {
            cl.passwordStdin = true;
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            error = Tr::tr("Unknown option %1 (see nodetriage ssh --help)").arg(arg);
            return std::nullopt;
        } else {
            cl.destination = arg;
        }
    }
    return cl.destination;
}

QString usage() {
    return Tr::tr("Usage: nodetriage ssh [options] [USER@]HOST [-- COMMAND...]\n"
                  "  --ssh-config FILE (-F)    SSH config to read (default ~/.ssh/config)\n"
                  "  --ssh-user USER (-l)      user name\n"
                  "  --ssh-key FILE (-i)       identity file (repeatable)\n"
                  "  --ssh-port PORT (-p)      port\n"
                  "  --ssh-jump LIST (-J)      jump hosts: [user@]host[:port][,...]\n"
                  "  --known-hosts FILE        known_hosts to check and update\n"
                  "  --accept-new-host-key     trust an unknown host key and save it\n"
                  "  --password-stdin          read the password from the first line of stdin\n");
}

void writeRaw(FILE *stream, const QByteArray &data) {
    std::fwrite(data.constData(), 1, size_t(data.size()), stream);
    std::fflush(stream);
}

// The local terminal in raw mode for the session's life; restored however the session ends.
class RawTerminal {
public:
    RawTerminal() {
        if (::tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios raw = m_saved;
        ::cfmakeraw(&raw);
        // TCSADRAIN, not TCSAFLUSH: what was typed before the shell opened is kept.
        m_active = ::tcsetattr(STDIN_FILENO, TCSADRAIN, &raw) == 0;
    }
    ~RawTerminal() {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSADRAIN, &m_saved);
    }
    RawTerminal(const RawTerminal &) = delete;
    RawTerminal &operator=(const RawTerminal &) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

SshPtySize localTerminalSize() {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0)
        return {ws.ws_col, ws.ws_row};
    if (::ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0)
        return {ws.ws_col, ws.ws_row};
    return {};
}

// SIGWINCH reaches the event loop through a self-pipe (nothing else is async-signal-safe).
int g_winchPipe[2] = {-1, -1};

extern "C" void onWinch(int) {
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_winchPipe[1], &byte, 1);
    errno = saved;
}

int runInteractive(SshClient &client, const QString &where, QTextStream &err) {
    const QString term = qEnvironmentVariableIsEmpty("TERM") ? QStringLiteral("xterm-256color")
                                                             : qEnvironmentVariable("TERM");
    const SshShellResult shell = client.openShell(localTerminalSize(), term).result();
    if (!shell.status.ok()) {
        err << shell.status.message << '\n';
        return kFailure;
    }
    const int id = shell.channelId;
    QEventLoop loop;
    int exitCode = kFailure;
    QString error;
    QObject::connect(&client, &SshClient::shellOutput, &loop,
                     [](int, const QByteArray &data) { writeRaw(stdout, data); });
    QObject::connect(&client, &SshClient::shellClosed, &loop,
                     [&](int closedId, int status, const QString &message) {
                         if (closedId != id)
                             return;
                         exitCode = status >= 0 && message.isEmpty() ? status : kFailure;
                         error = message;
                         loop.quit();
                     });
    QObject::connect(&client, &SshClient::connectionLost, &loop, [&](const QString &message) {
        error = message;
        exitCode = kFailure;
        loop.quit();
    });

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &loop, [&] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n > 0)
            client.writeShell(id, QByteArray(buffer, qsizetype(n)));
        else if (n == 0 || (errno != EINTR && errno != EAGAIN))
            input.setEnabled(false); // our stdin ended; the remote shell decides when to stop
    });

    std::unique_ptr<QSocketNotifier> winch;
    struct sigaction previous {};
    bool winchInstalled = false;
    if (::pipe2(g_winchPipe, O_CLOEXEC | O_NONBLOCK) == 0) {
        struct sigaction action {};
        action.sa_handler = onWinch;
        action.sa_flags = SA_RESTART;
        sigemptyset(&action.sa_mask);
        winchInstalled = ::sigaction(SIGWINCH, &action, &previous) == 0;
        winch = std::make_unique<QSocketNotifier>(g_winchPipe[0], QSocketNotifier::Read);
        QObject::connect(winch.get(), &QSocketNotifier::activated, &loop, [&] {
            char drain[64];
            while (::read(g_winchPipe[0], drain, sizeof drain) > 0) {
            }
            client.resizeShell(id, localTerminalSize());
        });
    }
    {
        RawTerminal raw;
        loop.exec();
    }
    if (winchInstalled)
        ::sigaction(SIGWINCH, &previous, nullptr);
    winch.reset();
    ::close(g_winchPipe[0]);
    ::close(g_winchPipe[1]);
    g_winchPipe[0] = g_winchPipe[1] = -1;
    if (!error.isEmpty())
        err << error << '\n';
    else if (exitCode == kFailure)
        err << QCoreApplication::translate("Ssh", "The shell on %1 ended without an exit status")
                   .arg(where)
            << '\n';
    err.flush();
    return exitCode;
}

} // namespace

int runSshCommand(const QStringList &args, QTextStream &out, QTextStream &err) {
    CommandLine cl;
    QString error;
    const auto destinationText = parse(args, cl, error);
    if (cl.help) {
        out << usage();
        return 0;
    }
    const auto destination = destinationText ? parseSshEndpoint(*destinationText) : std::nullopt;
    if (!destination) {
        err << (error.isEmpty() ? Tr::tr("Give the host to connect to: [USER@]HOST") : error)
            << '\n';
        return kFailure;
    }
    const auto config =
        SshConfig::load(cl.configFile.isEmpty() ? SshConfig::defaultPath() : cl.configFile);
    if (!config) {
        err << config.error() << '\n';
        return kFailure;
    }
    auto options = config->connectOptions(*destination, cl.overrides);
    if (!options) {
        err << options.error() << '\n';
        return kFailure;
    }
    std::optional<QByteArray> password;
    if (cl.passwordStdin) {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly)) {
            QByteArray line = in.readLine();
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            password = line;
        }
    }
    options->callbacks.passphrase = [](const QString &file, int attempt) {
        return readSecret(attempt == 0 ? Tr::tr("Passphrase for %1:").arg(file)
                                       : Tr::tr("Wrong passphrase; passphrase for %1:").arg(file));
    };
    options->callbacks.password = [password](const QString &prompt, int attempt) {
        if (password) // --password-stdin: one password, not sent again once refused
            return attempt == 0 ? password : std::nullopt;
        return readSecret(attempt == 0 ? prompt
                                       : Tr::tr("Permission denied, please try again.") +
                                             QLatin1Char('\n') + prompt);
    };

    // Keyboard-interactive (a node's sshd with PAM asks "Password: " this way): each prompt on
    // the terminal, or the --password-stdin password for a round of one hidden prompt.
    options->callbacks.keyboardInteractive =
        [password](const KbdInteractiveQuestion &q) -> std::optional<QList<QByteArray>> {
        QList<QByteArray> answers;
        if (password) {
            if (q.attempt > 0 || q.prompts.size() != 1 || q.echo.value(0))
                return std::nullopt;
            answers << *password;
            return answers;
        }
        for (qsizetype i = 0; i < q.prompts.size(); ++i) {
            QString prompt = q.prompts[i].trimmed();
            if (i == 0 && !q.instruction.isEmpty())
                prompt = q.instruction + QLatin1Char('\n') + prompt;
            if (i == 0 && q.attempt > 0)
                prompt =
                    Tr::tr("Permission denied, please try again.") + QLatin1Char('\n') + prompt;
            auto answer = readSecret(prompt);
            if (!answer)
                return std::nullopt;
            answers << *answer;
        }
        return answers;
    };

    SshClient client;
    const SshStatus status = client.connectToHost(*options).result();
    if (!status.ok()) {
        err << status.message << '\n';
        return kFailure;
    }
    if (cl.command.isEmpty()) {
        const int code = runInteractive(client, options->target.display(), err);
        client.disconnectFromHost().waitForFinished();
        return code;
    }
    SshExecOptions exec;
    exec.onStdout = [](const QByteArray &data) { writeRaw(stdout, data); };
    exec.onStderr = [](const QByteArray &data) { writeRaw(stderr, data); };
    const SshExecResult result = client.exec(cl.command.join(QLatin1Char(' ')), exec).result();
    client.disconnectFromHost().waitForFinished();
    if (!result.ok()) {
        err << result.status.message << '\n';
        return kFailure;
    }
    if (result.exitStatus < 0) {
        err << Tr::tr("The command was killed by signal %1 on %2")
                   .arg(result.exitSignal.isEmpty() ? Tr::tr("(unknown)") : result.exitSignal,
                        options->target.display())
            << '\n';
        return kFailure;
    }
    return result.exitStatus;
}

} // namespace nt
