#pragma once
// Writes the kubeconfig that points kubectl (and NodeTriage) at the simulator.
#include <QString>

namespace nt::sim {

class Certificates;

struct KubeconfigInput
{
    QString serverUrl; // https://127.0.0.1:PORT
    const Certificates *certs = nullptr;
    QString token;
};

// Contexts: `sim` (client certificate user sim-admin, current) and `sim-token` (bearer token
// user sim-token), one cluster `sim`. Returns false and sets *error on I/O failure.
bool writeKubeconfig(const QString &path, const KubeconfigInput &in, QString *error);

} // namespace nt::sim
