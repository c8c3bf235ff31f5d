#include "apicall.h"

#include <nlohmann/json.hpp>
#include <QDateTime>

namespace nt::ui {

QString ApiCall::line() const {
    return QString::fromLatin1(method) + u' ' + path;
}

KubeRequest ApiCall::request() const {
    KubeRequest r;
    r.verb = method;
    r.path = path;
    r.body = body;
    r.contentType = contentType;
    r.retryable = false; // a change is sent once; the user sees the answer
    return r;
}

ApiCall ApiCall::rolloutRestart(const QString &ns, const QString &deployment, const QDateTime &at) {
    ApiCall call;
    call.method = "PATCH";
    call.path = QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(ns, deployment);
    const nlohmann::json patch = {{"spec",
                                   {{"template",
                                     {{"metadata",
                                       {{"annotations",
                                         {{"kubectl.kubernetes.io/restartedAt",
                                           at.toUTC().toString(Qt::ISODate).toStdString()}}}}}}}}}};
    call.body = QByteArray::fromStdString(patch.dump());
    call.contentType = "application/strategic-merge-patch+json";
    call.bodySummary = tr("strategic merge patch: %1").arg(QString::fromUtf8(call.body));
    return call;
}

ApiCall ApiCall::deletePod(const QString &ns, const QString &pod) {
    ApiCall call;
    call.method = "DELETE";
    call.path = QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(ns, pod);
    call.bodySummary = tr("no body; the pod's controller creates a new one");
    return call;
}

QList<ApiCall> ApiCall::probePod(const QString &image, const QString &fqdn, int timeoutSeconds) {
    ApiCall create;
    create.method = "POST";
    create.path = QStringLiteral("/api/v1/namespaces/default/pods");
    create.bodySummary =
        tr("Pod nodetriage-dns-probe-XXXXX: image %1, command “nslookup %2”, "
           "restartPolicy Never, activeDeadlineSeconds %3, no service account token")
            .arg(image, fqdn.isEmpty() ? tr("<the API server name>") : fqdn)
            .arg(timeoutSeconds);
    ApiCall remove;
    remove.method = "DELETE";
    remove.path = QStringLiteral("/api/v1/namespaces/default/pods/nodetriage-dns-probe-XXXXX");
    remove.bodySummary = tr("gracePeriodSeconds=0, always sent, also when the probe fails");
    return {create, remove};
}

} // namespace nt::ui
