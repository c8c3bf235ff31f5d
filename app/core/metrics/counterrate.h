#pragma once
// Per-second rates from cumulative counters (disk I/Os, bytes, io_time, PSI stall seconds, CPU
// seconds), with the rules of Prometheus' rate() where they matter for one series:
// - a value lower than the previous one is a counter reset (kubelet or node restart): the
//   counter restarted from 0, so the increase is the new value itself;
// - a rate always spans exactly two real samples; nothing is interpolated over a gap;
// - samples further apart than the maximum interval give no rate (a node that stopped answering
//   for ten minutes has no "average" over those minutes), the later one becomes the new base;
// - duplicate or older timestamps are ignored, so a retried scrape cannot double-count.
// Gauges pass through unchanged. A non-finite value is "not reported": it yields no output and
// does not move the base. Nothing here ever produces a 0 that was not measured.
#include <QtGlobal>

#include <optional>

namespace nt {

class CounterRate {
public:
    enum class Kind { Counter, Gauge };
    enum class Status {
        Rate,       // counter: a rate over the interval from the previous sample
        Value,      // gauge: the value itself
        First,      // counter: first sample, nothing to compare with yet
        Reset,      // counter: value went down; rate computed from 0
        Gap,        // counter: interval longer than the maximum; no rate, new base
        Duplicate,  // timestamp equal to the previous one; ignored
        OutOfOrder, // timestamp older than the previous one; ignored
        NotFinite,  // NaN or infinite input; ignored
    };
    struct Result {
        std::optional<double> value; // per second for counters
        Status status = Status::First;
    };

    static constexpr qint64 DefaultMaxIntervalMs = 5 * 60 * 1000;

    explicit CounterRate(Kind kind = Kind::Counter, qint64 maxIntervalMs = DefaultMaxIntervalMs);

    Result add(qint64 timestampMs, double value);
    void clear();

    Kind kind() const { return m_kind; }
    qint64 maxIntervalMs() const { return m_maxIntervalMs; }

private:
    Kind m_kind;
    qint64 m_maxIntervalMs;
    std::optional<qint64> m_lastMs;
    double m_lastValue = 0;
};

} // namespace nt
