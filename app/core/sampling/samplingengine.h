#pragma once
// The sampling engine (issue 3): samples every node of a cluster at a fixed interval on its own
// worker thread, turns what each source reports into per-node gauges and writes them, one batch
// per round, into a MetricStore that the charts and the checks read.
//
// This header is the contract between the engine and its readers (charts, overview, checks,
// `nodetriage check --duration`). Extend it; do not rename what is here.
//
// Threading: a SamplingEngine lives in the thread that created it (the GUI thread, or the
// check's main thread) and owns a worker QThread where the sampling happens. Every public method
// returns at once; nothing here waits on the network. Signals are emitted in the engine's thread.
#include "metrics/metric.h"
#include "metrics/metricstore.h"
#include "ssh/sshtypes.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <QFuture>

#include <memory>
#include <optional>

namespace nt {

class KubeClient;
struct Node;

// Where a node's numbers come from. One implementation of SampleSource per kind.
enum class SourceKind : quint8 {
    KubeletSummary,  // GET /api/v1/nodes/N/proxy/stats/summary (default)
    KubeletMetrics,  // GET /api/v1/nodes/N/proxy/metrics (kubelet counters, step 4)
    KubeletCadvisor, // GET /api/v1/nodes/N/proxy/metrics/cadvisor, nodes in focus only (disk I/O,
                     // PSI)
    NodeMetrics,     // metrics.k8s.io NodeMetrics (fallback when nodes/proxy is forbidden)
    Prometheus,      // Prometheus HTTP API, query + query_range backfill
    NodeExporter,    // node_exporter /metrics scraped directly
    ProcOverSsh,     // /proc read over SSH
};
QString sourceName(SourceKind kind); // "kubelet summary", ... (translated)

// What the engine needs to know about one node. Built from the Node objects the caller listed.
struct SamplingTarget {
    QString name;
    QString internalIp;
    double allocatableCpuCores = 0;    // 0 = unknown
    double allocatableMemoryBytes = 0; // 0 = unknown
    QString instanceType;              // e.g. Standard_D4s_v3 (disk caps)
};

// From a listed Node: name, InternalIP, allocatable CPU and memory, instance type.
SamplingTarget samplingTargetFor(const Node &node);

struct SamplingConfig {
    int intervalMs = 5000; // 1,000 - 60,000
    int maxInFlight = 32;  // requests in flight over all nodes and sources
    bool kubeletSummary = true;
    bool kubeletMetrics = true;
    // Kubelet /metrics (step 4's counters) for nodes outside the focus every Nth round only,
    // spread evenly over the rounds (node i in the rounds where (round + i) % N == 0); nodes in
    // focus every round. Rates stay right: CounterRate divides by the time between scrapes.
    // 0 = every round at intervals of 60 s and more, else every ceil(60 s / interval)-th round
    // (every 6th at 10 s). The headless check's WindowSampler uses 1 (every round).
    int kubeletMetricsEveryRounds = 0;
    bool cadvisorForFocus = true; // disk I/O and PSI for the nodes in focus
    bool nodeMetricsFallback = true;
    // Prometheus HTTP API (optional). Token: Azure Monitor managed Prometheus needs one.
    QUrl prometheusUrl;
    QString prometheusBearerToken;  // never logged, never in a report
    bool prometheusBackfill = true; // query_range the last hour on start
    int prometheusStepSeconds = 0;  // backfill resolution; 0 = max(15 s, interval)
    // node_exporter endpoints scraped directly, by node name (optional).
    QHash<QString, QUrl> nodeExporterUrls;
    // /proc read over SSH, by node name (optional): how to reach each node (the console's
    // connection settings). One exec of a fixed command per round and node (procsshsource.h).
    QHash<QString, SshConnectOptions> procOverSsh;
    int requestTimeoutMs = 8000;
};

// One round's outcome, delivered once per round (never more than ~10 per second).
struct SamplingRound {
    quint64 number = 0;
    qint64 startedMs = 0; // Unix epoch ms
    qint64 finishedMs = 0;
    int nodesSampled = 0; // nodes that delivered at least one value this round
    int nodesFailed = 0;
    int samplesStored = 0;
    QStringList nodesWithData; // nodes that got new values this round (charts refresh these)
};

// Counters of the engine's own work, for tests, benchmarks and the diagnostics view.
struct SamplingStats {
    quint64 rounds = 0;
    quint64 requests = 0;        // requests started (all sources)
    quint64 failures = 0;        // requests that failed
    int inFlight = 0;            // now
    int maxInFlightSeen = 0;     // the most ever in flight at once (<= config.maxInFlight)
    quint64 samplesStored = 0;   // accepted by the store
    bool proxyForbidden = false; // nodes/proxy answered 403: NodeMetrics is the fallback
};

struct NodeSamplingState {
    QString node;
    QList<SourceKind> sources; // sources that delivered for this node in its last round
    QString lastError;         // one sentence naming what and where; empty when fine
    int consecutiveFailures = 0;
    qint64 nextAttemptMs = 0; // per-node backoff while failing
};

class SamplingWorker;

class SamplingEngine : public QObject {
    Q_OBJECT
public:
    // The client must outlive the engine. The store is shared with the readers.
    SamplingEngine(KubeClient *client, std::shared_ptr<MetricStore> store,
                   QObject *parent = nullptr);
    ~SamplingEngine() override; // stops, cancels what is in flight, joins the worker

