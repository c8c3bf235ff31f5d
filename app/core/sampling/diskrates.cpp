#include "sampling/diskrates.h"

#include <algorithm>
#include <cctype>

namespace nt {

bool isWholeDisk(std::string_view device) {
    if (device.starts_with("/dev/"))
        device.remove_prefix(5);
    auto digitsAtEnd = [](std::string_view s) {
        return !s.empty() && std::isdigit(static_cast<unsigned char>(s.back()));
    };
    if (device.empty() || device.starts_with("dm-") || device.starts_with("md") ||
        device.starts_with("loop") || device.starts_with("ram") || device.starts_with("zram") ||
        device.starts_with("sr") || device.starts_with("fd"))
        return false;
    if (device.starts_with("nvme") || device.starts_with("mmcblk")) {
        // nvme0n1 is a disk, nvme0n1p1 a partition; mmcblk0 and mmcblk0p1 alike.
        const size_t p = device.rfind('p');
        return p == std::string_view::npos || p < 4 || !digitsAtEnd(device.substr(0, p)) ||
               !digitsAtEnd(device);
    }
    // sda, vdb, xvdc, hda: letters only; sda1 is a partition.
    return !digitsAtEnd(device);
}

void DiskRates::add(qint64 timeMs, const std::map<std::string, DiskCounters> &devices,
                    std::vector<Gauge> &out) {
    std::optional<double> reads, writes, readBytes, writeBytes, util, queue;
    auto sum = [](std::optional<double> &total, std::optional<double> rate) {
        if (rate)
            total = total.value_or(0) + *rate;
    };
    auto max = [](std::optional<double> &most, std::optional<double> rate) {
        if (rate)
            most = std::max(most.value_or(0), *rate);
    };
    auto rate = [timeMs](CounterRate &counter, std::optional<double> value) {
        return value ? counter.add(timeMs, *value).value : std::nullopt;
    };
    for (const auto &[name, counters] : devices) {
        Device &d = m_devices[name];
        sum(reads, rate(d.reads, counters.reads));
        sum(writes, rate(d.writes, counters.writes));
        sum(readBytes, rate(d.readBytes, counters.readBytes));
        sum(writeBytes, rate(d.writeBytes, counters.writeBytes));
        max(util, rate(d.ioTime, counters.ioTime));
        max(queue, rate(d.ioTimeWeighted, counters.ioTimeWeighted));
    }
    auto put = [&out](Metric metric, std::optional<double> value) {
        if (value)
            out.push_back({metric, *value});
    };
    put(Metric::ReadIops, reads);
    put(Metric::WriteIops, writes);
    put(Metric::ReadBytesPerSec, readBytes);
    put(Metric::WriteBytesPerSec, writeBytes);
    if (util)
        put(Metric::DiskUtilPercent, std::min(100.0, *util * 100.0));
    put(Metric::QueueDepth, queue);
    if (reads && writes && readBytes && writeBytes && *reads + *writes > 0)
        put(Metric::AvgIoSizeBytes, (*readBytes + *writeBytes) / (*reads + *writes));
}

void PressureRates::add(qint64 timeMs, const PressureCounters &counters, std::vector<Gauge> &out) {
    auto put = [&](CounterRate &counter, std::optional<double> value, Metric metric) {
        if (!value)
            return;
        if (auto r = counter.add(timeMs, *value).value)
            out.push_back({metric, std::clamp(*r * 100.0, 0.0, 100.0)});
    };
    put(m_cpuSome, counters.cpuSome, Metric::PsiCpuSomeAvg10);
    put(m_memorySome, counters.memorySome, Metric::PsiMemorySomeAvg10);
    put(m_memoryFull, counters.memoryFull, Metric::PsiMemoryFullAvg10);
    put(m_ioSome, counters.ioSome, Metric::PsiIoSomeAvg10);
    put(m_ioFull, counters.ioFull, Metric::PsiIoFullAvg10);
}

} // namespace nt
