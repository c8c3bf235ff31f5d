#pragma once
// The JSON an exec credential plugin and its caller exchange (client.authentication.k8s.io v1 and
// v1beta1): KUBERNETES_EXEC_INFO going in, the ExecCredential printed on stdout coming back.
// Pure functions, kept apart from the process handling so they are easy to reason about.
#include "kube/execcredential.h"

#include <QByteArray>
#include <QString>

namespace nt {

// What provideClusterInfo passes to the plugin (spec.cluster).
struct ExecClusterInfo {
    QString server;
    QByteArray caPem;
    QString tlsServerName;
    bool insecureSkipTlsVerify = false;
    QString proxyUrl;
};

// KUBERNETES_EXEC_INFO: {"apiVersion", "kind":"ExecCredential", "spec":{"interactive", "cluster"}}.
// `cluster` is null unless the kubeconfig asks for provideClusterInfo.
QByteArray execInfoJson(const QString &apiVersion, bool interactive,
                        const ExecClusterInfo *cluster);

// Parses what the plugin printed. Checks kind, that apiVersion is the one asked for, and that the
// status carries a token or a certificate + key pair; expirationTimestamp is RFC 3339. Messages
// name `plugin` and what was wrong, never the credential itself.
Result<Credential> parseExecCredential(const QByteArray &stdoutBytes, const QString &apiVersion,
                                       const QString &plugin);

} // namespace nt
