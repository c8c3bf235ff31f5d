#pragma once
// One resolution of one series' history: a fixed ring of time buckets (qBittorrent's speed graph
// keeps one such ring per time window). A bucket's time is implied by its position, and its value
// is a 16-bit code: the ring is cut into chunks of 32 buckets and each chunk has its own offset
// and step, so a bucket costs 2 bytes when it keeps the latest value (the finest tier) and 6
// when it keeps min, max and mean (roll-ups, so that a one-second spike survives in the 24 h
// view). A chunk's codes are allocated when its first value that differs from the others arrives:
// an empty chunk, or one whose values are all the same (pid_max, an error rate of 0, the node's
// capacity), costs only its 24-byte header. Precision: integers whose chunk spans at most 65,534
// are kept exactly; anything else to within 2/65,534 of the chunk's range (the span grows with
// headroom and a re-coding rounds again; see store()), and the first value of a chunk and its
// first new extreme exactly, so a lone spike in a flat line keeps its height.
//
// The newest bucket (the one still filling) is kept in floats beside the chunks and coded when
// the next bucket opens, so its running mean is exact and a write never re-codes a chunk for a
// value that is about to change again.
//
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
    BucketRing(BucketRing &&) noexcept = default;
    BucketRing &operator=(BucketRing &&) noexcept = default;

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

    // The most this ring can ever take (every chunk coded), and what it takes now.
    static size_t bytesFor(quint32 capacity, bool keepExtremes);
    size_t bytes() const;

    static constexpr quint32 ChunkBuckets = 32;

private:
    struct Chunk {
        float base = 0;       // value of code 0 (or of every bucket when there are no codes)
        float top = 0;        // value of the highest code: the chunk's extremes stay exact
        quint32 present = 0;  // bit per bucket of the chunk
        bool integral = true; // codes are exact integers: value = base + code
        std::unique_ptr<quint16[]> codes; // ChunkBuckets x stride, or null
    };

    void commitOpen();
    void clearBucket(quint32 bucket);
    void store(Chunk &chunk, quint32 offset, const float *values);
    static quint16 encode(const Chunk &chunk, float value);
    float decode(const Chunk &chunk, quint32 offset, quint32 field) const;

    std::vector<Chunk> m_chunks;
    quint32 m_resolution;
    quint32 m_capacity;
    quint32 m_head = 0;          // newest bucket index (the open one)
    quint32 m_openCount = 0;     // samples in the open bucket, for its running mean
    float m_open[3] = {0, 0, 0}; // the open bucket: value, or min, max, mean
    quint32 m_codedChunks = 0;
    quint8 m_stride;
    bool m_any = false;
};

} // namespace nt
