#include "simprocess.h"

#include "testsupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

namespace nt::test {

SimProcess::SimProcess(QStringList extraArgs) : m_extraArgs(std::move(extraArgs)) {}

SimProcess::~SimProcess()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate(); // SIGTERM: the simulator exits 0 on it
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString SimProcess::kubeconfig() const { return m_dir.filePath(QStringLiteral("kubeconfig")); }

QString SimProcess::recordFile() const { return m_dir.filePath(QStringLiteral("requests.jsonl")); }

bool SimProcess::start(int timeoutMs)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(simBinary());
    m_process->setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                        QStringLiteral("--kubeconfig-out"), kubeconfig(),
                                        QStringLiteral("--record"), recordFile()}
                            + m_extraArgs);
    // stderr goes to a file: nobody reads the pipe while a test runs, and a full pipe would
    // block the simulator.
    m_process->setStandardErrorFile(m_dir.filePath(QStringLiteral("sim.stderr")));
    m_process->start();
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(simBinary(), m_process->errorString());
        return false;
    }

    static const QRegularExpression listening(QStringLiteral("^listening on (https://127\\.0\\.0\\.1:(\\d+))$"));
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray out;
    while (!deadline.hasExpired()) {
        // Blocks until the simulator writes or exits: waiting on an event, not sleeping.
        if (m_process->canReadLine() || m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            while (m_process->canReadLine()) {
                const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
                out += line.toUtf8() + '\n';
                const auto match = listening.match(line);
                if (match.hasMatch()) {
                    m_url = match.captured(1);
                    m_port = quint16(match.captured(2).toUInt());
                    return true;
                }
            }
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
    }
    const bool exited = m_process->state() == QProcess::NotRunning;
    if (!exited) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_error = QStringLiteral("%1 %2 %3; stdout: %4; stderr: %5")
                  .arg(simBinary(), m_process->arguments().join(u' '),
                       exited ? QStringLiteral("exited with %1 before listening").arg(m_process->exitCode())
                              : QStringLiteral("did not print its listening line within %1 ms").arg(timeoutMs),
                       QString::fromUtf8(out + m_process->readAllStandardOutput()).trimmed(),
                       QString::fromUtf8(stderrText()).trimmed());
    return false;
}

QByteArray SimProcess::stderrText() const
{
    QFile file(m_dir.filePath(QStringLiteral("sim.stderr")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::vector<nlohmann::json> SimProcess::recordedRequests() const
{
    std::vector<nlohmann::json> out;
    QFile file(recordFile());
    if (!file.open(QIODevice::ReadOnly))
        return out;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        auto entry = nlohmann::json::parse(line.toStdString(), nullptr, false);
        if (!entry.is_discarded())
            out.push_back(std::move(entry));
    }
    return out;
}

} // namespace nt::test
