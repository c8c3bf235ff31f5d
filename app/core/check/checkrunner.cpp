#include "check/checkrunner.h"

#include "check/nodevantage.h"
#include "check/stepfive.h"
#include "check/stepfour.h"
#include "check/stepsix.h"
#include "check/stepthree.h"
#include "check/steptwo.h"
#include "check/usagejudge.h"
#include "kube/kubeclient.h"
#include "sampling/samplingengine.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QLocale>
#include <QUrl>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CheckRunner)
};

// HTTP-date ("Sat, 28 Nov 2026 06:00:00 GMT"): the server's clock, so heartbeat ages do not
// depend on how well the workstation's clock is set.
QDateTime httpDate(const KubeResponse &response) {
    const QByteArray value = response.headers.value("date");
    if (value.isEmpty())
        return {};
    QDateTime t = QLocale::c().toDateTime(QString::fromLatin1(value).trimmed(),
                                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!t.isValid())
        return {};
    t.setTimeSpec(Qt::UTC);
    return t;
}

ReadinessSample readinessOf(const Node &node, const QDateTime &at) {
    ReadinessSample sample{at, {}, {}};
    if (const Condition *ready = node.condition(QStringLiteral("Ready"))) {
        sample.status = ready->status;
        sample.lastTransition = ready->lastTransitionTime;
    }
    return sample;
}

} // namespace

CheckRunner::CheckRunner(KubeClient &client, const CheckOptions &options,
                         const QString &contextName)
    : m_client(client)
    , m_options(options)
    , m_context(contextName) {
    m_ctx.cancel = m_cancel;
    m_ctx.onCheck = [this](const QString &check) { announce(m_currentStep, check); };
}

CheckRunner::~CheckRunner() = default;

void CheckRunner::setExternalSamples(ExternalSamples samples) {
    m_external = std::move(samples);
}

void CheckRunner::emitProgress(const CheckProgress &progress) const {
    if (m_progress)
        m_progress(progress);
}

void CheckRunner::announce(int step, const QString &check) const {
    CheckProgress p;
    p.kind = CheckProgress::Kind::Check;
    p.step = step;
    p.text = check;
    emitProgress(p);
}

Result<bool> CheckRunner::sampleNodes() {
    // resourceVersion=0 lets the API server answer from its watch cache instead of etcd: the
    // cheap way to re-list 5000 nodes every few seconds.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("resourceVersion"), QStringLiteral("0"));
    // Nodes are converted page by page on the client's thread: at 5,000 nodes the raw JSON of
    // the whole list would be the biggest thing the check ever holds.
    TypedList<Node> list =
        m_ctx.await(m_client.listAs<Node>(QStringLiteral("/api/v1/nodes"), &Node::fromJson, query));
    if (!list.ok())
        return Error{list.status.errorMessage.isEmpty() ? toString(list.status.error)
                                                        : list.status.errorMessage};
    m_serverNow = httpDate(list.status);
    const QDateTime at = m_serverNow.isValid() ? m_serverNow : QDateTime::currentDateTimeUtc();
    for (const Node &node : list.items)
        m_readiness[node.meta.name].append(readinessOf(node, at));
    m_lastNodes = std::move(list.items);
    return true;
}