    void setConfig(const SamplingConfig &config);
    SamplingConfig config() const;
    // Nodes to sample; nodes that left are dropped from the store.
    void setTargets(const QList<SamplingTarget> &targets);
    // Nodes whose charts are on screen (or the worst few): they also get cAdvisor scrapes.
    void setFocus(const QStringList &nodes);

    void start();
    void stop();
    bool isRunning() const;

    std::shared_ptr<MetricStore> store() const;
    // Snapshot, safe from any thread.
    QList<NodeSamplingState> nodeStates() const;
    SamplingStats stats() const; // snapshot, safe from any thread

signals:
    void roundFinished(const nt::SamplingRound &round);
    // A node's source failed or recovered; message is empty on recovery.
    void nodeProblem(const QString &node, const QString &message);
    // Prometheus backfill done: the store now holds up to an hour before start.
    void backfillFinished(int nodes, int samples, const QString &error);
    // A cluster-wide source failed or recovered (empty message): Prometheus unreachable,
    // nodes/proxy forbidden (then NodeMetrics takes over CPU and memory), ...
    void sourceProblem(nt::SourceKind kind, const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// The headless check's sampler (`nodetriage check --duration D --interval I`): samples the targets
// for durationMs at config.intervalMs on a thread of its own (durationMs = 0: exactly one round)
// and then delivers the filled store. It needs no event loop in the caller's thread, so the CLI
// may block on the future's result(). Keep the WindowSampler alive until the future finishes;
// destroying it earlier cancels the sampling (the future is then cancelled).
struct WindowResult {
    std::shared_ptr<MetricStore> store; // every node that reported, with NodeId by name
    int rounds = 0;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    // Node -> the last problem sampling it (one sentence naming node and what failed).
    QHash<QString, QString> nodeProblems;
    QString backfillError; // Prometheus backfill, when configured and it failed
    SamplingStats stats;
};

class WindowSampler {
public:
    WindowSampler(KubeClient *client, QList<SamplingTarget> targets, SamplingConfig config,
                  QStringList focus = {});
    ~WindowSampler();
    WindowSampler(const WindowSampler &) = delete;
    WindowSampler &operator=(const WindowSampler &) = delete;

    QFuture<WindowResult> run(int durationMs);
    void cancel();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace nt

Q_DECLARE_METATYPE(nt::SamplingRound)
Q_DECLARE_METATYPE(nt::SourceKind)
