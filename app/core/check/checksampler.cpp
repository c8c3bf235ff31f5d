#include "check/checksampler.h"

#include "check/stepcommon.h"
#include "kube/kubeclient.h"
#include "metrics/textformat.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <QDateTime>
#include <QUrl>

namespace nt {

struct CheckSampler::NodeState {
    CounterRate runtimeErrors, evictions, startErrors;
    CounterRate reads, writes, readBytes, writeBytes, ioWeighted, ioTime, psiIoWaiting;
    std::vector<HistogramBucket> pleg;
    double allocCpuCores = 0, allocMemoryBytes = 0;
};

namespace {

double sum(const ParseResult &r, std::string_view name, const Label *match = nullptr) {
    const Family *f = r.family(name);
    if (!f)
        return NAN;
    double total = 0;
    bool any = false;
    for (quint32 i : f->samples) {
        const Sample &s = r.samples[i];
        if (s.kind != SampleKind::Plain)
            continue;
        if (match) {
            const auto v = s.label(match->name);
            if (!v || *v != match->value)
                continue;
        }
        total += s.value;
        any = true;
    }
    return any ? total : NAN;
}

std::optional<double> number(const nlohmann::json &j, std::initializer_list<const char *> path) {
    const nlohmann::json *at = &j;
    for (const char *key : path) {
        if (!at->is_object() || !at->contains(key))
            return std::nullopt;
        at = &(*at)[key];
    }
    if (!at->is_number())
        return std::nullopt;
    return at->get<double>();
}

} // namespace

CheckSampler::CheckSampler(KubeClient &client, std::shared_ptr<MetricStore> store,
                           const QList<Node> &nodes, CheckSources sources)
    : m_client(client)
    , m_store(std::move(store))
    , m_nodes(nodes)
    , m_sources(sources) {
    for (const Node &n : m_nodes) {
        m_store->addNode(n.meta.name);
        NodeState &s = state(n.meta.name);
        s.allocCpuCores = n.allocatable.value(QStringLiteral("cpu")).toDouble();
        s.allocMemoryBytes = n.allocatable.value(QStringLiteral("memory")).toDouble();
    }
}

CheckSampler::~CheckSampler() = default;

CheckSampler::NodeState &CheckSampler::state(const QString &node) {
    auto &slot = m_states[node];
    if (!slot) {
        slot = std::make_shared<NodeState>();
        slot->runtimeErrors = slot->evictions = slot->startErrors = CounterRate();
    }
    return *slot;
}

void CheckSampler::put(const QString &node, Metric metric, qint64 timeMs, double value) {
    if (!std::isfinite(value))
        return;
    if (const auto id = m_store->findNode(node))
        m_batch.push_back(StoreSample{*id, metric, timeMs, value});
}

void CheckSampler::ingestKubeletMetrics(const QString &node, qint64 timeMs,
                                        const QByteArray &text) {
    const ParseResult r = parseTextFormat(text);
    NodeState &s = state(node);
    const auto rate = [&](CounterRate &c, double v, Metric m) {
        if (!std::isfinite(v))
            return;
        if (const auto out = c.add(timeMs, v).value)
            put(node, m, timeMs, *out);
    };
    rate(s.runtimeErrors, sum(r, "kubelet_runtime_operations_errors_total"),
         Metric::KubeletRuntimeErrorsPerSec);
    rate(s.evictions, sum(r, "kubelet_evictions"), Metric::KubeletEvictionsPerSec);
    const double pods = sum(r, "kubelet_started_pods_errors_total");
    const double containers = sum(r, "kubelet_started_containers_errors_total");
    if (std::isfinite(pods) || std::isfinite(containers))
        rate(s.startErrors,
             (std::isfinite(pods) ? pods : 0) + (std::isfinite(containers) ? containers : 0),
             Metric::KubeletStartErrorsPerSec);
    const double start = sum(r, "process_start_time_seconds");
    if (std::isfinite(start))
        put(node, Metric::KubeletUptimeSeconds, timeMs, double(timeMs) / 1000.0 - start);
    put(node, Metric::KubeletRunningPods, timeMs, sum(r, "kubelet_running_pods"));
    std::vector<HistogramBucket> pleg = histogramBuckets(r, "kubelet_pleg_relist_duration_seconds");
    if (!pleg.empty()) {
        if (!s.pleg.empty()) {
            if (const auto p99 = histogramQuantile(0.99, histogramIncrease(s.pleg, pleg)))
                put(node, Metric::KubeletPlegRelistP99Seconds, timeMs, *p99);
        }
        s.pleg = std::move(pleg);
    }
}

void CheckSampler::ingestCadvisor(const QString &node, qint64 timeMs, const QByteArray &text) {
    // Only the root cgroup (id="/") is the whole node; every container's series would cost
    // memory for nothing here.
    const ParseResult r =
        parseTextFormat(text, [](std::string_view, std::span<const Label> labels) {
            for (const Label &l : labels) {
                if (l.name == "id")
                    return l.value == "/";
            }
            return true;
        });
    NodeState &s = state(node);
    const Label root{"id", "/"};
    const auto rate = [&](CounterRate &c, double v, Metric m, double scale) {
        if (!std::isfinite(v))
            return;
        if (const auto out = c.add(timeMs, v).value)
            put(node, m, timeMs, *out * scale);
    };
    rate(s.reads, sum(r, "container_fs_reads_total", &root), Metric::ReadIops, 1);
    rate(s.writes, sum(r, "container_fs_writes_total", &root), Metric::WriteIops, 1);
    rate(s.readBytes, sum(r, "container_fs_reads_bytes_total", &root), Metric::ReadBytesPerSec, 1);
    rate(s.writeBytes, sum(r, "container_fs_writes_bytes_total", &root), Metric::WriteBytesPerSec,
         1);
    // rate(io_time_weighted) is the average queue (node-mixin's saturation); rate(io_time) the
    // share of time the disk was busy.
    rate(s.ioWeighted, sum(r, "container_fs_io_time_weighted_seconds_total", &root),
         Metric::QueueDepth, 1);
    rate(s.ioTime, sum(r, "container_fs_io_time_seconds_total", &root), Metric::DiskUtilPercent,
         100);
    rate(s.psiIoWaiting, sum(r, "container_pressure_io_waiting_seconds_total", &root),
         Metric::PsiIoSomeAvg10, 100);
}

void CheckSampler::ingestSummary(const QString &node, qint64 timeMs, const QByteArray &body) {
    const nlohmann::json j =
        nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (!j.is_object())
        return;
    const NodeState &s = state(node);
    if (const auto nano = number(j, {"node", "cpu", "usageNanoCores"}); nano && s.allocCpuCores > 0)
        put(node, Metric::CpuPercent, timeMs, *nano / 1e9 / s.allocCpuCores * 100);
    if (const auto ws = number(j, {"node", "memory", "workingSetBytes"});
        ws && s.allocMemoryBytes > 0)
        put(node, Metric::MemoryPercent, timeMs, *ws / s.allocMemoryBytes * 100);
    const auto maxpid = number(j, {"node", "rlimit", "maxpid"});
    const auto curproc = number(j, {"node", "rlimit", "curproc"});
    if (curproc)
        put(node, Metric::PidsUsed, timeMs, *curproc);
    if (maxpid && curproc && *maxpid > 0)
        put(node, Metric::PidPercent, timeMs, *curproc / *maxpid * 100);
    const auto used = number(j, {"node", "fs", "usedBytes"});
    const auto cap = number(j, {"node", "fs", "capacityBytes"});
    if (used && cap && *cap > 0)
        put(node, Metric::FsPercent, timeMs, *used / *cap * 100);
    if (const auto io = number(j, {"node", "io", "psi", "some", "avg10"}))
        put(node, Metric::PsiIoSomeAvg10, timeMs, *io);
}

void CheckSampler::sampleOnce() {
    struct Pending {
        QString node;
        int kind; // 0 metrics, 1 cadvisor, 2 summary
        QFuture<KubeResponse> future;
    };
    // One try per node and round, bounded by the interval: a dead kubelet answers 503 and the
    // next round asks again, while retries with backoff would stall the whole round on it.
    const auto scrape = [this](const QString &node, const char *subpath, bool json) {
        KubeRequest r;
        r.path =
            QStringLiteral("/api/v1/nodes/%1/proxy/%2")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(node)), QLatin1String(subpath));
        r.timeoutMs = m_timeoutMs;
        r.retryable = false;
        r.expectJson = json;
        r.accept = json ? QByteArray("application/json") : QByteArray("text/plain, */*");
        return m_client.send(std::move(r));
    };
    std::vector<Pending> pending;
    for (const Node &n : m_nodes) {
        if (m_sources.kubeletMetrics)
            pending.push_back({n.meta.name, 0, scrape(n.meta.name, "metrics", false)});
        if (m_sources.cadvisor)
            pending.push_back({n.meta.name, 1, scrape(n.meta.name, "metrics/cadvisor", false)});
        if (m_sources.summary)
            pending.push_back({n.meta.name, 2, scrape(n.meta.name, "stats/summary", true)});
    }
    for (Pending &p : pending) {
        const KubeResponse r = p.future.result();
        // The time the answer is about: the server's clock would be better, but every node's
        // scrape is judged against its own previous one, so the local clock's pace is enough.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!r.ok()) {
            if (p.kind == 0)
                m_kubeletErrors.insert(p.node, responseError(r));
            else if (p.kind == 1)
                m_cadvisorErrors.insert(p.node, responseError(r));
            continue;
        }
        if (p.kind == 0) {
            m_kubeletErrors.remove(p.node);
            ingestKubeletMetrics(p.node, now, r.body);
        } else if (p.kind == 1) {
            m_cadvisorErrors.remove(p.node);
            ingestCadvisor(p.node, now, r.body);
        } else {
            ingestSummary(p.node, now, r.body);
        }
        if (m_batch.size() > 4096) {
            m_store->ingest(m_batch);
            m_batch.clear();
        }
    }
    m_store->ingest(m_batch);
    m_batch.clear();
    ++m_rounds;
}

} // namespace nt
