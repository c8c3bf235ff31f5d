// How failed requests are described to the user: which verb on which resource in which namespace,
// against which server, as whom - the facts an engineer needs to fix RBAC, DNS or TLS.
#include "kube/kubeclientworker.h"

#include <QCoreApplication>
#include <QUrl>

namespace nt {

namespace {

QString rbacVerb(const QByteArray &httpVerb, bool hasName, bool watch) {
    if (httpVerb == "GET" || httpVerb == "HEAD")
        return watch     ? QStringLiteral("watch")
               : hasName ? QStringLiteral("get")
                         : QStringLiteral("list");
    if (httpVerb == "POST")
        return QStringLiteral("create");
    if (httpVerb == "PUT")
        return QStringLiteral("update");
    if (httpVerb == "PATCH")
        return QStringLiteral("patch");
    if (httpVerb == "DELETE")
        return hasName ? QStringLiteral("delete") : QStringLiteral("deletecollection");
    return QString::fromLatin1(httpVerb).toLower();
}
} // namespace

ResourceRef describeRequest(const QByteArray &httpVerb, const QString &pathWithQuery) {
    ResourceRef ref;
    const QUrl url(pathWithQuery, QUrl::TolerantMode);
    const QString path = url.path();
    const bool watch = url.query().contains(QStringLiteral("watch=true"));
    QStringList seg = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);

    if (seg.size() >= 2 && seg[0] == QLatin1String("api")) {
        seg = seg.mid(2);
    } else if (seg.size() >= 3 && seg[0] == QLatin1String("apis")) {
        ref.group = seg[1];
        seg = seg.mid(3);
    } else {
        // Non-resource URLs (/version, /api, /apis, /healthz): RBAC calls them by path.
        ref.verb = rbacVerb(httpVerb, true, false);
        ref.resource = path.isEmpty() ? QStringLiteral("/") : path;
        return ref;
    }
    if (seg.size() >= 3 && seg[0] == QLatin1String("namespaces")) {
        ref.namespaceName = seg[1];
        seg = seg.mid(2);
    }
    if (!seg.isEmpty())
        ref.resource = seg[0];
    if (seg.size() >= 2)
        ref.name = seg[1];
    if (seg.size() >= 3)
        ref.resource += QLatin1Char('/') + seg[2]; // subresource: pods/log, nodes/proxy
    ref.verb = rbacVerb(httpVerb, !ref.name.isEmpty(), watch);
    return ref;
}

QString ResourceRef::describe() const {
    QString what = verb + QLatin1Char(' ') + resource;
    if (!group.isEmpty() && !resource.startsWith(QLatin1Char('/')))
        what += QLatin1Char('.') + group;
    if (!name.isEmpty())
        what += QLatin1Char(' ') + name;
    if (!namespaceName.isEmpty())
        what += QCoreApplication::translate("KubeClient", " in namespace %1").arg(namespaceName);
    return what;
}

QString toString(KubeErrorKind kind) {
    switch (kind) {
    case KubeErrorKind::None:
        return QStringLiteral("none");
    case KubeErrorKind::Canceled:
        return QStringLiteral("canceled");
    case KubeErrorKind::Timeout:
        return QStringLiteral("timeout");
    case KubeErrorKind::HostNotFound:
        return QStringLiteral("host-not-found");
    case KubeErrorKind::ConnectionRefused:
        return QStringLiteral("connection-refused");
    case KubeErrorKind::Network:
        return QStringLiteral("network");
    case KubeErrorKind::Tls:
        return QStringLiteral("tls");
    case KubeErrorKind::Proxy:
        return QStringLiteral("proxy");
    case KubeErrorKind::Credential:
        return QStringLiteral("credential");
    case KubeErrorKind::Unauthorized:
        return QStringLiteral("unauthorized");
    case KubeErrorKind::Forbidden:
        return QStringLiteral("forbidden");
    case KubeErrorKind::NotFound:
        return QStringLiteral("not-found");
    case KubeErrorKind::Conflict:
        return QStringLiteral("conflict");
    case KubeErrorKind::TooManyRequests:
        return QStringLiteral("too-many-requests");
    case KubeErrorKind::Server:
        return QStringLiteral("server");
    case KubeErrorKind::Http:
        return QStringLiteral("http");
    case KubeErrorKind::BadResponse:
        return QStringLiteral("bad-response");
    }
    return QStringLiteral("unknown");
}

