#include "metrics/bucketring.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace nt {

namespace {

constexpr quint32 MaxCode = 65534;
constexpr quint32 C = BucketRing::ChunkBuckets;

bool isIntegral(float v) {
    return std::trunc(v) == v;
}

quint32 chunkCount(quint32 capacity) {
    return (capacity + C - 1) / C;
}

} // namespace

BucketRing::BucketRing(quint32 resolutionSeconds, quint32 capacity, bool keepExtremes)
    : m_resolution(std::max<quint32>(resolutionSeconds, 1))
    , m_capacity(std::max<quint32>(capacity, 1))
    , m_stride(keepExtremes ? 3 : 1) {
    m_chunks.resize(chunkCount(m_capacity));
}

size_t BucketRing::bytesFor(quint32 capacity, bool keepExtremes) {
    const size_t chunks = chunkCount(std::max<quint32>(capacity, 1));
    return sizeof(BucketRing) +
           chunks * (sizeof(Chunk) + size_t(C) * (keepExtremes ? 3 : 1) * sizeof(quint16));
}

size_t BucketRing::bytes() const {
    return sizeof(BucketRing) + m_chunks.capacity() * sizeof(Chunk) +
           size_t(m_codedChunks) * C * m_stride * sizeof(quint16);
}

quint16 BucketRing::encode(const Chunk &chunk, float value) {
    if (chunk.integral)
        return quint16(std::clamp(value - chunk.base, 0.0f, float(MaxCode)));
    if (value >= chunk.top)
        return quint16(MaxCode);
    const float q = std::round((value - chunk.base) / (chunk.top - chunk.base) * float(MaxCode));
    // Only the top itself decodes to code MaxCode: anything below it stays below.
    return quint16(std::clamp(q, 0.0f, float(MaxCode - 1)));
}

float BucketRing::decode(const Chunk &chunk, quint32 offset, quint32 field) const {
    if (!chunk.codes)
        return chunk.base;
    const quint16 code = chunk.codes[offset * m_stride + field];
    if (chunk.integral)
        return chunk.base + float(code);
    if (code == MaxCode)
        return chunk.top;
    return chunk.base + float(code) * ((chunk.top - chunk.base) / float(MaxCode));
}

void BucketRing::clearBucket(quint32 bucket) {
    const quint32 slot = bucket % m_capacity;
    Chunk &chunk = m_chunks[slot / C];
    chunk.present &= ~(quint32(1) << (slot % C));
    if (chunk.present == 0 && chunk.codes) {
        chunk.codes.reset(); // nothing left to keep: back to a bare header
        --m_codedChunks;
    }
}

