#pragma once
// The engine's worker: lives on the engine's QThread and does all the sampling there. Not part
// of the public API: SamplingEngine (GUI) and WindowSampler (headless check) drive it.
#include "sampling/samplesource.h"
#include "sampling/samplingengine.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <vector>

class QNetworkAccessManager;
template <typename T> class QFutureWatcher;

namespace nt {

class PrometheusSource;

class SamplingWorker : public QObject {
    Q_OBJECT
public:
    SamplingWorker(KubeClient *client, std::shared_ptr<MetricStore> store);
    ~SamplingWorker() override;

    // On the worker's thread only.
    void setConfig(const SamplingConfig &config);
    void setTargets(const QList<SamplingTarget> &targets);
    void setFocus(const QStringList &nodes);
    void start();
    void stop();

    // Snapshots, any thread.
    QList<NodeSamplingState> nodeStates() const;
    SamplingStats stats() const;

signals:
    void roundFinished(const nt::SamplingRound &round);
    void nodeProblem(const QString &node, const QString &message);
    void backfillFinished(int nodes, int samples, const QString &error);
    void sourceProblem(nt::SourceKind kind, const QString &message);

private:
    struct Job {
        SampleSource *source = nullptr;
        int target = -1; // index into Round::targets; -1 for cluster-wide sources
    };
    struct InFlight {
        Fetch fetch;
        QFutureWatcher<FetchResult> *watcher = nullptr;
    };
    struct Round {
        bool active = false;
        SamplingRound info;
        QList<SamplingTarget> targets;
        std::vector<Job> jobs;
        size_t next = 0;
        int outstanding = 0;
        NodeGauges gauges;
        QHash<QString, QString> nodeErrors; // first failure per node this round
        QHash<QString, QList<SourceKind>> delivered;
        QSet<QString> attempted;
    };

    void buildSources();
    void clearInFlight();
    void beginRound();
    void pump();
    void startJob(size_t index);
    void jobDone(quint64 generation, size_t index, const FetchResult &result);
    void finishRound();
    void scheduleNext();
    void startBackfill();
    void backfillDone(quint64 generation, const FetchResult &result);
    void setSourceProblem(SourceKind kind, const QString &message);

    KubeClient *m_client;
    std::shared_ptr<MetricStore> m_store;
    SamplingConfig m_config;
    QList<SamplingTarget> m_targets;
    QSet<QString> m_focus;
    bool m_running = false;
    quint64 m_generation = 0; // bumps on every round and on stop: late answers are dropped
    quint64 m_roundNumber = 0;
    Round m_round;
    QHash<size_t, InFlight> m_inFlight;
    QTimer m_timer;

    QNetworkAccessManager *m_network = nullptr; // created on the worker's thread
    std::vector<std::unique_ptr<SampleSource>> m_sources;
    SampleSource *m_summary = nullptr, *m_kubeletMetrics = nullptr, *m_cadvisor = nullptr,
                 *m_nodeMetrics = nullptr, *m_nodeExporter = nullptr, *m_procSsh = nullptr;
    PrometheusSource *m_prometheus = nullptr;
    bool m_proxyForbidden = false;
    QHash<SourceKind, QString> m_sourceProblems;

    struct NodeBackoff {
        int failures = 0;
        quint64 nextRound = 0;
    };
    QHash<QString, NodeBackoff> m_backoff;

    mutable QMutex m_snapshotLock; // guards the two below, read from any thread
    QHash<QString, NodeSamplingState> m_states;
    SamplingStats m_stats;
};

} // namespace nt
