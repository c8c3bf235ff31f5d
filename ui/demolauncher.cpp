#include "demolauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

namespace nt::ui {

namespace {
constexpr int stopWaitMs = 3000;
constexpr qsizetype stderrKeep = 4096;
} // namespace

DemoLauncher::DemoLauncher(QObject *parent)
    : QObject(parent), m_simulatorPath(defaultSimulatorPath())
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(30000);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("The demo cluster did not start within %1 seconds (%2).")
                 .arg(QString::number(m_timeout.interval() / 1000), m_simulatorPath));
        stop();
    });
}

DemoLauncher::~DemoLauncher() { stop(); }

QString DemoLauncher::defaultSimulatorPath()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("nodetriage-sim"));
}

QString DemoLauncher::kubeconfigPath() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("kubeconfig")) : QString();
}

bool DemoLauncher::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void DemoLauncher::start(const QString &scenario)
{
    stop();
    m_scenario = scenario.isEmpty() ? defaultScenario() : scenario;
    m_settled = false;
    m_url.clear();
    m_stdout.clear();
    m_stderrTail.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        // Queued so callers can connect after start() and still hear about it.
        const QString message = tr("Could not create a temporary folder for the demo cluster: %1")
                                    .arg(m_dir->errorString());
        QMetaObject::invokeMethod(this, [this, message] { fail(message); }, Qt::QueuedConnection);
        return;
    }
    m_process = std::make_unique<QProcess>();
    QProcess *process = m_process.get();
    connect(process, &QProcess::readyReadStandardOutput, this, &DemoLauncher::readOutput);
    connect(process, &QProcess::readyReadStandardError, this, [this, process] {
        m_stderrTail += process->readAllStandardError();
        if (m_stderrTail.size() > stderrKeep)
            m_stderrTail = m_stderrTail.right(stderrKeep);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("Could not start the demo cluster's simulator %1: %2")
                     .arg(m_simulatorPath, process->errorString()));
    });
    connect(process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (m_settled)
            return;
        const QList<QByteArray> lines = m_stderrTail.trimmed().split('\n');
        const QString last = lines.isEmpty() ? QString() : QString::fromUtf8(lines.last());
        fail(tr("The demo cluster's simulator exited with status %1 before it was ready: %2")
                 .arg(QString::number(code), last.isEmpty() ? tr("no message") : last));
    });
    m_timeout.start();
    process->start(m_simulatorPath,
                   {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--kubeconfig-out"),
                    kubeconfigPath(), QStringLiteral("--scenario"), m_scenario});
}

void DemoLauncher::readOutput()
{
    m_stdout += m_process->readAllStandardOutput();
    if (m_settled)
        return;
    static const QRegularExpression listening(
        QStringLiteral(R"(listening on (https://127\.0\.0\.1:\d+))"));
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_stdout));
    if (!match.hasMatch())
        return;
    m_settled = true;
    m_timeout.stop();
    m_url = match.captured(1);
    // Only the first line matters; later output would grow the buffer for nothing.
    m_stdout.clear();
    Q_EMIT ready(kubeconfigPath());
}

void DemoLauncher::fail(const QString &message)
{
    m_timeout.stop();
    if (m_settled)
        return;
    m_settled = true;
    Q_EMIT failed(message);
}

void DemoLauncher::stop()
{
    m_timeout.stop();
    if (!m_process)
        return;
    std::unique_ptr<QProcess> process = std::move(m_process);
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        // The simulator exits cleanly on SIGTERM; the short wait happens at shutdown only.
        process->terminate();
        if (!process->waitForFinished(stopWaitMs)) {
            process->kill();
            process->waitForFinished(stopWaitMs);
        }
    }
}

} // namespace nt::ui
