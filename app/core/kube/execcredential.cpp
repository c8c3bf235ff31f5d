// Runs exec credential plugins (kubelogin and friends) with QProcess, never waiting on them: the
// provider lives on the API client's worker thread, which must keep serving other requests while
// a human completes a device-code sign-in that can take minutes.
#include "kube/execcredential.h"
#include "kube/execcredentialjson.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>
#include <vector>

namespace nt {
namespace {

// Refresh this long before expirationTimestamp, so a request does not leave with a token that
// expires on its way to the server.
constexpr std::chrono::seconds kExpirySkew{10};
constexpr std::chrono::seconds kDefaultTimeout{60};
constexpr std::chrono::minutes kInteractiveTimeout{10};
// An ExecCredential is a few KiB; anything far bigger is a plugin gone wrong.
constexpr qsizetype kMaxOutput = 4 * 1024 * 1024;

} // namespace

struct ExecCredentialProvider::Private {
    ExecConfig config;
    ExecClusterInfo cluster;
    bool interactive = false;
    std::chrono::milliseconds timeout{0}; // 0 = default for the run's interactivity
    std::optional<Credential> cached;

    // The run in progress, if any; every fetch() meanwhile waits on it.
    QPointer<QProcess> process;
    QTimer *timer = nullptr;
    bool runInteractive = false;
    QByteArray output;
    QByteArray stderrPartial;
    QString lastStderrLine;
    std::vector<std::function<void(Result<Credential>)>> waiting;

    QString pluginName() const { return QFileInfo(config.command).fileName(); }
};

ExecCredentialProvider::ExecCredentialProvider(ExecConfig config, QString server, QByteArray caPem,
                                               bool interactive, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>()) {
    d->config = std::move(config);
    d->cluster.server = std::move(server);
    d->cluster.caPem = std::move(caPem);
    d->interactive = interactive;
    d->timer = new QTimer(this);
    d->timer->setSingleShot(true);
    connect(d->timer, &QTimer::timeout, this, [this] {
        const QString seconds = QString::number(d->timer->interval() / 1000.0, 'g', 4);
        finish(
            Error{QCoreApplication::translate(
                      "Kubeconfig",
                      "The exec credential plugin '%1' did not finish within %2 s and was stopped.")
                      .arg(d->pluginName(), seconds)});
    });
}

ExecCredentialProvider::ExecCredentialProvider(const ClusterAccess &access, bool interactive,
                                               QObject *parent)
    : ExecCredentialProvider(access.exec.value_or(ExecConfig{}), access.server, access.caPem,
                             interactive, parent) {
    d->cluster.tlsServerName = access.tlsServerName;
    d->cluster.insecureSkipTlsVerify = access.insecureSkipTlsVerify;
    d->cluster.proxyUrl = access.proxyUrl;
}

ExecCredentialProvider::~ExecCredentialProvider() {
    // Callers may be waiting on a promise fed by their callback; answer them rather than leave
    // them hanging. finish() also detaches the process so no signal reaches a half-destroyed us.
    if (!d->waiting.empty() || d->process)
        finish(Error{QCoreApplication::translate("Kubeconfig",
                                                 "The exec credential plugin '%1' was cancelled.")
                         .arg(d->pluginName())});
}

void ExecCredentialProvider::setTimeout(std::chrono::milliseconds timeout) {
    d->timeout = timeout;
}

std::optional<Credential> ExecCredentialProvider::cached() const {
    return d->cached;
}

bool ExecCredentialProvider::isRunning() const {
    return !d->process.isNull();
}

void ExecCredentialProvider::fetch(bool forceRefresh,
                                   std::function<void(Result<Credential>)> done) {
    if (forceRefresh) {
        d->cached.reset(); // the server refused it; never hand it out again
    } else if (d->cached) {
        const QDateTime &expiry = d->cached->expiresAt;
        if (!expiry.isValid() ||
            QDateTime::currentDateTimeUtc().addSecs(kExpirySkew.count()) < expiry) {
            done(*d->cached);
            return;
        }
    }
    d->waiting.push_back(std::move(done));
    if (!d->process)
        start();
}

void ExecCredentialProvider::cancel() {
    if (!d->waiting.empty() || d->process)
        finish(Error{QCoreApplication::translate("Kubeconfig",
                                                 "The exec credential plugin '%1' was cancelled.")
                         .arg(d->pluginName())});
}

void ExecCredentialProvider::writeInput(const QByteArray &bytes) {
    if (d->process && d->runInteractive)
        d->process->write(bytes);
}

void ExecCredentialProvider::start() {
    const ExecConfig &x = d->config;
    // interactiveMode decides whether the plugin may talk to a human at all.
    d->runInteractive = d->interactive && x.interactiveMode != QLatin1String("Never");
    if (x.interactiveMode == QLatin1String("Always") && !d->interactive) {
        finish(Error{QCoreApplication::translate(
                         "Kubeconfig",
                         "The exec credential plugin '%1' named in %2 needs an interactive session "
                         "(interactiveMode Always), but none is available here.")
                         .arg(d->pluginName(), x.sourceFile)});
        return;
    }
    const QString program =
        x.command.contains(QLatin1Char('/'))
            ? (QFileInfo(x.command).isFile() && QFileInfo(x.command).isExecutable() ? x.command
                                                                                    : QString())
            : QStandardPaths::findExecutable(x.command);
    if (program.isEmpty()) {
        const QString hint =
            x.installHint.isEmpty()
                ? QCoreApplication::translate("Kubeconfig",
                                              "Install it or fix the command in the kubeconfig.")
                : x.installHint.trimmed();
        finish(
            Error{QCoreApplication::translate(
                      "Kubeconfig", "The exec credential plugin '%1' named in %2 was not found. %3")
                      .arg(x.command, x.sourceFile, hint)});
        return;
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : x.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
               QString::fromUtf8(execInfoJson(x.apiVersion, d->runInteractive,
                                              x.provideClusterInfo ? &d->cluster : nullptr)));

    auto *process = new QProcess(this);
    d->process = process;
    d->output.clear();
    d->stderrPartial.clear();
    d->lastStderrLine.clear();
    process->setProgram(program);
    process->setArguments(x.args);
    process->setProcessEnvironment(env);
    // Without a human the plugin must see end-of-file at once instead of waiting for an answer.
    if (!d->runInteractive)
        process->setStandardInputFile(QProcess::nullDevice());

    connect(process, &QProcess::readyReadStandardOutput, this, [this] {
        d->output += d->process->readAllStandardOutput();
        if (d->output.size() > kMaxOutput) {
            finish(Error{QCoreApplication::translate("Kubeconfig",
                                                     "The exec credential plugin '%1' printed "
                                                     "more output than any credential needs.")
                             .arg(d->pluginName())});
        }
    });
    connect(process, &QProcess::readyReadStandardError, this, [this] { readStandardError(false); });
    connect(process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        onFinished(exitCode, status == QProcess::CrashExit);
    });
    connect(process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            finish(Error{
                QCoreApplication::translate(
                    "Kubeconfig", "The exec credential plugin '%1' could not be started (%2).")
                    .arg(d->pluginName(), d->process->errorString())});
        }
    });

    const auto timeout =
        d->timeout.count() > 0
            ? d->timeout
            : std::chrono::milliseconds(d->runInteractive
                                            ? std::chrono::milliseconds(kInteractiveTimeout)
                                            : std::chrono::milliseconds(kDefaultTimeout));
    d->timer->start(timeout);
    process->start(QIODevice::ReadWrite);
}