StepOutcome CheckRunner::runStepOne(const CheckReport &report, int samples) {
    StepOneInput in;
    in.nodes = report.nodes;
    announce(1, Tr::tr("Listing the nodes' heartbeat leases"));
    const TypedList<Lease> leases = m_ctx.await(m_client.listAs<Lease>(
        QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases"),
        &Lease::fromJson));
    if (leases.ok()) {
        in.leases = QList<Lease>(leases.items.begin(), leases.items.end());
    } else {
        in.leasesError = leases.status.errorMessage.isEmpty() ? toString(leases.status.error)
                                                              : leases.status.errorMessage;
    }
    // The leases' Date is the freshest server time; the nodes' is the fallback.
    const QDateTime leaseNow = httpDate(leases.status);
    in.now = leaseNow.isValid()      ? leaseNow
             : m_serverNow.isValid() ? m_serverNow
                                     : QDateTime::currentDateTimeUtc();
    if (samples > 1)
        in.readiness = m_readiness;
    announce(1, Tr::tr("Judging conditions, taints, heartbeats and readiness"));
    const StepOneResult judged = judgeStepOne(in);
    StepOutcome out;
    out.findings = judged.findings;
    announce(1, Tr::tr("Judging CPU, memory, PIDs and disk usage over the window"));
    out.findings << judgeUsage(report.nodes, *m_store, m_windowFromMs, m_windowToMs);
    QString eventsError;
    announce(1, Tr::tr("Reading the nodes' events"));
    if (const auto events = nodeEvents(&eventsError))
        out.findings << judgeFlapEvents(report.nodes, *events, in.now, out.findings);
    out.notes = judged.notes;
    out.finish(1);
    return out;
}

std::optional<QList<Event>> CheckRunner::nodeEvents(QString *error) {
    if (!m_events) {
        std::optional<QList<Event>> events = listNodeEvents(m_client, &m_eventsError, m_ctx);
        if (m_cancel.isCanceled()) { // not kept: it was cut short
            *error = m_eventsError;
            return events;
        }
        m_events = std::move(events);
    }
    *error = m_eventsError;
    return *m_events;
}

void CheckRunner::ensureNodeVantage(const CheckReport &report, int step) {
    if (m_vantage || !m_options.sshEnabled() || m_cancel.isCanceled())
        return;
    m_vantage.emplace();
    NodeVantageInput in;
    in.nodes = nodesToVisit(report.nodes, report.findings, m_options.sshNodes);
    if (in.nodes.isEmpty())
        return;
    const QUrl server(m_client.access().server);
    in.apiHost = server.host();
    in.apiPort = server.port(443);
    QString source;
    in.fqdn = findApiServerFqdn(m_client, m_options, &source, m_ctx);
    // The kubelet journal since the window's start (whole minutes, rounded up).
    const qint64 since = report.window.start.isValid()
                             ? report.window.start.msecsTo(QDateTime::currentDateTimeUtc())
                             : 0;
    in.journalMinutes = int(since / 60000) + 1;
    announce(step, Tr::tr("Node-side checks over SSH on %n nodes", nullptr, int(in.nodes.size())));
    *m_vantage = runNodeVantage(m_options, in, m_ctx, &m_warnings);
}

