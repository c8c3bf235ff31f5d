#include "sampling/kubeletsummarysource.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace nt {

namespace {

// The number at json[path...], absent unless it is there and a number.
std::optional<double> number(const nlohmann::json &json, std::initializer_list<const char *> path) {
    const nlohmann::json *at = &json;
    for (const char *key : path) {
        if (!at->is_object())
            return std::nullopt;
        auto it = at->find(key);
        if (it == at->end())
            return std::nullopt;
        at = &*it;
    }
    if (!at->is_number())
        return std::nullopt;
    return at->get<double>();
}

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
    // Only "node" is read: the parser callback drops every other top-level member (the pods
    // array is most of a Summary) as it goes, so no DOM is built for it.
    const nlohmann::json json = nlohmann::json::parse(
        body.constBegin(), body.constEnd(),
        [](int depth, nlohmann::json::parse_event_t event, nlohmann::json &parsed) {
            return !(depth == 1 && event == nlohmann::json::parse_event_t::key && parsed != "node");
        },
        false);
    if (json.is_discarded() || !json.is_object() || !json.contains("node"))
        return QCoreApplication::translate("Sampling",
                                           "The kubelet summary of node %1 is not a Summary "
                                           "object.")
            .arg(target.name);
    const nlohmann::json &node = json["node"];
    auto add = [&out](Metric metric, std::optional<double> value) {
        if (value && std::isfinite(*value))
            out.push_back({metric, *value});
    };
    // CPU as a share of allocatable, as `kubectl top node` shows it: what pods may use.
    if (auto nanoCores = number(node, {"cpu", "usageNanoCores"});
        nanoCores && target.allocatableCpuCores > 0)
        add(Metric::CpuPercent, *nanoCores / 1e9 / target.allocatableCpuCores * 100.0);
    if (auto workingSet = number(node, {"memory", "workingSetBytes"})) {
        add(Metric::MemoryWorkingSetBytes, workingSet);
        if (target.allocatableMemoryBytes > 0)
            add(Metric::MemoryPercent, *workingSet / target.allocatableMemoryBytes * 100.0);
    }
    auto used = number(node, {"fs", "usedBytes"});
    auto capacity = number(node, {"fs", "capacityBytes"});
    if (used && capacity && *capacity > 0)
        add(Metric::FsPercent, *used / *capacity * 100.0);
    auto curproc = number(node, {"rlimit", "curproc"});
    auto maxpid = number(node, {"rlimit", "maxpid"});
    add(Metric::PidsUsed, curproc);
    add(Metric::PidsMax, maxpid);
    if (curproc && maxpid && *maxpid > 0)
        add(Metric::PidPercent, *curproc / *maxpid * 100.0);
    // PSI avg10 is already a percentage of wall time.
    add(Metric::PsiCpuSomeAvg10, number(node, {"cpu", "psi", "some", "avg10"}));
    add(Metric::PsiMemorySomeAvg10, number(node, {"memory", "psi", "some", "avg10"}));
    add(Metric::PsiMemoryFullAvg10, number(node, {"memory", "psi", "full", "avg10"}));
    add(Metric::PsiIoSomeAvg10, number(node, {"io", "psi", "some", "avg10"}));
    add(Metric::PsiIoFullAvg10, number(node, {"io", "psi", "full", "avg10"}));
    return {};
}

} // namespace nt
