#include "stepcatalog.h"

namespace nt::ui {

QList<StepInfo> StepCatalog::steps()
{
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
            "may still look Ready. This step will check the agent's rollout, restarts and logs.")},
        {3, QStringLiteral("dns"), tr("DNS resolution"),
         tr("Nodes and pods must resolve the API server's name; private clusters depend on the "
            "DNS servers configured on the virtual network. This step will resolve the name from "
            "this computer, from a pod and from a node, and compare the answers to tell a "
            "CoreDNS fault from a network or custom-DNS fault.")},
        {4, QStringLiteral("kubelet"), tr("Kubelet errors"),
         tr("A kubelet starved of CPU, memory or disk, or one that keeps restarting, makes its "
            "node unreliable. This step will follow each kubelet's error counters and restarts "
            "over a sampling window and flag counts that keep rising rather than a single blip.")},
        {5, QStringLiteral("node-problem-detector"), tr("Node Problem Detector"),
         tr("Node Problem Detector runs on every AKS node and turns kernel, runtime and "
            "file-system troubles into node conditions and events. This step will show them as a "
            "node by condition grid, each with what it means and what to do.")},
        {6, QStringLiteral("disk-iops"), tr("Disk IOPS throttling"),
         tr("When the workload asks more of the OS disk than its provisioned IOPS or throughput, "
            "the node waits on I/O and can drop to NotReady. This step will compare each node's "
            "disk activity with the limit of its VM size and disk tier and name the likely "
            "cause.")},
    };
}

StepInfo StepCatalog::step(int number)
{
    const QList<StepInfo> all = steps();
    return number >= 1 && number <= all.size() ? all.at(number - 1) : StepInfo{};
}

} // namespace nt::ui
