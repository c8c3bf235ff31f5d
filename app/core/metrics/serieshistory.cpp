#include "metrics/serieshistory.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nt {

namespace {

constexpr qint64 maxSecond = std::numeric_limits<quint32>::max();

quint32 clampSecond(qint64 ms) {
    return quint32(std::clamp<qint64>(ms / 1000, 0, maxSecond));
}

} // namespace

SeriesHistory::SeriesHistory(std::span<const StoreTier> tiers) {
    m_tiers.reserve(tiers.size());
    for (size_t i = 0; i < tiers.size(); ++i)
        m_tiers.emplace_back(tiers[i].resolutionSeconds, tiers[i].buckets, i > 0);
    m_maxBytes = bytesFor(tiers);
}

size_t SeriesHistory::bytesFor(std::span<const StoreTier> tiers) {
    size_t bytes = sizeof(SeriesHistory);
    for (size_t i = 0; i < tiers.size(); ++i)
        bytes += BucketRing::bytesFor(tiers[i].buckets, i > 0);
    return bytes;
}

size_t SeriesHistory::bytes() const {
    size_t bytes = sizeof(SeriesHistory);
    for (const BucketRing &ring : m_tiers)
        bytes += ring.bytes();
    return bytes;
}

bool SeriesHistory::storable(qint64 timeMs, double value) {
    // Finite as the float the rings keep, too (1e300 is a finite double but an infinite float).
    return std::isfinite(value) && std::isfinite(float(value)) && timeMs >= 0 &&
           timeMs / 1000 <= maxSecond;
}

bool SeriesHistory::add(qint64 timeMs, double value) {
    if (!storable(timeMs, value))
        return false;
    if (m_latest && timeMs < m_latest->timeMs)
        return false;
    const auto second = quint32(timeMs / 1000);
    if (!m_latest)
        m_firstSecond = second;
    m_latest = LatestValue{timeMs, value};
    for (BucketRing &ring : m_tiers)
        ring.add(second, float(value));
    return true;
}

SeriesWindow SeriesHistory::window(qint64 fromMs, qint64 toMs) const {
    SeriesWindow w;
    if (!m_latest || m_tiers.empty() || toMs < fromMs)
        return w;
    const quint32 from = clampSecond(fromMs);
    const quint32 to = clampSecond(toMs);
    const BucketRing *chosen = &m_tiers.back();
    for (const BucketRing &ring : m_tiers) {
        // A ring that has not wrapped yet holds everything since the first sample. One bucket
        // of slack lets "the last 15 minutes" use the 15-minute ring: its oldest second is lost,
        // which no chart shows, rather than the whole window dropping to a coarser tier.
        const qint64 wanted =
            std::max<qint64>(qint64(from) + ring.resolutionSeconds(), m_firstSecond);
        if (ring.coverageStart() <= wanted) {
            chosen = &ring;
            break;
        }
    }
    w.resolutionMs = qint64(chosen->resolutionSeconds()) * 1000;
    chosen->copy(from, to, w.buckets);
    return w;
}

} // namespace nt
