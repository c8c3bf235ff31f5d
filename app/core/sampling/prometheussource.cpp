#include "sampling/prometheussource.h"

#include "sampling/httpfetch.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <nlohmann/json.hpp>

#include <cmath>

namespace nt {

namespace {

// Whole disks only (no partitions, device-mapper or md on top), as isWholeDisk() decides.
constexpr const char *WholeDisk = R"(device=~"(s|v|xv|h)d[a-z]+|nvme[0-9]+n[0-9]+|mmcblk[0-9]+")";

QString expressions(const QString &window) {
    const QString disk = QLatin1String(WholeDisk);
    const QString cores =
        QStringLiteral("count by (instance) (node_cpu_seconds_total{mode=\"idle\"})");
    auto diskRate = [&](const char *counter) {
        return QStringLiteral("sum by (instance) (rate(%1{%2}[%3]))")
            .arg(QLatin1String(counter), disk, window);
    };
    auto diskMax = [&](const char *counter) {
        return QStringLiteral("max by (instance) (rate(%1{%2}[%3]))")
            .arg(QLatin1String(counter), disk, window);
    };
    const QList<std::pair<const char *, QString>> list = {
        {"cpuPercent",
         QStringLiteral("100 * (1 - sum by (instance) "
                        "(rate(node_cpu_seconds_total{mode=~\"idle|iowait|steal\"}[%1])) / %2)")
             .arg(window, cores)},
        {"iowaitPercent",
         QStringLiteral(
             "100 * sum by (instance) (rate(node_cpu_seconds_total{mode=\"iowait\"}[%1])) / %2")
             .arg(window, cores)},
        {"memoryPercent",
         QStringLiteral("100 * (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)")},
        {"memoryWorkingSetBytes",
         QStringLiteral("node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes")},
        {"load1PerCore", QStringLiteral("node_load1 / on (instance) %1").arg(cores)},
        {"pidsUsed", QStringLiteral("node_processes_pids")},
        {"pidsMax", QStringLiteral("node_processes_max_processes")},
        {"pidPercent", QStringLiteral("100 * node_processes_pids / node_processes_max_processes")},
        {"fsPercent", QStringLiteral("100 * (1 - node_filesystem_avail_bytes{mountpoint=\"/\"} / "
                                     "node_filesystem_size_bytes{mountpoint=\"/\"})")},
        {"readIops", diskRate("node_disk_reads_completed_total")},
        {"writeIops", diskRate("node_disk_writes_completed_total")},
        {"readBytesPerSec", diskRate("node_disk_read_bytes_total")},
        {"writeBytesPerSec", diskRate("node_disk_written_bytes_total")},
        {"avgIoSizeBytes",
         QStringLiteral("(%1 + %2) / (%3 + %4)")
             .arg(diskRate("node_disk_read_bytes_total"), diskRate("node_disk_written_bytes_total"),
                  diskRate("node_disk_reads_completed_total"),
                  diskRate("node_disk_writes_completed_total"))},
        {"diskUtilPercent",
         QStringLiteral("100 * %1").arg(diskMax("node_disk_io_time_seconds_total"))},
        {"queueDepth", diskMax("node_disk_io_time_weighted_seconds_total")},
        {"psiCpuSomeAvg10",
         QStringLiteral("100 * rate(node_pressure_cpu_waiting_seconds_total[%1])").arg(window)},
        {"psiMemorySomeAvg10",
         QStringLiteral("100 * rate(node_pressure_memory_waiting_seconds_total[%1])").arg(window)},
        {"psiMemoryFullAvg10",
         QStringLiteral("100 * rate(node_pressure_memory_stalled_seconds_total[%1])").arg(window)},
        {"psiIoSomeAvg10",
         QStringLiteral("100 * rate(node_pressure_io_waiting_seconds_total[%1])").arg(window)},
        {"psiIoFullAvg10",
         QStringLiteral("100 * rate(node_pressure_io_stalled_seconds_total[%1])").arg(window)},
        {"uname", QStringLiteral("node_uname_info")},
    };
    QStringList parts;
    for (const auto &[key, expr] : list)
        parts << QStringLiteral("label_replace(%1, \"nt_metric\", \"%2\", \"\", \"\")")
                     .arg(expr, QLatin1String(key));
    return parts.join(QStringLiteral(" or "));
}

std::optional<double> parseValue(const nlohmann::json &pair, qint64 *timeMs) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number() || !pair[1].is_string())
        return std::nullopt;
    if (timeMs)
        *timeMs = qint64(std::llround(pair[0].get<double>() * 1000.0));
    bool ok = false;
    const double v = QString::fromStdString(pair[1].get<std::string>()).toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

QString encoded(const QString &text) {
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString labelOf(const nlohmann::json &metric, const char *name) {
    auto it = metric.find(name);
    return it != metric.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                 : QString();
}

// Which node a result belongs to: its `node` label, the nodename node_uname_info gives for its
// instance, or the instance's host being a node's InternalIP (or name).
class NodeMapper {
public:
    NodeMapper(const QList<SamplingTarget> &targets, const nlohmann::json &results) {
        for (const SamplingTarget &t : targets) {
            m_names.insert(t.name);
            if (!t.internalIp.isEmpty() && !m_byIp.contains(t.internalIp))
                m_byIp.insert(t.internalIp, t.name);
        }
        for (const nlohmann::json &r : results) {
            const nlohmann::json &m = r["metric"];
            if (labelOf(m, "nt_metric") == QLatin1String("uname")) {
                const QString nodename = labelOf(m, "nodename");
                if (m_names.contains(nodename))
                    m_unames.insert(labelOf(m, "instance"), nodename);
            }
        }
    }
    QString nodeOf(const nlohmann::json &metric) const {
        if (const QString node = labelOf(metric, "node"); m_names.contains(node))
            return node;
        const QString instance = labelOf(metric, "instance");
        if (const QString node = m_unames.value(instance); !node.isEmpty())
            return node;
        QString host = instance;
        if (host.startsWith(QLatin1Char('['))) // [::1]:9100
            host = host.mid(1, host.indexOf(QLatin1Char(']')) - 1);
        else if (host.count(QLatin1Char(':')) == 1)
            host = host.left(host.indexOf(QLatin1Char(':')));
        if (const QString node = m_byIp.value(host); !node.isEmpty())
            return node;
        return m_names.contains(host) ? host : QString();
    }

private:
    QSet<QString> m_names;
    QHash<QString, QString> m_byIp, m_unames;
};

QString checkAnswer(const nlohmann::json &json, const char *type) {
    if (json.is_discarded() || !json.is_object())
        return QCoreApplication::translate("Sampling", "The Prometheus answer is not JSON.");
    if (json.value("status", std::string()) != "success")
        return QCoreApplication::translate("Sampling", "Prometheus refused the query: %1.")
            .arg(QString::fromStdString(json.value("error", std::string("no reason given"))));
    const auto data = json.find("data");
    if (data == json.end() || !data->is_object() ||
        data->value("resultType", std::string()) != type || !(*data)["result"].is_array())
        return QCoreApplication::translate("Sampling", "The Prometheus answer holds no %1 result.")
            .arg(QLatin1String(type));
    return {};
}

} // namespace

PrometheusSource::PrometheusSource(QNetworkAccessManager *network, QUrl url, QString bearerToken,
                                   int timeoutMs, int intervalMs, int stepSeconds)
    : m_network(network)
    , m_url(std::move(url))
    , m_token(std::move(bearerToken))
    , m_timeoutMs(timeoutMs)
    , m_intervalMs(intervalMs)
    , m_stepSeconds(stepSeconds) {}

int PrometheusSource::stepSeconds() const {
    return m_stepSeconds > 0 ? m_stepSeconds : std::max(15, m_intervalMs / 1000);
}

QString PrometheusSource::query() const {
    // rate() needs two scrapes inside its window: 1 min covers scrape intervals up to 30 s
    // (Azure Monitor managed Prometheus scrapes every 30 s by default).
    const int windowS = std::max(60, 4 * m_intervalMs / 1000);
    return expressions(QStringLiteral("%1s").arg(windowS));
}

Fetch PrometheusSource::fetch(const SamplingTarget *, const QList<SamplingTarget> &) {
    QUrl url = m_url;
    url.setPath(url.path().remove(QRegularExpression(QStringLiteral("/+$"))) +
                QStringLiteral("/api/v1/query"));
    // Encoded by hand: QUrlQuery leaves '+' alone, which Prometheus would read as a space.
    url.setQuery(QStringLiteral("query=") + encoded(query()), QUrl::StrictMode);
    return httpFetch(m_network, url, m_timeoutMs,
                     QCoreApplication::translate("Sampling", "Prometheus at %1")
                         .arg(m_url.toDisplayString(QUrl::RemoveUserInfo)),
                     m_token);
}

Fetch PrometheusSource::fetchRange(qint64 endMs, int seconds) {
    QUrl url = m_url;
    url.setPath(url.path().remove(QRegularExpression(QStringLiteral("/+$"))) +
                QStringLiteral("/api/v1/query_range"));
    // One arg() call: the encoded query is full of "%2..." that a chained arg() would replace.
    url.setQuery(QStringLiteral("start=%1&end=%2&step=%3&query=%4")
                     .arg(QString::number(endMs / 1000 - seconds), QString::number(endMs / 1000),
                          QString::number(stepSeconds()), encoded(query())),
                 QUrl::StrictMode);
    return httpFetch(m_network, url, m_timeoutMs * 2,
                     QCoreApplication::translate("Sampling", "Prometheus at %1")
                         .arg(m_url.toDisplayString(QUrl::RemoveUserInfo)),
                     m_token);
}

QString PrometheusSource::decode(const SamplingTarget *, const QList<SamplingTarget> &targets,
                                 const FetchResult &result, qint64, NodeGauges &out) {
    const nlohmann::json json =
        nlohmann::json::parse(result.body.constBegin(), result.body.constEnd(), nullptr, false);
    if (QString error = checkAnswer(json, "vector"); !error.isEmpty())
        return error;
    const nlohmann::json &results = json["data"]["result"];
    const NodeMapper mapper(targets, results);
    for (const nlohmann::json &r : results) {
        if (!r.is_object() || !r.contains("metric") || !r["metric"].is_object())
            continue;
        const auto metric = metricFromKey(labelOf(r["metric"], "nt_metric").toStdString());
        if (!metric)
            continue;
        const QString node = mapper.nodeOf(r["metric"]);
        if (node.isEmpty())
            continue;
        if (auto v = parseValue(r.value("value", nlohmann::json()), nullptr))
            out[node].push_back({*metric, *v});
    }
    return {};
}

QString PrometheusSource::decodeRange(const QList<SamplingTarget> &targets,
                                      const FetchResult &result, NodeHistory &out) {
    const nlohmann::json json =
        nlohmann::json::parse(result.body.constBegin(), result.body.constEnd(), nullptr, false);
    if (QString error = checkAnswer(json, "matrix"); !error.isEmpty())
        return error;
    const nlohmann::json &results = json["data"]["result"];
    const NodeMapper mapper(targets, results);
    for (const nlohmann::json &r : results) {
        if (!r.is_object() || !r.contains("metric") || !r["metric"].is_object() ||
            !r.contains("values") || !r["values"].is_array())
            continue;
        const auto metric = metricFromKey(labelOf(r["metric"], "nt_metric").toStdString());
        if (!metric)
            continue;
        const QString node = mapper.nodeOf(r["metric"]);
        if (node.isEmpty())
            continue;
        std::vector<TimedGauge> &points = out[node];
        for (const nlohmann::json &pair : r["values"]) {
            qint64 timeMs = 0;
            if (auto v = parseValue(pair, &timeMs))
                points.push_back({timeMs, {*metric, *v}});
        }
    }
    return {};
}

} // namespace nt