StepOutcome CheckRunner::runStep(int number, CheckReport &report) {
    if (number >= 2 && number <= 4)
        ensureNodeVantage(report, number);
    StepOutcome failed;
    failed.status = StepStatus::Error;
    const QDateTime now = m_serverNow.isValid() ? m_serverNow : QDateTime::currentDateTimeUtc();
    QString error;
    switch (number) {
    case 2: {
        std::optional<StepTwoInput> in = gatherStepTwo(m_client, report.nodes, &error, m_ctx);
        if (!in)
            break;
        in->vnetIntegrated = m_options.vnetIntegration;
        in->now = now;
        announce(2, Tr::tr("Classifying the agents' log lines"));
        StepOutcome out = judgeStepTwo(*in);
        if (m_vantage)
            addNodeVantageToStepTwo(*m_vantage, out);
        return out;
    }
    case 3: {
        std::optional<StepThreeInput> in =
            gatherStepThree(m_client, m_options, report.nodes, &error, m_ctx);
        if (!in)
            break;
        if (!error.isEmpty())
            m_warnings << error; // a probe pod that could not be deleted
        if (QHostAddress(m_client.serverHost()).protocol() !=
            QAbstractSocket::UnknownNetworkLayerProtocol)
            report.cluster.apiFqdn = in->fqdn;
        if (m_vantage)
            addNodeVantageToStepThree(*m_vantage, *in);
        announce(3, Tr::tr("Comparing the vantage points"));
        return judgeStepThree(*in);
    }
    case 4: {
        StepFourInput in;
        in.nodes = report.nodes;
        in.store = m_store.get();
        in.fromMs = m_windowFromMs;
        in.toMs = m_windowToMs;
        in.metricsErrors = m_kubeletErrors;
        announce(4, Tr::tr("Reading the nodes' events"));
        if (auto events = nodeEvents(&in.eventsError))
            in.events = *events;
        else
            in.eventsFailed = true;
        in.serverVersion = report.cluster.version;
        in.now = now;
        announce(4, Tr::tr("Judging kubelet errors, PLEG latency, evictions and restarts"));
        StepOutcome out = judgeStepFour(in);
        if (m_vantage)
            addNodeVantageToStepFour(*m_vantage, out);
        if (m_rounds >= 0 && m_rounds < 2)
            out.notes << Tr::tr("One sample only (--duration 0): counter deltas, PLEG latency and "
                                "restarts during the window were not judged.");
        return out;
    }
    case 5: {
        StepFiveInput in;
        in.nodes = report.nodes;
        in.now = now;
        announce(5, Tr::tr("Reading the nodes' events"));
        if (auto events = nodeEvents(&in.eventsError))
            in.events = *events;
        else
            in.eventsFailed = true;
        announce(5, Tr::tr("Judging Node Problem Detector conditions and events"));
        return judgeStepFive(in);
    }
    case 6: {
        StepSixInput in;
        in.nodes = report.nodes;
        in.store = m_store.get();
        in.fromMs = m_windowFromMs;
        in.toMs = m_windowToMs;
        in.ioErrors = m_ioErrors;
        announce(6, Tr::tr("Judging disk IOPS and throughput against each node's cap"));
        return judgeStepSix(in);
    }
    default:
        break;
    }
    failed.notes << Tr::tr("This step could not run: %1").arg(error);
    return failed;
}

void CheckRunner::fillLatest(CheckReport &report) const {
    if (!m_store)
        return;
    static const Metric kLatest[] = {Metric::CpuPercent, Metric::MemoryPercent, Metric::PidPercent,
                                     Metric::FsPercent,  Metric::ReadIops,      Metric::WriteIops};
    for (const Node &n : report.nodes) {
        const auto id = m_store->findNode(n.meta.name);
        if (!id)
            continue;
        QMap<QString, double> values;
        for (Metric m : kLatest) {
            if (const auto v = m_store->latest(*id, m)) {
                const std::string_view key = metricKey(m);
                values.insert(QString::fromLatin1(key.data(), qsizetype(key.size())),
                              std::round(v->value * 10) / 10);
            }
        }
        if (!values.isEmpty())
            report.latest.insert(n.meta.name, values);
    }
}

namespace {

// Per node, why a source's series are missing: the sampler's last problem with the node, for
// the nodes that have no value of `metric` at all (a node that answered is not in error).
QHash<QString, QString> missingWithReason(const MetricStore &store, const std::vector<Node> &nodes,
                                          const QHash<QString, QString> &problems,
                                          std::initializer_list<Metric> metrics) {
    QHash<QString, QString> out;
    for (const Node &n : nodes) {
        const QString reason = problems.value(n.meta.name);
        if (reason.isEmpty())
            continue;
        const auto id = store.findNode(n.meta.name);
        const bool any = id && std::any_of(metrics.begin(), metrics.end(), [&](Metric m) {
                             return store.latest(*id, m).has_value();
                         });
        if (!any)
            out.insert(n.meta.name, reason);
    }
    return out;
}

} // namespace

