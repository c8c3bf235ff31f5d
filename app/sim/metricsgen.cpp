#include "metricsgen.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nt::sim {

using nlohmann::json;

namespace {

constexpr double kBucketSeconds = 5;

// splitmix64: tiny, fast and good enough to make noise look like noise.
uint64_t mix(uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

double unit(uint64_t seed) {
    return double(mix(seed) >> 11) / double(1ULL << 53);
}

std::string fmt(const char *f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

// A PSI block as the kubelet reports it: avg10/60/300 in percent, total stall in microseconds.
json psiBlock(double someShare, double someStallSeconds) {
    const double some = std::clamp(someShare, 0.0, 1.0) * 100;
    auto line = [](double avg, double total) {
        return json{{"total", uint64_t(total * 1e6)},
                    {"avg10", std::round(avg * 100) / 100},
                    {"avg60", std::round(avg * 90) / 100},
                    {"avg300", std::round(avg * 70) / 100}};
    };
    return {{"some", line(some, someStallSeconds)},
            {"full", line(some * 0.6, someStallSeconds * 0.6)}};
}

// Stall share grows sharply once a resource is nearly exhausted, as on a real node.
double stallShare(double utilisation) {
    return std::clamp((utilisation - 0.7) * 2.0, 0.0, 1.0);
}

void accumulate(NodeIntegrals &sum, const NodeModel &n, const NodeUsage &u, double seconds) {
    sum.cpuCoreSeconds += u.cpuCores * seconds;
    sum.reads += u.readIops * seconds;
    sum.writes += u.writeIops * seconds;
    sum.readBytes += u.readBytesPerSec * seconds;
    sum.writeBytes += u.writeBytesPerSec * seconds;
    sum.ioTime += u.ioUtil * seconds;
    sum.ioTimeWeighted += u.ioQueue * seconds;
    sum.psiCpu += stallShare(u.cpuCores / n.cpuCores) * seconds;
    sum.psiMemory += stallShare(u.memoryBytes / double(n.memoryBytes)) * seconds;
    sum.psiIo += stallShare(u.ioUtil) * seconds;
}

} // namespace

double sampleTimeline(const Timeline &t, uint64_t seed, double elapsed) {
    const double phase = unit(seed ^ 0xabc) * 6.283185307;
    double v = t.baseline + t.rampPerMinute * elapsed / 60.0;
    if (t.wave != 0 && t.wavePeriodSeconds > 0)
        v += t.wave * std::sin(6.283185307 * elapsed / t.wavePeriodSeconds + phase);
    if (t.noise != 0)
        v += t.noise * (2 * unit(seed + uint64_t(elapsed / kBucketSeconds)) - 1);
    return std::clamp(v, t.min, t.max);
}

NodeUsage nodeUsage(const NodeModel &n, double t) {
    const MetricsSpec &m = n.metrics;
    NodeUsage u{sampleTimeline(m.cpu, n.seed ^ 1, t) * n.cpuCores,
                sampleTimeline(m.memory, n.seed ^ 2, t) * double(n.memoryBytes),
                sampleTimeline(m.disk, n.seed ^ 3, t) * double(n.fsCapacityBytes),
                sampleTimeline(m.pids, n.seed ^ 4, t),
                sampleTimeline(m.readIops, n.seed ^ 5, t),
                sampleTimeline(m.writeIops, n.seed ^ 6, t),
                0,
                0,
                0,
                0,
                false};
    // The disk serves at most its cap: demand above it waits in the queue (Azure throttles by
    // delaying I/O, so completed IOPS sit flat at the cap while latency and queue grow).
    const double demand = u.readIops + u.writeIops;
    double served = 1;
    if (n.iopsCap > 0 && demand > n.iopsCap)
        served = n.iopsCap / demand;
    u.readBytesPerSec = u.readIops * served * m.readSizeKiB * 1024;
    u.writeBytesPerSec = u.writeIops * served * m.writeSizeKiB * 1024;
    const double mbCap = double(n.mbpsCap) * 1024 * 1024;
    const double bytes = u.readBytesPerSec + u.writeBytesPerSec;
    if (n.mbpsCap > 0 && bytes > mbCap) {
        served *= mbCap / bytes;
        u.readBytesPerSec *= mbCap / bytes;
        u.writeBytesPerSec *= mbCap / bytes;
    }
    u.throttled = served < 1;
    u.readIops *= served;
    u.writeIops *= served;
    // Busy share: at the cap the disk is never idle; below it, ~0.8 ms of device time per I/O
    // on a premium disk, or the share of the cap in use when the cap is known.
    const double done = u.readIops + u.writeIops;
    u.ioUtil =
        u.throttled ? 1.0 : std::min(0.97, n.iopsCap > 0 ? done / n.iopsCap * 0.9 : done * 0.0008);
    u.ioQueue = m.ioQueue.baseline > 0 || m.ioQueue.rampPerMinute > 0
                    ? sampleTimeline(m.ioQueue, n.seed ^ 7, t)
                    : u.ioUtil * 1.2;
    return u;
}

NodeIntegrals nodeIntegrals(const SimCluster &cluster, const NodeModel &n, double t) {
    const SimClock &clock = cluster.clock();
    // Before scenario time 0 the node ran at its time-0 rates since it booted.
    const double before = std::max(0.0, double(clock.wallMsAt(0)) / 1000.0 - double(n.bootSecs));
    const auto buckets = int64_t(std::max(0.0, t) / kBucketSeconds);
    if (buckets < n.integratedBuckets) { // time never runs back; only a fresh model starts over
        n.integratedBuckets = 0;
        n.integrated = {};
    }
    for (; n.integratedBuckets < buckets; ++n.integratedBuckets)
        accumulate(n.integrated, n, nodeUsage(n, double(n.integratedBuckets) * kBucketSeconds),
                   kBucketSeconds);
    NodeIntegrals sum = n.integrated;
    const double x = double(buckets) * kBucketSeconds;
    accumulate(sum, n, nodeUsage(n, x), std::max(0.0, t) - x);
    accumulate(sum, n, nodeUsage(n, 0), before);
    return sum;
}

KubeletLife kubeletLife(const SimCluster &cluster, const NodeModel &n, double now) {
    const SimClock &clock = cluster.clock();
    const KubeletSpec &k = n.metrics.kubelet;
    if (k.restartEverySeconds > 0) {
        const double period = k.restartEverySeconds;
        const double last =
            k.restartPhaseSeconds + std::floor((now - k.restartPhaseSeconds) / period) * period;
        return {double(clock.wallMsAt(last)) / 1000.0, now - last, last};
    }
    const double start = double(n.bootSecs + 30);
    return {start, std::max(1.0, double(clock.wallMsAt(now)) / 1000.0 - start), -1e18};
}

PressureState pressureAt(const NodeModel &n, double t) {
    const NodeUsage u = nodeUsage(n, t);
    return {double(n.memoryBytes) - u.memoryBytes < 100.0 * 1024 * 1024,
            double(n.fsCapacityBytes) - u.fsUsedBytes < 0.10 * double(n.fsCapacityBytes),
            double(n.metrics.pidMax) - u.pids < 2000};
}

std::string statsSummary(const SimCluster &cluster, const NodeModel &n) {
    const SimClock &clock = cluster.clock();
    const double t = clock.scenarioSeconds();
    const double uptime =
        std::max(1.0, double(clock.scenarioWallMs()) / 1000.0 - double(n.bootSecs));
    const NodeUsage u = nodeUsage(n, t);
    const NodeIntegrals sums = nodeIntegrals(cluster, n, t);
    const std::string now = SimClock::rfc3339(clock.nowSecs());
    const double cpuSeconds = sums.cpuCoreSeconds;
    const auto workingSet = uint64_t(u.memoryBytes);
    const auto available = uint64_t(std::max(0.0, double(n.memoryBytes) - u.memoryBytes));
    const auto fsUsed = uint64_t(u.fsUsedBytes);
    const auto fsCap = uint64_t(n.fsCapacityBytes);
    const uint64_t inodes = 16384000;
    const auto inodesUsed = uint64_t(double(inodes) * u.fsUsedBytes / double(fsCap) * 0.4);
    const auto rx = uint64_t(uptime * 180000.0), tx = uint64_t(uptime * 95000.0);

    json fs = {{"time", now},
               {"availableBytes", fsCap - fsUsed},
               {"capacityBytes", fsCap},
               {"usedBytes", fsUsed},
               {"inodesFree", inodes - inodesUsed},
               {"inodes", inodes},
               {"inodesUsed", inodesUsed}};
    json imageFs = fs;
    imageFs["usedBytes"] = uint64_t(double(fsUsed) * 0.45);
    json iface = {
        {"name", "eth0"}, {"rxBytes", rx}, {"rxErrors", 0}, {"txBytes", tx}, {"txErrors", 0}};
    json node = {
        {"nodeName", n.name},
        {"systemContainers",
         {{{"name", "kubelet"},
           {"startTime", SimClock::rfc3339(n.bootSecs + 30)},
           {"cpu", {{"time", now}, {"usageNanoCores", uint64_t(u.cpuCores * 0.04e9)}}},
           {"memory", {{"time", now}, {"workingSetBytes", uint64_t(90e6)}}}}}},
        {"startTime", SimClock::rfc3339(n.bootSecs)},
        {"cpu",
         {{"time", now},
          {"usageNanoCores", uint64_t(u.cpuCores * 1e9)},
          {"usageCoreNanoSeconds", uint64_t(cpuSeconds * 1e9)}}},
        {"memory",
         {{"time", now},
          {"availableBytes", available},
          {"usageBytes", uint64_t(workingSet * 1.3)},
          {"workingSetBytes", workingSet},
          {"rssBytes", uint64_t(workingSet * 0.7)},
          {"pageFaults", uint64_t(uptime * 2100)},
          {"majorPageFaults", uint64_t(uptime * 0.8)}}},
        {"network",
         {{"time", now},
          {"name", "eth0"},
          {"rxBytes", rx},
          {"rxErrors", 0},
          {"txBytes", tx},
          {"txErrors", 0},
          {"interfaces", {iface}}}},
        {"fs", fs},
        {"runtime", {{"imageFs", imageFs}, {"containerFs", imageFs}}},
        {"rlimit", {{"time", now}, {"maxpid", n.metrics.pidMax}, {"curproc", uint64_t(u.pids)}}},
    };
    if (n.metrics.psi) {
        node["cpu"]["psi"] = psiBlock(stallShare(u.cpuCores / n.cpuCores), sums.psiCpu);
        node["memory"]["psi"] =
            psiBlock(stallShare(u.memoryBytes / double(n.memoryBytes)), sums.psiMemory);
        node["io"] = {{"time", now}, {"psi", psiBlock(stallShare(u.ioUtil), sums.psiIo)}};
    }
    json pods = json::array();
    for (const auto &[key, pod] : cluster.store().items("pods")) {
        if (pod.obj["spec"].value("nodeName", "") != n.name)
            continue;
        const auto &meta = pod.obj["metadata"];
        pods.push_back(
            {{"podRef",
              {{"name", meta["name"]}, {"namespace", meta["namespace"]}, {"uid", meta["uid"]}}},
             {"startTime", pod.obj["status"].value("startTime", now)},
             {"cpu", {{"time", now}, {"usageNanoCores", 3000000}}},
             {"memory", {{"time", now}, {"workingSetBytes", 25000000}}}});
    }
    return json{{"node", node}, {"pods", pods}}.dump();
}

std::string kubeletMetrics(const SimCluster &cluster, const NodeModel &n) {
    const SimClock &clock = cluster.clock();
    const KubeletSpec &k = n.metrics.kubelet;
    // A kubelet in a restart loop started at its last restart; its counters start from 0 again.
    const double t = clock.scenarioSeconds();
    const KubeletLife life = kubeletLife(cluster, n, t);
    const double kubeletStart = life.startWallSecs;
    const double up = std::max(1.0, life.upScenarioSeconds);
    const double minutes =
        std::min(up, t + 600) / 60.0; // error rates count from shortly before scenario time 0
    std::string out;
    out += "# HELP kubelet_runtime_operations_total [ALPHA] Cumulative number of runtime "
           "operations by operation type.\n"
           "# TYPE kubelet_runtime_operations_total counter\n";
    const char *ops[] = {"container_status", "exec_sync",         "list_containers",
                         "list_podsandbox",  "podsandbox_status", "version"};
    for (int i = 0; i < 6; ++i)
        out += std::string("kubelet_runtime_operations_total{operation_type=\"") + ops[i] + "\"} " +
               fmt("%.0f", up * (0.5 + i * 0.3)) + "\n";
    out += "# HELP kubelet_runtime_operations_errors_total [ALPHA] Cumulative number of runtime "
           "operation errors by operation type.\n"
           "# TYPE kubelet_runtime_operations_errors_total counter\n";
    out += "kubelet_runtime_operations_errors_total{operation_type=\"container_status\"} " +
           fmt("%.0f", k.runtimeErrorsPerMinute * minutes) + "\n";
    out += "kubelet_runtime_operations_errors_total{operation_type=\"exec_sync\"} " +
           fmt("%.0f", k.runtimeErrorsPerMinute * minutes * 0.5 + 2) + "\n";
    out += "# HELP kubelet_pleg_relist_duration_seconds [ALPHA] Duration in seconds for relisting "
           "pods in PLEG.\n"
           "# TYPE kubelet_pleg_relist_duration_seconds histogram\n";
    const double relists = up; // one relist per second
    const double bounds[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    for (double b : bounds) {
        const double share =
            k.plegRelistSeconds <= b ? 1.0 : (k.plegRelistSeconds <= b * 2 ? 0.1 : 0.0);
        out += "kubelet_pleg_relist_duration_seconds_bucket{le=\"" + fmt("%g", b) + "\"} " +
               fmt("%.0f", relists * share) + "\n";
    }
    out +=
        "kubelet_pleg_relist_duration_seconds_bucket{le=\"+Inf\"} " + fmt("%.0f", relists) + "\n";
    out += "kubelet_pleg_relist_duration_seconds_sum " +
           fmt("%.3f", relists * k.plegRelistSeconds) + "\n";
    out += "kubelet_pleg_relist_duration_seconds_count " + fmt("%.0f", relists) + "\n";
    out += "# HELP kubelet_pleg_last_seen_seconds [ALPHA] Timestamp in seconds when PLEG was last "
           "seen active.\n"
           "# TYPE kubelet_pleg_last_seen_seconds gauge\n"
           "kubelet_pleg_last_seen_seconds " +
           fmt("%.3f", double(clock.nowMs()) / 1000.0 - k.plegRelistSeconds) + "\n";
    out +=
        "# HELP kubelet_evictions [ALPHA] Cumulative number of pod evictions by eviction signal\n"
        "# TYPE kubelet_evictions counter\n";
    for (const auto &[signal, rate] : k.evictionsPerMinute)
        out += "kubelet_evictions{eviction_signal=\"" + signal + "\"} " +
               fmt("%.0f", rate * minutes) + "\n";
    out += "# HELP kubelet_started_pods_errors_total [ALPHA] Cumulative number of errors when "
           "starting pods\n"
           "# TYPE kubelet_started_pods_errors_total counter\n"
           "kubelet_started_pods_errors_total " +
           fmt("%.0f", k.startedPodsErrorsPerMinute * minutes) + "\n";
    out += "# HELP kubelet_started_containers_errors_total [ALPHA] Cumulative number of errors "
           "when starting containers\n"
           "# TYPE kubelet_started_containers_errors_total counter\n"
           "kubelet_started_containers_errors_total{code=\"CrashLoopBackOff\",container_type="
           "\"container\"} " +
           fmt("%.0f", k.startedContainersErrorsPerMinute * minutes) + "\n";
    int running = 0;
    for (const auto &[key, pod] : cluster.store().items("pods"))
        running += pod.obj["spec"].value("nodeName", "") == n.name ? 1 : 0;
    out += "# HELP kubelet_running_pods [ALPHA] Number of pods that have a running pod sandbox\n"
           "# TYPE kubelet_running_pods gauge\n"
           "kubelet_running_pods " +
           std::to_string(running + 8) + "\n";
    out += "# HELP kubelet_node_startup_duration_seconds [ALPHA] Duration in seconds of node "
           "startup in total.\n"
           "# TYPE kubelet_node_startup_duration_seconds gauge\n"
           "kubelet_node_startup_duration_seconds{node=\"" +
           n.name + "\"} 21.4\n";
    out += "# HELP process_start_time_seconds [STABLE] Start time of the process since unix epoch "
           "in seconds.\n"
           "# TYPE process_start_time_seconds gauge\n"
           "process_start_time_seconds " +
           fmt("%.2f", kubeletStart) + "\n";
    return out;
}

std::string cadvisorMetrics(const SimCluster &cluster, const NodeModel &n) {
    // Root-cgroup disk counters come from the kernel's /proc/diskstats: they count since boot
    // and do not reset when the kubelet restarts. Sample timestamps are in scenario time, so
    // rates from them are the simulated rates even when --time-scale runs the clock faster.
    const double t = cluster.clock().scenarioSeconds();
    const NodeIntegrals sums = nodeIntegrals(cluster, n, t);
    const double reads = sums.reads, writes = sums.writes;
    const std::string dev = "{container=\"\",device=\"/dev/sda\",id=\"/"
                            "\",image=\"\",name=\"\",namespace=\"\",pod=\"\"}";
    const std::string ts = " " + std::to_string(cluster.clock().scenarioWallMs()) + "\n";
    std::string out;
    // Counts are whole numbers; seconds keep milliseconds, as cAdvisor prints them.
    auto counter = [&](const char *name, const char *help, double value) {
        const bool seconds = std::string(name).find("_seconds_") != std::string::npos;
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " counter\n" +
               name + dev + " " + fmt(seconds ? "%.3f" : "%.0f", value) + ts;
    };
    counter("container_fs_reads_total", "Cumulative count of reads completed", reads);
    counter("container_fs_writes_total", "Cumulative count of writes completed", writes);
    counter("container_fs_reads_bytes_total", "Cumulative count of bytes read", sums.readBytes);
    counter("container_fs_writes_bytes_total", "Cumulative count of bytes written",
            sums.writeBytes);
    counter("container_fs_sector_reads_total", "Cumulative count of sector reads completed",
            sums.readBytes / 512);
    counter("container_fs_sector_writes_total", "Cumulative count of sector writes completed",
            sums.writeBytes / 512);
    counter("container_fs_io_time_seconds_total", "Cumulative count of seconds spent doing I/Os",
            sums.ioTime);
    counter("container_fs_io_time_weighted_seconds_total",
            "Cumulative weighted I/O time in seconds", sums.ioTimeWeighted);
    const NodeUsage u = nodeUsage(n, t);
    out += "# HELP container_fs_io_current Number of I/Os currently in progress\n# TYPE "
           "container_fs_io_current gauge\n"
           "container_fs_io_current" +
           dev + " " + fmt("%.0f", u.ioQueue) + ts;
    if (n.metrics.psi) {
        // Node PSI from the root cgroup (cAdvisor with PSI support): "waiting" is PSI some,
        // "stalled" PSI full, both cumulative seconds.
        const std::string root =
            "{container=\"\",id=\"/\",image=\"\",name=\"\",namespace=\"\",pod=\"\"}";
        const std::pair<const char *, double> psi[] = {
            {"cpu", sums.psiCpu}, {"memory", sums.psiMemory}, {"io", sums.psiIo}};
        for (const auto &[resource, some] : psi) {
            for (const bool full : {false, true}) {
                const std::string name = std::string("container_pressure_") + resource +
                                         (full ? "_stalled" : "_waiting") + "_seconds_total";
                out += "# HELP " + name + " Total time duration tasks in the container have " +
                       (full ? "stalled" : "waited") + " due to " + resource +
                       " congestion.\n# TYPE " + name + " counter\n" + name + root + " " +
                       fmt("%.3f", full ? some * 0.6 : some) + ts;
            }
        }
    }
    out += "# HELP machine_cpu_cores Number of logical CPU cores.\n# TYPE machine_cpu_cores "
           "gauge\nmachine_cpu_cores " +
           std::to_string(n.cpuCores) + "\n";
    out += "# HELP machine_memory_bytes Amount of memory installed on the machine.\n# TYPE "
           "machine_memory_bytes gauge\nmachine_memory_bytes " +
           std::to_string(n.memoryBytes) + "\n";
    return out;
}

std::string nodeMetrics(const SimCluster &cluster, const NodeModel &n,
                        const std::string &kindAndVersion) {
    // Written as text: metrics-server answers for every node at once, and building 5000 json
    // objects (labels included) would dominate `kubectl top nodes` on a big cluster.
    const NodeUsage u = nodeUsage(n, cluster.clock().scenarioSeconds());
    const int64_t now = cluster.clock().nowSecs();
    const std::string &labels =
        cluster.store().labelsJson(cluster.store().items("nodes").at(n.name));
    return "{" + kindAndVersion + "\"metadata\":{\"name\":\"" + n.name +
           "\",\"creationTimestamp\":\"" + SimClock::rfc3339(now) + "\",\"labels\":" + labels +
           "},\"timestamp\":\"" + SimClock::rfc3339(now - 7) +
           "\",\"window\":\"20.052s\",\"usage\":{\"cpu\":\"" + fmt("%.0f", u.cpuCores * 1e9) +
           "n\",\"memory\":\"" + fmt("%.0f", u.memoryBytes / 1024) + "Ki\"}}";
}

json podMetrics(const SimCluster &cluster, const json &pod) {
    const int64_t now = cluster.clock().nowSecs();
    json containers = json::array();
    for (const auto &c : pod["spec"].value("containers", json::array()))
        containers.push_back({{"name", c.value("name", "")},
                              {"usage", {{"cpu", "2817431n"}, {"memory", "24312Ki"}}}});
    return {{"metadata",
             {{"name", pod["metadata"]["name"]},
              {"namespace", pod["metadata"]["namespace"]},
              {"creationTimestamp", SimClock::rfc3339(now)},
              {"labels", pod["metadata"].value("labels", json::object())}}},
            {"timestamp", SimClock::rfc3339(now - 9)},
            {"window", "15.231s"},
            {"containers", containers}};
}

} // namespace nt::sim
