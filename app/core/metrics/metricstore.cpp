#include "metrics/metricstore.h"

#include <mutex>

namespace nt {

std::vector<StoreTier> StoreConfig::tiersForInterval(const std::vector<StoreTier> &tiers,
                                                     int seconds) {
    if (tiers.empty() || seconds <= 0 || quint32(seconds) <= tiers.front().resolutionSeconds)
        return tiers;
    const auto interval = quint32(seconds);
    std::vector<StoreTier> out{{interval, (3600 + interval - 1) / interval}};
    for (const StoreTier &t : tiers) {
        if (t.resolutionSeconds >= 10 * interval)
            out.push_back(t);
    }
    return out;
}

MetricStore::MetricStore(StoreConfig config)
    : m_config(std::move(config))
    , m_tiers(m_config.tiers)
    , m_bytesPerSeries(SeriesHistory::bytesFor(m_tiers)) {}

void MetricStore::setSampleInterval(int seconds) {
    std::unique_lock locker(m_lock);
    m_tiers = StoreConfig::tiersForInterval(m_config.tiers, seconds);
    m_bytesPerSeries = SeriesHistory::bytesFor(m_tiers);
}

std::vector<StoreTier> MetricStore::tiers() const {
    std::shared_lock locker(m_lock);
    return m_tiers;
}

MetricStore::~MetricStore() = default;

NodeId MetricStore::addNode(const QString &name) {
    std::unique_lock locker(m_lock);
    const auto it = m_ids.constFind(name);
    if (it != m_ids.constEnd())
        return *it;
    const auto id = NodeId(m_nodes.size());
    m_nodes.push_back(std::make_unique<Node>());
    m_nodes.back()->name = name;
    m_ids.insert(name, id);
    return id;
}

std::optional<NodeId> MetricStore::findNode(const QString &name) const {
    std::shared_lock locker(m_lock);
    const auto it = m_ids.constFind(name);
    if (it == m_ids.constEnd())
        return std::nullopt;
    return *it;
}

QString MetricStore::nodeName(NodeId node) const {
    std::shared_lock locker(m_lock);
    return node < m_nodes.size() && m_nodes[node] ? m_nodes[node]->name : QString();
}

QStringList MetricStore::nodeNames() const {
    std::shared_lock locker(m_lock);
    QStringList names;
    names.reserve(m_ids.size());
    for (const auto &node : m_nodes) {
        if (node)
            names.append(node->name);
    }
    return names;
}

void MetricStore::removeNode(NodeId node) {
    std::unique_lock locker(m_lock);
    if (node >= m_nodes.size() || !m_nodes[node])
        return;
    for (const auto &s : m_nodes[node]->series) {
        if (!s)
            continue;
        --m_series;
        m_bytes -= s->bytes();
        m_reserved -= s->maxBytes();
    }
    m_ids.remove(m_nodes[node]->name);
    m_nodes[node].reset();
}

int MetricStore::ingest(std::span<const StoreSample> batch) {
    std::unique_lock locker(m_lock);
    int stored = 0;
    for (const StoreSample &s : batch) {
        if (s.node >= m_nodes.size() || !m_nodes[s.node] || int(s.metric) >= MetricCount ||
            !SeriesHistory::storable(s.timeMs, s.value)) {
            ++m_rejected;
            continue;
        }
        std::unique_ptr<SeriesHistory> &history = m_nodes[s.node]->series[size_t(s.metric)];
        if (!history) {
            // The budget is checked where memory is taken: at a series' first sample.
            // What is reserved is what the series may grow to, so the budget holds later too.
            if (m_reserved + m_bytesPerSeries > m_config.memoryBudgetBytes) {
                ++m_refused;
                continue;
            }
            history = std::make_unique<SeriesHistory>(m_tiers);
            ++m_series;
            m_reserved += history->maxBytes();
            m_bytes += history->bytes();
        }
        const size_t before = history->bytes();
        const bool added = history->add(s.timeMs, s.value);
        m_bytes += history->bytes() - before;
        if (added) {
            ++stored;
            ++m_accepted;
        } else {
            ++m_rejected;
        }
    }
    return stored;
}

const SeriesHistory *MetricStore::series(NodeId node, Metric metric) const {
    if (node >= m_nodes.size() || !m_nodes[node] || int(metric) >= MetricCount)
        return nullptr;
    return m_nodes[node]->series[size_t(metric)].get();
}

std::optional<LatestValue> MetricStore::latest(NodeId node, Metric metric) const {
    std::shared_lock locker(m_lock);
    const SeriesHistory *s = series(node, metric);
    return s ? s->latest() : std::nullopt;
}

SeriesWindow MetricStore::query(NodeId node, Metric metric, qint64 fromMs, qint64 toMs) const {
    std::shared_lock locker(m_lock);
    const SeriesHistory *s = series(node, metric);
    return s ? s->window(fromMs, toMs) : SeriesWindow();
}

std::vector<ChartPoint> MetricStore::queryDecimated(NodeId node, Metric metric, qint64 fromMs,
                                                    qint64 toMs, int pixels) const {
    // Decimate outside the lock: the copy is all the reader needs.
    const SeriesWindow w = query(node, metric, fromMs, toMs);
    return decimateMinMax(w.buckets, fromMs, toMs, pixels);
}

StoreStats MetricStore::stats() const {
    std::shared_lock locker(m_lock);
    StoreStats st;
    st.nodes = int(m_ids.size());
    st.series = m_series;
    st.bytesPerSeries = m_bytesPerSeries;
    st.bytes = m_bytes;
    st.reservedBytes = m_reserved;
    st.budgetBytes = m_config.memoryBudgetBytes;
    st.accepted = m_accepted;
    st.rejected = m_rejected;
    st.refusedSeries = m_refused;
    return st;
}

} // namespace nt
