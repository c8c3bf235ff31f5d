// Endpoint parsing and display for the value types of sshtypes.h.
#include "ssh/sshtypes.h"

namespace nt {

namespace {

QString hostPort(const QString &host, int port) {
    const QString shown =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return port > 0 ? shown + QLatin1Char(':') + QString::number(port) : shown;
}

} // namespace

QString SshEndpoint::display() const {
    const QString hp = hostPort(host, port);
    return user.isEmpty() ? hp : user + QLatin1Char('@') + hp;
}

QString SshHostSettings::display() const {
    const QString hp = hostPort(host, port);
    return user.isEmpty() ? hp : user + QLatin1Char('@') + hp;
}

std::optional<SshEndpoint> parseSshEndpoint(const QString &text) {
    QString rest = text.trimmed();
    if (rest.startsWith(QStringLiteral("ssh://")))
        rest = rest.mid(6);
    if (rest.endsWith(QLatin1Char('/')))
        rest.chop(1);
    if (rest.isEmpty() || rest.contains(QLatin1Char(' ')) || rest.contains(QLatin1Char('\t')))
        return std::nullopt;

    SshEndpoint endpoint;
    // The last '@' separates the user: user names may not contain one, but be lenient.
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        endpoint.user = rest.left(at);
        rest = rest.mid(at + 1);
        if (endpoint.user.isEmpty())
            return std::nullopt;
    }

    QString portText;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return std::nullopt;
        endpoint.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')))
                return std::nullopt;
            portText = after.mid(1);
        }
    } else if (rest.count(QLatin1Char(':')) == 1) {
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        endpoint.host = rest.left(colon);
        portText = rest.mid(colon + 1);
    } else {
        endpoint.host = rest; // a bare IPv6 address has several colons and no port
    }
    if (endpoint.host.isEmpty())
        return std::nullopt;
    if (!portText.isNull()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return std::nullopt;
        endpoint.port = port;
    }
    return endpoint;
}

} // namespace nt
