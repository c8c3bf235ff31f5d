#include "check/checkrunner.h"

#include "check/checksampler.h"
#include "check/stepfive.h"
#include "check/stepfour.h"
#include "check/stepsix.h"
#include "check/stepthree.h"
#include "check/steptwo.h"
#include "check/usagejudge.h"
#include "kube/kubeclient.h"

#include <cmath>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QLocale>
#include <QTimer>

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
    , m_context(contextName) {}

CheckRunner::~CheckRunner() = default;

Result<bool> CheckRunner::sampleNodes() {
    // resourceVersion=0 lets the API server answer from its watch cache instead of etcd: the
    // cheap way to re-list 5000 nodes every few seconds.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("resourceVersion"), QStringLiteral("0"));
    // Nodes are converted page by page on the client's thread: at 5,000 nodes the raw JSON of
    // the whole list would be the biggest thing the check ever holds.
    TypedList<Node> list =
        m_client.listAs<Node>(QStringLiteral("/api/v1/nodes"), &Node::fromJson, query).result();
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

void CheckRunner::waitUntil(qint64 msSinceStart) {
    const qint64 wait = msSinceStart - (QDateTime::currentMSecsSinceEpoch() - m_startMs);
    if (wait <= 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(wait), &loop, &QEventLoop::quit);
    loop.exec();
}

StepOutcome CheckRunner::runStepOne(const CheckReport &report, int samples) {
    StepOneInput in;
    in.nodes = report.nodes;
    const TypedList<Lease> leases =
        m_client
            .listAs<Lease>(
                QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases"),
                &Lease::fromJson)
            .result();
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
    const StepOneResult judged = judgeStepOne(in);
    StepOutcome out;
    out.findings = judged.findings;
    out.findings << judgeUsage(report.nodes, *m_store, m_windowFromMs, m_windowToMs);
    QString eventsError;
    if (const auto events = nodeEvents(&eventsError))
        out.findings << judgeFlapEvents(report.nodes, *events, in.now, out.findings);
    out.notes = judged.notes;
    out.finish(1);
    return out;
}

std::optional<QList<Event>> CheckRunner::nodeEvents(QString *error) {
    if (!m_events)
        m_events = listNodeEvents(m_client, &m_eventsError);
    *error = m_eventsError;
    return *m_events;
}

StepOutcome CheckRunner::runStep(int number, CheckReport &report) {
    StepOutcome failed;
    failed.status = StepStatus::Error;
    const QDateTime now = m_serverNow.isValid() ? m_serverNow : QDateTime::currentDateTimeUtc();
    QString error;
    switch (number) {
    case 2: {
        std::optional<StepTwoInput> in = gatherStepTwo(m_client, report.nodes, &error);
        if (!in)
            break;
        in->vnetIntegrated = m_options.vnetIntegration;
        in->now = now;
        return judgeStepTwo(*in);
    }
    case 3: {
        std::optional<StepThreeInput> in =
            gatherStepThree(m_client, m_options, report.nodes, &error);
        if (!in)
            break;
        if (!error.isEmpty())
            m_warnings << error; // a probe pod that could not be deleted
        if (QHostAddress(m_client.serverHost()).protocol() !=
            QAbstractSocket::UnknownNetworkLayerProtocol)
            report.cluster.apiFqdn = in->fqdn;
        return judgeStepThree(*in);
    }
    case 4: {
        StepFourInput in;
        in.nodes = report.nodes;
        in.store = m_store.get();
        in.fromMs = m_windowFromMs;
        in.toMs = m_windowToMs;
        in.metricsErrors = m_sampler->kubeletErrors();
        if (auto events = nodeEvents(&in.eventsError))
            in.events = *events;
        else
            in.eventsFailed = true;
        in.serverVersion = report.cluster.version;
        in.now = now;
        StepOutcome out = judgeStepFour(in);
        if (m_sampler->rounds() < 2)
            out.notes << Tr::tr("One sample only (--duration 0): counter deltas, PLEG latency and "
                                "restarts during the window were not judged.");
        return out;
    }
    case 5: {
        StepFiveInput in;
        in.nodes = report.nodes;
        in.now = now;
        if (auto events = nodeEvents(&in.eventsError))
            in.events = *events;
        else
            in.eventsFailed = true;
        return judgeStepFive(in);
    }
    case 6: {
        StepSixInput in;
        in.nodes = report.nodes;
        in.store = m_store.get();
        in.fromMs = m_windowFromMs;
        in.toMs = m_windowToMs;
        in.ioErrors = m_sampler->cadvisorErrors();
        return judgeStepSix(in);
    }
    default:
        break;
    }
    failed.notes << Tr::tr("This step could not run: %1").arg(error);
    return failed;
}

void CheckRunner::fillLatest(CheckReport &report) const {
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

Result<CheckReport> CheckRunner::run() {
    CheckReport report;
    report.cluster.context = m_context;
    report.cluster.server = m_client.access().server;
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    report.window.start = QDateTime::currentDateTimeUtc();
    report.window.intervalSeconds = m_options.intervalSeconds;

    QFuture<KubeResponse> version = m_client.version();
    // The first list decides whether the check can run at all: its error is the exit-3 line.
    if (Result<bool> first = sampleNodes(); !first)
        return Error{first.error()};
    int samples = 1;
    // The nodes as first listed are the ones sampled: a node that joins during the window has
    // no history worth judging yet.
    // The store the GUI uses keeps 15 min at 1 s, 3 h and 24 h per series (~11 KB each); the
    // check only ever reads its own window, so one tier that just holds it: at 5000 nodes the
    // difference is most of the process's memory.
    StoreConfig storeConfig;
    const int span = m_options.durationSeconds + 4 * m_options.intervalSeconds + 10;
    const int resolution = span <= 3600 ? 1 : m_options.intervalSeconds;
    storeConfig.tiers = {{quint32(resolution), quint32(span / resolution + 10)}};
    m_store = std::make_shared<MetricStore>(storeConfig);
    CheckSources sources;
    sources.kubeletMetrics = m_options.steps.contains(4);
    sources.cadvisor = m_options.steps.contains(6);
    m_sampler = std::make_unique<CheckSampler>(
        m_client, m_store, QList<Node>(m_lastNodes.begin(), m_lastNodes.end()), sources);
    m_sampler->setTimeoutMs(qBound(2000, m_options.intervalSeconds * 1000, 10000));
    m_windowFromMs = QDateTime::currentMSecsSinceEpoch() - 1000;
    m_sampler->sampleOnce();
    // Sample on the interval's ticks. A list slower than the interval (thousands of nodes on a
    // busy API server) skips the ticks it overran instead of piling up, so the window keeps its
    // length.
    const qint64 intervalMs = qint64(m_options.intervalSeconds) * 1000;
    const qint64 windowMs = qint64(m_options.durationSeconds) * 1000;
    while (true) {
        const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - m_startMs;
        const qint64 nextTick = (elapsed / intervalMs + 1) * intervalMs;
        if (nextTick > windowMs)
            break;
        waitUntil(nextTick);
        if (Result<bool> again = sampleNodes(); again)
            ++samples;
        else
            m_warnings << Tr::tr("A node re-list failed and was skipped: %1").arg(again.error());
        m_sampler->sampleOnce();
    }
    // "Sustained" needs two rates, so three looks: a window that slow rounds (thousands of
    // nodes, a busy API server) cut short gets its missing looks.
    while (m_options.durationSeconds > 0 &&
           m_sampler->rounds() < Thresholds::defaults().minSustainedSamples + 1) {
        if (Result<bool> again = sampleNodes(); again)
            ++samples;
        m_sampler->sampleOnce();
    }
    m_windowToMs = QDateTime::currentMSecsSinceEpoch() + 1000;
    report.window.end = QDateTime::currentDateTimeUtc();
    report.window.samples = samples;

    const KubeResponse versionResponse = version.result();
    if (versionResponse.ok()) {
        const nlohmann::json v = versionResponse.json();
        if (v.is_object() && v.value("gitVersion", nlohmann::json()).is_string())
            report.cluster.version = QString::fromStdString(v["gitVersion"].get<std::string>());
    }

    report.nodes.reserve(qsizetype(m_lastNodes.size()));
    for (Node &node : m_lastNodes)
        report.nodes << std::move(node);
    m_lastNodes = {};

    for (const StepDef &def : stepCatalog()) {
        if (!m_options.steps.contains(def.number)) {
            report.steps << StepResult::make(def.number, StepStatus::Skipped,
                                             Tr::tr("not selected (--steps)"));
            continue;
        }
        const StepOutcome outcome =
            def.number == 1 ? runStepOne(report, samples) : runStep(def.number, report);
        report.findings << outcome.findings;
        report.steps << StepResult::make(def.number, outcome.status, outcome.notes.join(u' '));
    }
    fillLatest(report);
    m_sampler.reset();
    report.generatedAt = QDateTime::currentDateTimeUtc();
    return report;
}

} // namespace nt
