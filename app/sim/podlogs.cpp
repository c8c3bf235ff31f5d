#include "podlogs.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace nt::sim {

namespace {

struct Line
{
    int64_t ms;
    std::string text;
};

std::string substitute(std::string text, const std::map<std::string, std::string> &vars)
{
    for (const auto &[key, value] : vars) {
        const std::string token = "{" + key + "}";
        for (size_t p = text.find(token); p != std::string::npos; p = text.find(token, p + value.size()))
            text.replace(p, token.size(), value);
    }
    return text;
}

// "I options.go:148] msg" -> "I1128 06:01:02.345678       1 options.go:148] msg"
std::string klog(const std::string &line, int64_t ms)
{
    if (line.size() < 3 || std::string("IWEF").find(line[0]) == std::string::npos || line[1] != ' ')
        return line;
    const time_t t = time_t(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char head[64];
    std::snprintf(head, sizeof head, "%c%02d%02d %02d:%02d:%02d.%06d       1 ", line[0], tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, int(ms % 1000) * 1000 + int(ms % 997));
    return head + line.substr(2);
}

// The konnectivity server's id: one per control plane, so derived from the API server name.
std::string serverId(const std::string &fqdn)
{
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : fqdn)
        h = (h ^ c) * 1099511628211ULL;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08llx-%04llx-4%03llx-9%03llx-%012llx", (unsigned long long)(h >> 32),
                  (unsigned long long)(h >> 16) & 0xffff, (unsigned long long)(h >> 4) & 0xfff,
                  (unsigned long long)h & 0xfff, (unsigned long long)(h * 7) & 0xffffffffffffULL);
    return buf;
}

} // namespace

std::string podLog(const SimCluster &cluster, const nlohmann::json &pod, const LogQuery &query)
{
    const auto &meta = pod["metadata"];
    const PodExtra *extra = cluster.podExtra(meta.value("namespace", ""), meta.value("name", ""));
    if (!extra || !extra->workload || extra->workload->log.empty())
        return {};
    const auto &logs = cluster.scenario().logs;
    const auto it = logs.find(extra->workload->log);
    if (it == logs.end())
        return {};
    const LogSpec &spec = it->second;

    // The container start: the running state's startedAt, else the pod's start.
    const auto &statuses = pod["status"].value("containerStatuses", nlohmann::json::array());
    std::string started = pod["status"].value("startTime", "");
    if (!statuses.empty() && statuses[0]["state"].contains("running"))
        started = statuses[0]["state"]["running"].value("startedAt", started);
    std::tm tm{};
    strptime(started.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
    const int64_t startMs = int64_t(timegm(&tm)) * 1000;
    const int64_t nowMs = cluster.clock().nowMs();

    const std::string &node = pod["spec"].value("nodeName", "");
    const NodeModel *nm = cluster.node(node);
    const std::map<std::string, std::string> vars = {
        {"fqdn", cluster.scenario().cluster.fqdn},
        {"pod", meta.value("name", "")},
        {"node", node},
        {"nodeIp", nm ? nm->internalIp : ""},
        {"podIp", pod["status"].value("podIP", "")},
        {"serverId", serverId(cluster.scenario().cluster.fqdn)},
    };

    std::vector<Line> lines;
    int64_t ms = startMs + 120;
    for (const std::string &l : spec.startup) {
        lines.push_back({ms, substitute(l, vars)});
        ms += 3;
    }
    if (spec.repeatEverySeconds > 0 && !spec.repeat.empty()) {
        // Bounded so a pod that has run for weeks does not produce megabytes per request.
        const int64_t step = int64_t(spec.repeatEverySeconds) * 1000;
        int64_t from = startMs + step;
        if (spec.repeatSinceAgoSeconds >= 0)
            from = std::max(from, (cluster.clock().startSecs() - spec.repeatSinceAgoSeconds) * 1000);
        from = std::max(from, nowMs - step * 2000);
        for (int64_t t = from; t <= nowMs; t += step) {
            for (const std::string &l : spec.repeat)
                lines.push_back({t, substitute(l, vars)});
        }
    }
    if (query.sinceSeconds) {
        const int64_t cutoff = nowMs - *query.sinceSeconds * 1000;
        lines.erase(std::remove_if(lines.begin(), lines.end(), [&](const Line &l) { return l.ms < cutoff; }), lines.end());
    }
    size_t first = 0;
    if (query.tailLines && *query.tailLines >= 0 && size_t(*query.tailLines) < lines.size())
        first = lines.size() - size_t(*query.tailLines);
    std::string out;
    for (size_t i = first; i < lines.size(); ++i) {
        if (query.timestamps)
            out += SimClock::rfc3339Micro(lines[i].ms).insert(26, "000") + " ";
        out += klog(lines[i].text, lines[i].ms) + "\n";
    }
    return out;
}

} // namespace nt::sim
