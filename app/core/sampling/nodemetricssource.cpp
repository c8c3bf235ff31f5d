#include "sampling/nodemetricssource.h"

#include "kube/quantity.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace nt {

NodeMetricsSource::NodeMetricsSource(KubeClient *client, int timeoutMs)
    : m_client(client)
    , m_timeoutMs(timeoutMs) {}

Fetch NodeMetricsSource::fetch(const SamplingTarget *, const QList<SamplingTarget> &) {
    KubeRequest r;
    r.path = QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes");
    r.timeoutMs = m_timeoutMs;
    return kubeFetch(m_client, std::move(r));
}

QString NodeMetricsSource::decode(const SamplingTarget *, const QList<SamplingTarget> &targets,
                                  const FetchResult &result, qint64, NodeGauges &out) {
    const nlohmann::json json =
        nlohmann::json::parse(result.body.constBegin(), result.body.constEnd(), nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("items") ||
        !json["items"].is_array())
        return QCoreApplication::translate("Sampling", "The metrics.k8s.io node list is not a "
                                                       "NodeMetricsList.");
    QHash<QString, const SamplingTarget *> byName;
    for (const SamplingTarget &t : targets)
        byName.insert(t.name, &t);
    auto quantity = [](const nlohmann::json &usage, const char *key) -> std::optional<double> {
        auto it = usage.find(key);
        if (it == usage.end() || !it->is_string())
            return std::nullopt;
        auto q = Quantity::parse(QString::fromStdString(it->get<std::string>()));
        return q ? std::optional<double>(q->toDouble()) : std::nullopt;
    };
    for (const nlohmann::json &item : json["items"]) {
        if (!item.is_object() || !item.contains("metadata") || !item.contains("usage") ||
            !item["usage"].is_object())
            continue;
        const auto nameIt = item["metadata"].find("name");
        if (nameIt == item["metadata"].end() || !nameIt->is_string())
            continue;
        const QString name = QString::fromStdString(nameIt->get<std::string>());
        const SamplingTarget *target = byName.value(name);
        if (!target)
            continue;
        std::vector<Gauge> &gauges = out[name];
        const nlohmann::json &usage = item["usage"];
        if (auto cores = quantity(usage, "cpu"); cores && target->allocatableCpuCores > 0)
            gauges.push_back({Metric::CpuPercent, *cores / target->allocatableCpuCores * 100.0});
        if (auto bytes = quantity(usage, "memory")) {
            // metrics-server reports the working set, as the Summary's workingSetBytes.
            gauges.push_back({Metric::MemoryWorkingSetBytes, *bytes});
            if (target->allocatableMemoryBytes > 0)
                gauges.push_back(
                    {Metric::MemoryPercent, *bytes / target->allocatableMemoryBytes * 100.0});
        }
        if (gauges.empty())
            out.remove(name);
    }
    return {};
}

} // namespace nt
