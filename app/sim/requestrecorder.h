#pragma once
// Records every API request (one JSON line each) so tests can assert what a client did, e.g.
// that nothing was changed without --allow-changes.
#include <QFile>
#include <QString>
#include <nlohmann/json.hpp>
#include <vector>

namespace nt::sim {

class RequestRecorder
{
public:
    // path empty: keep the record in memory only (for GET /_sim/requests).
    bool open(const QString &path, QString *error);
    void record(const nlohmann::json &entry);
    const std::vector<nlohmann::json> &entries() const { return m_entries; }

private:
    QFile m_file;
    std::vector<nlohmann::json> m_entries;
};

} // namespace nt::sim
