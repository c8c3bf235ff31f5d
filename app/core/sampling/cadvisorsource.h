#pragma once
// The kubelet's cAdvisor endpoint through the API server proxy, for the nodes in focus only (a
// scrape is ~1.4 MB): the root cgroup (id="/") is the whole node, per block device. Disk I/O
// rates, utilisation, queue depth and PSI with nothing but the kubeconfig.
#include "sampling/diskrates.h"
#include "sampling/samplesource.h"

#include <QHash>

namespace nt {

class CadvisorSource final : public SampleSource {
public:
    CadvisorSource(KubeClient *client, int timeoutMs);
    SourceKind kind() const override { return SourceKind::KubeletCadvisor; }
    bool perNode() const override { return true; }
    Fetch fetch(const SamplingTarget *target, const QList<SamplingTarget> &targets) override;
    QString decode(const SamplingTarget *target, const QList<SamplingTarget> &targets,
                   const FetchResult &result, qint64 nowMs, NodeGauges &out) override;
    void forget(const QString &node) override { m_nodes.remove(node); }

    struct NodeState {
        DiskRates disks;
        PressureRates pressure;
    };
    static QString decodeScrape(const QByteArray &body, const QString &node, qint64 nowMs,
                                NodeState &state, std::vector<Gauge> &out);

private:
    KubeClient *m_client;
    int m_timeoutMs;
    QHash<QString, NodeState> m_nodes;
};

} // namespace nt
