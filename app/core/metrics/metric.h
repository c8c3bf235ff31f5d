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
    Count
};

inline constexpr int MetricCount = int(Metric::Count);

enum class MetricUnit : quint8 { Percent, Bytes, Count, PerSecond, BytesPerSecond };

// Stable camelCase key ("cpuPercent"), used in reports, settings and tests.
std::string_view metricKey(Metric metric);
std::optional<Metric> metricFromKey(std::string_view key);
MetricUnit metricUnit(Metric metric);

} // namespace nt
