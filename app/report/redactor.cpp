#include "redactor.h"

#include <algorithm>
#include <QCoreApplication>
#include <QHostAddress>

namespace nt::report {
namespace {

struct SecretShape {
    QRegularExpression pattern;
    // What replaces the match: the captured prefix (group 1, when the shape has one) is kept so
    // the reader still sees which field was there.
    bool keepPrefix;
};

const QList<SecretShape> &secretShapes() {
    using RE = QRegularExpression;
    static const QList<SecretShape> shapes = {
        // PEM blocks: certificates, private keys (RSA, EC, OpenSSH), CSRs.
        {RE(QStringLiteral("-----BEGIN [A-Z0-9 ]+-----[\\s\\S]*?(-----END [A-Z0-9 ]+-----|$)")),
         false},
        // base64 of "-----BEGIN": kubeconfig certificate-authority-data, client-key-data...
        {RE(QStringLiteral("LS0tLS1CRUdJT[A-Za-z0-9+/=\\s]*")), false},
        // JWTs (service account tokens, Entra ID access tokens).
        {RE(QStringLiteral("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*")), false},
        // Authorization headers.
        {RE(QStringLiteral("((?:bearer|basic)\\s+)[A-Za-z0-9._~+/=-]{6,}"),
            RE::CaseInsensitiveOption),
         true},
        // Assignments in configs, URLs and command lines: password=..., token: ..., sig=...
        {RE(QStringLiteral("((?:password|passwd|pwd|passphrase|secret|client[-_]?secret|"
                           "api[-_]?key|access[-_]?key|account[-_]?key|private[-_]?key|token|"
                           "client-key-data|client-certificate-data|certificate-authority-data|"
                           "sig|sas)\"?\\s*[=:]\\s*\"?)[^\\s\"',;&<>]+"),
            RE::CaseInsensitiveOption),
         true},
        // Any other long base64 run is key or certificate material, never something to read.
        {RE(QStringLiteral("[A-Za-z0-9+/]{80,}={0,2}")), false},
    };
    return shapes;
}

const QRegularExpression &ipPattern() {
    // IPv4 (a port may follow), and IPv6 candidates of at least two colons; candidates that
    // QHostAddress rejects (times like 10:30:00, MAC addresses) are left alone.
    static const QRegularExpression re(QStringLiteral(
        "(?<![\\w.:])(?:(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}"
        "(?!\\w|\\.\\d))|(?:(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\\w.:])))"));
    return re;
}

} // namespace

Redactor::Redactor(bool pseudonymise)
    : m_pseudonymise(pseudonymise) {}

void Redactor::addSecret(const QString &value) {
    const QString v = value.trimmed();
    if (v.size() < 4 || m_secrets.contains(v))
        return;
    m_secrets << v;
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void Redactor::addName(const QString &name, const QString &standIn) {
    m_names.insert(name, standIn);
}

void Redactor::addClusterName(const QString &name) {
    if (name.isEmpty() || m_names.contains(name))
        return;
    addName(name, QStringLiteral("cluster-%1").arg(++m_clusters));
}

void Redactor::addHostName(const QString &host) {
    if (host.isEmpty() || m_names.contains(host) ||
        QHostAddress(host).protocol() != QAbstractSocket::UnknownNetworkLayerProtocol)
        return;
    addName(host, QStringLiteral("apiserver-%1.example.invalid").arg(++m_hosts));
}

void Redactor::addNodeName(const QString &name) {
    if (name.isEmpty() || m_names.contains(name))
        return;
    addName(name, QStringLiteral("node-%1").arg(++m_nodes, 4, 10, QLatin1Char('0')));
}

QString Redactor::pseudonym(const QString &name) const {
    if (!m_pseudonymise)
        return name;
    if (const auto it = m_names.constFind(name); it != m_names.cend())
        return it.value();
    return apply(name);
}

QString Redactor::scrubSecrets(QString text) const {
    for (const QString &s : m_secrets)
        text.replace(s, tr("[redacted]"));
    for (const SecretShape &shape : secretShapes()) {
        if (shape.keepPrefix)
            text.replace(shape.pattern, QStringLiteral("\\1") + tr("[redacted]"));
        else
            text.replace(shape.pattern, tr("[redacted]"));
    }
    return text;
}

QString Redactor::ipStandIn(const QString &ip) const {
    if (const auto it = m_ips.constFind(ip); it != m_ips.cend())
        return it.value();
    // Documentation ranges (RFC 5737, RFC 3849): they look like addresses and are no one's.
    const int n = int(m_ips.size());
    QString standIn;
    if (ip.contains(u':'))
        standIn = QStringLiteral("2001:db8::%1").arg(n + 1, 0, 16);
    else if (n < 254)
        standIn = QStringLiteral("192.0.2.%1").arg(n + 1);
    else if (n < 508)
        standIn = QStringLiteral("198.51.100.%1").arg(n - 253);
    else if (n < 762)
        standIn = QStringLiteral("203.0.113.%1").arg(n - 507);
    else
        standIn = QStringLiteral("ip-%1").arg(n + 1);
    m_ips.insert(ip, standIn);
    return standIn;
}

QString Redactor::replaceNames(QString text) const {
    // Names are whole words of [\w.-] (node names, FQDNs, context names): one pass over the
    // words with a hash look-up stays linear however many nodes the cluster has.
    static const QRegularExpression word(QStringLiteral("\\w[\\w.-]*"));
    if (!m_names.isEmpty()) {
        QString out;
        qsizetype last = 0;
        auto it = word.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            QStringView w = m.capturedView(0);
            while (w.endsWith(u'.') || w.endsWith(u'-'))
                w.chop(1); // the full stop after a name in a sentence
            const auto found = m_names.constFind(w.toString());
            if (found == m_names.cend())
                continue;
            out += QStringView(text).mid(last, m.capturedStart() - last);
            out += found.value();
            last = m.capturedStart() + w.size();
        }
        if (last > 0) {
            out += QStringView(text).mid(last);
            text = out;
        }
    }
    if (!text.contains(ipPattern()))
        return text;
    QString out;
    qsizetype last = 0;
    auto it = ipPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString ip = m.captured(0);
        // "1:2" style matches that are not addresses (times, ratios) stay as they are.
        out += QHostAddress(ip).isNull() ? ip : ipStandIn(ip);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString Redactor::apply(const QString &text) const {
    if (text.isEmpty())
        return text;
    QString t = scrubSecrets(text);
    return m_pseudonymise ? replaceNames(std::move(t)) : t;
}

QStringList Redactor::apply(const QStringList &texts) const {
    QStringList out;
    out.reserve(texts.size());
    for (const QString &t : texts)
        out << apply(t);
    return out;
}

} // namespace nt::report
