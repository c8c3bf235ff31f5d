#include "kubeconfigwriter.h"

#include "certificates.h"

#include <QFile>
#include <QSaveFile>
#include <yaml-cpp/yaml.h>

namespace nt::sim {

bool writeKubeconfig(const QString &path, const KubeconfigInput &in, QString *error)
{
    auto b64 = [](const QByteArray &pem) { return pem.toBase64().toStdString(); };
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "apiVersion" << YAML::Value << "v1";
    out << YAML::Key << "kind" << YAML::Value << "Config";
    out << YAML::Key << "clusters" << YAML::Value << YAML::BeginSeq << YAML::BeginMap
        << YAML::Key << "name" << YAML::Value << "sim"
        << YAML::Key << "cluster" << YAML::Value << YAML::BeginMap
        << YAML::Key << "server" << YAML::Value << in.serverUrl.toStdString()
        << YAML::Key << "certificate-authority-data" << YAML::Value << b64(in.certs->caPem())
        << YAML::EndMap << YAML::EndMap << YAML::EndSeq;
    out << YAML::Key << "users" << YAML::Value << YAML::BeginSeq
        << YAML::BeginMap << YAML::Key << "name" << YAML::Value << "sim-admin"
        << YAML::Key << "user" << YAML::Value << YAML::BeginMap
        << YAML::Key << "client-certificate-data" << YAML::Value << b64(in.certs->clientCertPem())
        << YAML::Key << "client-key-data" << YAML::Value << b64(in.certs->clientKeyPem())
        << YAML::EndMap << YAML::EndMap
        << YAML::BeginMap << YAML::Key << "name" << YAML::Value << "sim-token"
        << YAML::Key << "user" << YAML::Value << YAML::BeginMap
        << YAML::Key << "token" << YAML::Value << in.token.toStdString()
        << YAML::EndMap << YAML::EndMap << YAML::EndSeq;
    auto context = [&out](const char *name, const char *user) {
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << name
            << YAML::Key << "context" << YAML::Value << YAML::BeginMap
            << YAML::Key << "cluster" << YAML::Value << "sim"
            << YAML::Key << "user" << YAML::Value << user
            << YAML::EndMap << YAML::EndMap;
    };
    out << YAML::Key << "contexts" << YAML::Value << YAML::BeginSeq;
    context("sim", "sim-admin");
    context("sim-token", "sim-token");
    out << YAML::EndSeq;
    out << YAML::Key << "current-context" << YAML::Value << "sim";
    out << YAML::EndMap;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write kubeconfig %1: %2").arg(path, file.errorString());
        return false;
    }
    // It holds a private key: owner-only, as kubectl itself would write it.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(out.c_str());
    file.write("\n");
    if (!file.commit()) {
        *error = QStringLiteral("cannot write kubeconfig %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace nt::sim
