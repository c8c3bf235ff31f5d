#include "simserver.h"

#include "certificates.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>

namespace nt::sim {

using nlohmann::json;

namespace {

std::string methodName(QHttpServerRequest::Method m) {
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

const char *reasonPhrase(int code) {
    switch (code) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

// The request's header value, case-insensitively (HTTP/1.1 header names are).
std::string header(const QHttpServerRequest &request, const char *name) {
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.toStdString();
    }
    return {};
}

} // namespace

SimServer::SimServer(SimCluster &cluster, const Certificates &certs, QString token, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_cluster(cluster)
    , m_certs(certs)
    , m_token(std::move(token))
    , m_handlers(cluster) {}

quint16 SimServer::start(quint16 port) {
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(m_certs.serverCertPem(), QSsl::Pem));
    tls.setPrivateKey(QSslKey(m_certs.serverKeyPem(), QSsl::Ec, QSsl::Pem));
    tls.setCaCertificates({QSslCertificate(m_certs.caPem(), QSsl::Pem)});
    // QueryPeer: ask for a client certificate but let token users in without one; the
    // certificate, when sent, is checked against our CA in authenticate().
    tls.setPeerVerifyMode(QSslSocket::QueryPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    sslSetup(tls);
    return listen(QHostAddress::LocalHost, port);
}

std::string SimServer::authenticate(const QHttpServerRequest &request, QTcpSocket *socket) const {
    const std::string auth = header(request, "Authorization");
    if (auth.rfind("Bearer ", 0) == 0)
        return auth.substr(7) == m_token.toStdString() ? "sim-token" : std::string();
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        const QSslCertificate cert = ssl->peerCertificate();
        if (!cert.isNull() && m_certs.issuedByCa(cert.toDer())) {
            const QStringList cn = cert.subjectInfo(QSslCertificate::CommonName);
            return cn.isEmpty() ? std::string() : cn.first().toStdString();
        }
    }
    return {};
}

bool SimServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    QElapsedTimer timer;
    timer.start();
    ApiRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyDecoded).toStdString();
    r.query = request.query();
    r.accept = header(request, "Accept");
    r.contentType = header(request, "Content-Type");
    r.body = request.body();
    r.user = authenticate(request, socket);

    const bool control = r.path.rfind("/_sim/", 0) == 0;
    ApiResponse response;
    int delayMs = 0;
    if (r.user.empty()) {
        response = statusResponse(401, "Unauthorized", "Unauthorized");
    } else if (control) {
        response = this->control(r);
    } else if (auto fault = m_faults.take(r.method, r.path)) {
        delayMs = fault->delayMs;
        if (fault->close) {
            // Drop the connection after the handler returns, like a crashed proxy.
            QTimer::singleShot(delayMs, socket, [s = QPointer<QTcpSocket>(socket)] {
                if (s)
                    s->abort();
            });
            response.status = 0;
        } else if (fault->garbage) {
            response = {200, "application/json", "<html><body>502 upstream garbage", {}};
        } else if (fault->status > 0) {
            std::string message = fault->message;
            if (message.empty())
                message =
                    fault->status == 429   ? "Too many requests, please try again later."
                    : fault->status == 503 ? "the server is currently unable to handle the request"
                    : fault->status == 403 ? r.user + " is forbidden by a simulated fault"
                                           : "simulated failure " + std::to_string(fault->status);
            json details = nullptr;
            if (fault->retryAfter >= 0)
                details = {{"retryAfterSeconds", fault->retryAfter}};
            response = statusResponse(fault->status, message, fault->reason, details);
        } else {
            response = handleSafely(r);
        }
        if (fault->retryAfter >= 0)
            response.headers.emplace_back("Retry-After", std::to_string(fault->retryAfter));
    } else {
        response = handleSafely(r);
    }

    if (!control) {
        m_recorder.record({{"time", SimClock::rfc3339Micro(m_cluster.clock().nowMs())},
                           {"method", r.method},
                           {"path", r.path},
                           {"query", request.url().query(QUrl::FullyDecoded).toStdString()},
                           {"user", r.user},
                           {"status", response.status},
                           {"contentType", r.contentType},
                           {"bodyBytes", r.body.size()},
                           {"responseBytes", response.body.size()},
                           {"serverMs", timer.elapsed()}});
    }
    if (response.status > 0)
        send(socket, response, delayMs);
    return true;
}

ApiResponse SimServer::handleSafely(const ApiRequest &r) {
    // A malformed object from a client must not take the whole simulated cluster down.
    try {
        return m_handlers.handle(r);
    } catch (const std::exception &e) {
        return statusResponse(500, std::string("simulator error: ") + e.what(), "InternalError");
    }
}

void SimServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    // Not reached: handleRequest answers everything. Kept correct anyway.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

ApiResponse SimServer::control(const ApiRequest &r) {
    if (r.path == "/_sim/faults") {
        if (r.method == "DELETE") {
            m_faults.clear();
            return jsonResponse(R"({"faults":[]})");
        }
        if (r.method == "POST") {
            const json spec = json::parse(r.body.toStdString(), nullptr, false);
            QString error;
            bool ok = !spec.is_discarded();
            if (ok && spec.is_array()) {
                for (const json &f : spec)
                    ok = ok && m_faults.add(f, &error);
            } else if (ok) {
                ok = m_faults.add(spec, &error);
            }
            if (!ok)
                return statusResponse(
                    400, error.isEmpty() ? "fault body is not JSON" : error.toStdString(),
                    "BadRequest");
            return jsonResponse(json{{"faults", m_faults.toJson()}}.dump(), 201);
        }
        if (r.method == "GET")
            return jsonResponse(json{{"faults", m_faults.toJson()}}.dump());
    }
    if (r.path == "/_sim/time" && r.method == "GET") {
        const SimClock &c = m_cluster.clock();
        return jsonResponse(json{{"scenarioSeconds", c.scenarioSeconds()},
                                 {"timeScale", c.timeScale()},
                                 {"offsetSeconds", c.scenarioOffset()},
                                 {"startTime", SimClock::rfc3339(c.startSecs())}}
                                .dump());
    }
    if (r.path == "/_sim/requests" && r.method == "GET")
        return jsonResponse(json(m_recorder.entries()).dump());
    return statusResponse(404, "the server could not find the requested resource", "NotFound");
}

void SimServer::send(QTcpSocket *socket, const ApiResponse &response, int delayMs) {
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     reasonPhrase(response.status) + "\r\n";
    out += "Audit-Id: 0c5f1d2e-sim-" + QByteArray::number(++m_auditCounter) + "\r\n";
    out += "Cache-Control: no-cache, private\r\n";
    out += "Content-Type: " + QByteArray::fromStdString(response.contentType) + "\r\n";
    for (const auto &[key, value] : response.headers)
        out += QByteArray::fromStdString(key) + ": " + QByteArray::fromStdString(value) + "\r\n";
    out += "X-Kubernetes-Pf-Flowschema-Uid: 5f0d3c2a-sim\r\nX-Kubernetes-Pf-Prioritylevel-Uid: "
           "8e1b7a4c-sim\r\n";
    out += "Content-Length: " + QByteArray::number(qsizetype(response.body.size())) + "\r\n\r\n";
    out += QByteArray::fromStdString(response.body);
    if (delayMs <= 0) {
        socket->write(out);
        return;
    }
    // The client may give up first; QPointer and the context object make that harmless.
    QTimer::singleShot(delayMs, socket, [s = QPointer<QTcpSocket>(socket), out] {
        if (s && s->state() == QAbstractSocket::ConnectedState)
            s->write(out);
    });
}

} // namespace nt::sim
