#include "sampling/samplingworker.h"

#include "sampling/cadvisorsource.h"
#include "sampling/kubeletmetricssource.h"
#include "sampling/kubeletsummarysource.h"
#include "sampling/nodeexportersource.h"
#include "sampling/nodemetricssource.h"
#include "sampling/procsshsource.h"
#include "sampling/prometheussource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QNetworkAccessManager>

#include <algorithm>

namespace nt {

namespace {

constexpr int MinRoundGapMs = 100; // never more than ~10 rounds (signals) per second
constexpr qint64 MaxBackoffMs = 5 * 60 * 1000;
constexpr int BackfillSeconds = 3600;
constexpr int KubeletMetricsPeriodMs = 60000; // outside the focus, by default

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

bool isProxySource(SourceKind kind) {
    return kind == SourceKind::KubeletSummary || kind == SourceKind::KubeletMetrics ||
           kind == SourceKind::KubeletCadvisor;
}

} // namespace

SamplingWorker::SamplingWorker(KubeClient *client, std::shared_ptr<MetricStore> store)
    : m_client(client)
    , m_store(std::move(store))
    , m_timer(this) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SamplingWorker::beginRound);
}

SamplingWorker::~SamplingWorker() {
    stop();
}

void SamplingWorker::setConfig(const SamplingConfig &config) {
    const bool wasRunning = m_running;
    if (wasRunning)
        stop();
    m_config = config;
    m_config.intervalMs = std::clamp(m_config.intervalMs, 1000, 60000);
    m_config.maxInFlight = std::max(1, m_config.maxInFlight);
    if (m_config.kubeletMetricsEveryRounds <= 0)
        m_config.kubeletMetricsEveryRounds =
            std::max(1, (KubeletMetricsPeriodMs + m_config.intervalMs - 1) / m_config.intervalMs);
    // New series get tiers sized to the interval (no 1 s tier when sampling every 10 s).
    m_store->setSampleInterval(m_config.intervalMs / 1000);
    m_sources.clear();
    if (wasRunning)
        start();
}

void SamplingWorker::setTargets(const QList<SamplingTarget> &targets) {
    QSet<QString> names;
    for (const SamplingTarget &t : targets)
        names.insert(t.name);
    for (const SamplingTarget &old : std::as_const(m_targets)) {
        if (names.contains(old.name))
            continue;
        if (auto id = m_store->findNode(old.name))
            m_store->removeNode(*id);
        for (const auto &source : m_sources)
            source->forget(old.name);
        m_backoff.remove(old.name);
        QMutexLocker lock(&m_snapshotLock);
        m_states.remove(old.name);
    }
    m_targets = targets;
}

void SamplingWorker::setFocus(const QStringList &nodes) {
    m_focus = QSet<QString>(nodes.begin(), nodes.end());
}

void SamplingWorker::buildSources() {
    m_sources.clear();
    m_summary = m_kubeletMetrics = m_cadvisor = m_nodeMetrics = m_nodeExporter = m_procSsh =
        nullptr;
    m_prometheus = nullptr;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    const int timeout = m_config.requestTimeoutMs;
    auto add = [this](std::unique_ptr<SampleSource> source) {
        m_sources.push_back(std::move(source));
        return m_sources.back().get();
    };
    if (m_client) {
        if (m_config.kubeletSummary)
            m_summary = add(std::make_unique<KubeletSummarySource>(m_client, timeout));
        if (m_config.kubeletMetrics)
            m_kubeletMetrics = add(std::make_unique<KubeletMetricsSource>(m_client, timeout));
        if (m_config.cadvisorForFocus)
            m_cadvisor = add(std::make_unique<CadvisorSource>(m_client, timeout));
        if (m_config.nodeMetricsFallback)
            m_nodeMetrics = add(std::make_unique<NodeMetricsSource>(m_client, timeout));
    }
    if (!m_config.nodeExporterUrls.isEmpty())
        m_nodeExporter = add(
            std::make_unique<NodeExporterSource>(m_network, m_config.nodeExporterUrls, timeout));
    if (!m_config.procOverSsh.isEmpty())
        m_procSsh = add(std::make_unique<ProcSshSource>(m_config.procOverSsh, timeout));
    if (m_config.prometheusUrl.isValid() && !m_config.prometheusUrl.isEmpty()) {
        auto prometheus = std::make_unique<PrometheusSource>(
            m_network, m_config.prometheusUrl, m_config.prometheusBearerToken, timeout,
            m_config.intervalMs, m_config.prometheusStepSeconds);
        m_prometheus = prometheus.get();
        add(std::move(prometheus));
    }
}

