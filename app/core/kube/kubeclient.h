#pragma once
// The Kubernetes API client. All network work happens on the client's own worker thread; every
// method here is thread-safe and returns at once with a QFuture. Results come back with
// QFuture::then(context, ...) on the caller's thread (GUI) or by blocking on result() (CLI, where
// no event loop of ours needs to run: the worker thread has its own).
#include "kube/kubeconfig.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QUrlQuery>
#include <vector>

namespace nt {

enum class KubeErrorKind {
    None,
    Canceled,
    Timeout,           // no complete answer within the request's timeout
    HostNotFound,      // DNS
    ConnectionRefused, // nothing listens there
    Network,           // other socket-level failure (reset, unreachable)
    Tls,               // handshake / certificate verification
    Proxy,
    Credential,      // exec plugin / token file / client key could not be used
    Unauthorized,    // 401
    Forbidden,       // 403
    NotFound,        // 404
    Conflict,        // 409
    TooManyRequests, // 429 after the retries
    Server,          // 5xx after the retries
    Http,            // any other non-2xx
    BadResponse,     // 2xx whose body is not what the API promises (garbage, truncated JSON)
};

struct KubeRequest {
    QByteArray verb = "GET";
    QString path; // "/api/v1/nodes", "/apis/apps/v1/namespaces/kube-system/deployments/x"
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType; // e.g. "application/strategic-merge-patch+json"
    QByteArray accept = "application/json";
    int timeoutMs = 30000;         // whole request, all attempts of one try
    std::optional<bool> retryable; // default: GET/HEAD retry on 429/5xx/connect errors
    bool expectJson = true;        // false for logs and Prometheus text
};

struct KubeResponse {
    int httpStatus = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    KubeErrorKind error = KubeErrorKind::None;
    // One clear sentence for the user naming the verb, resource, namespace and server, e.g.
    // "403 Forbidden: user 'alice' may not list pods in namespace kube-system on
    //  https://x.hcp.westeurope.azmk8s.io:443 (pods is forbidden: ...)".
    QString errorMessage;
    QString serverMessage; // the Status.message the server sent, if any
    int attempts = 0;

    bool ok() const { return error == KubeErrorKind::None; }
    // Parsed body; a discarded value when it is not JSON.
    nlohmann::json json() const;
};

struct KubeList {
    std::vector<nlohmann::json> items;
    QString resourceVersion;
    int pages = 0;
    KubeResponse status; // the last page's response; !ok() when any page failed (items = so far)
    bool ok() const { return status.ok(); }
};

// A LIST whose items were converted page by page (see KubeClient::listAs).
template <typename T> struct TypedList {
    std::vector<T> items;
    QString resourceVersion;
    int pages = 0;
    KubeResponse status;
    bool ok() const { return status.ok(); }
};

struct LogOptions {
    QString container;
    std::optional<int> tailLines;
    std::optional<int> sinceSeconds;
    bool previous = false;
    bool timestamps = false;
};

enum class PatchType { StrategicMerge, Merge, Json };

struct ClientOptions {
    bool interactive = false; // a person can answer an exec plugin's prompt
    int maxAttempts = 5;      // for retryable requests
    int backoffBaseMs = 200;  // exponential, full jitter
    int backoffMaxMs = 10000;
    int retryAfterCapMs = 30000;
    int maxConcurrent = 64; // requests in flight; more wait in a queue
    QByteArray userAgent = "nodetriage/" NODETRIAGE_VERSION;
};

class KubeClientWorker;

class KubeClient : public QObject {
    Q_OBJECT
public:
    explicit KubeClient(ClusterAccess access, ClientOptions options = {},
                        QObject *parent = nullptr);
    ~KubeClient() override; // cancels what is in flight, stops and joins the worker thread

    const ClusterAccess &access() const { return m_access; }
    // Host part of the server URL, e.g. "x.hcp.westeurope.azmk8s.io".
    QString serverHost() const;

    QFuture<KubeResponse> send(KubeRequest request);
    QFuture<KubeResponse> get(const QString &path, const QUrlQuery &query = {});
    // LIST with limit/continue paging until done. A 410 Gone on a continue token restarts once.
    QFuture<KubeList> list(const QString &path, QUrlQuery query = {}, int limit = 500);
    // The same LIST, but each page's items are handed to `sink` on the client's thread as the page
    // arrives and are not kept: peak memory is one page of raw JSON, not the whole list.
    // `restart` is called when a 410 Gone forces the list to start over.
    QFuture<KubeList> listEach(const QString &path,
                               std::function<void(const nlohmann::json &)> sink,
                               std::function<void()> restart, QUrlQuery query = {},
                               int limit = 500);
    // listEach into typed values, e.g. listAs<Node>("/api/v1/nodes", &Node::fromJson).
    template <typename T>
    QFuture<TypedList<T>> listAs(const QString &path, T (*convert)(const nlohmann::json &),
                                 QUrlQuery query = {}, int limit = 500) {
        auto items = std::make_shared<std::vector<T>>();
        return listEach(
                   path,
                   [items, convert](const nlohmann::json &item) {
                       items->push_back(convert(item));
                   },
                   [items] { items->clear(); }, std::move(query), limit)
            .then([items](KubeList list) {
                TypedList<T> typed;
                typed.items = std::move(*items);
                typed.resourceVersion = std::move(list.resourceVersion);
                typed.pages = list.pages;
                typed.status = std::move(list.status);
                return typed;
            });
    }
    QFuture<KubeResponse> patch(const QString &path, QByteArray body, PatchType type,
                                const QString &fieldManager = {});
    QFuture<KubeResponse> post(const QString &path, QByteArray body);
    QFuture<KubeResponse> remove(const QString &path);
    QFuture<KubeResponse> podLogs(const QString &ns, const QString &pod, const LogOptions &options);
    // GET /api/v1/nodes/NODE/proxy/SUBPATH (e.g. "stats/summary", "metrics", "metrics/cadvisor")
    QFuture<KubeResponse> nodeProxy(const QString &node, const QString &subpath,
                                    int timeoutMs = 15000);
    QFuture<KubeResponse> version();   // /version
    QFuture<KubeResponse> discovery(); // /api then /apis, bodies joined as {"api":..,"apis":..}

    void cancelAll();

    // Requests sent so far (all attempts), for tests and the about/diagnostics view.
    quint64 requestCount() const;

Q_SIGNALS:
    // An exec plugin is asking the user something (kubelogin device code): show it.
    void credentialPrompt(const QString &text);

private:
    ClusterAccess m_access;
    class Thread;
    std::unique_ptr<Thread> m_thread;
    KubeClientWorker *m_worker = nullptr; // lives on m_thread
};

// "list", "get", "create", "patch", "delete" + resource + namespace derived from verb and path.
struct ResourceRef {
    QString verb;     // as in RBAC: list, get, create, patch, update, delete, watch
    QString resource; // "pods", "pods/log", "nodes/proxy", "deployments"
    QString group;    // "" for core, "apps", "metrics.k8s.io"
    QString namespaceName;
    QString name;
    QString describe() const; // "list pods in namespace kube-system"
};
ResourceRef describeRequest(const QByteArray &httpVerb, const QString &path);

QString toString(KubeErrorKind kind);

} // namespace nt
