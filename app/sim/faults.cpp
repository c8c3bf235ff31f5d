#include "faults.h"

namespace nt::sim {

bool FaultSet::add(const nlohmann::json &spec, QString *error)
{
    if (!spec.is_object() || !spec.contains("path") || !spec["path"].is_string()) {
        *error = QStringLiteral("a fault is a JSON object with at least a \"path\" regex");
        return false;
    }
    Fault f;
    try {
        f.pathPattern = spec["path"].get<std::string>();
        f.path = std::regex(f.pathPattern, std::regex::ECMAScript);
        f.method = spec.value("method", std::string());
        f.status = spec.value("status", 0);
        f.count = spec.value("count", -1);
        f.retryAfter = spec.value("retryAfter", -1);
        f.delayMs = spec.value("delayMs", 0);
        f.garbage = spec.value("garbage", false);
        f.close = spec.value("close", false);
        f.reason = spec.value("reason", std::string());
        f.message = spec.value("message", std::string());
    } catch (const std::exception &e) {
        *error = QStringLiteral("bad fault %1: %2").arg(QString::fromStdString(spec.dump()), QString::fromUtf8(e.what()));
        return false;
    }
    if (f.status == 0 && !f.garbage && !f.close && f.delayMs == 0) {
        *error = QStringLiteral("fault %1 does nothing: give status, garbage, close or delayMs")
                     .arg(QString::fromStdString(spec.dump()));
        return false;
    }
    for (auto &c : f.method)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    m_faults.push_back(std::move(f));
    return true;
}

std::optional<Fault> FaultSet::take(const std::string &method, const std::string &path)
{
    for (Fault &f : m_faults) {
        if (f.count == 0 || (!f.method.empty() && f.method != method) || !std::regex_match(path, f.path))
            continue;
        if (f.count > 0)
            --f.count;
        return f;
    }
    return std::nullopt;
}

nlohmann::json FaultSet::toJson() const
{
    nlohmann::json out = nlohmann::json::array();
    for (const Fault &f : m_faults) {
        out.push_back({{"method", f.method}, {"path", f.pathPattern}, {"status", f.status}, {"count", f.count},
                       {"retryAfter", f.retryAfter}, {"delayMs", f.delayMs}, {"garbage", f.garbage}, {"close", f.close}});
    }
    return out;
}

} // namespace nt::sim
