#include "clustersession.h"

#include "check/thresholds.h"
#include "kube/kubeclient.h"
#include "metrics/metricstore.h"

#include <QFuture>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>
#include <QThread>

namespace nt::ui {

namespace {
const QString nodesPath = QStringLiteral("/api/v1/nodes");
const QString leasesPath =
    QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases");

QString messageOf(const KubeResponse &response) {
    if (!response.errorMessage.isEmpty())
        return response.errorMessage;
    return ClusterSession::tr("The API server request failed (%1).").arg(toString(response.error));
}

QDateTime httpDate(const QByteArray &value) {
    QDateTime time = QLocale::c().toDateTime(QString::fromLatin1(value).trimmed(),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    time.setTimeSpec(Qt::UTC);
    return time;
}

struct ParsedLeases {
    QHash<QString, Lease> byNode;
    KubeResponse status;
};
} // namespace

ClusterSession::ClusterSession(QObject *parent)
    : QObject(parent) {}

ClusterSession::~ClusterSession() {
    stopSampling();
}

bool ClusterSession::loadKubeconfig(const QString &explicitPath, QString *error) {
    Result<Kubeconfig> loaded = Kubeconfig::loadDefault(explicitPath);
    if (!loaded) {
        if (error)
            *error = loaded.error();
        return false;
    }
    m_config = std::move(loaded).value();
    return true;
}

QStringList ClusterSession::contextNames() const {
    return m_config ? m_config->contextNames() : QStringList();
}

QString ClusterSession::kubeconfigCurrentContext() const {
    return m_config ? m_config->currentContext() : QString();
}

QStringList ClusterSession::kubeconfigFiles() const {
    return m_config ? m_config->files() : QStringList();
}

void ClusterSession::connectTo(const QString &context) {
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_config) {
        Q_EMIT failed(tr("No kubeconfig is loaded."));
        return;
    }
    Result<ClusterAccess> access = m_config->resolve(context);
    if (!access) {
        Q_EMIT failed(access.error());
        return;
    }
    // Bump the job before dropping the old client: whatever it still delivers is stale.
    ++m_job;
    m_pending.reset();
    stopSampling(); // before the client it samples through
    m_client.reset();
    ClientOptions options;
    options.interactive = true; // a person is at the window to answer a device-code prompt
    m_readiness.clear();
    m_contextName = access->contextName;
    m_server = access->server;
    const bool insecure = access->insecureSkipTlsVerify;
    m_client = std::make_unique<KubeClient>(std::move(access).value(), options);
    connect(m_client.get(), &KubeClient::credentialPrompt, this, &ClusterSession::credentialPrompt);
    Q_EMIT contextChanged(m_contextName, m_server, insecure);
    refresh();
}

void ClusterSession::refresh() {
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_client)
        return;
    const quint64 job = ++m_job;
    m_pending = Pending{};
    m_pending->job = job;
    Q_EMIT refreshStarted();

    m_client->version().then(this, [this, job](const KubeResponse &response) {
        if (!m_pending || m_pending->job != job)
            return;
        // A failed /version alone does not fail the refresh: the node list says what is wrong
        // with the connection in the words the user needs (verb, resource, server).
        QString version;
        const nlohmann::json body = response.ok() ? response.json() : nlohmann::json();
        if (body.is_object() && body.contains("gitVersion") && body["gitVersion"].is_string())
            version = QString::fromStdString(body["gitVersion"].get<std::string>());
        Q_EMIT serverVersionKnown(version);
        m_pending->versionDone = true;
        finishIfComplete();
    });

    // Nodes become typed values page by page on the client's thread (listAs), so the raw JSON of
    // 5,000 nodes never exists at once; the GUI thread only receives the finished vector.
    m_client->listAs<Node>(nodesPath, &Node::fromJson)
        .then(this, [this, job](TypedList<Node> parsed) {
            if (!m_pending || m_pending->job != job)
                return;
            if (!parsed.status.ok()) {
                fail(job, messageOf(parsed.status));
                return;
            }
            m_pending->nodes = std::move(parsed.items);
            m_pending->serverTime = httpDate(parsed.status.headers.value("date"));
            finishIfComplete();
        });

    m_client->listAs<Lease>(leasesPath, &Lease::fromJson)
        .then(QtFuture::Launch::Async,
              [](TypedList<Lease> list) {
                  ParsedLeases parsed;
                  parsed.status = std::move(list.status);
                  for (Lease &lease : list.items) {
                      const QString name = lease.meta.name;
                      parsed.byNode.insert(name, std::move(lease));
                  }
                  return parsed;
              })
        .then(this, [this, job](ParsedLeases parsed) {
            if (!m_pending || m_pending->job != job)
                return;
            m_pending->leasesDone = true;
            if (parsed.status.ok())
                m_pending->leases = std::move(parsed.byNode);
            else
                m_pending->leaseError = messageOf(parsed.status);
            finishIfComplete();
        });
}

void ClusterSession::cancelRefresh() {
    if (!m_pending)
        return;
    const quint64 job = m_pending->job;
    fail(job,
         tr("Stopped loading the nodes from %1; the table shows the last load.").arg(m_server));
    ++m_job; // a judgement already under way is dropped too
}

