#pragma once
// metrics.k8s.io NodeMetrics (metrics-server): CPU and memory of every node in one LIST. The
// fallback when nodes/proxy is forbidden (403) for the user, so the Summary cannot be read.
#include "sampling/samplesource.h"

namespace nt {

class NodeMetricsSource final : public SampleSource {
public:
    NodeMetricsSource(KubeClient *client, int timeoutMs);
    SourceKind kind() const override { return SourceKind::NodeMetrics; }
    bool perNode() const override { return false; }
    Fetch fetch(const SamplingTarget *target, const QList<SamplingTarget> &targets) override;
    QString decode(const SamplingTarget *target, const QList<SamplingTarget> &targets,
                   const FetchResult &result, qint64 nowMs, NodeGauges &out) override;

private:
    KubeClient *m_client;
    int m_timeoutMs;
};

} // namespace nt
