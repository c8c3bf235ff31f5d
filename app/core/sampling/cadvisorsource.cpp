#include "sampling/cadvisorsource.h"

#include "metrics/textformat.h"

#include <QCoreApplication>

namespace nt {

CadvisorSource::CadvisorSource(KubeClient *client, int timeoutMs)
    : m_client(client)
    , m_timeoutMs(timeoutMs) {}

Fetch CadvisorSource::fetch(const SamplingTarget *target, const QList<SamplingTarget> &) {
    return nodeProxyFetch(m_client, target->name, QStringLiteral("metrics/cadvisor"), m_timeoutMs);
}

QString CadvisorSource::decode(const SamplingTarget *target, const QList<SamplingTarget> &,
                               const FetchResult &result, qint64 nowMs, NodeGauges &out) {
    std::vector<Gauge> gauges;
    QString error = decodeScrape(result.body, target->name, nowMs, m_nodes[target->name], gauges);
    if (error.isEmpty())
        out[target->name].insert(out[target->name].end(), gauges.begin(), gauges.end());
    return error;
}

QString CadvisorSource::decodeScrape(const QByteArray &body, const QString &node, qint64 nowMs,
                                     NodeState &state, std::vector<Gauge> &out) {
    // Only the root cgroup: a scrape lists every pod and container too.
    const ParseResult scrape =
        parseTextFormat(body, [](std::string_view name, std::span<const Label> labels) {
            if (!name.starts_with("container_fs_") && !name.starts_with("container_pressure_"))
                return false;
            for (const Label &l : labels) {
                if (l.name == "id")
                    return l.value == "/";
            }
            return false;
        });
    if (scrape.lines > 0 && scrape.samples.empty() && !scrape.errors.empty())
        return QCoreApplication::translate("Sampling",
                                           "The cAdvisor metrics of node %1 could not be read "
                                           "(line %2: %3).")
            .arg(node)
            .arg(scrape.errors.front().line)
            .arg(scrape.errors.front().reason);
    std::map<std::string, DiskCounters> devices;
    PressureCounters pressure;
    qint64 timeMs = 0;
    for (const Sample &s : scrape.samples) {
        if (s.timestampMs)
            timeMs = std::max(timeMs, *s.timestampMs);
        const std::string_view name = s.name;
        if (name.starts_with("container_pressure_")) {
            if (name == "container_pressure_cpu_waiting_seconds_total")
                pressure.cpuSome = s.value;
            else if (name == "container_pressure_memory_waiting_seconds_total")
                pressure.memorySome = s.value;
            else if (name == "container_pressure_memory_stalled_seconds_total")
                pressure.memoryFull = s.value;
            else if (name == "container_pressure_io_waiting_seconds_total")
                pressure.ioSome = s.value;
            else if (name == "container_pressure_io_stalled_seconds_total")
                pressure.ioFull = s.value;
            continue;
        }
        const auto device = s.label("device");
        if (!device || !isWholeDisk(*device))
            continue;
        DiskCounters &d = devices[std::string(*device)];
        if (name == "container_fs_reads_total")
            d.reads = s.value;
        else if (name == "container_fs_writes_total")
            d.writes = s.value;
        else if (name == "container_fs_reads_bytes_total")
            d.readBytes = s.value;
        else if (name == "container_fs_writes_bytes_total")
            d.writeBytes = s.value;
        else if (name == "container_fs_io_time_seconds_total")
            d.ioTime = s.value;
        else if (name == "container_fs_io_time_weighted_seconds_total")
            d.ioTimeWeighted = s.value;
    }
    // cAdvisor stamps its samples: rates over the kubelet's own interval are exact even when
    // the scrape took long to arrive.
    if (timeMs == 0)
        timeMs = nowMs;
    state.disks.add(timeMs, devices, out);
    state.pressure.add(timeMs, pressure, out);
    return {};
}

} // namespace nt
