#include "kube/kubeclientworker.h"

#include "kube/execcredential.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QNetworkReply>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSslKey>
#include <QTimer>

namespace nt {

namespace {

bool isLoopback(const QString &host) {
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QSslKey loadPrivateKey(const QByteArray &pem) {
    // Kubeconfigs carry RSA (AKS, kubeadm) or EC keys (k3s, kind); the PEM header does not
    // always say which (PKCS#8 "PRIVATE KEY"), so try both.
    for (const auto algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

// Retry-After is either delta-seconds or an HTTP date (RFC 9110 section 10.2.3).
int retryAfterMs(const QByteArray &value) {
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok)
        return qMax(0, seconds) * 1000;
    const QDateTime at =
        QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (at.isValid())
        return int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(at)));
    return -1;
}

QString statusMessage(const QByteArray &body) {
    const auto json = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (json.is_object() && json.value("kind", std::string()) == "Status" &&
        json.contains("message") && json["message"].is_string())
        return QString::fromStdString(json["message"].get<std::string>());
    return {};
}

KubeErrorKind kindForNetworkError(QNetworkReply::NetworkError error) {
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        return KubeErrorKind::HostNotFound;
    case QNetworkReply::ConnectionRefusedError:
        return KubeErrorKind::ConnectionRefused;
    case QNetworkReply::SslHandshakeFailedError:
        return KubeErrorKind::Tls;
    case QNetworkReply::TimeoutError:
        return KubeErrorKind::Timeout;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return KubeErrorKind::Proxy;
    default:
        return KubeErrorKind::Network;
    }
}
} // namespace

struct KubeClientWorker::Pending {
    KubeRequest request;
    CancelFlag isCanceled;
    Callback done;
    ResourceRef ref;
    bool retryable = false;
    int attempt = 0;
    bool authRetried = false;
    bool refreshCredential = false;
    bool timedOut = false;
    bool finished = false;
    QStringList sslErrors;
    QPointer<QNetworkReply> reply;
    QPointer<QTimer> timer;
};

KubeClientWorker::KubeClientWorker(ClusterAccess access, ClientOptions options)
    : m_access(std::move(access))
    , m_options(options) {}

KubeClientWorker::~KubeClientWorker() = default;

void KubeClientWorker::initialise() {
    m_nam = new QNetworkAccessManager(this);
    m_nam->setAutoDeleteReplies(false);
    m_base = QUrl(m_access.server);
    if (!m_base.isValid() ||
        (m_base.scheme() != QLatin1String("https") && m_base.scheme() != QLatin1String("http"))) {
        m_setupErrorKind = KubeErrorKind::Credential;
        m_setupError =
            QCoreApplication::translate("KubeClient",
                                        "the server URL '%1' of context '%2' is not an http(s) URL")
                .arg(m_access.server, m_access.contextName);
        return;
    }
    QString error;
    if (!setupTls(&error)) {
        m_setupErrorKind = KubeErrorKind::Tls;
        m_setupError = error;
        return;
    }
    const QNetworkProxy proxy = proxyFor(m_base, &error);
    if (!error.isEmpty()) {
        m_setupErrorKind = KubeErrorKind::Proxy;
        m_setupError = error;
        return;
    }
    m_nam->setProxy(proxy);
    if (m_access.exec) {
        m_exec = new ExecCredentialProvider(m_access, m_options.interactive, this);
        connect(m_exec, &ExecCredentialProvider::prompt, this, &KubeClientWorker::credentialPrompt);
    }
    m_sweep = new QTimer(this);
    m_sweep->setInterval(200);
    connect(m_sweep, &QTimer::timeout, this, &KubeClientWorker::sweepCancelled);
}

