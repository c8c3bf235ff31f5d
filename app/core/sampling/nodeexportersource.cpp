#include "sampling/nodeexportersource.h"

#include "metrics/textformat.h"
#include "sampling/httpfetch.h"

#include <QCoreApplication>

#include <set>

namespace nt {

NodeExporterSource::NodeExporterSource(QNetworkAccessManager *network, QHash<QString, QUrl> urls,
                                       int timeoutMs)
    : m_network(network)
    , m_urls(std::move(urls))
    , m_timeoutMs(timeoutMs) {}

Fetch NodeExporterSource::fetch(const SamplingTarget *target, const QList<SamplingTarget> &) {
    const QUrl url = m_urls.value(target->name);
    return httpFetch(m_network, url, m_timeoutMs,
                     QCoreApplication::translate("Sampling", "node_exporter of node %1 at %2")
                         .arg(target->name, url.toDisplayString(QUrl::RemoveUserInfo)));
}

QString NodeExporterSource::decode(const SamplingTarget *target, const QList<SamplingTarget> &,
                                   const FetchResult &result, qint64 nowMs, NodeGauges &out) {
    std::vector<Gauge> gauges;
    QString error = decodeScrape(result.body, target->name, nowMs, m_nodes[target->name], gauges);
    if (error.isEmpty())
        out[target->name].insert(out[target->name].end(), gauges.begin(), gauges.end());
    return error;
}

QString NodeExporterSource::decodeScrape(const QByteArray &body, const QString &node, qint64 nowMs,
                                         NodeState &state, std::vector<Gauge> &out) {
    const ParseResult scrape = parseTextFormat(body, [](std::string_view name, auto) {
        return name.starts_with("node_cpu_seconds_total") || name.starts_with("node_memory_") ||
               name.starts_with("node_disk_") || name.starts_with("node_pressure_") ||
               name.starts_with("node_processes_") || name == "node_load1" ||
               name.starts_with("node_filesystem_");
    });
    if (scrape.samples.empty())
        return QCoreApplication::translate("Sampling",
                                           "The node_exporter metrics of node %1 hold no node_* "
                                           "series.")
            .arg(node);
    auto put = [&out](Metric metric, std::optional<double> value) {
        if (value && std::isfinite(*value))
            out.push_back({metric, *value});
    };
    auto value = [&scrape](std::string_view name,
                           std::span<const Label> match = {}) -> std::optional<double> {
        const Sample *s = scrape.find(name, match);
        return s ? std::optional<double>(s->value) : std::nullopt;
    };

    // CPU: 1 - rate(idle + iowait + steal) / cores (USE method utilisation).
    std::set<std::string_view> cpus;
    double idleish = 0, iowait = 0;
    bool anyCpu = false;
    std::map<std::string, DiskCounters> devices;
    for (const Sample &s : scrape.samples) {
        if (s.name == "node_cpu_seconds_total") {
            const auto mode = s.label("mode");
            if (!mode)
                continue;
            anyCpu = true;
            if (*mode == "idle") {
                if (auto cpu = s.label("cpu"))
                    cpus.insert(*cpu);
            }
            if (*mode == "idle" || *mode == "iowait" || *mode == "steal")
                idleish += s.value;
            if (*mode == "iowait")
                iowait += s.value;
        } else if (s.name.starts_with("node_disk_")) {
            const auto device = s.label("device");
            if (!device || !isWholeDisk(*device))
                continue;
            DiskCounters &d = devices[std::string(*device)];
            if (s.name == "node_disk_reads_completed_total")
                d.reads = s.value;
            else if (s.name == "node_disk_writes_completed_total")
                d.writes = s.value;
            else if (s.name == "node_disk_read_bytes_total")
                d.readBytes = s.value;
            else if (s.name == "node_disk_written_bytes_total")
                d.writeBytes = s.value;
            else if (s.name == "node_disk_io_time_seconds_total")
                d.ioTime = s.value;
            else if (s.name == "node_disk_io_time_weighted_seconds_total")
                d.ioTimeWeighted = s.value;
        }
    }
    const double cores = double(cpus.size());
    if (anyCpu && cores > 0) {
        if (auto idleRate = state.cpuIdle.add(nowMs, idleish).value)
            put(Metric::CpuPercent, std::clamp((1.0 - *idleRate / cores) * 100.0, 0.0, 100.0));
        if (auto iowaitRate = state.cpuIowait.add(nowMs, iowait).value)
            put(Metric::IowaitPercent, std::clamp(*iowaitRate / cores * 100.0, 0.0, 100.0));
        if (auto load = value("node_load1"))
            put(Metric::Load1PerCore, *load / cores);
    }
    const auto available = value("node_memory_MemAvailable_bytes");
    const auto total = value("node_memory_MemTotal_bytes");
    if (available && total && *total > 0) {
        put(Metric::MemoryPercent, (1.0 - *available / *total) * 100.0);
        put(Metric::MemoryWorkingSetBytes, *total - *available);
    }
    const auto pids = value("node_processes_pids");
    const auto pidMax = value("node_processes_max_processes");
    put(Metric::PidsUsed, pids);
    put(Metric::PidsMax, pidMax);
    if (pids && pidMax && *pidMax > 0)
        put(Metric::PidPercent, *pids / *pidMax * 100.0);
    const Label root[] = {{"mountpoint", "/"}};
    const auto fsAvail = value("node_filesystem_avail_bytes", root);
    const auto fsSize = value("node_filesystem_size_bytes", root);
    if (fsAvail && fsSize && *fsSize > 0)
        put(Metric::FsPercent, (1.0 - *fsAvail / *fsSize) * 100.0);
    state.disks.add(nowMs, devices, out);
    PressureCounters pressure;
    pressure.cpuSome = value("node_pressure_cpu_waiting_seconds_total");
    pressure.memorySome = value("node_pressure_memory_waiting_seconds_total");
    pressure.memoryFull = value("node_pressure_memory_stalled_seconds_total");
    pressure.ioSome = value("node_pressure_io_waiting_seconds_total");
    pressure.ioFull = value("node_pressure_io_stalled_seconds_total");
    state.pressure.add(nowMs, pressure, out);
    return {};
}

} // namespace nt
