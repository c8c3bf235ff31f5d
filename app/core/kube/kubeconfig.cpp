// Finding, merging and resolving kubeconfigs the way kubectl does (see docs/kubeconfig.md).
// Parsing of one file lives in kubeconfigparser.cpp; here the files are combined and a context
// is turned into a ClusterAccess, reading the files it references.
#include "kube/kubeconfig.h"
#include "kube/kubeconfigentries.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace nt {
namespace {

QString joinFiles(const QStringList &files) {
    return files.join(QStringLiteral(", "));
}

template <typename Entry>
std::shared_ptr<Entry> findEntry(const QList<QPair<QString, std::shared_ptr<Entry>>> &list,
                                 const QString &name) {
    for (const auto &[entryName, entry] : list) {
        if (entryName == name)
            return entry;
    }
    return nullptr;
}

// Reads a file a kubeconfig entry points at; the error names the file, the key and where the key
// was written, since "no such file" alone does not tell the user which of their configs to fix.
Result<QByteArray> readReferenced(const KubeconfigValue &ref, const QString &sourceFile) {
    QFile file(ref.text);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{
            QCoreApplication::translate("Kubeconfig",
                                        "%1:%2: '%3' refers to %4, which cannot be read (%5).")
                .arg(sourceFile, QString::number(ref.line), ref.key, ref.text, file.errorString())};
    }
    return file.readAll();
}

} // namespace

QStringList Kubeconfig::defaultFiles(const QString &explicitPath) {
    if (!explicitPath.isEmpty())
        return {explicitPath};
    QStringList files;
    const QString env = qEnvironmentVariable("KUBECONFIG");
    // kubectl ignores empty entries ("a::b") and repeated ones; missing files are skipped in
    // load().
    for (const QString &entry : env.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        if (!files.contains(entry))
            files << entry;
    }
    if (files.isEmpty())
        files << QDir::homePath() + QStringLiteral("/.kube/config");
    return files;
}

Result<Kubeconfig> Kubeconfig::load(const QStringList &files) {
    Kubeconfig config;
    QSet<QString> contextNames;
    for (const QString &path : files) {
        const QFileInfo info(path);
        if (!info.exists())
            continue;
        QFile file(path);
        if (info.isDir() || !file.open(QIODevice::ReadOnly))
            return Error{
                QCoreApplication::translate("Kubeconfig", "The kubeconfig %1 cannot be read (%2).")
                    .arg(path, info.isDir()
                                   ? QCoreApplication::translate("Kubeconfig", "it is a folder")
                                   : file.errorString())};
        auto parsed = parseKubeconfigFile(path, file.readAll());
        if (!parsed)
            return Error{parsed.error()};
        config.m_files << path;

        // The first file that defines a name wins; later definitions of it are ignored.
        if (config.m_currentContext.isEmpty())
            config.m_currentContext = parsed->currentContext;
        for (const KubeconfigContext &c : parsed->contexts) {
            if (!contextNames.contains(c.name)) {
                contextNames.insert(c.name);
                config.m_contexts << c;
            }
        }
        for (const auto &cluster : parsed->clusters) {
            if (!findEntry(config.m_clusters, cluster.first))
                config.m_clusters << cluster;
        }
        for (const auto &user : parsed->users) {
            if (!findEntry(config.m_users, user.first))
                config.m_users << user;
        }
    }
    if (config.m_files.isEmpty()) {
        if (files.size() == 1)
            return Error{
                QCoreApplication::translate("Kubeconfig", "The kubeconfig file %1 does not exist.")
                    .arg(files.constFirst())};
        return Error{
            QCoreApplication::translate("Kubeconfig", "No kubeconfig file found; tried %1.")
                .arg(joinFiles(files))};
    }
    return config;
}

QStringList Kubeconfig::contextNames() const {
    QStringList names;
    for (const KubeconfigContext &c : m_contexts)
        names << c.name;
    return names;
}

Result<ClusterAccess> Kubeconfig::resolve(const QString &contextName) const {
    const QString name = contextName.isEmpty() ? m_currentContext : contextName;
    if (name.isEmpty()) {
        if (m_contexts.isEmpty())
            return Error{QCoreApplication::translate("Kubeconfig", "No context is defined in %1.")
                             .arg(joinFiles(m_files))};
        return Error{QCoreApplication::translate(
                         "Kubeconfig", "No current-context is set in %1; choose one of: %2.")
                         .arg(joinFiles(m_files), contextNames().join(QStringLiteral(", ")))};
    }
    const KubeconfigContext *context = nullptr;
    for (const KubeconfigContext &c : m_contexts) {
        if (c.name == name)
            context = &c;
    }
    if (!context)
        return Error{QCoreApplication::translate("Kubeconfig", "Context '%1' is not defined in %2.")
                         .arg(name, joinFiles(m_files))};
    const QString where = context->sourceFile + QLatin1Char(':') + QString::number(context->line);

    if (context->cluster.isEmpty())
        return Error{QCoreApplication::translate("Kubeconfig", "%1: context '%2' names no cluster.")
                         .arg(where, name)};
    const auto cluster = findEntry(m_clusters, context->cluster);
    if (!cluster) {
        return Error{QCoreApplication::translate(
                         "Kubeconfig",
                         "%1: context '%2' refers to cluster '%3', which is not defined in %4.")
                         .arg(where, name, context->cluster, joinFiles(m_files))};
    }
    if (!cluster->problem.isEmpty())
        return Error{cluster->problem};

    ClusterAccess access;
    access.contextName = name;
    access.clusterName = context->cluster;
    access.userName = context->user;
    access.namespaceName = context->namespaceName;
    access.sourceFile = context->sourceFile;
    access.server = cluster->server.text;
    access.insecureSkipTlsVerify = cluster->insecureSkipTlsVerify;
    access.tlsServerName = cluster->tlsServerName;
    access.proxyUrl = cluster->proxyUrl;
    access.caPem = cluster->caData;
    if (cluster->caFile.present()) {
        auto ca = readReferenced(cluster->caFile, cluster->sourceFile);
        if (!ca)
            return Error{ca.error()};
        access.caPem = *ca;
    }

    // A context without a user is anonymous access; kubectl allows it, and so do we.
    if (context->user.isEmpty())
        return access;
    const auto user = findEntry(m_users, context->user);
    if (!user) {
        return Error{
            QCoreApplication::translate(
                "Kubeconfig", "%1: context '%2' refers to user '%3', which is not defined in %4.")
                .arg(where, name, context->user, joinFiles(m_files))};
    }
    if (!user->problem.isEmpty())
        return Error{user->problem};

    access.clientCertPem = user->clientCertData;
    access.clientKeyPem = user->clientKeyData;
    for (const auto &[ref, target] : {std::pair{&user->clientCertFile, &access.clientCertPem},
                                      std::pair{&user->clientKeyFile, &access.clientKeyPem}}) {
        if (!ref->present())
            continue;
        auto bytes = readReferenced(*ref, user->sourceFile);
        if (!bytes)
            return Error{bytes.error()};
        *target = *bytes;
    }
    // As in kubectl: an inline token is used as is; tokenFile is read only when there is none,
    // and its path is kept either way so a 401 can re-read a rotated token.
    access.token = user->token;
    access.tokenFile = user->tokenFile.text;
    if (access.token.isEmpty() && user->tokenFile.present()) {
        auto bytes = readReferenced(user->tokenFile, user->sourceFile);
        if (!bytes)
            return Error{bytes.error()};
        access.token = QString::fromUtf8(*bytes).trimmed();
    }
    access.exec = user->exec;
    return access;
}

} // namespace nt