bool KubeClientWorker::setupTls(QString *error) {
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_access.caPem.isEmpty()) {
        const auto authorities = QSslCertificate::fromData(m_access.caPem, QSsl::Pem);
        if (authorities.isEmpty()) {
            *error =
                QCoreApplication::translate(
                    "KubeClient",
                    "the certificate authority of cluster '%1' (in %2) holds no PEM certificate")
                    .arg(m_access.clusterName, m_access.sourceFile);
            return false;
        }
        m_tls.setCaCertificates(authorities);
    }
    if (m_access.insecureSkipTlsVerify)
        m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!m_access.clientCertPem.isEmpty() || !m_access.clientKeyPem.isEmpty()) {
        const QSslCertificate cert(m_access.clientCertPem, QSsl::Pem);
        const QSslKey key = loadPrivateKey(m_access.clientKeyPem);
        if (cert.isNull() || key.isNull()) {
            *error =
                QCoreApplication::translate(
                    "KubeClient",
                    "the client certificate or key of user '%1' (in %2) is not a PEM certificate "
                    "with an RSA or EC private key")
                    .arg(m_access.userName, m_access.sourceFile);
            return false;
        }
        m_tls.setLocalCertificate(cert);
        m_tls.setPrivateKey(key);
    }
    return true;
}

// proxy-url wins; else the environment as kubectl reads it (HTTPS_PROXY, NO_PROXY). Loopback
// never goes through a proxy.
QNetworkProxy KubeClientWorker::proxyFor(const QUrl &url, QString *error) const {
    if (isLoopback(url.host()))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    QString proxy = m_access.proxyUrl;
    if (proxy.isEmpty()) {
        const auto env = QProcessEnvironment::systemEnvironment();
        const bool https = url.scheme() == QLatin1String("https");
        static const char *const httpsNames[] = {"HTTPS_PROXY", "https_proxy"};
        static const char *const httpNames[] = {"HTTP_PROXY", "http_proxy"};
        for (const char *name : https ? httpsNames : httpNames) {
            proxy = env.value(QString::fromLatin1(name));
            if (!proxy.isEmpty())
                break;
        }
        const QString noProxy =
            env.value(QStringLiteral("NO_PROXY"), env.value(QStringLiteral("no_proxy")));
        for (QString entry : noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            entry = entry.trimmed();
            while (entry.startsWith(QLatin1Char('.')))
                entry.remove(0, 1);
            if (entry == QLatin1String("*") || url.host() == entry ||
                url.host().endsWith(QLatin1Char('.') + entry))
                return QNetworkProxy(QNetworkProxy::NoProxy);
        }
    }
    if (proxy.isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QUrl proxyUrl(proxy.contains(QLatin1String("://")) ? proxy
                                                             : QStringLiteral("http://") + proxy);
    const QString scheme = proxyUrl.scheme();
    QNetworkProxy::ProxyType type = QNetworkProxy::HttpProxy;
    if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
        type = QNetworkProxy::Socks5Proxy;
    } else if (scheme != QLatin1String("http")) {
        *error =
            QCoreApplication::translate(
                "KubeClient",
                "the proxy '%1' uses the scheme '%2'; only http and socks5 proxies are supported")
                .arg(proxyUrl.host(), scheme);
        return {};
    }
    return QNetworkProxy(type, proxyUrl.host(),
                         quint16(proxyUrl.port(type == QNetworkProxy::Socks5Proxy ? 1080 : 3128)),
                         proxyUrl.userName(), proxyUrl.password());
}

void KubeClientWorker::execute(KubeRequest request, CancelFlag cancel, Callback done) {
    auto p = std::make_shared<Pending>();
    p->ref = describeRequest(request.verb, request.path);
    p->retryable = request.retryable.value_or(request.verb == "GET" || request.verb == "HEAD");
    p->request = std::move(request);
    p->isCanceled = std::move(cancel);
    p->done = std::move(done);
    if (!m_setupError.isEmpty()) {
        complete(p, failure(p, m_setupErrorKind, m_setupError));
        return;
    }
    m_queue.push_back(std::move(p));
    pump();
}

void KubeClientWorker::pump() {
    while (!m_queue.empty() && m_inFlight.size() < m_options.maxConcurrent) {
        PendingPtr p = std::move(m_queue.front());
        m_queue.pop_front();
        if (p->isCanceled && p->isCanceled()) {
            complete(p, failure(p, KubeErrorKind::Canceled, {}));
            continue;
        }
        m_inFlight.append(p);
        startAttempt(p);
    }
    if (m_sweep && !m_inFlight.isEmpty() && !m_sweep->isActive())
        m_sweep->start();
}

