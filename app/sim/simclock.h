#pragma once
// Time as the simulated cluster sees it. Every timestamp the simulator serves comes from here so
// objects, metrics and logs agree with each other.
#include <cstdint>
#include <string>

namespace nt::sim {

class SimClock
{
public:
    SimClock();

    // Unix time (seconds) the simulator started; scenario ages are relative to it.
    int64_t startSecs() const { return m_startMs / 1000; }
    int64_t nowMs() const;
    int64_t nowSecs() const { return nowMs() / 1000; }
    // Seconds since start, with millisecond resolution: the x axis of the metric timelines.
    double elapsed() const { return double(nowMs() - m_startMs) / 1000.0; }

    // Kubernetes metav1.Time ("2026-11-28T06:33:47Z") and MicroTime ("...47.123456Z").
    static std::string rfc3339(int64_t secs);
    static std::string rfc3339Micro(int64_t ms);
    // kubectl's duration.HumanDuration, used for the AGE / LAST SEEN table cells.
    static std::string humanDuration(int64_t secs);

private:
    int64_t m_startMs;
};

} // namespace nt::sim
