#include "metrics/bucketring.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nt {

namespace {
constexpr float absent = std::numeric_limits<float>::quiet_NaN();
}

BucketRing::BucketRing(quint32 resolutionSeconds, quint32 capacity, bool keepExtremes)
    : m_resolution(std::max<quint32>(resolutionSeconds, 1))
    , m_capacity(std::max<quint32>(capacity, 1))
    , m_stride(keepExtremes ? 3 : 1) {
    m_data = std::make_unique<float[]>(size_t(m_capacity) * m_stride);
    std::fill_n(m_data.get(), size_t(m_capacity) * m_stride, absent);
}

size_t BucketRing::bytesFor(quint32 capacity, bool keepExtremes) {
    return sizeof(BucketRing) + size_t(capacity) * (keepExtremes ? 3 : 1) * sizeof(float);
}

void BucketRing::add(quint32 second, float value) {
    const quint32 bucket = second / m_resolution;
    if (m_any && bucket < m_head)
        return;
    if (!m_any || bucket > m_head) {
        // Clear what was skipped: those buckets belong to an older lap of the ring and must
        // read as absent, not as the values of a day ago.
        const quint32 first = m_any ? m_head + 1 : bucket;
        const quint32 skipped = std::min(bucket - first, m_capacity);
        for (quint32 i = 0; i < skipped; ++i)
            slot(bucket - 1 - i)[0] = absent;
        m_head = bucket;
        m_any = true;
        m_openCount = 0;
    }
    float *s = slot(bucket);
    if (m_stride == 1) {
        s[0] = value; // the finest tier keeps the latest sample of its second
        return;
    }
    if (m_openCount == 0) {
        s[0] = s[1] = s[2] = value;
    } else {
        s[0] = std::min(s[0], value);
        s[1] = std::max(s[1], value);
        // Running mean: no sum to keep per bucket, only the newest bucket's count.
        s[2] += (value - s[2]) / float(m_openCount + 1);
    }
    ++m_openCount;
}

quint32 BucketRing::coverageStart() const {
    if (!m_any)
        return 0;
    const quint32 oldest = m_head >= m_capacity - 1 ? m_head - (m_capacity - 1) : 0;
    return oldest * m_resolution;
}

void BucketRing::copy(quint32 fromSecond, quint32 toSecond, std::vector<Bucket> &out) const {
    if (!m_any || toSecond < fromSecond)
        return;
    const quint32 oldest = coverageStart() / m_resolution;
    const quint32 first = std::max(oldest, fromSecond / m_resolution);
    const quint32 last = std::min(m_head, toSecond / m_resolution);
    for (quint32 b = first; b <= last && b >= first; ++b) {
        const float *s = slot(b);
        if (std::isnan(s[0]))
            continue;
        const qint64 timeMs = qint64(b) * m_resolution * 1000;
        if (m_stride == 1)
            out.push_back({timeMs, s[0], s[0], s[0]});
        else
            out.push_back({timeMs, s[0], s[1], s[2]});
    }
}

} // namespace nt
