#include "sampling/kubeletsummarysource.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nt {

namespace {

// The Summary numbers we read, all under "node".
enum Field {
    UsageNanoCores,
    WorkingSet,
    FsUsed,
    FsCapacity,
    CurProc,
    MaxPid,
    PsiCpuSome,
    PsiMemSome,
    PsiMemFull,
    PsiIoSome,
    PsiIoFull,
    FieldCount
};

struct FieldPath {
    Field field;
    std::initializer_list<std::string_view> path; // below "node"
};

const FieldPath kFields[] = {
    {UsageNanoCores, {"cpu", "usageNanoCores"}},
    {WorkingSet, {"memory", "workingSetBytes"}},
    {FsUsed, {"fs", "usedBytes"}},
    {FsCapacity, {"fs", "capacityBytes"}},
    {CurProc, {"rlimit", "curproc"}},
    {MaxPid, {"rlimit", "maxpid"}},
    {PsiCpuSome, {"cpu", "psi", "some", "avg10"}},
    {PsiMemSome, {"memory", "psi", "some", "avg10"}},
    {PsiMemFull, {"memory", "psi", "full", "avg10"}},
    {PsiIoSome, {"io", "psi", "some", "avg10"}},
    {PsiIoFull, {"io", "psi", "full", "avg10"}},
};

// A SAX reader of a Summary: it builds no DOM, keeps only the numbers above, and stops as soon
// as the "node" object closes, so the pods array (most of a Summary, and after "node" in the
// kubelet's field order) is not even scanned. Until then the input must be well-formed JSON.
class SummarySax {
public:
    using json = nlohmann::json;

    bool null() { return scalar(); }
    bool boolean(bool) { return scalar(); }
    bool number_integer(json::number_integer_t v) { return number(double(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return number(double(v)); }
    bool number_float(json::number_float_t v, const json::string_t &) { return number(v); }
    bool string(json::string_t &) { return scalar(); }
    bool binary(json::binary_t &) { return scalar(); }
    bool start_object(std::size_t) { return open(false); }
    bool start_array(std::size_t) { return open(true); }
    bool key(json::string_t &k) {
        m_levels.back().key = k;
        if (m_levels.size() == 1 && k == "node")
            m_sawNode = true;
        return true;
    }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) {
        m_error = true;
        return false;
    }

    // Well-formed (as far as read), an object at the top, with a "node" member.
    bool ok() const { return !m_error && m_topObject && m_sawNode; }
    const std::optional<double> &value(Field f) const { return m_values[f]; }

private:
    struct Level {
        bool array = false;
        std::string key;
    };

    bool open(bool array) {
        if (m_levels.empty()) {
            if (array) {
                m_error = true; // not an object at the top
                return false;
            }
            m_topObject = true;
        }
        m_levels.push_back({array, {}});
        return true;
    }
    bool close() {
        m_levels.pop_back();
        // The "node" object just closed: nothing after it is read.
        return !(m_levels.size() == 1 && m_levels[0].key == "node");
    }
    bool scalar() {
        if (m_levels.empty()) {
            m_error = true;
            return false;
        }
        return true;
    }
    bool number(double v) {
        if (m_levels.empty()) {
            m_error = true;
            return false;
        }
        if (m_levels.size() < 3 || m_levels[0].key != "node")
            return true;
        for (const Level &l : m_levels)
            if (l.array)
                return true;
        for (const FieldPath &f : kFields) {
            if (f.path.size() != m_levels.size() - 1)
                continue;
            bool match = true;
            size_t i = 1;
            for (std::string_view part : f.path)
                if (m_levels[i++].key != part) {
                    match = false;
                    break;
                }
            if (match) {
                m_values[f.field] = v;
                return true;
            }
        }
        return true;
    }

    std::vector<Level> m_levels;
    std::optional<double> m_values[FieldCount];
    bool m_topObject = false;
    bool m_sawNode = false;
    bool m_error = false;
};

} // namespace

KubeletSummarySource::KubeletSummarySource(KubeClient *client, int timeoutMs)
    : m_client(client)
    , m_timeoutMs(timeoutMs) {}

Fetch KubeletSummarySource::fetch(const SamplingTarget *target, const QList<SamplingTarget> &) {
    return nodeProxyFetch(m_client, target->name, QStringLiteral("stats/summary"), m_timeoutMs);
}

QString KubeletSummarySource::decode(const SamplingTarget *target, const QList<SamplingTarget> &,
                                     const FetchResult &result, qint64, NodeGauges &out) {
    std::vector<Gauge> gauges;
    QString error = decodeSummary(result.body, *target, gauges);
    if (error.isEmpty())
        out[target->name].insert(out[target->name].end(), gauges.begin(), gauges.end());
    return error;
}

QString KubeletSummarySource::decodeSummary(const QByteArray &body, const SamplingTarget &target,
                                            std::vector<Gauge> &out) {
    SummarySax sax;
    nlohmann::json::sax_parse(body.constBegin(), body.constEnd(), &sax);
    if (!sax.ok())
        return QCoreApplication::translate("Sampling",
                                           "The kubelet summary of node %1 is not a Summary "
                                           "object.")
            .arg(target.name);
    auto number = [&sax](Field f) { return sax.value(f); };
    auto add = [&out](Metric metric, std::optional<double> value) {
        if (value && std::isfinite(*value))
            out.push_back({metric, *value});
    };
    // CPU as a share of allocatable, as `kubectl top node` shows it: what pods may use.
    if (auto nanoCores = number(UsageNanoCores); nanoCores && target.allocatableCpuCores > 0)
        add(Metric::CpuPercent, *nanoCores / 1e9 / target.allocatableCpuCores * 100.0);
    if (auto workingSet = number(WorkingSet)) {
        add(Metric::MemoryWorkingSetBytes, workingSet);
        if (target.allocatableMemoryBytes > 0)
            add(Metric::MemoryPercent, *workingSet / target.allocatableMemoryBytes * 100.0);
    }
    auto used = number(FsUsed);
    auto capacity = number(FsCapacity);
    if (used && capacity && *capacity > 0)
        add(Metric::FsPercent, *used / *capacity * 100.0);
    auto curproc = number(CurProc);
    auto maxpid = number(MaxPid);
    add(Metric::PidsUsed, curproc);
    add(Metric::PidsMax, maxpid);
    if (curproc && maxpid && *maxpid > 0)
        add(Metric::PidPercent, *curproc / *maxpid * 100.0);
    // PSI avg10 is already a percentage of wall time.
    add(Metric::PsiCpuSomeAvg10, number(PsiCpuSome));
    add(Metric::PsiMemorySomeAvg10, number(PsiMemSome));
    add(Metric::PsiMemoryFullAvg10, number(PsiMemFull));
    add(Metric::PsiIoSomeAvg10, number(PsiIoSome));
    add(Metric::PsiIoFullAvg10, number(PsiIoFull));
    return {};
}

} // namespace nt