void CheckRunner::sampleWindow(CheckReport &report, int *samples) {
    // The nodes as first listed are the ones sampled: a node that joins during the window has
    // no history worth judging yet.
    QList<SamplingTarget> targets;
    QStringList names;
    targets.reserve(qsizetype(m_lastNodes.size()));
    for (const Node &n : m_lastNodes) {
        targets << samplingTargetFor(n);
        names << n.meta.name;
    }
    // The sampling engine's headless sampler: the Summary API (usage, `latest`) for every node
    // and round; kubelet /metrics for step 4 and cAdvisor (disk I/O, PSI) for step 6 only when
    // those steps run.
    SamplingConfig config;
    config.intervalMs = m_options.intervalSeconds * 1000;
    config.kubeletSummary = true;
    config.kubeletMetrics = m_options.steps.contains(4);
    config.cadvisorForFocus = m_options.steps.contains(6);
    config.nodeMetricsFallback = true;
    config.prometheusBackfill = false;
    config.maxInFlight = 64;
    // One try per node and round, bounded by the interval: a dead kubelet answers 503 and the
    // engine backs off from it, while retries would stall the whole round on it.
    config.requestTimeoutMs = qBound(2000, m_options.intervalSeconds * 1000, 10000);
    WindowSampler sampler(&m_client, targets, config,
                          config.cadvisorForFocus ? names : QStringList());
    // Rounds at 0, I, 2I... D. "Sustained" needs two rates, so three looks: a window of
    // --duration > 0 always spans at least two intervals. The sampler counts rounds, not time,
    // so rounds slower than the interval stretch the window instead of dropping looks.
    const qint64 intervalMs = qint64(m_options.intervalSeconds) * 1000;
    const qint64 windowMs =
        m_options.durationSeconds > 0
            ? std::max<qint64>(qint64(m_options.durationSeconds) * 1000, 2 * intervalMs)
            : 0;
    QFuture<WindowResult> window = sampler.run(int(std::min<qint64>(windowMs, INT_MAX)));
    m_cancel.wakeOn(window);
    const auto started = std::chrono::steady_clock::now();
    const auto elapsedMs = [&started] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - started)
            .count();
    };
    CheckProgress progress;
    progress.kind = CheckProgress::Kind::Sampling;
    progress.total = int(windowMs / 1000);
    progress.text = Tr::tr("Sampling %n nodes", nullptr, int(targets.size()));
    emitProgress(progress);
    // Meanwhile the node list on the interval's ticks, for readiness over the window. A list
    // slower than the interval skips the ticks it overran instead of piling up.
    qint64 nextTick = intervalMs;
    while (!window.isFinished() && !m_cancel.isCanceled()) {
        const auto tick = started + std::chrono::milliseconds(nextTick);
        if (m_cancel.waitFor([&window] { return window.isFinished(); }, tick))
            break;
        if (m_cancel.isCanceled())
            break;
        const qint64 elapsed = elapsedMs();
        nextTick = (elapsed / intervalMs + 1) * intervalMs;
        if (elapsed <= windowMs) {
            if (Result<bool> again = sampleNodes(); again)
                ++*samples;
            else if (!m_cancel.isCanceled())
                m_warnings
                    << Tr::tr("A node re-list failed and was skipped: %1").arg(again.error());
        }
        progress.done = int(std::min<qint64>(elapsed, windowMs) / 1000);
        emitProgress(progress);
    }
    if (m_cancel.isCanceled()) {
        sampler.cancel();
        return;
    }
    const WindowResult result = window.result();
    m_store = result.store;
    m_rounds = result.rounds;
    // Every value of a round carries the round's start: the window is the rounds' span.
    m_windowFromMs = result.startedMs - 1000;
    m_windowToMs = std::max(result.finishedMs, QDateTime::currentMSecsSinceEpoch()) + 1000;
    m_kubeletErrors = missingWithReason(*m_store, m_lastNodes, result.nodeProblems,
                                        {Metric::KubeletUptimeSeconds, Metric::KubeletRunningPods});
    m_ioErrors = missingWithReason(*m_store, m_lastNodes, result.nodeProblems,
                                   {Metric::ReadIops, Metric::WriteIops, Metric::ReadBytesPerSec});
    report.window.start = QDateTime::fromMSecsSinceEpoch(result.startedMs, Qt::UTC);
    report.window.end = QDateTime::fromMSecsSinceEpoch(result.finishedMs, Qt::UTC);
}

