// KUBERNETES_EXEC_INFO and ExecCredential parsing, with nlohmann::json.
#include "kube/execcredentialjson.h"

#include <nlohmann/json.hpp>
#include <QCoreApplication>

namespace nt {
namespace {

std::string utf8(const QString &s) {
    return s.toStdString();
}

// A string member, or nullopt when it is absent, null or of another type.
std::optional<QString> stringAt(const nlohmann::json &object, const char *name) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string())
        return std::nullopt;
    return QString::fromStdString(it->get<std::string>());
}

} // namespace

QByteArray execInfoJson(const QString &apiVersion, bool interactive,
                        const ExecClusterInfo *cluster) {
    nlohmann::json spec = {{"interactive", interactive}};
    if (cluster) {
        // Field names and omitted-when-empty rules follow the Cluster type of the exec API.
        nlohmann::json c = {{"server", utf8(cluster->server)}};
        if (!cluster->tlsServerName.isEmpty())
            c["tls-server-name"] = utf8(cluster->tlsServerName);
        if (cluster->insecureSkipTlsVerify)
            c["insecure-skip-tls-verify"] = true;
        if (!cluster->caPem.isEmpty())
            c["certificate-authority-data"] = cluster->caPem.toBase64().toStdString();
        if (!cluster->proxyUrl.isEmpty())
            c["proxy-url"] = utf8(cluster->proxyUrl);
        spec["cluster"] = std::move(c);
    }
    const nlohmann::json info = {
        {"apiVersion", utf8(apiVersion)},
        {"kind", "ExecCredential"},
        {"spec", std::move(spec)},
    };
    return QByteArray::fromStdString(info.dump());
}

Result<Credential> parseExecCredential(const QByteArray &stdoutBytes, const QString &apiVersion,
                                       const QString &plugin) {
    // No exceptions and no quoting of the output in messages: it may be a half-printed token.
    const nlohmann::json doc =
        nlohmann::json::parse(stdoutBytes.constBegin(), stdoutBytes.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return Error{QCoreApplication::translate(
                         "Kubeconfig",
                         "The exec credential plugin '%1' printed something that is not an "
                         "ExecCredential JSON object on its standard output.")
                         .arg(plugin)};
    }
    const QString kind = stringAt(doc, "kind").value_or(QString());
    if (kind != QLatin1String("ExecCredential")) {
        return Error{
            QCoreApplication::translate(
                "Kubeconfig",
                "The exec credential plugin '%1' printed kind '%2', expected ExecCredential.")
                .arg(plugin, kind)};
    }
    const QString version = stringAt(doc, "apiVersion").value_or(QString());
    if (version != apiVersion) {
        return Error{QCoreApplication::translate(
                         "Kubeconfig",
                         "The exec credential plugin '%1' answered with apiVersion '%2', but the "
                         "kubeconfig asks for '%3'.")
                         .arg(plugin, version, apiVersion)};
    }
    const auto status = doc.find("status");
    if (status == doc.end() || !status->is_object()) {
        return Error{
            QCoreApplication::translate(
                "Kubeconfig",
                "The exec credential plugin '%1' printed an ExecCredential without a status.")
                .arg(plugin)};
    }

    Credential credential;
    credential.token = stringAt(*status, "token").value_or(QString());
    credential.clientCertPem =
        stringAt(*status, "clientCertificateData").value_or(QString()).toUtf8();
    credential.clientKeyPem = stringAt(*status, "clientKeyData").value_or(QString()).toUtf8();
    if (credential.clientCertPem.isEmpty() != credential.clientKeyPem.isEmpty()) {
        return Error{QCoreApplication::translate(
                         "Kubeconfig", "The exec credential plugin '%1' printed only one of "
                                       "status.clientCertificateData and status.clientKeyData.")
                         .arg(plugin)};
    }
    if (credential.token.isEmpty() && credential.clientCertPem.isEmpty()) {
        return Error{QCoreApplication::translate(
                         "Kubeconfig",
                         "The exec credential plugin '%1' printed neither status.token nor "
                         "status.clientCertificateData and status.clientKeyData.")
                         .arg(plugin)};
    }
    if (const auto expiry = stringAt(*status, "expirationTimestamp");
        expiry && !expiry->isEmpty()) {
        credential.expiresAt = QDateTime::fromString(*expiry, Qt::ISODateWithMs);
        if (!credential.expiresAt.isValid()) {
            return Error{
                QCoreApplication::translate(
                    "Kubeconfig",
                    "The exec credential plugin '%1' printed status.expirationTimestamp '%2', "
                    "which is not an RFC 3339 time.")
                    .arg(plugin, *expiry)};
        }
    }
    return credential;
}

} // namespace nt
