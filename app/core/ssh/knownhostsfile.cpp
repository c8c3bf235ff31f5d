#include "ssh/knownhostsfile.h"

#include "ssh/sshconfig.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <QFile>

namespace nt {

QString KnownHostsFile::hostName(const QString &host, int port) {
    if (port == 22 || port <= 0)
        return host;
    return QLatin1Char('[') + host + QStringLiteral("]:") + QString::number(port);
}

bool KnownHostsFile::fieldMatches(const QString &field, const QString &name) {
    if (field.startsWith(QStringLiteral("|1|"))) {
        const QStringList parts = field.split(QLatin1Char('|'));
        if (parts.size() != 4)
            return false;
        const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
        const QByteArray expected = QByteArray::fromBase64(parts[3].toLatin1());
        const QByteArray message = name.toUtf8();
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (!HMAC(EVP_sha1(), salt.constData(), int(salt.size()),
                  reinterpret_cast<const unsigned char *>(message.constData()),
                  size_t(message.size()), digest, &length))
            return false;
        return expected == QByteArray(reinterpret_cast<const char *>(digest), int(length));
    }
    return SshConfig::globMatch(field, name);
}

QList<KnownHostsLine> KnownHostsFile::find(const QString &file, const QString &host, int port) {
    QList<KnownHostsLine> found;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return found;
    const QString name = hostName(host, port);
    int lineNumber = 0;
    while (!in.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(in.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) ||
            line.startsWith(QLatin1Char('@')))
            continue;
        const QStringList fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (fields.size() < 3)
            continue;
        bool matched = false;
        bool negated = false;
        for (const QString &item : fields[0].split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (item.startsWith(QLatin1Char('!'))) {
                negated = negated || fieldMatches(item.mid(1), name);
            } else if (fieldMatches(item, name)) {
                matched = true;
            }
        }
        if (matched && !negated)
            found.append(KnownHostsLine{file, lineNumber, fields[1], fields[2].toLatin1(),
                                        fields[0].startsWith(QStringLiteral("|1|"))});
    }
    return found;
}

} // namespace nt