Result<CheckReport> CheckRunner::run() {
    CheckReport report;
    report.cluster.context = m_context;
    report.cluster.server = m_client.access().server;
    m_start = std::chrono::steady_clock::now();
    report.window.start = QDateTime::currentDateTimeUtc();
    report.window.intervalSeconds = m_options.intervalSeconds;

    CheckProgress listing;
    listing.kind = CheckProgress::Kind::Sampling;
    listing.text = Tr::tr("Listing nodes");
    emitProgress(listing);
    QFuture<KubeResponse> version = m_client.version();
    // The first list decides whether the check can run at all: its error is the exit-3 line.
    if (Result<bool> first = sampleNodes(); !first)
        return Error{first.error()};
    int samples = 1;
    if (m_external) {
        m_store = m_external->store;
        m_rounds = m_external->rounds;
        m_windowFromMs = m_external->fromMs;
        m_windowToMs = m_external->toMs;
        if (!m_store)
            m_store = std::make_shared<const MetricStore>();
        m_kubeletErrors =
            missingWithReason(*m_store, m_lastNodes, m_external->nodeProblems,
                              {Metric::KubeletUptimeSeconds, Metric::KubeletRunningPods});
        m_ioErrors =
            missingWithReason(*m_store, m_lastNodes, m_external->nodeProblems,
                              {Metric::ReadIops, Metric::WriteIops, Metric::ReadBytesPerSec});
        report.window.start = QDateTime::fromMSecsSinceEpoch(m_windowFromMs, Qt::UTC);
        report.window.end = QDateTime::fromMSecsSinceEpoch(m_windowToMs, Qt::UTC);
        samples = m_rounds > 0 ? m_rounds : 1;
    } else {
        sampleWindow(report, &samples);
        if (!m_store) // cancelled while sampling: the judges read an empty store
            m_store = std::make_shared<const MetricStore>();
    }
    report.window.samples = samples;

    if (const std::optional<KubeResponse> versionResponse = m_cancel.await(version);
        versionResponse && versionResponse->ok()) {
        const nlohmann::json v = versionResponse->json();
        if (v.is_object() && v.value("gitVersion", nlohmann::json()).is_string())
            report.cluster.version = QString::fromStdString(v["gitVersion"].get<std::string>());
    }

    report.nodes.reserve(qsizetype(m_lastNodes.size()));
    for (Node &node : m_lastNodes)
        report.nodes << std::move(node);
    m_lastNodes = {};

    for (const StepDef &def : stepCatalog()) {
        CheckProgress finished;
        finished.kind = CheckProgress::Kind::StepFinished;
        finished.step = def.number;
        if (!m_options.steps.contains(def.number)) {
            finished.result =
                StepResult::make(def.number, StepStatus::Skipped, Tr::tr("not selected (--steps)"));
            report.steps << finished.result;
            emitProgress(finished);
            continue;
        }
        if (m_cancel.isCanceled()) {
            finished.result =
                StepResult::make(def.number, StepStatus::Skipped, Tr::tr("cancelled"));
            report.steps << finished.result;
            emitProgress(finished);
            continue;
        }
        CheckProgress started;
        started.kind = CheckProgress::Kind::StepStarted;
        started.step = def.number;
        started.text = def.trTitle();
        emitProgress(started);
        m_currentStep = def.number;
        StepOutcome outcome =
            def.number == 1 ? runStepOne(report, samples) : runStep(def.number, report);
        m_currentStep = 0;
        if (m_cancel.isCanceled()) {
            // Cut short: what it found is incomplete, so nothing of it is reported.
            outcome = StepOutcome();
            outcome.status = StepStatus::Skipped;
            outcome.notes << Tr::tr("cancelled");
        }
        report.findings << outcome.findings;
        finished.result = StepResult::make(def.number, outcome.status, outcome.notes.join(u' '));
        finished.findings = outcome.findings;
        finished.notes = outcome.notes;
        report.steps << finished.result;
        emitProgress(finished);
    }
    report.canceled = m_cancel.isCanceled();
    fillLatest(report);
    report.generatedAt = QDateTime::currentDateTimeUtc();
    return report;
}

} // namespace nt
