#include "requestrecorder.h"

namespace nt::sim {

bool RequestRecorder::open(const QString &path, QString *error)
{
    if (path.isEmpty())
        return true;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = QStringLiteral("cannot open record file %1: %2").arg(path, m_file.errorString());
        return false;
    }
    return true;
}

void RequestRecorder::record(const nlohmann::json &entry)
{
    m_entries.push_back(entry);
    if (m_file.isOpen()) {
        // Flushed per request: a test reads the file while the simulator keeps running.
        m_file.write(QByteArray::fromStdString(entry.dump() + "\n"));
        m_file.flush();
    }
}

} // namespace nt::sim
