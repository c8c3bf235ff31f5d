#pragma once
// One resolution of one series' history: a fixed ring of time buckets (qBittorrent's speed graph
// keeps one such ring per time window). A bucket's time is implied by its position, so a bucket
// costs only its floats: 4 bytes when it keeps the latest value (the finest tier), 12 when it
// keeps min, max and mean (roll-ups, so that a one-second spike survives in the 24 h view).
// Bucket indexes count `resolution` seconds since the Unix epoch: every series' buckets line up
// on wall-clock boundaries, and uint32 seconds last until 2106.
#include <QtGlobal>

#include <memory>
#include <vector>

namespace nt {

struct Bucket {
    qint64 timeMs = 0; // start of the bucket
    float min = 0;
    float max = 0;
    float mean = 0;
};

class BucketRing {
public:
    BucketRing(quint32 resolutionSeconds, quint32 capacity, bool keepExtremes);

    // Adds a sample at `second`. Samples must not go back past the newest bucket (the series
    // rejects older ones); a jump ahead clears the buckets skipped, which become absent.
    void add(quint32 second, float value);

    quint32 resolutionSeconds() const { return m_resolution; }
    quint32 capacity() const { return m_capacity; }
    bool empty() const { return !m_any; }
    // First second this ring still holds (ring start, not the first sample).
    quint32 coverageStart() const;
    // Appends the present buckets that overlap [fromSecond, toSecond], oldest first.
    void copy(quint32 fromSecond, quint32 toSecond, std::vector<Bucket> &out) const;

    static size_t bytesFor(quint32 capacity, bool keepExtremes);
    size_t bytes() const { return bytesFor(m_capacity, m_stride == 3); }

private:
    float *slot(quint32 bucket) const {
        return m_data.get() + size_t(bucket % m_capacity) * m_stride;
    }

    std::unique_ptr<float[]> m_data; // capacity x stride; NaN in the first float = absent
    quint32 m_resolution;
    quint32 m_capacity;
    quint32 m_head = 0;      // newest bucket index
    quint32 m_openCount = 0; // samples in the newest bucket, for its running mean
    quint8 m_stride;
    bool m_any = false;
};

} // namespace nt
