#include "stepcatalog.h"

namespace nt::ui {

QList<StepInfo> StepCatalog::steps() {
    return {
        {1, QStringLiteral("node-health"), tr("Node health"),
         tr("Every worker node should report Ready and no pressure. This step lists the nodes by "
            "pool with their conditions, taints and the age of their last heartbeat, and marks "
            "the ones that need attention.")},
        {2, QStringLiteral("control-plane-connectivity"),
         tr("Control plane \u2194 node connectivity"),
         tr("The API server reaches each kubelet through a tunnel agent running in kube-system "
            "(konnectivity-agent on current clusters, tunnelfront or aks-link on older ones). When "
            "egress rules or routes block it, logs, exec and port-forward fail while the nodes "
            "may still look Ready. This step checks the agent's rollout, its restarts and the last "
            "lines of its logs (telling real failures from harmless stream closures), the legacy "
            "tunnels, and whether the API server can read pod logs at all.")},
        {3, QStringLiteral("dns"), tr("DNS resolution"),
         tr("Nodes and pods must resolve the API server's name; private clusters depend on the "
            "DNS servers configured on the virtual network. This step resolves the name from "
            "this computer, from a short-lived probe pod (only when you allow it) and from the "
            "nodes, checks CoreDNS, and compares the answers to tell a CoreDNS fault from a "
            "network or custom-DNS fault.")},
        {4, QStringLiteral("kubelet"), tr("Kubelet errors"),
         tr("A kubelet starved of CPU, memory or disk, or one that keeps restarting, makes its "
            "node unreliable. This step follows each kubelet's error counters, PLEG latency and "
            "restarts over a sampling window, reads the node events, and flags counts that keep "
            "rising rather than a single blip.")},
        {5, QStringLiteral("node-problem-detector"), tr("Node Problem Detector"),
         tr("Node Problem Detector runs on every AKS node and turns kernel, runtime and "
            "file-system troubles into node conditions and events. This step reads those "
            "conditions "
            "and the detector's recent events on every node, each with what it means and what to "
            "do.")},
        {6, QStringLiteral("disk-iops"), tr("Disk IOPS throttling"),
         tr("When the workload asks more of the OS disk than its provisioned IOPS or throughput, "
            "the node waits on I/O and can drop to NotReady. This step samples each node's "
            "disk activity over a window, compares it with the limit of its VM size and disk "
            "tier, and flags throttling that lasts rather than one busy moment.")},
    };
}

StepInfo StepCatalog::step(int number) {
    const QList<StepInfo> all = steps();
    return number >= 1 && number <= all.size() ? all.at(number - 1) : StepInfo{};
}

} // namespace nt::ui
