#pragma once
// Kubelet Summary API through the API server proxy (the default source: needs only the
// kubeconfig): CPU, memory, node fs, rlimit PIDs and PSI where the kubelet reports them.
#include "sampling/samplesource.h"

namespace nt {

class KubeletSummarySource final : public SampleSource {
public:
    KubeletSummarySource(KubeClient *client, int timeoutMs);
    SourceKind kind() const override { return SourceKind::KubeletSummary; }
    bool perNode() const override { return true; }
    Fetch fetch(const SamplingTarget *target, const QList<SamplingTarget> &targets) override;
    QString decode(const SamplingTarget *target, const QList<SamplingTarget> &targets,
                   const FetchResult &result, qint64 nowMs, NodeGauges &out) override;

    // The mapping alone, for tests: Summary JSON of one node to gauges.
    static QString decodeSummary(const QByteArray &body, const SamplingTarget &target,
                                 std::vector<Gauge> &out);

private:
    KubeClient *m_client;
    int m_timeoutMs;
};

} // namespace nt