void SamplingWorker::start() {
    if (m_running)
        return;
    m_running = true;
    if (m_sources.empty())
        buildSources();
    if (m_prometheus && m_config.prometheusBackfill)
        startBackfill();
    else
        beginRound();
}

void SamplingWorker::stop() {
    m_running = false;
    ++m_generation;
    m_timer.stop();
    clearInFlight();
    m_round = Round();
}

void SamplingWorker::clearInFlight() {
    for (InFlight &f : m_inFlight) {
        delete f.watcher; // no callback from it any more
        if (f.fetch.cancel)
            f.fetch.cancel();
    }
    m_inFlight.clear();
    QMutexLocker lock(&m_snapshotLock);
    m_stats.inFlight = 0;
}

void SamplingWorker::beginRound() {
    if (!m_running || m_round.active)
        return;
    const quint64 number = ++m_roundNumber;
    ++m_generation;
    m_round = Round();
    m_round.active = true;
    m_round.info.number = number;
    m_round.info.startedMs = nowMs();
    m_round.targets = m_targets;
    for (int i = 0; i < m_round.targets.size(); ++i) {
        const SamplingTarget &t = m_round.targets.at(i);
        if (m_backoff.value(t.name).nextRound > number)
            continue; // backing off: this node failed lately
        m_round.attempted.insert(t.name);
        if (!m_proxyForbidden) {
            if (m_summary)
                m_round.jobs.push_back({m_summary, i});
            const auto every = quint64(m_config.kubeletMetricsEveryRounds);
            if (m_kubeletMetrics &&
                (every <= 1 || (number + quint64(i)) % every == 0 || m_focus.contains(t.name)))
                m_round.jobs.push_back({m_kubeletMetrics, i});
            if (m_cadvisor && m_focus.contains(t.name))
                m_round.jobs.push_back({m_cadvisor, i});
        }
        if (m_nodeExporter && m_nodeExporter->covers(t))
            m_round.jobs.push_back({m_nodeExporter, i});
        if (m_procSsh && m_procSsh->covers(t))
            m_round.jobs.push_back({m_procSsh, i});
    }
    if (m_proxyForbidden && m_nodeMetrics && !m_round.targets.isEmpty())
        m_round.jobs.push_back({m_nodeMetrics, -1});
    if (m_prometheus && !m_round.targets.isEmpty())
        m_round.jobs.push_back({m_prometheus, -1});
    pump();
    if (m_round.outstanding == 0)
        finishRound();
}

void SamplingWorker::pump() {
    while (m_round.next < m_round.jobs.size() && int(m_inFlight.size()) < m_config.maxInFlight)
        startJob(m_round.next++);
}

void SamplingWorker::startJob(size_t index) {
    const Job &job = m_round.jobs[index];
    const SamplingTarget *target = job.target >= 0 ? &m_round.targets.at(job.target) : nullptr;
    InFlight f;
    f.fetch = job.source->fetch(target, m_round.targets);
    f.watcher = new QFutureWatcher<FetchResult>(this);
    const quint64 generation = m_generation;
    connect(f.watcher, &QFutureWatcherBase::finished, this, [this, generation, index] {
        const auto it = m_inFlight.find(index);
        if (it == m_inFlight.end())
            return;
        QFutureWatcher<FetchResult> *watcher = it->watcher;
        FetchResult result;
        if (watcher->future().resultCount() > 0)
            result = watcher->future().result();
        else
            result.error = KubeErrorKind::Canceled;
        m_inFlight.erase(it);
        watcher->deleteLater();
        jobDone(generation, index, result);
    });
    m_inFlight.insert(index, f);
    ++m_round.outstanding;
    {
        QMutexLocker lock(&m_snapshotLock);
        ++m_stats.requests;
        m_stats.inFlight = int(m_inFlight.size());
        m_stats.maxInFlightSeen = std::max(m_stats.maxInFlightSeen, m_stats.inFlight);
    }
    f.watcher->setFuture(f.fetch.result);
}

