#pragma once
// The connection to one kubeconfig context: loads the kubeconfig, owns the API client of the
// context in use, and runs a refresh (server version, nodes, node leases) without ever waiting
// on the GUI thread. Results of a refresh that was superseded (a newer refresh, or a context
// switch) are dropped by job id, as hotspot's JobTracker does.
#include "check/stepone.h"
#include "kube/kubeconfig.h"
#include "noderow.h"
#include "sampling/samplingengine.h"

#include <memory>
#include <optional>
#include <QDateTime>
#include <QHash>
#include <QObject>

namespace nt {
class KubeClient;
class MetricStore;
} // namespace nt

namespace nt::ui {

class ClusterSession : public QObject {
    Q_OBJECT
public:
    explicit ClusterSession(QObject *parent = nullptr);
    ~ClusterSession() override;

    // Reads `explicitPath`, else kubectl's default files. On failure returns false and sets
    // `error` (the loader's file:line message); the previous kubeconfig stays in use.
    bool loadKubeconfig(const QString &explicitPath, QString *error = nullptr);
    bool hasKubeconfig() const { return m_config.has_value(); }
    QStringList contextNames() const;
    QString kubeconfigCurrentContext() const;
    QStringList kubeconfigFiles() const;

    // Switches to `context` (empty: the kubeconfig's current-context) and refreshes. When the
    // context cannot be resolved, failed() says why and the previous connection stays.
    void connectTo(const QString &context);
    // Loads version, nodes and leases again. Supersedes a refresh still in flight.
    void refresh();
    // Stops waiting for a refresh in flight (a slow or hanging API server): its answers are
    // dropped when they come, failed() says it was stopped, and what was shown stays.
    void cancelRefresh();

    // Sampling (issue 3): once the first node list of a context is in, a SamplingEngine samples
    // its nodes into store(); every later node list updates the targets. A context switch drops
    // both, so one cluster's history never shows under another's name.
    void setSamplingConfig(const SamplingConfig &config);
    SamplingConfig samplingConfig() const { return m_samplingConfig; }
    // Nodes whose charts are on screen: they also get disk I/O and PSI (cAdvisor) scrapes.
    void setSamplingFocus(const QStringList &nodes);
    std::shared_ptr<MetricStore> store() const { return m_store; }
    SamplingEngine *sampler() const { return m_engine.get(); }
    int sampledNodes() const { return m_sampledNodes; }

    QString contextName() const { return m_contextName; }
    QString server() const { return m_server; }
    bool isConnected() const { return m_client != nullptr; }
    bool isRefreshing() const { return m_pending.has_value(); }

Q_SIGNALS:
    void contextChanged(const QString &context, const QString &server, bool insecureSkipTlsVerify);
    void refreshStarted();
    // Empty when the server did not say (the refresh goes on without it).
    void serverVersionKnown(const QString &gitVersion);
    // `now` is the API server's time of the answer (our clock when it sent none).
    void nodesLoaded(const QList<nt::ui::NodeRow> &rows, const QDateTime &now);
    // The step-1 judge's verdict on the same refresh, emitted right after nodesLoaded().
    void stepOneJudged(const nt::StepOneResult &result);
    void failed(const QString &message);
    void refreshFinished(bool ok);
    // An exec credential plugin (kubelogin) asks the user something, e.g. a device code.
    void credentialPrompt(const QString &text);
    // A new store is being filled (a context's first node list); store() returns it.
    void samplingStarted();
    // Nothing is sampled any more (context switch); the store is gone.
    void samplingStopped();
    void samplingRound(const nt::SamplingRound &round);

private:
    void finishIfComplete();
    void fail(quint64 job, const QString &message);
    void updateSampling(const QList<NodeRow> &rows);
    void stopSampling();

    std::optional<Kubeconfig> m_config;
    std::unique_ptr<KubeClient> m_client;
    QString m_contextName;
    QString m_server;
    // Only touched on the GUI thread (continuations run there), so no atomic is needed.
    quint64 m_job = 0;
    struct Pending {
        quint64 job = 0;
        std::optional<std::vector<Node>> nodes;
        std::optional<QHash<QString, Lease>> leases; // empty optional until the list returns
        QString leaseError;
        bool leasesDone = false;
        bool versionDone = false;
        QDateTime serverTime;
    };
    struct Judged {
        QList<NodeRow> rows;
        StepOneResult stepOne;
        ReadinessHistory readiness;
        QDateTime now;
    };
    static Judged judge(Pending done, ReadinessHistory history);

    std::optional<Pending> m_pending;
    SamplingConfig m_samplingConfig;
    QStringList m_samplingFocus;
    int m_sampledNodes = 0;
    std::shared_ptr<MetricStore> m_store;
    // Declared after m_client: destroyed first, since the engine uses the client to the end.
    std::unique_ptr<SamplingEngine> m_engine;
    ReadinessHistory m_readiness; // Ready samples of this context's recent refreshes
};

} // namespace nt::ui
