#pragma once
// node_exporter's /metrics scraped directly (SamplingConfig::nodeExporterUrls): the USE-method
// figures from the node_* families, computed here as the node-mixin's PromQL would.
#include "metrics/counterrate.h"
#include "sampling/diskrates.h"
#include "sampling/samplesource.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QUrl>

namespace nt {

class NodeExporterSource final : public SampleSource {
public:
    NodeExporterSource(QNetworkAccessManager *network, QHash<QString, QUrl> urls, int timeoutMs);
    SourceKind kind() const override { return SourceKind::NodeExporter; }
    bool perNode() const override { return true; }
    bool covers(const SamplingTarget &target) const override {
        return m_urls.contains(target.name);
    }
    Fetch fetch(const SamplingTarget *target, const QList<SamplingTarget> &targets) override;
    QString decode(const SamplingTarget *target, const QList<SamplingTarget> &targets,
                   const FetchResult &result, qint64 nowMs, NodeGauges &out) override;
    void forget(const QString &node) override { m_nodes.remove(node); }

    struct NodeState {
        CounterRate cpuIdle, cpuIowait; // summed over CPUs
        DiskRates disks;
        PressureRates pressure;
    };
    static QString decodeScrape(const QByteArray &body, const QString &node, qint64 nowMs,
                                NodeState &state, std::vector<Gauge> &out);

private:
    QNetworkAccessManager *m_network;
    QHash<QString, QUrl> m_urls;
    int m_timeoutMs;
    QHash<QString, NodeState> m_nodes;
};

} // namespace nt
