#pragma once
// Step 2, control plane <-> node connectivity: the konnectivity agent (deployment, pods, the last
// log lines of each pod), the legacy tunnels (tunnelfront, aks-link), and `pods/log` itself
// failing with "error dialing backend" - the API server cannot reach the kubelets at all.
#include "check/stepcommon.h"

#include <optional>
#include <QHash>

namespace nt {

class KubeClient;

// What a konnectivity agent log line says (FACTS.md, apiserver-network-proxy pkg/agent).
enum class AgentLogClass {
    Other,
    Startup,   // "... set to ..." option lines
    Connected, // "Connect to", "Start serving"
    Noise,     // "remote connection EOF": a closed stream, not a failure
    Failure,   // cannot connect once, could not read stream, read/write failures, dialing backend
};
AgentLogClass classifyAgentLogLine(QStringView line);

struct PodLog {
    QString text;  // the last lines, with their times when the server sent them
    QString error; // the request failed: the client's sentence (text is then empty)
    bool failed = false;
};

struct StepTwoInput {
    // Deployments in kube-system with app= or k8s-app=konnectivity-agent (normally one).
    QList<Deployment> agents;
    QList<Pod> agentPods;
    QHash<QString, PodLog> logs; // by pod name
    QList<Deployment> legacy;    // tunnelfront / aks-link deployments
    QList<Pod> legacyPods;
    QList<Node> nodes;
    bool aks = true; // nodes carry AKS labels; a foreign cluster has no agent to expect
    bool vnetIntegrated =
        false; // API server VNet integration: no agent expected (--vnet-integration)
    QDateTime now;
};

StepOutcome judgeStepTwo(const StepTwoInput &input);
// Lists and reads what judgeStepTwo needs; a failed list is an Error outcome's note.
// A cancel (ctx) ends it with the error "cancelled".
std::optional<StepTwoInput> gatherStepTwo(KubeClient &client, const QList<Node> &nodes,
                                          QString *error, const GatherContext &ctx = {});

} // namespace nt
