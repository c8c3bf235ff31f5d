#pragma once
// History of every node x metric inside a fixed memory budget. The sampling engine's thread
// writes batches; the GUI thread reads windows, decimated to its pixel width, and latest values.
// Readers get copies, never references into the rings, so a chart never races the engine.
//
// Memory: a series (one node x one metric) is created on its first sample and its rings take
// 16-bit codes in chunks of 32 buckets as data arrives (bucketring.h), so it starts at a few
// hundred bytes and grows to at most SeriesHistory::bytesFor(its tiers). The store admits a new
// series only while every admitted series at its most still fits memoryBudgetBytes, so the budget
// holds whatever arrives later, and refuses (and counts) the rest; a refused series costs
// nothing. Nodes that leave the cluster are removed with removeNode(), which frees their series.
// setSampleInterval() sizes the tiers of new series to the sampling interval (no 1 s tier when
// sampling every 10 s). docs/sampling.md has the figures.
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
    // The tiers for a sampling interval of `seconds`: `tiers` unchanged when the interval is as
    // fine as their finest resolution; otherwise a finest tier at the interval covering an hour
    // (the charts' 5 min, 15 min and 1 h windows at full resolution), then those of `tiers` at
    // least ten times coarser than the interval (the 24 h window). 10 s: {10 s x 360, 5 min x 288}.
    static std::vector<StoreTier> tiersForInterval(const std::vector<StoreTier> &tiers,
                                                   int seconds);
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
    size_t bytes = 0;         // series memory taken now
    size_t reservedBytes = 0; // what the series may take at most: this stays within the budget
    size_t budgetBytes = 0;
    size_t bytesPerSeries = 0; // at most, for a new series with the current tiers
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

    // The engine's interval: new series get StoreConfig::tiersForInterval(config().tiers, s).
    // Series that exist keep their tiers.
    void setSampleInterval(int seconds);
    std::vector<StoreTier> tiers() const; // of new series

private:
    struct Node {
        QString name;
        std::array<std::unique_ptr<SeriesHistory>, MetricCount> series;
    };
    const SeriesHistory *series(NodeId node, Metric metric) const;

    const StoreConfig m_config;
    std::vector<StoreTier> m_tiers; // of new series
    size_t m_bytesPerSeries;
    size_t m_bytes = 0;
    size_t m_reserved = 0;
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
