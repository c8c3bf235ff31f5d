#include "ssh/sshcommand.h"

#include "ssh/sshclient.h"
#include "ssh/sshconfig.h"

#include <cstdio>
#include <QCoreApplication>
#include <QFile>
#include <termios.h>
#include <unistd.h>

namespace nt {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("Ssh", text);
}

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
            error = tr("%1 needs a value").arg(name);
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
                error = tr("--ssh-port must be a number from 1 to 65535, not '%1'").arg(*v);
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
            error = tr("Unknown option %1 (see nodetriage ssh --help)").arg(arg);
            return std::nullopt;
        } else {
            cl.destination = arg;
        }
    }
    return cl.destination;
}

QString usage() {
    return tr("Usage: nodetriage ssh [options] [USER@]HOST [-- COMMAND...]\n"
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
        err << (error.isEmpty() ? tr("Give the host to connect to: [USER@]HOST") : error) << '\n';
        return kFailure;
    }
    if (cl.command.isEmpty()) {
        err << tr("Interactive sessions are not available on the command line yet: give a "
                  "command after --")
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
        return readSecret(attempt == 0 ? tr("Passphrase for %1:").arg(file)
                                       : tr("Wrong passphrase; passphrase for %1:").arg(file));
    };
    options->callbacks.password = [password](const QString &prompt) {
        return password ? password : readSecret(prompt);
    };

    SshClient client;
    const SshStatus status = client.connectToHost(*options).result();
    if (!status.ok()) {
        err << status.message << '\n';
        return kFailure;
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
        err << tr("The command was killed by signal %1 on %2")
                   .arg(result.exitSignal.isEmpty() ? tr("(unknown)") : result.exitSignal,
                        options->target.display())
            << '\n';
        return kFailure;
    }
    return result.exitStatus;
}

} // namespace nt
