#pragma once
// Samples the nodes for the check's window, headless and blocking (the CLI thread has nothing
// else to do; the requests run on the client's thread): the kubelet's /metrics (step 4), its
// cAdvisor endpoint (disk I/O and PSI, step 6) and the Summary API (each node's `latest`), turned
// into the same per-node gauges the sampling engine writes, in a MetricStore the judges read.
// Stands in for the sampling engine's WindowSampler (sampling/samplingengine.h) until that lands;
// the judges only see the store, so swapping the source changes nothing downstream.
#include "kube/types.h"
#include "metrics/counterrate.h"
#include "metrics/histogram.h"
#include "metrics/metricstore.h"

#include <memory>
#include <QHash>
#include <QList>
#include <QString>

namespace nt {

class KubeClient;

struct CheckSources {
    bool kubeletMetrics = false; // step 4
    bool cadvisor = false;       // step 6
    bool summary = true;         // `latest`
};

class CheckSampler {
public:
    CheckSampler(KubeClient &client, std::shared_ptr<MetricStore> store, const QList<Node> &nodes,
                 CheckSources sources);
    ~CheckSampler();

    // One round over every node; returns when every answer is in.
    void sampleOnce();
    // Per-request timeout (ms) of the scrapes.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Per node, the last error of the kubelet's /metrics (step 4 reports it), empty when fine.
    QHash<QString, QString> kubeletErrors() const { return m_kubeletErrors; }
    QHash<QString, QString> cadvisorErrors() const { return m_cadvisorErrors; }
    int rounds() const { return m_rounds; }

    // The parsing halves, public for tests: feed one scrape taken at timeMs.
    void ingestKubeletMetrics(const QString &node, qint64 timeMs, const QByteArray &text);
    void ingestCadvisor(const QString &node, qint64 timeMs, const QByteArray &text);
    void ingestSummary(const QString &node, qint64 timeMs, const QByteArray &json);

private:
    struct NodeState;
    NodeState &state(const QString &node);
    void put(const QString &node, Metric metric, qint64 timeMs, double value);

    KubeClient &m_client;
    std::shared_ptr<MetricStore> m_store;
    QList<Node> m_nodes;
    CheckSources m_sources;
    QHash<QString, std::shared_ptr<NodeState>> m_states;
    QHash<QString, QString> m_kubeletErrors;
    QHash<QString, QString> m_cadvisorErrors;
    std::vector<StoreSample> m_batch;
    int m_rounds = 0;
    int m_timeoutMs = 8000;
};

} // namespace nt
