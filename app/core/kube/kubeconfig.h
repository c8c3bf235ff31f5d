#pragma once
// Kubeconfig loading with kubectl's rules: a list of files ($KUBECONFIG, ':'-separated), the first
// file that sets a map key wins, current-context from the first file that has one; relative paths
// resolve against the folder of the file that named them. Errors name file, line and key.
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace nt {

struct ExecConfig {
    QString apiVersion;                         // client.authentication.k8s.io/v1 or /v1beta1
    QString command;                            // resolved against the file's folder if relative with '/'
    QStringList args;
    QList<QPair<QString, QString>> env;         // extra environment for the plugin
    QString installHint;
    QString interactiveMode;                    // Never / IfAvailable / Always ("" = v1beta1 default)
    bool provideClusterInfo = false;
    QString sourceFile;                         // for error messages
};

// Everything needed to talk to one context's cluster, with file references already read.
struct ClusterAccess {
    QString contextName;
    QString clusterName;
    QString userName;
    QString namespaceName;                      // context namespace, "default" when unset
    QString server;                             // https://host:port[/path]
    QByteArray caPem;                           // certificate-authority(-data); empty = system CAs
    bool insecureSkipTlsVerify = false;         // the UI and CLI must show a warning when true
    QString tlsServerName;
    QString proxyUrl;
    QByteArray clientCertPem;                   // client-certificate(-data)
    QByteArray clientKeyPem;                    // client-key(-data)
    QString token;                              // token, or the content of tokenFile
    QString tokenFile;                          // re-read on 401 (projected tokens rotate)
    std::optional<ExecConfig> exec;
    QString sourceFile;                         // the file the context came from
};

struct KubeconfigContext {
    QString name;
    QString cluster;
    QString user;
    QString namespaceName;                      // "default" when the context sets none
    QString sourceFile;                         // the file that defined the context
    int line = 0;                               // where, 1-based, for error messages
};

class Kubeconfig {
public:
    // Files to read: `explicitPath` if not empty (as --kubeconfig), else $KUBECONFIG split on ':'
    // (missing files in the list are skipped, as kubectl does), else ~/.kube/config.
    static QStringList defaultFiles(const QString &explicitPath = {});

    // Loads and merges. Fails with "FILE:LINE:COL: message" for malformed YAML and
    // "FILE:LINE: 'users[0].user.client-key-data' is not valid base64." style errors for wrong
    // types; an empty list of existing files is an error naming them. See docs/kubeconfig.md.
    static Result<Kubeconfig> load(const QStringList &files);
    static Result<Kubeconfig> loadDefault(const QString &explicitPath = {})
    {
        return load(defaultFiles(explicitPath));
    }

    QStringList files() const { return m_files; }
    QString currentContext() const { return m_currentContext; }
    QList<KubeconfigContext> contexts() const { return m_contexts; }
    QStringList contextNames() const;

    // Resolves a context (empty = current-context) into ClusterAccess, reading referenced files
    // (CA, client cert/key, tokenFile). Errors name the context, the missing cluster/user or file.
    Result<ClusterAccess> resolve(const QString &context = {}) const;

    struct ClusterEntry;
    struct UserEntry;

private:
    QStringList m_files;
    QString m_currentContext;
    QList<KubeconfigContext> m_contexts;
    QList<QPair<QString, std::shared_ptr<ClusterEntry>>> m_clusters;
    QList<QPair<QString, std::shared_ptr<UserEntry>>> m_users;
};

} // namespace nt
