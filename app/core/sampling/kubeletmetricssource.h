#pragma once
// The kubelet's own /metrics through the API server proxy, in the same round as the Summary:
// the counters step 4 (kubelet health) judges, as rates, and the kubelet's uptime.
#include "metrics/counterrate.h"
#include "metrics/histogram.h"
#include "sampling/samplesource.h"

#include <QHash>

#include <vector>

namespace nt {

class KubeletMetricsSource final : public SampleSource {
public:
    KubeletMetricsSource(KubeClient *client, int timeoutMs);
    SourceKind kind() const override { return SourceKind::KubeletMetrics; }
    bool perNode() const override { return true; }
    Fetch fetch(const SamplingTarget *target, const QList<SamplingTarget> &targets) override;
    QString decode(const SamplingTarget *target, const QList<SamplingTarget> &targets,
                   const FetchResult &result, qint64 nowMs, NodeGauges &out) override;
    void forget(const QString &node) override { m_nodes.remove(node); }

    // What is kept per node between scrapes.
    struct NodeState {
        CounterRate runtimeErrors, evictions, startErrors;
        std::vector<HistogramBucket> plegBuckets;
    };
    // The mapping alone, for tests: one scrape at nowMs into gauges, with the node's state.
    static QString decodeScrape(const QByteArray &body, const QString &node, qint64 nowMs,
                                NodeState &state, std::vector<Gauge> &out);

private:
    KubeClient *m_client;
    int m_timeoutMs;
    QHash<QString, NodeState> m_nodes;
};

} // namespace nt
