#pragma once
// Internal to the kubeconfig loader: one file's entries as parsed, each value with the file, line
// and key it came from. Some problems (an auth-provider user, a missing server) only matter when a
// context uses that entry, as in kubectl, so they are kept here, already worded, until resolve().
#include "kube/kubeconfig.h"

#include <memory>
#include <optional>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace nt {

// A scalar from the file with where it was written.
struct KubeconfigValue {
    QString text; // paths are already absolute (resolved against the defining file's folder)
    QString key;  // e.g. "users[1].user.tokenFile"
    int line = 0; // 1-based; 0 = the key is absent or empty
    bool present() const { return line > 0; }
};

struct Kubeconfig::ClusterEntry {
    QString sourceFile;
    int line = 0;
    QString key; // "clusters[0]"
    KubeconfigValue server;
    QByteArray caData;
    KubeconfigValue caFile;
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    QString problem; // "FILE:LINE: ..." when the entry cannot be used; empty when fine
};

struct Kubeconfig::UserEntry {
    QString sourceFile;
    int line = 0;
    QString key; // "users[0]"
    QByteArray clientCertData;
    KubeconfigValue clientCertFile;
    QByteArray clientKeyData;
    KubeconfigValue clientKeyFile;
    QString token;
    KubeconfigValue tokenFile;
    std::optional<ExecConfig> exec;
    QString problem;
};

// What one file defines, in file order. Names are unique within a file.
struct KubeconfigFileEntries {
    QString currentContext;
    QList<KubeconfigContext> contexts;
    QList<QPair<QString, std::shared_ptr<Kubeconfig::ClusterEntry>>> clusters;
    QList<QPair<QString, std::shared_ptr<Kubeconfig::UserEntry>>> users;
};

// Parses one kubeconfig's text. `path` names the file in errors and anchors relative paths.
// Fails on malformed YAML ("FILE:LINE:COL: message"), wrong types, bad base64 and duplicate names
// ("FILE:LINE: 'key' ..."); never quotes a value, so secrets cannot leak into the message.
Result<KubeconfigFileEntries> parseKubeconfigFile(const QString &path, const QByteArray &content);

} // namespace nt