// A cancelled QFuture cannot call us back, so look for them now and then while work is in flight.
void KubeClientWorker::sweepCancelled() {
    const auto inFlight = m_inFlight;
    for (const auto &p : inFlight) {
        if (p->isCanceled && p->isCanceled()) {
            if (p->reply)
                p->reply->abort(); // finishes with OperationCanceledError -> complete(Canceled)
            else
                complete(p, failure(p, KubeErrorKind::Canceled, {}));
        }
    }
    if (m_inFlight.isEmpty())
        m_sweep->stop();
}

void KubeClientWorker::startAttempt(const PendingPtr &p) {
    ++p->attempt;
    p->timedOut = false;
    p->sslErrors.clear();
    if (!m_exec) {
        sendNow(p, m_access.token, {}, {});
        return;
    }
    const bool refresh = std::exchange(p->refreshCredential, false);
    m_exec->fetch(refresh, [this, p](Result<Credential> credential) {
        if (p->finished)
            return;
        if (!credential) {
            complete(p, failure(p, KubeErrorKind::Credential, credential.error()));
            return;
        }
        sendNow(p, credential->token, credential->clientCertPem, credential->clientKeyPem);
    });
}

void KubeClientWorker::sendNow(const PendingPtr &p, const QString &token, const QByteArray &certPem,
                               const QByteArray &keyPem) {
    const KubeRequest &r = p->request;
    QUrl url = m_base;
    QString basePath = m_base.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + r.path);
    url.setQuery(r.query);

    QNetworkRequest request(url);
    request.setRawHeader("Accept", r.accept);
    request.setRawHeader("User-Agent", m_options.userAgent);
    if (!r.contentType.isEmpty())
        request.setRawHeader("Content-Type", r.contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QSslConfiguration tls = m_tls;
    if (!certPem.isEmpty()) {
        tls.setLocalCertificate(QSslCertificate(certPem, QSsl::Pem));
        tls.setPrivateKey(loadPrivateKey(keyPem));
    }
    request.setSslConfiguration(tls);
    if (!m_access.tlsServerName.isEmpty())
        request.setPeerVerifyName(m_access.tlsServerName);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    QNetworkReply *reply = m_nam->sendCustomRequest(request, r.verb, r.body);
    ++requestsSent;
    p->reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [p](const QList<QSslError> &errors) {
        for (const auto &e : errors)
            p->sslErrors << e.errorString();
    });
    connect(reply, &QNetworkReply::finished, this, [this, p, reply] { onReplyFinished(p, reply); });

    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [p, reply] {
        p->timedOut = true;
        reply->abort();
    });
    timer->start(r.timeoutMs);
    p->timer = timer;
}

