#pragma once
// History of every node x metric inside a fixed memory budget. The sampling engine's thread
// writes batches; the GUI thread reads windows, decimated to its pixel width, and latest values.
// Readers get copies, never references into the rings, so a chart never races the engine.
//
// Memory: a series (one node x one metric) is allocated on its first sample and then never
// grows: with the default tiers it costs SeriesHistory::bytesFor(defaultTiers()) = about 11 KB.
// The store admits new series while the total stays within memoryBudgetBytes and refuses (and
// counts) the rest; a refused series costs nothing. Nodes that leave the cluster are removed with
// removeNode(), which frees their series. docs/metrics.md has the figures.
#include "metrics/decimation.h"
#include "metrics/metric.h"
#include "metrics/serieshistory.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <vector>

namespace nt {

using NodeId = quint32;

struct StoreConfig {
    // Finest first. The first keeps one value per bucket, the others min, max and mean.
    std::vector<StoreTier> tiers = defaultTiers();
    size_t memoryBudgetBytes = size_t(1) << 30;

    // 1 s for 15 min, 30 s for 3 h, 5 min for 24 h: about 900, 360 and 288 buckets, so every
    // window fits a chart of 800-1000 px with min and max per pixel.
    static std::vector<StoreTier> defaultTiers() { return {{1, 900}, {30, 360}, {300, 288}}; }
};

struct StoreSample {
    NodeId node = 0;
    Metric metric = Metric::CpuPercent;
    qint64 timeMs = 0; // Unix epoch
    double value = 0;
};

struct StoreStats {
    int nodes = 0;
    int series = 0;
    size_t bytes = 0; // series memory, by the same accounting as the budget
    size_t budgetBytes = 0;
    size_t bytesPerSeries = 0;
    quint64 accepted = 0;
    quint64 rejected = 0;      // non-finite, out of order, unknown node or metric
    quint64 refusedSeries = 0; // samples dropped because a new series would exceed the budget
};

class MetricStore {
public:
    explicit MetricStore(StoreConfig config = {});
    ~MetricStore();
    MetricStore(const MetricStore &) = delete;
    MetricStore &operator=(const MetricStore &) = delete;

    // The id of the node with this name, created when new. Ids are never reused.
    NodeId addNode(const QString &name);
    std::optional<NodeId> findNode(const QString &name) const;
    QString nodeName(NodeId node) const;
    QStringList nodeNames() const;
    void removeNode(NodeId node);

    // One write lock per batch; returns how many samples were stored.
    int ingest(std::span<const StoreSample> batch);

    // Absent when the node never reported this metric: never a 0 that nobody measured.
    std::optional<LatestValue> latest(NodeId node, Metric metric) const;
    // Buckets of the finest tier covering [fromMs, toMs]; absent buckets are simply missing.
    SeriesWindow query(NodeId node, Metric metric, qint64 fromMs, qint64 toMs) const;
    std::vector<ChartPoint> queryDecimated(NodeId node, Metric metric, qint64 fromMs, qint64 toMs,
                                           int pixels) const;

    StoreStats stats() const;
    const StoreConfig &config() const { return m_config; }

private:
    struct Node {
        QString name;
        std::array<std::unique_ptr<SeriesHistory>, MetricCount> series;
    };
    const SeriesHistory *series(NodeId node, Metric metric) const;

    const StoreConfig m_config;
    const size_t m_bytesPerSeries;
    // std::shared_mutex rather than QReadWriteLock: it sits on pthread_rwlock, which
    // ThreadSanitizer understands, so the writer-vs-readers test is checkable with
    // -fsanitize=thread against a distribution Qt (QReadWriteLock's uninstrumented atomics make
    // TSan cry wolf).
    mutable std::shared_mutex m_lock;
    std::vector<std::unique_ptr<Node>> m_nodes; // by NodeId; null once removed
    QHash<QString, NodeId> m_ids;
    int m_series = 0;
    quint64 m_accepted = 0;
    quint64 m_rejected = 0;
    quint64 m_refused = 0;
};

} // namespace nt
