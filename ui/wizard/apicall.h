#pragma once
// A request that changes the cluster, described exactly as it will be sent, so the confirmation
// shows the very call (method, path, body) that leaves after OK and nothing else.
#include "kube/kubeclient.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace nt::ui {

struct ApiCall {
    Q_DECLARE_TR_FUNCTIONS(nt::ui::ApiCall)
public:
    QByteArray method; // "PATCH", "DELETE", "POST"
    QString path;      // exactly as sent
    QByteArray body;   // exactly as sent ("" for DELETE)
    QByteArray contentType;
    QString bodySummary; // one line for the dialog when the body is long or made later

    // "PATCH /apis/apps/v1/namespaces/kube-system/deployments/konnectivity-agent"
    QString line() const;
    KubeRequest request() const;

    // kubectl rollout restart: the pod template's restartedAt annotation set to `at`.
    static ApiCall rolloutRestart(const QString &ns, const QString &deployment,
                                  const QDateTime &at);
    static ApiCall deletePod(const QString &ns, const QString &pod);
    // The DNS probe pod of step 3: created in "default", then read and always deleted (core's
    // step 3 names the pod when it creates it, so the DELETE is shown with the name's pattern).
    static QList<ApiCall> probePod(const QString &image, const QString &fqdn, int timeoutSeconds);
};

} // namespace nt::ui