// Emits complete stderr lines as they come; `flushPartialLine` also takes a last unterminated one.
void ExecCredentialProvider::readStandardError(bool flushPartialLine) {
    if (!d->process)
        return;
    d->stderrPartial += d->process->readAllStandardError();
    qsizetype newline = 0;
    while ((newline = d->stderrPartial.indexOf('\n')) >= 0 ||
           (flushPartialLine && !d->stderrPartial.isEmpty())) {
        const qsizetype end = newline >= 0 ? newline : d->stderrPartial.size();
        const QString line = QString::fromUtf8(d->stderrPartial.left(end)).trimmed();
        d->stderrPartial.remove(0, newline >= 0 ? end + 1 : end);
        if (line.isEmpty())
            continue;
        d->lastStderrLine = line;
        Q_EMIT prompt(line);
    }
}

void ExecCredentialProvider::onFinished(int exitCode, bool crashed) {
    d->output += d->process->readAllStandardOutput();
    readStandardError(true);
    const QString detail =
        d->lastStderrLine.isEmpty()
            ? QCoreApplication::translate("Kubeconfig", "it printed no error message")
            : d->lastStderrLine;
    if (crashed) {
        finish(Error{
            QCoreApplication::translate("Kubeconfig", "The exec credential plugin '%1' crashed: %2")
                .arg(d->pluginName(), detail)});
        return;
    }
    if (exitCode != 0) {
        finish(
            Error{QCoreApplication::translate(
                      "Kubeconfig", "The exec credential plugin '%1' failed with exit code %2: %3")
                      .arg(d->pluginName(), QString::number(exitCode), detail)});
        return;
    }
    auto credential = parseExecCredential(d->output, d->config.apiVersion, d->pluginName());
    if (credential)
        d->cached = *credential;
    finish(credential);
}

void ExecCredentialProvider::finish(const Result<Credential> &result) {
    // Reset all run state before calling anyone: a callback may well call fetch() again.
    auto waiting = std::exchange(d->waiting, {});
    d->timer->stop();
    if (QProcess *process = d->process) {
        d->process.clear();
        process->disconnect(this);
        if (process->state() == QProcess::NotRunning) {
            process->deleteLater();
        } else {
            // Reaped asynchronously; deleting a running QProcess would block on it.
            connect(process, &QProcess::finished, process, &QObject::deleteLater);
            process->kill();
        }
    }
    d->output.clear();
    d->stderrPartial.clear();
    for (auto &callback : waiting)
        callback(result);
}

} // namespace nt
