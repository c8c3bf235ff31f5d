#pragma once
// The simulator's throw-away PKI, generated in memory at every start: a CA, a serving certificate
// for loopback and the scenario's API server FQDN, and an admin client certificate. Nothing is
// written to disk except through the kubeconfig the caller asks for.
#include <memory>
#include <QByteArray>
#include <QString>

namespace nt::sim {

class Certificates {
public:
    // Generates everything; on failure returns nullptr and sets *error.
    // apiFqdn: the API server names for the SAN list, comma-separated.
    static std::unique_ptr<Certificates> generate(const QString &apiFqdn, QString *error);
    ~Certificates();

    QByteArray caPem() const { return m_caPem; }
    QByteArray serverCertPem() const { return m_serverCertPem; }
    QByteArray serverKeyPem() const { return m_serverKeyPem; }
    QByteArray clientCertPem() const { return m_clientCertPem; }
    QByteArray clientKeyPem() const { return m_clientKeyPem; }

    // True when a DER certificate presented by a TLS client was signed by our CA. The TLS layer
    // only queries the peer (token users present no certificate), so the check is done here.
    bool issuedByCa(const QByteArray &der) const;

private:
    Certificates() = default;
    struct Keys;
    std::unique_ptr<Keys> m_keys;
    QByteArray m_caPem, m_serverCertPem, m_serverKeyPem, m_clientCertPem, m_clientKeyPem;
};

} // namespace nt::sim