void BucketRing::store(Chunk &chunk, quint32 offset, const float *values) {
    const quint32 bit = quint32(1) << offset;
    if (chunk.present == 0) {
        chunk.base = chunk.top = values[0];
        chunk.integral = true;
    }
    auto fits = [&chunk](float v) {
        if (!chunk.codes)
            return v == chunk.base;
        if (v < chunk.base)
            return false;
        if (chunk.integral)
            return isIntegral(v) && v - chunk.base <= float(MaxCode);
        return v <= chunk.top;
    };
    bool fit = true;
    for (quint32 f = 0; f < m_stride; ++f)
        fit = fit && fits(values[f]);
    if (!fit) {
        // Re-code the chunk over the range of what it holds plus the new values. Recomputing
        // from the present values (not the old range) lets the range shrink again once the old
        // extremes of a previous lap are gone.
        const bool wasCoded = bool(chunk.codes), wasIntegral = chunk.integral;
        const float oldSpan0 = chunk.top - chunk.base;
        std::array<float, C * 3> held{};
        float lo = values[0], hi = values[0];
        bool integral = true;
        for (quint32 f = 0; f < m_stride; ++f) {
            lo = std::min(lo, values[f]);
            hi = std::max(hi, values[f]);
            integral = integral && isIntegral(values[f]);
        }
        for (quint32 o = 0; o < C; ++o) {
            if (!(chunk.present & (quint32(1) << o)))
                continue;
            for (quint32 f = 0; f < m_stride; ++f) {
                const float v = decode(chunk, o, f);
                held[o * m_stride + f] = v;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
                integral = integral && isIntegral(v);
            }
        }
        if (lo == hi) {
            if (chunk.codes) {
                chunk.codes.reset();
                --m_codedChunks;
            }
            chunk.base = chunk.top = lo;
            chunk.integral = true;
        } else {
            if (!chunk.codes) {
                chunk.codes = std::make_unique<quint16[]>(size_t(C) * m_stride);
                ++m_codedChunks;
            }
            chunk.integral = integral && hi - lo <= float(MaxCode);
            const float oldSpan = wasCoded && !wasIntegral ? oldSpan0 : 0;
            const float needed = hi - lo;
            // Headroom: a growing range doubles the span, so a chunk is re-coded a few times,
            // not at every new extreme, and the rounding of the re-codings adds up to less than
            // one final step. Capped at 4x what is held, so a range that shrank gets finer.
            const float span =
                chunk.integral ? needed : std::max(needed, std::min(2 * oldSpan, 4 * needed));
            // The floor stays exact (code 0 is the least value held): a percentage that sat at
            // 0 never reads as -0.00006.
            chunk.base = lo;
            chunk.top = lo + span;
            for (quint32 o = 0; o < C; ++o) {
                if (!(chunk.present & (quint32(1) << o)))
                    continue;
                for (quint32 f = 0; f < m_stride; ++f)
                    chunk.codes[o * m_stride + f] = encode(chunk, held[o * m_stride + f]);
            }
        }
    }
    if (chunk.codes) {
        for (quint32 f = 0; f < m_stride; ++f)
            chunk.codes[offset * m_stride + f] = encode(chunk, values[f]);
    }
    chunk.present |= bit;
}

void BucketRing::commitOpen() {
    const quint32 slot = m_head % m_capacity;
    store(m_chunks[slot / C], slot % C, m_open);
}

void BucketRing::add(quint32 second, float value) {
    const quint32 bucket = second / m_resolution;
    if (m_any && bucket < m_head)
        return;
    if (!m_any || bucket > m_head) {
        if (m_any) {
            commitOpen();
            // Clear what was skipped: those buckets belong to an older lap of the ring and must
            // read as absent, not as the values of a day ago.
            const quint32 first = m_head + 1;
            const quint32 skipped = std::min(bucket - first, m_capacity);
            for (quint32 i = 0; i < skipped; ++i)
                clearBucket(bucket - 1 - i);
        }
        clearBucket(bucket); // the new bucket's slot held one of the previous lap
        m_head = bucket;
        m_any = true;
        m_openCount = 0;
    }
    if (m_stride == 1) {
        m_open[0] = value; // the finest tier keeps the latest sample of its bucket
        return;
    }
    if (m_openCount == 0) {
        m_open[0] = m_open[1] = m_open[2] = value;
    } else {
        m_open[0] = std::min(m_open[0], value);
        m_open[1] = std::max(m_open[1], value);
        // Running mean: no sum to keep per bucket, only the open bucket's count.
        m_open[2] += (value - m_open[2]) / float(m_openCount + 1);
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
        const qint64 timeMs = qint64(b) * m_resolution * 1000;
        if (b == m_head) {
            if (m_stride == 1)
                out.push_back({timeMs, m_open[0], m_open[0], m_open[0]});
            else
                out.push_back({timeMs, m_open[0], m_open[1], m_open[2]});
            continue;
        }
        const quint32 slot = b % m_capacity;
        const Chunk &chunk = m_chunks[slot / C];
        const quint32 offset = slot % C;
        if (!(chunk.present & (quint32(1) << offset)))
            continue;
        if (m_stride == 1) {
            const float v = decode(chunk, offset, 0);
            out.push_back({timeMs, v, v, v});
        } else {
            out.push_back({timeMs, decode(chunk, offset, 0), decode(chunk, offset, 1),
                           decode(chunk, offset, 2)});
        }
    }
}

} // namespace nt
