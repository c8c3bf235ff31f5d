#include "check/checkrunner.h"

#include "kube/kubeclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QTimer>

namespace nt {
namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("CheckRunner", text);
}

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
            m_warnings << tr("A node re-list failed and was skipped: %1").arg(again.error());
    }
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
                                             tr("not selected (--steps)"));
        } else if (def.number != 1) {
            report.steps << StepResult::make(def.number, StepStatus::Skipped,
                                             tr("not implemented in this version"));
        } else {
            StepOneInput in;
            in.nodes = report.nodes;
            const TypedList<Lease> leases =
                m_client
                    .listAs<Lease>(
                        QStringLiteral(
                            "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases"),
                        &Lease::fromJson)
                    .result();
            if (leases.ok()) {
                in.leases = QList<Lease>(leases.items.begin(), leases.items.end());
            } else {
                in.leasesError = leases.status.errorMessage.isEmpty()
                                     ? toString(leases.status.error)
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
            report.findings << judged.findings;
            report.steps << StepResult::make(1, judged.status, judged.notes.join(u' '));
        }
    }
    report.generatedAt = QDateTime::currentDateTimeUtc();
    return report;
}

} // namespace nt
