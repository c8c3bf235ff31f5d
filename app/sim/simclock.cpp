#include "simclock.h"

#include <cstdio>
#include <ctime>
#include <QDateTime>

namespace nt::sim {

SimClock::SimClock()
    : m_startMs(QDateTime::currentMSecsSinceEpoch()) {}

int64_t SimClock::nowMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

void SimClock::setScenarioTime(double offsetSeconds, double scale) {
    m_offset = offsetSeconds;
    m_scale = scale > 0 ? scale : 1;
}

std::string SimClock::rfc3339(int64_t secs) {
    const time_t t = time_t(secs);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string SimClock::rfc3339Micro(int64_t ms) {
    const time_t t = time_t(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    const size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(buf + n, sizeof buf - n, ".%06dZ", int(ms % 1000) * 1000);
    return buf;
}

std::string SimClock::humanDuration(int64_t secs) {
    // Same buckets as k8s.io/apimachinery/pkg/util/duration.HumanDuration, so tables read like
    // a real cluster's.
    auto fmt = [](const char *f, long long a, long long b = 0) {
        char buf[48];
        std::snprintf(buf, sizeof buf, f, a, b);
        return std::string(buf);
    };
    if (secs < -1)
        return "<invalid>";
    if (secs < 0)
        return "0s";
    if (secs < 60 * 2)
        return fmt("%llds", secs);
    const long long minutes = secs / 60;
    if (minutes < 10) {
        const long long s = secs % 60;
        return s == 0 ? fmt("%lldm", minutes) : fmt("%lldm%llds", minutes, s);
    }
    if (minutes < 60 * 3)
        return fmt("%lldm", minutes);
    const long long hours = minutes / 60;
    if (hours < 8) {
        const long long m = minutes % 60;
        return m == 0 ? fmt("%lldh", hours) : fmt("%lldh%lldm", hours, m);
    }
    if (hours < 48)
        return fmt("%lldh", hours);
    if (hours < 24 * 8) {
        const long long h = hours % 24;
        return h == 0 ? fmt("%lldd", hours / 24) : fmt("%lldd%lldh", hours / 24, h);
    }
    if (hours < 24 * 365 * 2)
        return fmt("%lldd", hours / 24);
    if (hours < 24 * 365 * 8) {
        const long long d = (hours / 24) % 365;
        return d == 0 ? fmt("%lldy", hours / 24 / 365) : fmt("%lldy%lldd", hours / 24 / 365, d);
    }
    return fmt("%lldy", hours / 24 / 365);
}

} // namespace nt::sim
