#pragma once
// Every string of every report output passes through one Redactor, so a secret removed from one
// format is removed from all, and a pseudonym given in one is the same in all.
//
// Always removed: PEM blocks, base64-encoded PEM (kubeconfig *-data fields), JWTs, bearer
// tokens, `password=`/`token:`-style assignments, long base64 blobs, and every value registered
// with addSecret(). With pseudonymisation on, registered names (cluster, API server, nodes) and
// any IPv4/IPv6 address are replaced by stand-ins handed out in registration order, so the same
// input gives the same document every time.
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace nt::report {

class Redactor {
    Q_DECLARE_TR_FUNCTIONS(nt::report::Redactor)

public:
    explicit Redactor(bool pseudonymise = false);

    bool pseudonymising() const { return m_pseudonymise; }

    // A value that must never be output (shorter than 4 characters it is ignored: replacing
    // every "ab" in a report would hide more than it protects).
    void addSecret(const QString &value);
    // Names to pseudonymise; the stand-in is decided at the first registration.
    void addClusterName(const QString &name);
    void addHostName(const QString &host); // the API server's FQDN
    void addNodeName(const QString &name);

    // The text with secrets removed and, when pseudonymising, names and addresses replaced.
    QString apply(const QString &text) const;
    QStringList apply(const QStringList &texts) const;

    // The stand-in for one registered name (the name itself when not pseudonymising).
    QString pseudonym(const QString &name) const;

private:
    QString scrubSecrets(QString text) const;
    QString replaceNames(QString text) const;
    QString ipStandIn(const QString &ip) const;
    void addName(const QString &name, const QString &standIn);

    bool m_pseudonymise;
    QStringList m_secrets; // longest first
    QHash<QString, QString> m_names;
    int m_clusters = 0, m_hosts = 0, m_nodes = 0;
    mutable QHash<QString, QString> m_ips; // handed out as they are met, in document order
};

} // namespace nt::report
