#include "kube/kubeclient.h"

#include "kube/kubeclientworker.h"

#include <QCoreApplication>
#include <QPromise>
#include <QThread>
#include <QUrl>

namespace nt {

nlohmann::json KubeResponse::json() const {
    return nlohmann::json::parse(body.cbegin(), body.cend(), nullptr, false);
}

// The worker thread, owned by the client; its destructor quits and joins (qBittorrent's pattern).
class KubeClient::Thread : public QThread {
public:
    ~Thread() override {
        quit();
        wait();
    }
};

namespace {

template <typename T> using PromisePtr = std::shared_ptr<QPromise<T>>;

template <typename T> PromisePtr<T> startedPromise() {
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    return promise;
}

template <typename T> void fulfil(const PromisePtr<T> &promise, T value) {
    promise->addResult(std::move(value));
    promise->finish();
}

struct ListState {
    QString path;
    QUrlQuery query;
    int limit = 500;
    bool restarted = false;
    KubeList result;
    std::function<void(const nlohmann::json &)> sink; // set: items go here, not into result
    std::function<void()> restart;
};

// One page of a LIST; chains itself through `continue` tokens on the worker thread.
void listPage(KubeClientWorker *worker, std::shared_ptr<ListState> state,
              PromisePtr<KubeList> promise, QString continueToken) {
    KubeRequest request;
    request.path = state->path;
    request.query = state->query;
    if (state->limit > 0)
        request.query.addQueryItem(QStringLiteral("limit"), QString::number(state->limit));
    if (!continueToken.isEmpty())
        request.query.addQueryItem(QStringLiteral("continue"), continueToken);
    request.expectJson = false; // parsed below, once
    const bool wasContinuation = !continueToken.isEmpty();
    worker->execute(
        std::move(request), [promise] { return promise->isCanceled(); },
        [worker, state, promise, wasContinuation](KubeResponse response) {
            if (!response.ok()) {
                // 410 Gone: the continue token expired (etcd compacted); start over once, as
                // client-go's pager does.
                if (response.httpStatus == 410 && wasContinuation && !state->restarted) {
                    state->restarted = true;
                    state->result.items.clear();
                    if (state->restart)
                        state->restart();
                    listPage(worker, state, promise, {});
                    return;
                }
                state->result.status = std::move(response);
                fulfil(promise, std::move(state->result));
                return;
            }
            auto page =
                nlohmann::json::parse(response.body.cbegin(), response.body.cend(), nullptr, false);
            if (!page.is_object() ||
                (page.contains("items") && !page["items"].is_array() && !page["items"].is_null())) {
                response.error = KubeErrorKind::BadResponse;
                response.errorMessage =
                    QCoreApplication::translate(
                        "KubeClient",
                        "The API server answered a list of %1 with a body that is not a Kubernetes "
                        "list (%2 bytes).")
                        .arg(state->path)
                        .arg(response.body.size());
                state->result.status = std::move(response);
                fulfil(promise, std::move(state->result));
                return;
            }
            ++state->result.pages;
            if (page["items"].is_array() && state->sink) {
                for (const auto &item : page["items"])
                    state->sink(item);
            } else if (page["items"].is_array()) {
                auto &items = state->result.items;
                items.reserve(items.size() + page["items"].size());
                for (auto &item : page["items"])
                    items.push_back(std::move(item));
            }
            QString next;
            if (page.contains("metadata") && page["metadata"].is_object()) {
                const auto &meta = page["metadata"];
                if (meta.contains("continue") && meta["continue"].is_string())
                    next = QString::fromStdString(meta["continue"].get<std::string>());
                if (meta.contains("resourceVersion") && meta["resourceVersion"].is_string())
                    state->result.resourceVersion =
                        QString::fromStdString(meta["resourceVersion"].get<std::string>());
            }
            if (!next.isEmpty()) {
                listPage(worker, state, promise, next);
                return;
            }
            response.body.clear(); // the items hold the content now
            state->result.status = std::move(response);
            fulfil(promise, std::move(state->result));
        });
}

} // namespace

KubeClient::KubeClient(ClusterAccess access, ClientOptions options, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_thread(std::make_unique<Thread>()) {
    m_thread->setObjectName(QStringLiteral("kube-client"));
    m_worker = new KubeClientWorker(m_access, options);
    m_worker->moveToThread(m_thread.get());
    // Forwarded from the worker thread as it happens: a GUI receiver still gets it queued, and
    // the CLI, whose main thread blocks on results, can print it directly.
    connect(m_worker, &KubeClientWorker::credentialPrompt, this, &KubeClient::credentialPrompt,
            Qt::DirectConnection);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->initialise(); }, Qt::QueuedConnection);
}

KubeClient::~KubeClient() {
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker] {
            w->shutdown();
            delete w;
        },
        Qt::BlockingQueuedConnection);
    m_thread.reset();
}

QString KubeClient::serverHost() const {
    return QUrl(m_access.server).host();
}

quint64 KubeClient::requestCount() const {
    return m_worker->requestsSent.load();
}

void KubeClient::cancelAll() {
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->cancelAll(); }, Qt::QueuedConnection);
}

