#pragma once
// Time as the simulated cluster sees it. Every timestamp the simulator serves comes from here so
// objects, metrics and logs agree with each other.
#include <cstdint>
#include <string>

namespace nt::sim {

class SimClock {
public:
    SimClock();

    // Unix time (seconds) the simulator started; scenario ages are relative to it.
    int64_t startSecs() const { return m_startMs / 1000; }
    int64_t nowMs() const;
    int64_t nowSecs() const { return nowMs() / 1000; }
    // Real seconds since start, with millisecond resolution.
    double elapsed() const { return double(nowMs() - m_startMs) / 1000.0; }

    // Scenario time: the x axis of the metric timelines. It starts at `offset` seconds (so a demo
    // can open mid-incident) and runs `scale` times faster than real time (tests use a scale to
    // see minutes of a trend in seconds). Wall-clock timestamps in objects stay real.
    void setScenarioTime(double offsetSeconds, double scale);
    double scenarioSeconds() const { return m_offset + elapsed() * m_scale; }
    double scenarioOffset() const { return m_offset; }
    double timeScale() const { return m_scale; }
    // The wall-clock time (ms) a scenario time maps to: before start for negative or offset
    // times, in the future while the scale is above 1. Used for metric sample timestamps and
    // the times of events the timeline causes (kubelet restarts, pressure transitions).
    int64_t wallMsAt(double scenarioSecs) const {
        return m_startMs + int64_t((scenarioSecs - m_offset) / m_scale * 1000.0);
    }
    // The scenario-time equivalent of "now" in wall ms as a time-scaled cluster would stamp it:
    // the start plus scenario seconds since 0 (equals nowMs() with no offset and scale 1).
    int64_t scenarioWallMs() const {
        return m_startMs + int64_t((scenarioSeconds() - m_offset) * 1000.0);
    }

    // Kubernetes metav1.Time ("2026-11-28T06:33:47Z") and MicroTime ("...47.123456Z").
    static std::string rfc3339(int64_t secs);
    static std::string rfc3339Micro(int64_t ms);
    // kubectl's duration.HumanDuration, used for the AGE / LAST SEEN table cells.
    static std::string humanDuration(int64_t secs);

private:
    int64_t m_startMs;
    double m_offset = 0;
    double m_scale = 1;
};

} // namespace nt::sim
