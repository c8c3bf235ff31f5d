#pragma once
// A minimal HTTPS client for talking to nodetriage-sim in tests, independent of ntcore so the
// simulator is tested on its own: credentials come straight from the kubeconfig it wrote.
#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace nt::test {

class SimProcess;

struct HttpResult
{
    int status = 0;                      // 0: no HTTP answer (see error)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body, contentType, retryAfter;
};

class SimClient
{
public:
    enum class Auth { Certificate, Token, WrongToken, None };
    explicit SimClient(const SimProcess &sim);
    bool isValid() const { return !m_token.isEmpty() && !m_clientCert.isNull(); }
    // Presents another simulator's client certificate (signed by a CA this server does not know).
    bool useClientCertificateOf(const SimProcess &other);

    HttpResult request(const QByteArray &method, const QString &pathAndQuery, Auth auth = Auth::Certificate,
                       const QByteArray &body = {}, const QByteArray &contentType = {},
                       const QByteArray &accept = "application/json", int timeoutMs = 30000) const;
    HttpResult get(const QString &pathAndQuery, Auth auth = Auth::Certificate) const
    {
        return request("GET", pathAndQuery, auth);
    }

private:
    QString m_url;
    QList<QSslCertificate> m_ca;
    QSslCertificate m_clientCert;
    QSslKey m_clientKey;
    QByteArray m_token;
};

} // namespace nt::test
