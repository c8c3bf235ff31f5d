#pragma once
// Node-level disk and pressure figures from cumulative per-device counters, shared by the
// cAdvisor and node_exporter sources (and /proc/diskstats later): IOPS and bytes per second
// summed over the node's whole disks, utilisation and queue depth of the busiest disk (as the
// node-mixin's per-device alerts see it), average I/O size, and PSI from stall-seconds counters.
#include "metrics/counterrate.h"
#include "sampling/samplesource.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace nt {

struct DiskCounters {
    std::optional<double> reads, writes;          // completed I/Os
    std::optional<double> readBytes, writeBytes;  // bytes
    std::optional<double> ioTime, ioTimeWeighted; // seconds
};

// A whole disk (sda, nvme0n1, vdb, xvda), not a partition (sda1, nvme0n1p1) or a device-mapper
// or md device layered on top: summing those too would count the same I/O twice.
bool isWholeDisk(std::string_view device);

class DiskRates {
public:
    // The counters of every whole disk at timeMs; appends the node's gauges (absent when no
    // disk gave a rate yet).
    void add(qint64 timeMs, const std::map<std::string, DiskCounters> &devices,
             std::vector<Gauge> &out);

private:
    struct Device {
        CounterRate reads, writes, readBytes, writeBytes, ioTime, ioTimeWeighted;
    };
    std::map<std::string, Device> m_devices;
};

struct PressureCounters {
    std::optional<double> cpuSome, memorySome, memoryFull, ioSome, ioFull; // stall seconds
};

// PSI as the percentage of wall time stalled over the interval: the counters' rate x 100, the
// same unit as the kernel's avg10 (over the sampling interval rather than exactly 10 s).
class PressureRates {
public:
    void add(qint64 timeMs, const PressureCounters &counters, std::vector<Gauge> &out);

private:
    CounterRate m_cpuSome, m_memorySome, m_memoryFull, m_ioSome, m_ioFull;
};

} // namespace nt
