#include "sampling/kubeletmetricssource.h"

#include "metrics/textformat.h"

#include <QCoreApplication>

#include <cmath>

namespace nt {

namespace {

// Sum of every series of a family (PromQL sum()), absent when the family has no sample.
std::optional<double> sumOf(const ParseResult &scrape, std::string_view family) {
    const Family *f = scrape.family(family);
    if (!f || f->samples.empty())
        return std::nullopt;
    double sum = 0;
    for (quint32 index : f->samples) {
        const Sample &s = scrape.samples[index];
        if (s.kind == SampleKind::Plain && std::isfinite(s.value))
            sum += s.value;
    }
    return sum;
}

} // namespace

KubeletMetricsSource::KubeletMetricsSource(KubeClient *client, int timeoutMs)
    : m_client(client)
    , m_timeoutMs(timeoutMs) {}

Fetch KubeletMetricsSource::fetch(const SamplingTarget *target, const QList<SamplingTarget> &) {
    return nodeProxyFetch(m_client, target->name, QStringLiteral("metrics"), m_timeoutMs);
}

QString KubeletMetricsSource::decode(const SamplingTarget *target, const QList<SamplingTarget> &,
                                     const FetchResult &result, qint64 nowMs, NodeGauges &out) {
    std::vector<Gauge> gauges;
    QString error = decodeScrape(result.body, target->name, nowMs, m_nodes[target->name], gauges);
    if (error.isEmpty())
        out[target->name].insert(out[target->name].end(), gauges.begin(), gauges.end());
    return error;
}

QString KubeletMetricsSource::decodeScrape(const QByteArray &body, const QString &node,
                                           qint64 nowMs, NodeState &state,
                                           std::vector<Gauge> &out) {
    const ParseResult scrape = parseTextFormat(body, [](std::string_view name, auto) {
        return name.starts_with("kubelet_") || name == "process_start_time_seconds";
    });
    if (scrape.samples.empty())
        return QCoreApplication::translate("Sampling",
                                           "The kubelet metrics of node %1 hold no kubelet "
                                           "series.")
            .arg(node);
    auto rate = [&](CounterRate &counter, std::optional<double> value, Metric metric) {
        if (!value)
            return;
        if (auto r = counter.add(nowMs, *value).value)
            out.push_back({metric, *r});
    };
    rate(state.runtimeErrors, sumOf(scrape, "kubelet_runtime_operations_errors_total"),
         Metric::KubeletRuntimeErrorsPerSec);
    rate(state.evictions, sumOf(scrape, "kubelet_evictions"), Metric::KubeletEvictionsPerSec);
    auto podErrors = sumOf(scrape, "kubelet_started_pods_errors_total");
    auto containerErrors = sumOf(scrape, "kubelet_started_containers_errors_total");
    if (podErrors || containerErrors)
        rate(state.startErrors, podErrors.value_or(0) + containerErrors.value_or(0),
             Metric::KubeletStartErrorsPerSec);
    if (auto running = sumOf(scrape, "kubelet_running_pods"))
        out.push_back({Metric::KubeletRunningPods, *running});
    if (auto started = sumOf(scrape, "process_start_time_seconds"))
        out.push_back({Metric::KubeletUptimeSeconds, double(nowMs) / 1000.0 - *started});
    // PLEG relist p99 over this interval: the buckets' increase since the previous scrape.
    std::vector<HistogramBucket> buckets =
        histogramBuckets(scrape, "kubelet_pleg_relist_duration_seconds");
    if (!buckets.empty()) {
        if (!state.plegBuckets.empty()) {
            if (auto p99 = histogramQuantile(0.99, histogramIncrease(state.plegBuckets, buckets)))
                out.push_back({Metric::KubeletPlegRelistP99Seconds, *p99});
        }
        state.plegBuckets = std::move(buckets);
    }
    return {};
}

} // namespace nt
