#include "sampling/httpfetch.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QPromise>

#include <nlohmann/json.hpp>

#include <memory>

namespace nt {

namespace {

KubeErrorKind kindOf(QNetworkReply::NetworkError error, int status) {
    switch (error) {
    case QNetworkReply::NoError:
        return KubeErrorKind::None;
    case QNetworkReply::OperationCanceledError:
        return KubeErrorKind::Canceled;
    case QNetworkReply::TimeoutError:
        return KubeErrorKind::Timeout;
    case QNetworkReply::HostNotFoundError:
        return KubeErrorKind::HostNotFound;
    case QNetworkReply::ConnectionRefusedError:
        return KubeErrorKind::ConnectionRefused;
    case QNetworkReply::SslHandshakeFailedError:
        return KubeErrorKind::Tls;
    default:
        break;
    }
    if (status == 401)
        return KubeErrorKind::Unauthorized;
    if (status == 403)
        return KubeErrorKind::Forbidden;
    if (status == 404)
        return KubeErrorKind::NotFound;
    if (status >= 500)
        return KubeErrorKind::Server;
    if (status > 0)
        return KubeErrorKind::Http;
    return KubeErrorKind::Network;
}

} // namespace

Fetch httpFetch(QNetworkAccessManager *network, const QUrl &url, int timeoutMs, const QString &what,
                const QString &bearerToken) {
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader("Accept", "text/plain, application/json, */*");
    if (!bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearerToken.toUtf8());
    auto promise = std::make_shared<QPromise<FetchResult>>();
    promise->start();
    QNetworkReply *reply = network->get(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, promise, what, timeoutMs] {
        FetchResult r;
        r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = kindOf(reply->error(), r.httpStatus);
        if (r.ok()) {
            r.body = reply->readAll();
        } else if (r.error == KubeErrorKind::Timeout || r.error == KubeErrorKind::Canceled) {
            // The transfer timeout aborts the reply; an abort of ours is never looked at.
            r.error = KubeErrorKind::Timeout;
            r.message = QCoreApplication::translate("Sampling", "%1 did not answer within %2 s.")
                            .arg(what)
                            .arg(timeoutMs / 1000.0);
        } else if (r.httpStatus > 0) {
            // Prometheus explains a refusal in {"status":"error","error":"..."}: pass it on.
            const nlohmann::json body =
                nlohmann::json::parse(reply->read(64 * 1024).toStdString(), nullptr, false);
            QString reason;
            if (body.is_object() && body.contains("error") && body["error"].is_string())
                reason = QStringLiteral(" (%1)").arg(
                    QString::fromStdString(body["error"].get<std::string>()).left(300));
            r.message =
                QCoreApplication::translate("Sampling", "%1 answered HTTP %2 %3%4.")
                    .arg(what)
                    .arg(r.httpStatus)
                    .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(),
                         reason);
        } else {
            r.message = QCoreApplication::translate("Sampling", "%1 could not be reached: %2.")
                            .arg(what, reply->errorString());
        }
        reply->deleteLater();
        promise->addResult(std::move(r));
        promise->finish();
    });
    Fetch fetch;
    fetch.result = promise->future();
    QPointer<QNetworkReply> guard(reply);
    fetch.cancel = [guard] {
        if (guard)
            guard->abort();
    };
    return fetch;
}

} // namespace nt