QFuture<KubeResponse> KubeClient::send(KubeRequest request) {
    auto promise = startedPromise<KubeResponse>();
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, request = std::move(request), promise]() mutable {
            w->execute(
                std::move(request), [promise] { return promise->isCanceled(); },
                [promise](KubeResponse r) { fulfil(promise, std::move(r)); });
        },
        Qt::QueuedConnection);
    return promise->future();
}

QFuture<KubeResponse> KubeClient::get(const QString &path, const QUrlQuery &query) {
    KubeRequest r;
    r.path = path;
    r.query = query;
    return send(std::move(r));
}

QFuture<KubeList> KubeClient::list(const QString &path, QUrlQuery query, int limit) {
    return listEach(path, {}, {}, std::move(query), limit);
}

QFuture<KubeList> KubeClient::listEach(const QString &path,
                                       std::function<void(const nlohmann::json &)> sink,
                                       std::function<void()> restart, QUrlQuery query, int limit) {
    auto promise = startedPromise<KubeList>();
    auto state = std::make_shared<ListState>();
    state->path = path;
    state->query = std::move(query);
    state->limit = limit;
    state->sink = std::move(sink);
    state->restart = std::move(restart);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, state, promise] { listPage(w, state, promise, {}); },
        Qt::QueuedConnection);
    return promise->future();
}

QFuture<KubeResponse> KubeClient::patch(const QString &path, QByteArray body, PatchType type,
                                        const QString &fieldManager) {
    KubeRequest r;
    r.verb = "PATCH";
    r.path = path;
    r.body = std::move(body);
    switch (type) {
    case PatchType::StrategicMerge:
        r.contentType = "application/strategic-merge-patch+json";
        break;
    case PatchType::Merge:
        r.contentType = "application/merge-patch+json";
        break;
    case PatchType::Json:
        r.contentType = "application/json-patch+json";
        break;
    }
    if (!fieldManager.isEmpty())
        r.query.addQueryItem(QStringLiteral("fieldManager"), fieldManager);
    return send(std::move(r));
}

QFuture<KubeResponse> KubeClient::post(const QString &path, QByteArray body) {
    KubeRequest r;
    r.verb = "POST";
    r.path = path;
    r.body = std::move(body);
    r.contentType = "application/json";
    return send(std::move(r));
}

QFuture<KubeResponse> KubeClient::remove(const QString &path) {
    KubeRequest r;
    r.verb = "DELETE";
    r.path = path;
    return send(std::move(r));
}

QFuture<KubeResponse> KubeClient::podLogs(const QString &ns, const QString &pod,
                                          const LogOptions &options) {
    KubeRequest r;
    r.path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/log").arg(ns, pod);
    if (!options.container.isEmpty())
        r.query.addQueryItem(QStringLiteral("container"), options.container);
    if (options.tailLines)
        r.query.addQueryItem(QStringLiteral("tailLines"), QString::number(*options.tailLines));
    if (options.sinceSeconds)
        r.query.addQueryItem(QStringLiteral("sinceSeconds"),
                             QString::number(*options.sinceSeconds));
    if (options.previous)
        r.query.addQueryItem(QStringLiteral("previous"), QStringLiteral("true"));
    if (options.timestamps)
        r.query.addQueryItem(QStringLiteral("timestamps"), QStringLiteral("true"));
    r.accept = "application/json, */*";
    r.expectJson = false;
    return send(std::move(r));
}

QFuture<KubeResponse> KubeClient::nodeProxy(const QString &node, const QString &subpath,
                                            int timeoutMs) {
    KubeRequest r;
    r.path = QStringLiteral("/api/v1/nodes/%1/proxy/%2")
                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(node)), subpath);
    r.timeoutMs = timeoutMs;
    r.expectJson = subpath.startsWith(QLatin1String("stats"));
    r.accept = r.expectJson ? QByteArray("application/json") : QByteArray("text/plain, */*");
    return send(std::move(r));
}

QFuture<KubeResponse> KubeClient::version() {
    return get(QStringLiteral("/version"));
}

QFuture<KubeResponse> KubeClient::discovery() {
    auto promise = startedPromise<KubeResponse>();
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, promise] {
            auto canceled = [promise] { return promise->isCanceled(); };
            KubeRequest core;
            core.path = QStringLiteral("/api");
            w->execute(std::move(core), canceled, [w, promise, canceled](KubeResponse api) {
                if (!api.ok()) {
                    fulfil(promise, std::move(api));
                    return;
                }
                KubeRequest groups;
                groups.path = QStringLiteral("/apis");
                w->execute(
                    std::move(groups), canceled, [promise, apiBody = api.body](KubeResponse apis) {
                        if (apis.ok()) {
                            nlohmann::json joined;
                            joined["api"] = nlohmann::json::parse(apiBody.cbegin(), apiBody.cend());
                            joined["apis"] = apis.json();
                            apis.body = QByteArray::fromStdString(joined.dump());
                        }
                        fulfil(promise, std::move(apis));
                    });
            });
        },
        Qt::QueuedConnection);
    return promise->future();
}

} // namespace nt