namespace detail {

QString errorSentence(KubeErrorKind kind, const ResourceRef &ref, const ClusterAccess &access,
                      int httpStatus, const QString &serverMessage, const QString &detail,
                      int attempts) {
    const QUrl server(access.server);
    const QString host = server.host();
    const QString hostPort = host + QLatin1Char(':') + QString::number(server.port(443));
    const QString what = ref.describe();
    const QString said =
        serverMessage.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(serverMessage);
    const QString user = access.userName.isEmpty()
                             ? QCoreApplication::translate("KubeClient", "(anonymous)")
                             : access.userName;

    switch (kind) {
    case KubeErrorKind::None:
        return {};
    case KubeErrorKind::Canceled:
        return QCoreApplication::translate("KubeClient", "Cancelled: %1 on %2.")
            .arg(what, access.server);
    case KubeErrorKind::Timeout:
        return QCoreApplication::translate("KubeClient",
                                           "No answer from the API server %1 within %2 s to %3.")
            .arg(access.server, detail, what);
    case KubeErrorKind::HostNotFound:
        return QCoreApplication::translate(
                   "KubeClient",
                   "Cannot resolve the API server's host name '%1' (server %2 of context '%3'): "
                   "check the name, DNS, and VPN or private-endpoint access.")
            .arg(host, access.server, access.contextName);
    case KubeErrorKind::ConnectionRefused:
        return QCoreApplication::translate(
                   "KubeClient",
                   "Connection to %1 refused: nothing is listening there (server of context '%2').")
            .arg(hostPort, access.contextName);
    case KubeErrorKind::Network:
        return QCoreApplication::translate("KubeClient",
                                           "Network error talking to %1 while trying to %2: %3.")
            .arg(access.server, what, detail);
    case KubeErrorKind::Tls:
        return QCoreApplication::translate(
                   "KubeClient",
                   "TLS verification of the API server %1 failed: %2. The trusted certificate "
                   "authority comes from context '%3' in %4.")
            .arg(access.server, detail, access.contextName, access.sourceFile);
    case KubeErrorKind::Proxy:
        return QCoreApplication::translate("KubeClient", "The proxy for %1 failed: %2.")
            .arg(access.server, detail);
    case KubeErrorKind::Credential:
        return QCoreApplication::translate(
                   "KubeClient", "Could not get credentials for user '%1' of context '%2': %3")
            .arg(user, access.contextName, detail);
    case KubeErrorKind::Unauthorized:
        return QCoreApplication::translate("KubeClient", "401 Unauthorized: the API server %1 did "
                                                         "not accept the credentials of user '%2' "
                                                         "(context '%3') to %4%5.")
            .arg(access.server, user, access.contextName, what, said);
    case KubeErrorKind::Forbidden:
        return QCoreApplication::translate("KubeClient",
                                           "403 Forbidden: user '%1' may not %2 on %3%4.")
            .arg(user, what, access.server, said);
    case KubeErrorKind::NotFound:
        return QCoreApplication::translate("KubeClient", "404 Not Found: %1 on %2%3.")
            .arg(what, access.server, said);
    case KubeErrorKind::Conflict:
        return QCoreApplication::translate("KubeClient", "409 Conflict: %1 on %2%3.")
            .arg(what, access.server, said);
    case KubeErrorKind::TooManyRequests:
    case KubeErrorKind::Server:
    case KubeErrorKind::Http:
        return QCoreApplication::translate(
                   "KubeClient", "HTTP %1 from the API server %2 to %3 after %n attempt(s)%4.",
                   nullptr, attempts)
            .arg(QString::number(httpStatus), access.server, what, said);
    case KubeErrorKind::BadResponse:
        return QCoreApplication::translate("KubeClient",
                                           "The API server %1 answered %2 with a response that is "
                                           "not valid Kubernetes JSON: %3.")
            .arg(access.server, what, detail);
    }
    return detail;
}

} // namespace detail
} // namespace nt