void ClusterSession::fail(quint64 job, const QString &message) {
    if (!m_pending || m_pending->job != job)
        return;
    // One message per refresh: version and nodes usually fail for the same reason.
    m_pending.reset();
    Q_EMIT failed(message);
    Q_EMIT refreshFinished(false);
}

void ClusterSession::finishIfComplete() {
    if (!m_pending || !m_pending->nodes || !m_pending->leasesDone || !m_pending->versionDone)
        return;
    Pending done = std::move(*m_pending);
    m_pending.reset();
    const quint64 job = done.job;
    // Building rows and judging 5,000 nodes is pure work on copies: keep it off the GUI thread.
    QtConcurrent::run([done = std::move(done), history = m_readiness]() mutable {
        return judge(std::move(done), std::move(history));
    }).then(this, [this, job](Judged judged) {
        if (job != m_job)
            return;
        m_readiness = std::move(judged.readiness);
        updateSampling(judged.rows);
        Q_EMIT nodesLoaded(judged.rows, judged.now);
        Q_EMIT stepOneJudged(judged.stepOne);
        Q_EMIT refreshFinished(true);
    });
}

void ClusterSession::setSamplingConfig(const SamplingConfig &config) {
    m_samplingConfig = config;
    if (m_engine)
        m_engine->setConfig(config);
}

void ClusterSession::setSamplingFocus(const QStringList &nodes) {
    if (nodes == m_samplingFocus)
        return;
    m_samplingFocus = nodes;
    if (m_engine)
        m_engine->setFocus(nodes);
}

void ClusterSession::stopSampling() {
    if (!m_engine && !m_store)
        return;
    m_engine.reset();
    m_store.reset();
    m_sampledNodes = 0;
    Q_EMIT samplingStopped();
}

void ClusterSession::updateSampling(const QList<NodeRow> &rows) {
    if (!m_client)
        return;
    QList<SamplingTarget> targets;
    targets.reserve(rows.size());
    for (const NodeRow &row : rows) {
        const Node &node = row.node;
        SamplingTarget target;
        target.name = node.meta.name;
        target.internalIp = node.internalIP();
        if (auto it = node.allocatable.constFind(QStringLiteral("cpu"));
            it != node.allocatable.constEnd())
            target.allocatableCpuCores = it->toDouble();
        if (auto it = node.allocatable.constFind(QStringLiteral("memory"));
            it != node.allocatable.constEnd())
            target.allocatableMemoryBytes = it->toDouble();
        target.instanceType = node.instanceType();
        targets.append(std::move(target));
    }
    m_sampledNodes = int(targets.size());
    const bool starting = !m_engine;
    if (starting) {
        m_store = std::make_shared<MetricStore>();
        m_engine = std::make_unique<SamplingEngine>(m_client.get(), m_store);
        m_engine->setConfig(m_samplingConfig);
        connect(m_engine.get(), &SamplingEngine::roundFinished, this,
                &ClusterSession::samplingRound);
    }
    m_engine->setTargets(targets);
    m_engine->setFocus(m_samplingFocus);
    if (starting) {
        m_engine->start();
        Q_EMIT samplingStarted();
    }
}

ClusterSession::Judged ClusterSession::judge(Pending done, ReadinessHistory history) {
    Judged out;
    // The API server's clock when it said (Date header), so ages do not depend on our clock.
    out.now = done.serverTime.isValid() ? done.serverTime : QDateTime::currentDateTimeUtc();

    StepOneInput input;
    input.now = out.now;
    input.nodes = QList<Node>(done.nodes->begin(), done.nodes->end());
    if (done.leases)
        input.leases = QList<Lease>(done.leases->cbegin(), done.leases->cend());
    input.leasesError = done.leaseError;
    // One Ready sample per node and refresh: enough for the judge to see flapping over time.
    const int window = Thresholds::defaults().flapWindowSeconds;
    for (const Node &node : std::as_const(input.nodes)) {
        const Condition *ready = node.condition(QStringLiteral("Ready"));
        QList<ReadinessSample> &samples = history[node.meta.name];
        samples.append({out.now, ready ? ready->status : QString(),
                        ready ? ready->lastTransitionTime : QDateTime()});
        while (!samples.isEmpty() && samples.first().at.secsTo(out.now) > window)
            samples.removeFirst();
    }
    input.readiness = history;
    out.stepOne = judgeStepOne(input);
    out.readiness = std::move(history);

    out.rows.reserve(input.nodes.size());
    for (const Node &node : std::as_const(input.nodes)) {
        const Lease *lease = nullptr;
        if (done.leases) {
            auto it = done.leases->constFind(node.meta.name);
            if (it != done.leases->constEnd())
                lease = &*it;
        }
        NodeRow row = NodeRowBuilder::build(node, lease, out.now);
        NodeRowBuilder::applyFindings(row, out.stepOne.findings);
        out.rows.append(std::move(row));
    }
    return out;
}

} // namespace nt::ui
