#pragma once
// The part of KubeClient that lives on its worker thread: one QNetworkAccessManager, the TLS
// configuration, credentials, the request queue, timeouts and retries. Everything here runs on
// that thread only; KubeClient posts to it with queued invocations.
#include "kube/kubeclient.h"

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QObject>
#include <QSslConfiguration>
#include <random>

class QNetworkReply;
class QTimer;

namespace nt {

class ExecCredentialProvider;

class KubeClientWorker : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(KubeResponse)>;
    // Asks whether the owner of a request gave up on it (its QFuture was cancelled).
    using CancelFlag = std::function<bool()>;

    KubeClientWorker(ClusterAccess access, ClientOptions options);
    ~KubeClientWorker() override;

    void initialise(); // on the worker thread: builds the network stack and credentials
    void shutdown();   // aborts everything; pending callbacks get Canceled
    void execute(KubeRequest request, CancelFlag cancel, Callback done);
    void cancelAll();

    std::atomic<quint64> requestsSent{0};

Q_SIGNALS:
    void credentialPrompt(const QString &text);

private:
    struct Pending;
    using PendingPtr = std::shared_ptr<Pending>;

    void pump();
    void sweepCancelled();
    void startAttempt(const PendingPtr &p);
    void sendWithCredentials(const PendingPtr &p);
    void onReplyFinished(const PendingPtr &p, QNetworkReply *reply);
    void retryLater(const PendingPtr &p, int delayMs);
    void complete(const PendingPtr &p, KubeResponse response);
    int backoffMs(int attempt);
    bool setupTls(QString *error);
    QNetworkProxy proxyFor(const QUrl &url, QString *error) const;
    void sendNow(const PendingPtr &p, const QString &token, const QByteArray &certPem,
                 const QByteArray &keyPem);
    KubeResponse failure(const PendingPtr &p, KubeErrorKind kind, const QString &detail,
                         int status = 0, const QString &serverMessage = {}) const;

    ClusterAccess m_access;
    ClientOptions m_options;
    QUrl m_base;
    QNetworkAccessManager *m_nam = nullptr;
    QSslConfiguration m_tls;
    QString m_setupError; // a TLS/credential/proxy setup problem every request reports
    KubeErrorKind m_setupErrorKind = KubeErrorKind::None;
    ExecCredentialProvider *m_exec = nullptr;
    std::deque<PendingPtr> m_queue;
    QList<PendingPtr> m_inFlight;
    QTimer *m_sweep = nullptr;
    std::mt19937 m_rng{std::random_device{}()};
};

} // namespace nt

namespace nt::detail {
// The one sentence a user reads when a request fails; see KubeResponse::errorMessage.
QString errorSentence(KubeErrorKind kind, const ResourceRef &ref, const ClusterAccess &access,
                      int httpStatus, const QString &serverMessage, const QString &detail,
                      int attempts);
} // namespace nt::detail
