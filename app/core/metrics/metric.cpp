#include "metrics/metric.h"

#include <array>

namespace nt {

namespace {

struct MetricInfo {
    Metric metric;
    std::string_view key;
    MetricUnit unit;
};

// Ordered as the enum, checked at compile time below, so lookups by metric are an index.
constexpr std::array<MetricInfo, MetricCount> infos{{
    {Metric::CpuPercent, "cpuPercent", MetricUnit::Percent},
    {Metric::MemoryPercent, "memoryPercent", MetricUnit::Percent},
    {Metric::MemoryWorkingSetBytes, "memoryWorkingSetBytes", MetricUnit::Bytes},
    {Metric::PidsUsed, "pidsUsed", MetricUnit::Count},
    {Metric::PidPercent, "pidPercent", MetricUnit::Percent},
    {Metric::FsPercent, "fsPercent", MetricUnit::Percent},
    {Metric::ReadIops, "readIops", MetricUnit::PerSecond},
    {Metric::WriteIops, "writeIops", MetricUnit::PerSecond},
    {Metric::ReadBytesPerSec, "readBytesPerSec", MetricUnit::BytesPerSecond},
    {Metric::WriteBytesPerSec, "writeBytesPerSec", MetricUnit::BytesPerSecond},
    {Metric::AvgIoSizeBytes, "avgIoSizeBytes", MetricUnit::Bytes},
    {Metric::DiskUtilPercent, "diskUtilPercent", MetricUnit::Percent},
    {Metric::QueueDepth, "queueDepth", MetricUnit::Count},
    {Metric::IowaitPercent, "iowaitPercent", MetricUnit::Percent},
    {Metric::PsiCpuSomeAvg10, "psiCpuSomeAvg10", MetricUnit::Percent},
    {Metric::PsiMemorySomeAvg10, "psiMemorySomeAvg10", MetricUnit::Percent},
    {Metric::PsiMemoryFullAvg10, "psiMemoryFullAvg10", MetricUnit::Percent},
    {Metric::PsiIoSomeAvg10, "psiIoSomeAvg10", MetricUnit::Percent},
    {Metric::PsiIoFullAvg10, "psiIoFullAvg10", MetricUnit::Percent},
    {Metric::PidsMax, "pidsMax", MetricUnit::Count},
    {Metric::Load1PerCore, "load1PerCore", MetricUnit::Ratio},
    {Metric::KubeletUptimeSeconds, "kubeletUptimeSeconds", MetricUnit::Seconds},
    {Metric::KubeletRuntimeErrorsPerSec, "kubeletRuntimeErrorsPerSec", MetricUnit::PerSecond},
    {Metric::KubeletPlegRelistP99Seconds, "kubeletPlegRelistP99Seconds", MetricUnit::Seconds},
    {Metric::KubeletEvictionsPerSec, "kubeletEvictionsPerSec", MetricUnit::PerSecond},
    {Metric::KubeletStartErrorsPerSec, "kubeletStartErrorsPerSec", MetricUnit::PerSecond},
    {Metric::KubeletRunningPods, "kubeletRunningPods", MetricUnit::Count},
}};

constexpr bool inEnumOrder() {
    for (int i = 0; i < MetricCount; ++i) {
        if (int(infos[size_t(i)].metric) != i)
            return false;
    }
    return true;
}
static_assert(inEnumOrder(), "metric table must follow the enum's order");

} // namespace

std::string_view metricKey(Metric metric) {
    return int(metric) < MetricCount ? infos[size_t(metric)].key : std::string_view();
}

std::optional<Metric> metricFromKey(std::string_view key) {
    for (const MetricInfo &info : infos) {
        if (info.key == key)
            return info.metric;
    }
    return std::nullopt;
}

MetricUnit metricUnit(Metric metric) {
    return int(metric) < MetricCount ? infos[size_t(metric)].unit : MetricUnit::Count;
}

} // namespace nt
