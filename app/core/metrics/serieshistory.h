#pragma once
// The whole history of one node x metric: one BucketRing per resolution, all fed from the raw
// samples (a roll-up never averages averages, so each tier's min and max are the true extremes),
// plus the latest sample at full precision.
#include "metrics/bucketring.h"

#include <optional>
#include <span>
#include <vector>

namespace nt {

struct StoreTier {
    quint32 resolutionSeconds = 1;
    quint32 buckets = 900;
};

struct LatestValue {
    qint64 timeMs = 0;
    double value = 0;
};

struct SeriesWindow {
    qint64 resolutionMs = 0; // of the tier the buckets come from; 0 when there are none
    std::vector<Bucket> buckets;
};

class SeriesHistory {
public:
    explicit SeriesHistory(std::span<const StoreTier> tiers);

    // False (and nothing stored) for non-finite values, times outside 1970..2106, and samples
    // older than the newest one: charts and roll-ups rely on time moving forward.
    bool add(qint64 timeMs, double value);
    // The part of add()'s checks that needs no history, so a store can refuse a sample before
    // it allocates a series for it.
    static bool storable(qint64 timeMs, double value);

    std::optional<LatestValue> latest() const { return m_latest; }
    // The finest tier that still holds `fromMs` (or that holds all there is, for a young series).
    SeriesWindow window(qint64 fromMs, qint64 toMs) const;

    // The most a series with these tiers can take (every chunk coded): what the store's budget
    // reserves for it. bytes() is what it takes now.
    static size_t bytesFor(std::span<const StoreTier> tiers);
    size_t bytes() const;
    size_t maxBytes() const { return m_maxBytes; }

private:
    std::vector<BucketRing> m_tiers;
    std::optional<LatestValue> m_latest;
    quint32 m_firstSecond = 0;
    size_t m_maxBytes = 0;
};

} // namespace nt
