#include "metrics/counterrate.h"

#include <cmath>

namespace nt {

CounterRate::CounterRate(Kind kind, qint64 maxIntervalMs)
    : m_kind(kind)
    , m_maxIntervalMs(maxIntervalMs) {}

CounterRate::Result CounterRate::add(qint64 timestampMs, double value) {
    if (!std::isfinite(value))
        return {std::nullopt, Status::NotFinite};
    if (m_lastMs && timestampMs == *m_lastMs)
        return {std::nullopt, Status::Duplicate};
    if (m_lastMs && timestampMs < *m_lastMs)
        return {std::nullopt, Status::OutOfOrder};

    const std::optional<qint64> previousMs = m_lastMs;
    const double previous = m_lastValue;
    m_lastMs = timestampMs;
    m_lastValue = value;
    if (m_kind == Kind::Gauge)
        return {value, Status::Value};
    if (!previousMs)
        return {std::nullopt, Status::First};
    const qint64 intervalMs = timestampMs - *previousMs;
    if (intervalMs > m_maxIntervalMs)
        return {std::nullopt, Status::Gap};
    const double seconds = double(intervalMs) / 1000.0;
    if (value < previous)
        return {value / seconds, Status::Reset};
    return {(value - previous) / seconds, Status::Rate};
}

void CounterRate::clear() {
    m_lastMs.reset();
    m_lastValue = 0;
}

} // namespace nt
