#pragma once
// One way of getting a node's numbers (kubelet Summary, kubelet /metrics, cAdvisor, NodeMetrics,
// Prometheus, node_exporter). The engine asks a source to fetch, at most maxInFlight fetches at
// once over all sources, and hands each answer back to the same source to decode on the engine's
// worker thread. A source keeps whatever it needs between rounds (previous counters for rates,
// previous histogram buckets) per node, so decode() is only ever called on that one thread.
//
// Decoded values are gauges, ready for the store: a value the peer did not report is simply not
// in the output, never a 0.
#include "kube/kubeclient.h"
#include "metrics/metric.h"
#include "sampling/samplingengine.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QString>

#include <functional>
#include <vector>

namespace nt {

struct FetchResult {
    KubeErrorKind error = KubeErrorKind::None;
    int httpStatus = 0;
    QByteArray body;
    QString message; // one sentence naming what and where; empty when ok
    bool ok() const { return error == KubeErrorKind::None; }
};

// A fetch in flight. cancel() is called on the engine's thread when the engine stops.
struct Fetch {
    QFuture<FetchResult> result;
    std::function<void()> cancel;
};

struct Gauge {
    Metric metric = Metric::CpuPercent;
    double value = 0;
};

// Node name -> the gauges decoded for it from one answer.
using NodeGauges = QHash<QString, std::vector<Gauge>>;

class SampleSource {
public:
    virtual ~SampleSource() = default;
    virtual SourceKind kind() const = 0;
    // Per node (one request per node and round) or cluster-wide (one request per round).
    virtual bool perNode() const = 0;
    // Per-node sources: whether this node is sampled through this source at all.
    virtual bool covers(const SamplingTarget &target) const {
        Q_UNUSED(target)
        return true;
    }
    // target is null for cluster-wide sources. Called on the engine's thread.
    virtual Fetch fetch(const SamplingTarget *target, const QList<SamplingTarget> &targets) = 0;
    // Turns a successful answer into gauges. nowMs is the round's time (rates use it). Returns an
    // error sentence when the answer is unusable (and then `out` is left unchanged).
    virtual QString decode(const SamplingTarget *target, const QList<SamplingTarget> &targets,
                           const FetchResult &result, qint64 nowMs, NodeGauges &out) = 0;
    // The node left the cluster: drop what is kept for it.
    virtual void forget(const QString &node) { Q_UNUSED(node) }
};

// Helpers shared by the sources.
// A KubeClient request as a Fetch: one attempt (the engine's backoff replaces the client's
// retries, so an unreachable node cannot hold a request slot through five attempts).
Fetch kubeFetch(KubeClient *client, KubeRequest request);
// GET /api/v1/nodes/NODE/proxy/SUBPATH without retries.
Fetch nodeProxyFetch(KubeClient *client, const QString &node, const QString &subpath,
                     int timeoutMs);

} // namespace nt