void SamplingWorker::jobDone(quint64 generation, size_t index, const FetchResult &result) {
    if (generation != m_generation || !m_round.active)
        return;
    --m_round.outstanding;
    const Job job = m_round.jobs[index];
    const SamplingTarget *target = job.target >= 0 ? &m_round.targets.at(job.target) : nullptr;
    const SourceKind kind = job.source->kind();
    {
        QMutexLocker lock(&m_snapshotLock);
        m_stats.inFlight = int(m_inFlight.size());
        if (!result.ok())
            ++m_stats.failures;
    }
    if (result.ok()) {
        const QString error = job.source->decode(target, m_round.targets, result,
                                                 m_round.info.startedMs, m_round.gauges);
        if (!error.isEmpty()) {
            if (target)
                m_round.nodeErrors.insert(target->name, error);
            else
                setSourceProblem(kind, error);
        } else if (target) {
            m_round.delivered[target->name].append(kind);
        } else {
            setSourceProblem(kind, {});
            for (auto it = m_round.gauges.cbegin(); it != m_round.gauges.cend(); ++it) {
                if (!m_round.delivered[it.key()].contains(kind))
                    m_round.delivered[it.key()].append(kind);
            }
        }
    } else if (result.error == KubeErrorKind::Forbidden && isProxySource(kind)) {
        // RBAC denies nodes/proxy for this user (all nodes alike): fall back to metrics.k8s.io
        // for CPU and memory, in this very round.
        if (!m_proxyForbidden) {
            m_proxyForbidden = true;
            {
                QMutexLocker lock(&m_snapshotLock);
                m_stats.proxyForbidden = true;
            }
            setSourceProblem(kind, QCoreApplication::translate(
                                       "Sampling", "%1 Sampling CPU and memory from metrics.k8s.io "
                                                   "instead.")
                                       .arg(result.message));
            if (m_nodeMetrics) {
                m_round.jobs.push_back({m_nodeMetrics, -1});
            }
        }
    } else if (target) {
        if (!m_round.nodeErrors.contains(target->name))
            m_round.nodeErrors.insert(target->name,
                                      QCoreApplication::translate(
                                          "Sampling", "Sampling node %1 through the %2 failed: %3")
                                          .arg(target->name, sourceName(kind), result.message));
    } else {
        setSourceProblem(kind, result.message);
    }
    pump();
    if (m_round.outstanding == 0 && m_round.next == m_round.jobs.size())
        finishRound();
}

void SamplingWorker::setSourceProblem(SourceKind kind, const QString &message) {
    if (m_sourceProblems.value(kind) == message)
        return;
    m_sourceProblems.insert(kind, message);
    emit sourceProblem(kind, message);
}

