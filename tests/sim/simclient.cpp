#include "simclient.h"

#include "simprocess.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <yaml-cpp/yaml.h>

namespace nt::test {

SimClient::SimClient(const SimProcess &sim) : m_url(sim.url())
{
    try {
        const YAML::Node config = YAML::LoadFile(sim.kubeconfig().toStdString());
        auto decode = [](const YAML::Node &n) { return QByteArray::fromBase64(QByteArray::fromStdString(n.as<std::string>())); };
        m_ca = QSslCertificate::fromData(decode(config["clusters"][0]["cluster"]["certificate-authority-data"]));
        for (const YAML::Node &u : config["users"]) {
            if (u["user"]["token"])
                m_token = QByteArray::fromStdString(u["user"]["token"].as<std::string>());
            if (u["user"]["client-certificate-data"]) {
                m_clientCert = QSslCertificate(decode(u["user"]["client-certificate-data"]));
                m_clientKey = QSslKey(decode(u["user"]["client-key-data"]), QSsl::Ec);
            }
        }
    } catch (const YAML::Exception &) {
        m_token.clear(); // isValid() reports it
    }
}

bool SimClient::useClientCertificateOf(const SimProcess &other)
{
    const SimClient theirs(other);
    m_clientCert = theirs.m_clientCert;
    m_clientKey = theirs.m_clientKey;
    return theirs.isValid();
}

HttpResult SimClient::request(const QByteArray &method, const QString &pathAndQuery, Auth auth, const QByteArray &body,
                              const QByteArray &contentType, const QByteArray &accept, int timeoutMs) const
{
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(m_url + pathAndQuery));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_ca);
    if (auth == Auth::Certificate) {
        tls.setLocalCertificate(m_clientCert);
        tls.setPrivateKey(m_clientKey);
    }
    req.setSslConfiguration(tls);
    req.setTransferTimeout(timeoutMs);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (auth == Auth::Token)
        req.setRawHeader("Authorization", "Bearer " + m_token);
    if (auth == Auth::WrongToken)
        req.setRawHeader("Authorization", "Bearer not-the-token");
    req.setRawHeader("Accept", accept);
    if (!contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);

    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    if (reply->isOpen())
        r.body = reply->readAll();
    r.contentType = reply->rawHeader("Content-Type");
    r.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return r;
}

} // namespace nt::test
