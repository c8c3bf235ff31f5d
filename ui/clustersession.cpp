#include "clustersession.h"

#include "kube/kubeclient.h"

#include <QFuture>
#include <QThread>

namespace nt::ui {

namespace {
const QString nodesPath = QStringLiteral("/api/v1/nodes");
const QString leasesPath =
    QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases");

QString messageOf(const KubeResponse &response)
{
    if (!response.errorMessage.isEmpty())
        return response.errorMessage;
    return ClusterSession::tr("The API server request failed (%1).").arg(toString(response.error));
}

struct ParsedNodes {
    std::vector<Node> nodes;
    KubeResponse status;
};

struct ParsedLeases {
    QHash<QString, Lease> byNode;
    KubeResponse status;
};
} // namespace

ClusterSession::ClusterSession(QObject *parent) : QObject(parent) {}

ClusterSession::~ClusterSession() = default;

bool ClusterSession::loadKubeconfig(const QString &explicitPath, QString *error)
{
    Result<Kubeconfig> loaded = Kubeconfig::loadDefault(explicitPath);
    if (!loaded) {
        if (error)
            *error = loaded.error();
        return false;
    }
    m_config = std::move(loaded).value();
    return true;
}

QStringList ClusterSession::contextNames() const
{
    return m_config ? m_config->contextNames() : QStringList();
}

QString ClusterSession::kubeconfigCurrentContext() const
{
    return m_config ? m_config->currentContext() : QString();
}

QStringList ClusterSession::kubeconfigFiles() const
{
    return m_config ? m_config->files() : QStringList();
}

void ClusterSession::connectTo(const QString &context)
{
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
    m_client.reset();
    ClientOptions options;
    options.interactive = true; // a person is at the window to answer a device-code prompt
    m_contextName = access->contextName;
    m_server = access->server;
    const bool insecure = access->insecureSkipTlsVerify;
    m_client = std::make_unique<KubeClient>(std::move(access).value(), options);
    connect(m_client.get(), &KubeClient::credentialPrompt, this,
            &ClusterSession::credentialPrompt);
    Q_EMIT contextChanged(m_contextName, m_server, insecure);
    refresh();
}

void ClusterSession::refresh()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_client)
        return;
    const quint64 job = ++m_job;
    m_pending = Pending{};
    m_pending->job = job;
    Q_EMIT refreshStarted();

    m_client->version().then(this, [this, job](const KubeResponse &response) {
        // A failed /version alone does not fail the refresh: the node list says what is wrong
        // with the connection in the words the user needs (verb, resource, server).
        if (job != m_job || !response.ok())
            return;
        const nlohmann::json body = response.json();
        if (body.is_object() && body.contains("gitVersion") && body["gitVersion"].is_string())
            Q_EMIT serverVersionKnown(
                QString::fromStdString(body["gitVersion"].get<std::string>()));
    });

    // Parsing 5,000 nodes is tens of milliseconds: do it on the pool, not on the GUI thread
    // and not on the client's network thread either.
    m_client->list(nodesPath)
        .then(QtFuture::Launch::Async,
              [](const KubeList &list) {
                  ParsedNodes parsed;
                  parsed.status = list.status;
                  parsed.nodes.reserve(list.items.size());
                  for (const nlohmann::json &item : list.items)
                      parsed.nodes.push_back(Node::fromJson(item));
                  return parsed;
              })
        .then(this, [this, job](ParsedNodes parsed) {
            if (!m_pending || m_pending->job != job)
                return;
            if (!parsed.status.ok()) {
                fail(job, messageOf(parsed.status));
                return;
            }
            m_pending->nodes = std::move(parsed.nodes);
            finishIfComplete();
        });

    m_client->list(leasesPath)
        .then(QtFuture::Launch::Async,
              [](const KubeList &list) {
                  ParsedLeases parsed;
                  parsed.status = list.status;
                  for (const nlohmann::json &item : list.items) {
                      Lease lease = Lease::fromJson(item);
                      parsed.byNode.insert(lease.meta.name, std::move(lease));
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

void ClusterSession::fail(quint64 job, const QString &message)
{
    if (!m_pending || m_pending->job != job)
        return;
    // One message per refresh: version and nodes usually fail for the same reason.
    m_pending.reset();
    Q_EMIT failed(message);
    Q_EMIT refreshFinished(false);
}

void ClusterSession::finishIfComplete()
{
    if (!m_pending || !m_pending->nodes || !m_pending->leasesDone)
        return;
    Pending done = std::move(*m_pending);
    m_pending.reset();
    if (!done.leaseError.isEmpty())
        Q_EMIT notice(tr("Node leases could not be read, so heartbeats come from the Ready "
                         "condition: %1")
                          .arg(done.leaseError));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<NodeRow> rows;
    rows.reserve(qsizetype(done.nodes->size()));
    for (Node &node : *done.nodes) {
        const Lease *lease = nullptr;
        if (done.leases) {
            auto it = done.leases->constFind(node.meta.name);
            if (it != done.leases->constEnd())
                lease = &*it;
        }
        rows.append(NodeRowBuilder::build(std::move(node), lease, now));
    }
    Q_EMIT nodesLoaded(rows, now);
    Q_EMIT refreshFinished(true);
}

} // namespace nt::ui