void SamplingWorker::finishRound() {
    Round &round = m_round;
    // One batch, one write lock. All values of a round carry its start time, so a node's
    // figures line up in the same bucket whatever order the answers came in.
    std::vector<StoreSample> batch;
    for (auto it = round.gauges.cbegin(); it != round.gauges.cend(); ++it) {
        if (it->empty())
            continue;
        const NodeId id = m_store->addNode(it.key());
        for (const Gauge &g : *it)
            batch.push_back({id, g.metric, round.info.startedMs, g.value});
        round.info.nodesWithData.append(it.key());
    }
    round.info.samplesStored = m_store->ingest(batch);
    round.info.nodesSampled = int(round.info.nodesWithData.size());
    round.info.finishedMs = nowMs();

    // Per-node failure bookkeeping: one nodeProblem when a node starts failing (and when it
    // recovers), exponential backoff while it keeps failing.
    QList<std::pair<QString, QString>> problems;
    const qint64 interval = m_config.intervalMs;
    const quint64 maxSkip = quint64(std::max<qint64>(1, MaxBackoffMs / interval));
    {
        QMutexLocker lock(&m_snapshotLock);
        for (const QString &node : std::as_const(round.attempted)) {
            NodeSamplingState &state = m_states[node];
            state.node = node;
            NodeBackoff &backoff = m_backoff[node];
            const QString error = round.nodeErrors.value(node);
            if (!error.isEmpty()) {
                ++round.info.nodesFailed;
                ++backoff.failures;
                const quint64 skip =
                    std::min<quint64>(quint64(1) << std::min(backoff.failures - 1, 20), maxSkip);
                backoff.nextRound = round.info.number + skip + 1;
                if (state.lastError.isEmpty())
                    problems.append({node, error});
                state.lastError = error;
                state.consecutiveFailures = backoff.failures;
                state.nextAttemptMs = round.info.startedMs + qint64(skip + 1) * interval;
            } else {
                if (!state.lastError.isEmpty())
                    problems.append({node, QString()});
                state.lastError.clear();
                state.consecutiveFailures = 0;
                state.nextAttemptMs = 0;
                backoff = NodeBackoff();
            }
            state.sources = round.delivered.value(node);
        }
        // Nodes reached only by cluster-wide sources.
        for (auto it = round.delivered.cbegin(); it != round.delivered.cend(); ++it) {
            if (!round.attempted.contains(it.key())) {
                m_states[it.key()].node = it.key();
                m_states[it.key()].sources = *it;
            }
        }
        ++m_stats.rounds;
        m_stats.samplesStored += quint64(round.info.samplesStored);
    }
    const SamplingRound info = round.info;
    round.active = false;
    round.gauges.clear();
    for (const auto &[node, message] : problems)
        emit nodeProblem(node, message);
    emit roundFinished(info);
    scheduleNext();
}

void SamplingWorker::scheduleNext() {
    if (!m_running)
        return;
    const qint64 due = m_round.info.startedMs + m_config.intervalMs;
    m_timer.start(int(std::max<qint64>(MinRoundGapMs, due - nowMs())));
}

void SamplingWorker::startBackfill() {
    const quint64 generation = ++m_generation;
    InFlight f;
    f.fetch = m_prometheus->fetchRange(nowMs(), BackfillSeconds);
    f.watcher = new QFutureWatcher<FetchResult>(this);
    const size_t key = size_t(-1);
    connect(f.watcher, &QFutureWatcherBase::finished, this, [this, generation, key] {
        const auto it = m_inFlight.find(key);
        if (it == m_inFlight.end())
            return;
        QFutureWatcher<FetchResult> *watcher = it->watcher;
        FetchResult result;
        if (watcher->future().resultCount() > 0)
            result = watcher->future().result();
        else
            result.error = KubeErrorKind::Canceled;
        m_inFlight.erase(it);
        watcher->deleteLater();
        backfillDone(generation, result);
    });
    m_inFlight.insert(key, f);
    {
        QMutexLocker lock(&m_snapshotLock);
        ++m_stats.requests;
    }
    f.watcher->setFuture(f.fetch.result);
}

void SamplingWorker::backfillDone(quint64 generation, const FetchResult &result) {
    if (generation != m_generation || !m_running)
        return;
    QString error = result.ok() ? QString() : result.message;
    int nodes = 0, samples = 0;
    if (result.ok()) {
        NodeHistory history;
        error = m_prometheus->decodeRange(m_targets, result, history);
        // The store takes each series in time order: sort, then one batch.
        std::vector<StoreSample> batch;
        for (auto it = history.cbegin(); it != history.cend(); ++it) {
            if (it->empty())
                continue;
            ++nodes;
            const NodeId id = m_store->addNode(it.key());
            for (const TimedGauge &g : *it)
                batch.push_back({id, g.gauge.metric, g.timeMs, g.gauge.value});
        }
        std::stable_sort(batch.begin(), batch.end(),
                         [](const auto &a, const auto &b) { return a.timeMs < b.timeMs; });
        samples = m_store->ingest(batch);
    }
    emit backfillFinished(nodes, samples, error);
    beginRound();
}

QList<NodeSamplingState> SamplingWorker::nodeStates() const {
    QMutexLocker lock(&m_snapshotLock);
    return m_states.values();
}

SamplingStats SamplingWorker::stats() const {
    QMutexLocker lock(&m_snapshotLock);
    return m_stats;
}

} // namespace nt
