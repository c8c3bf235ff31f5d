#pragma once
// The per-node quantities NodeTriage charts and judges. Each is already a gauge when it reaches
// the store (counters have been turned into rates by CounterRate). Append new metrics before
// Count; the store sizes its per-node table from it.
#include <QtGlobal>

#include <optional>
#include <string_view>

namespace nt {

enum class Metric : quint8 {
    CpuPercent,
    MemoryPercent,
    MemoryWorkingSetBytes,
    PidsUsed,
    PidPercent,
    FsPercent,
    ReadIops,
    WriteIops,
    ReadBytesPerSec,
    WriteBytesPerSec,
    AvgIoSizeBytes,
    DiskUtilPercent,
    QueueDepth,
    IowaitPercent,
    PsiCpuSomeAvg10,
    PsiMemorySomeAvg10,
    PsiMemoryFullAvg10,
    PsiIoSomeAvg10,
    PsiIoFullAvg10,
    // The pid limit the used count is measured against (rlimit maxpid / pid_max): the chart's cap.
    PidsMax,
    // load1 / cores (node-mixin NodeSystemSaturation: > 2 is saturated).
    Load1PerCore,
    // Kubelet health, from its /metrics through the API server proxy (step 4). Uptime rather than
    // process_start_time_seconds because the store keeps floats: a restart is uptime dropping.
    KubeletUptimeSeconds,
    KubeletRuntimeErrorsPerSec, // sum of kubelet_runtime_operations_errors_total, as a rate
    KubeletPlegRelistP99Seconds, // p99 of kubelet_pleg_relist_duration_seconds over the interval
    KubeletEvictionsPerSec,      // sum of kubelet_evictions over all signals, as a rate
    KubeletStartErrorsPerSec,    // started pods + containers errors, as a rate
    KubeletRunningPods,
    Count
};

inline constexpr int MetricCount = int(Metric::Count);

enum class MetricUnit : quint8 { Percent, Bytes, Count, PerSecond, BytesPerSecond, Seconds, Ratio };

// Stable camelCase key ("cpuPercent"), used in reports, settings and tests.
std::string_view metricKey(Metric metric);
std::optional<Metric> metricFromKey(std::string_view key);
MetricUnit metricUnit(Metric metric);

} // namespace nt
