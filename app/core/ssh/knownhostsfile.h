#pragma once
// Finds the known_hosts lines that name a host, plain or hashed (|1|salt|hash, HMAC-SHA1 of the
// host name keyed by the salt). libssh tells us *that* a key changed; this tells the user
// *where* the old one is written, so the warning can name file:line as OpenSSH does.
#include <QByteArray>
#include <QList>
#include <QString>

namespace nt {

struct KnownHostsLine {
    QString file;
    int line = 0; // 1-based
    QString keyType;
    QByteArray keyBase64;
    bool hashed = false;
};

class KnownHostsFile {
public:
    // The name known_hosts uses: "host" for port 22, else "[host]:port".
    static QString hostName(const QString &host, int port);
    // Every line whose host field matches host:port, in file order. @cert-authority and
    // @revoked lines are skipped (we do not use host certificates).
    static QList<KnownHostsLine> find(const QString &file, const QString &host, int port);
    // True when `field` (one comma-separated item: a name, a pattern or |1|salt|hash) names
    // `name`. Negated patterns are handled by the caller.
    static bool fieldMatches(const QString &field, const QString &name);
};

} // namespace nt