void KubeClientWorker::onReplyFinished(const PendingPtr &p, QNetworkReply *reply) {
    reply->deleteLater();
    if (p->timer)
        p->timer->stop();
    p->reply = nullptr;
    if (p->finished)
        return;
    if (p->isCanceled && p->isCanceled()) {
        complete(p, failure(p, KubeErrorKind::Canceled, {}));
        return;
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        KubeErrorKind kind = kindForNetworkError(reply->error());
        QString detail = reply->errorString();
        if (reply->error() == QNetworkReply::OperationCanceledError)
            kind = p->timedOut ? KubeErrorKind::Timeout : KubeErrorKind::Canceled;
        if (kind == KubeErrorKind::Timeout)
            detail = QString::number(p->request.timeoutMs / 1000.0, 'g', 3);
        if (kind == KubeErrorKind::Tls && !p->sslErrors.isEmpty())
            detail = p->sslErrors.join(QStringLiteral("; "));
        // Resets and drops are worth another try; refusals, DNS and TLS are not going to change.
        if (kind == KubeErrorKind::Network && p->retryable && p->attempt < m_options.maxAttempts) {
            retryLater(p, backoffMs(p->attempt));
            return;
        }
        complete(p, failure(p, kind, detail));
        return;
    }

    KubeResponse response;
    response.httpStatus = status;
    response.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.insert(pair.first.toLower(), pair.second);

    if (status >= 200 && status < 300) {
        if (p->request.expectJson &&
            !nlohmann::json::accept(response.body.cbegin(), response.body.cend())) {
            QByteArray start = response.body.left(40);
            for (char &c : start)
                if (c < 0x20 || c > 0x7e)
                    c = '.';
            complete(p, failure(p, KubeErrorKind::BadResponse,
                                QCoreApplication::translate("KubeClient", "%1 bytes starting '%2'")
                                    .arg(response.body.size())
                                    .arg(QString::fromLatin1(start))));
            return;
        }
        complete(p, std::move(response));
        return;
    }

    response.serverMessage = statusMessage(response.body);
    if (status == 401 && !p->authRetried && (m_exec || !m_access.tokenFile.isEmpty())) {
        // Exec credentials and projected token files rotate: get a fresh one and try once more.
        p->authRetried = true;
        if (m_exec) {
            p->refreshCredential = true;
        } else {
            QFile file(m_access.tokenFile);
            if (file.open(QIODevice::ReadOnly))
                m_access.token = QString::fromUtf8(file.readAll()).trimmed();
        }
        startAttempt(p);
        return;
    }
    const bool transient =
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    if (transient && p->retryable && p->attempt < m_options.maxAttempts) {
        int delay = -1;
        if (response.headers.contains("retry-after"))
            delay = qMin(retryAfterMs(response.headers.value("retry-after")),
                         m_options.retryAfterCapMs);
        retryLater(p, delay >= 0 ? delay : backoffMs(p->attempt));
        return;
    }
    KubeErrorKind kind = KubeErrorKind::Http;
    if (status == 401)
        kind = KubeErrorKind::Unauthorized;
    else if (status == 403)
        kind = KubeErrorKind::Forbidden;
    else if (status == 404)
        kind = KubeErrorKind::NotFound;
    else if (status == 409)
        kind = KubeErrorKind::Conflict;
    else if (status == 429)
        kind = KubeErrorKind::TooManyRequests;
    else if (status >= 500)
        kind = KubeErrorKind::Server;
    KubeResponse failed = failure(p, kind, {}, status, response.serverMessage);
    failed.body = std::move(response.body);
    failed.headers = std::move(response.headers);
    complete(p, std::move(failed));
}

// Exponential backoff with "equal jitter": half the step is fixed, half random, so a crowd of
// clients spreads out but none retries at once.
int KubeClientWorker::backoffMs(int attempt) {
    const qint64 step = qMin<qint64>(m_options.backoffMaxMs, qint64(m_options.backoffBaseMs)
                                                                 << qMin(attempt - 1, 20));
    std::uniform_int_distribution<qint64> jitter(0, step / 2);
    return int(step / 2 + jitter(m_rng));
}

void KubeClientWorker::retryLater(const PendingPtr &p, int delayMs) {
    QTimer::singleShot(delayMs, this, [this, p] {
        if (p->finished)
            return;
        if (p->isCanceled && p->isCanceled()) {
            complete(p, failure(p, KubeErrorKind::Canceled, {}));
            return;
        }
        startAttempt(p);
    });
}

KubeResponse KubeClientWorker::failure(const PendingPtr &p, KubeErrorKind kind,
                                       const QString &detail, int status,
                                       const QString &serverMessage) const {
    KubeResponse r;
    r.error = kind;
    r.httpStatus = status;
    r.attempts = p->attempt;
    r.serverMessage = serverMessage;
    r.errorMessage =
        detail::errorSentence(kind, p->ref, m_access, status, serverMessage, detail, p->attempt);
    return r;
}

void KubeClientWorker::complete(const PendingPtr &p, KubeResponse response) {
    if (p->finished)
        return;
    p->finished = true;
    m_inFlight.removeOne(p);
    response.attempts = p->attempt;
    if (p->done)
        p->done(std::move(response));
    pump();
}

void KubeClientWorker::cancelAll() {
    while (!m_queue.empty()) {
        PendingPtr p = std::move(m_queue.front());
        m_queue.pop_front();
        complete(p, failure(p, KubeErrorKind::Canceled, {}));
    }
    const auto inFlight = m_inFlight;
    for (const auto &p : inFlight) {
        if (p->reply) {
            p->reply->disconnect(this);
            p->reply->abort();
            p->reply->deleteLater();
        }
        complete(p, failure(p, KubeErrorKind::Canceled, {}));
    }
}

void KubeClientWorker::shutdown() {
    cancelAll();
    if (m_exec)
        m_exec->cancel();
}

} // namespace nt
