#include "check/findingcatalog.h"

#include <QCoreApplication>
#include <QtGlobal>

namespace nt {
namespace {

using S = Severity;

// Default severities, and why where it is a judgement call:
// - node.cordoned is a warning: a cordon takes capacity away without healing itself, and a
//   forgotten one is a classic reason for Pending pods; maintenance cordons are short-lived.
// - node.unreachable-taint is a warning of its own: the critical part is the Ready condition
//   behind it, reported separately; the taint says what Kubernetes is doing about it.
// - pressure conditions are warnings: the kubelet is already evicting to defend the node, which
//   still runs (kubernetes-mixin rates KubeNodePressure below KubeNodeNotReady as well).
const FindingDef kCatalog[] = {
    // Step 1: worker node health
    {"node.not-ready", 1, S::Critical, QT_TRANSLATE_NOOP("Findings", "Node is not ready"),
     QT_TRANSLATE_NOOP(
         "Findings",
         "Read the Ready condition's reason and the node's events; check the kubelet and the "
         "container runtime on the node, then restart the VM instance if it does not recover."),
     "Ready condition False; KubeNodeNotReady fires after 15 min [kubernetes-mixin]"},
    {"node.unknown", 1, S::Critical, QT_TRANSLATE_NOOP("Findings", "Node stopped reporting"),
     QT_TRANSLATE_NOOP("Findings",
                       "The kubelet no longer reaches the API server: check the VM is running, its "
                       "network path to the control plane (routes, firewall, NSG) and the kubelet "
                       "service; restart the VM instance if it is hung."),
     "Ready condition Unknown (NodeStatusUnknown, set after node-monitor-grace-period 40 s)"},
    {"node.memory-pressure", 1, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Node is under memory pressure"),
     QT_TRANSLATE_NOOP("Findings", "Find the pods using the most memory on the node, set memory "
                                   "requests and limits, or move to a larger VM size / add nodes."),
     "MemoryPressure True; KubeNodePressure after 10 min [kubernetes-mixin]"},
    {"node.disk-pressure", 1, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Node is under disk pressure"),
     QT_TRANSLATE_NOOP("Findings", "Free space on the node's OS disk (unused images, container "
                                   "logs, emptyDir volumes) or use a larger OS disk."),
     "DiskPressure True; KubeNodePressure after 10 min [kubernetes-mixin]"},
    {"node.pid-pressure", 1, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Node is running out of process IDs"),
     QT_TRANSLATE_NOOP("Findings", "Find the pods creating many processes or threads, set pod PID "
                                   "limits, and restart the leaking workload."),
     "PIDPressure True; KubeNodePressure after 10 min [kubernetes-mixin]"},
    {"node.network-unavailable", 1, S::Critical,
     QT_TRANSLATE_NOOP("Findings", "Node network is not configured"),
     QT_TRANSLATE_NOOP("Findings", "Check the CNI pods on the node and the node's routes; pods on "
                                   "this node cannot reach the network."),
     "NetworkUnavailable True"},
    {"node.heartbeat-stale", 1, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Node heartbeat is stale"),
     QT_TRANSLATE_NOOP("Findings",
                       "The kubelet stopped renewing its heartbeat: check the kubelet service, the "
                       "node's clock and its connection to the API server."),
     "Lease renewTime older than node-monitor-grace-period 40 s, or without leases the Ready "
     "lastHeartbeatTime older than 5 min 40 s; not repeated for a node whose Ready is already "
     "Unknown"},
    {"node.unreachable-taint", 1, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Node is tainted unreachable or not-ready"),
     QT_TRANSLATE_NOOP(
         "Findings",
         "Kubernetes keeps new pods off the node and evicts running ones after their toleration "
         "(300 s by default); fix the node's readiness and the taint goes away by itself."),
     "taint node.kubernetes.io/unreachable or node.kubernetes.io/not-ready; KubeNodeUnreachable "
     "after 15 min [kubernetes-mixin]"},
    {"node.cordoned", 1, S::Warning, QT_TRANSLATE_NOOP("Findings", "Node is cordoned"),
     QT_TRANSLATE_NOOP("Findings", "If no maintenance or upgrade is running, make the node "
                                   "schedulable again with kubectl uncordon."),
     "spec.unschedulable true"},
    {"node.readiness-flapping", 1, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Node readiness is flapping"),
     QT_TRANSLATE_NOOP(
         "Findings",
         "The node keeps going NotReady and back: look for kubelet restarts, resource starvation, "
         "disk throttling and network drops in the node's events and logs."),
     "more than 2 Ready changes in 15 min, KubeNodeReadinessFlapping [kubernetes-mixin]"},
    {"node.cpu-high", 1, S::Warning, QT_TRANSLATE_NOOP("Findings", "Node CPU use is high"),
     QT_TRANSLATE_NOOP("Findings", "Find the busiest pods on the node; set CPU requests and "
                                   "limits, scale out, or use a larger VM size."),
     "CPU use above 90%, NodeCPUHighUsage [node-mixin]"},
    {"node.memory-high", 1, S::Warning, QT_TRANSLATE_NOOP("Findings", "Node memory use is high"),
     QT_TRANSLATE_NOOP("Findings", "Find the pods with the largest working sets; set memory limits "
                                   "or add capacity before the kubelet starts evicting."),
     "memory use above 90% for 15 min, NodeMemoryHighUtilization [node-mixin]"},
    {"node.pids-high", 1, S::Warning, QT_TRANSLATE_NOOP("Findings", "Node process count is high"),
     QT_TRANSLATE_NOOP("Findings",
                       "Find the pods creating many processes or threads and set pod PID limits."),
     "PIDs in use above 90% of the node's maximum (same bar as memory; no upstream alert)"},
    {"node.fs-high", 1, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Node file system is almost full"),
     QT_TRANSLATE_NOOP("Findings", "Clean up images and logs on the node or give it a larger OS "
                                   "disk before the kubelet reports DiskPressure."),
     "less than 5% free (critical below 3%), NodeFilesystemAlmostOutOfSpace [node-mixin]"},
    {"node.no-metrics", 1, S::Info, QT_TRANSLATE_NOOP("Findings", "No metrics from the node"),
     QT_TRANSLATE_NOOP("Findings", "The kubelet's stats endpoint did not answer through the API "
                                   "server; the node's resource use could not be judged."),
     ""},
    // Step 2: control plane <-> node connectivity
    {"connectivity.agent-missing", 2, S::Critical,
     QT_TRANSLATE_NOOP("Findings", "Konnectivity agent is missing"),
     QT_TRANSLATE_NOOP("Findings",
                       "The cluster should run konnectivity-agent in kube-system but it is absent; "
                       "check the cluster's provisioning state and reconcile it."),
     ""},
    {"connectivity.agent-unavailable", 2, S::Critical,
     QT_TRANSLATE_NOOP("Findings", "Konnectivity agent replicas are not ready"),
     QT_TRANSLATE_NOOP("Findings", "Fix the egress rules the agent needs (the API server FQDN on "
                                   "port 443), then restart the deployment."),
     "ready replicas below desired"},
    {"connectivity.agent-restarting", 2, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Konnectivity agent keeps restarting"),
     QT_TRANSLATE_NOOP("Findings", "Read the agent's previous logs and last termination reason; "
                                   "most restarts come from blocked egress to the API server."),
     ""},
    {"connectivity.agent-log-errors", 2, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Konnectivity agent logs show connection errors"),
     QT_TRANSLATE_NOOP("Findings", "Check the firewall or NVA allows the API server FQDN on port "
                                   "443, then restart the agent deployment."),
     ""},
    {"connectivity.legacy-tunnel", 2, S::Info,
     QT_TRANSLATE_NOOP("Findings", "Cluster uses a legacy tunnel"),
     QT_TRANSLATE_NOOP(
         "Findings",
         "tunnelfront or aks-link is in use; upgrade the cluster to move to Konnectivity."),
     ""},
    {"connectivity.not-deployed-expected", 2, S::Info,
     QT_TRANSLATE_NOOP("Findings", "No tunnel agent is expected"),
     QT_TRANSLATE_NOOP("Findings", "With API Server VNet Integration the API server reaches nodes "
                                   "directly; no agent is deployed."),
     ""},
    {"connectivity.logs-unreachable", 2, S::Critical,
     QT_TRANSLATE_NOOP("Findings", "API server cannot reach the kubelets"),
     QT_TRANSLATE_NOOP("Findings", "kubectl logs/exec fail with \"error dialing backend\": fix the "
                                   "tunnel agent and the egress rules it needs."),
     ""},
    {"connectivity.node-apiserver-unreachable", 2, S::Critical,
     QT_TRANSLATE_NOOP("Findings", "Node cannot reach the API server"),
     QT_TRANSLATE_NOOP("Findings", "Allow egress from the node subnet to the API server on TCP 443 "
                                   "(and 9000 for tunnelfront) in the NSG, route table and "
                                   "firewall."),
     "TCP connect from the node over SSH (bash /dev/tcp, 5 s timeout)"},
    // Step 3: DNS
    {"dns.workstation-failure", 3, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "API server name does not resolve here"),
     QT_TRANSLATE_NOOP("Findings",
                       "This workstation cannot resolve the API server FQDN; for a private cluster "
                       "use a machine in (or linked to) the cluster's VNet."),
     ""},
    {"dns.pod-failure", 3, S::Critical,
     QT_TRANSLATE_NOOP("Findings", "API server name does not resolve from a pod"),
     QT_TRANSLATE_NOOP(
         "Findings",
         "Check CoreDNS and the VNet's custom DNS servers forward to Azure DNS (168.63.129.16)."),
     ""},
    {"dns.node-failure", 3, S::Critical,
     QT_TRANSLATE_NOOP("Findings", "API server name does not resolve from the node"),
     QT_TRANSLATE_NOOP("Findings", "Check the VNet's DNS servers, their forwarding to Azure DNS "
                                   "and the routes from the node to them."),
     ""},
    {"dns.private-resolves-public", 3, S::Critical,
     QT_TRANSLATE_NOOP("Findings", "Private API server name resolves to a public address"),
     QT_TRANSLATE_NOOP("Findings", "Link the private DNS zone privatelink.<region>.azmk8s.io to "
                                   "the VNet, or forward it from the custom DNS servers."),
     ""},
    {"dns.upstream-failure", 3, S::Critical,
     QT_TRANSLATE_NOOP("Findings", "Upstream DNS does not answer"),
     QT_TRANSLATE_NOOP("Findings",
                       "Azure DNS (168.63.129.16) or the custom DNS server does not answer from "
                       "the node; check routes and firewall rules on UDP/TCP 53."),
     ""},
    {"dns.coredns-unhealthy", 3, S::Critical, QT_TRANSLATE_NOOP("Findings", "CoreDNS is unhealthy"),
     QT_TRANSLATE_NOOP("Findings",
                       "Check the coredns deployment's pods, restarts and logs in kube-system."),
     ""},
    {"dns.pod-only-failure", 3, S::Critical,
     QT_TRANSLATE_NOOP("Findings", "Name resolves on the node but not in pods"),
     QT_TRANSLATE_NOOP("Findings", "The node's DNS works, so the fault is in Kubernetes DNS: check "
                                   "CoreDNS, its config map and network policies."),
     ""},
    {"dns.probe-not-run", 3, S::Info, QT_TRANSLATE_NOOP("Findings", "DNS probe not run"),
     QT_TRANSLATE_NOOP(
         "Findings", "The detail says why; give the missing access (SSH, pod creation) to run it."),
     ""},
    // Step 4: kubelet
    {"kubelet.restarting", 4, S::Critical, QT_TRANSLATE_NOOP("Findings", "Kubelet is restarting"),
     QT_TRANSLATE_NOOP("Findings", "Read the kubelet log (journalctl -u kubelet) for the reason; "
                                   "look for CPU, memory or disk starvation on the node."),
     "process_start_time_seconds moved during the window"},
    {"kubelet.errors-rising", 4, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Kubelet errors keep rising"),
     QT_TRANSLATE_NOOP("Findings", "Runtime operation errors grow over the sampling window; check "
                                   "the container runtime and the kubelet log."),
     "error counters rising over the window, not a single blip"},
    {"kubelet.pleg-slow", 4, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Kubelet pod lifecycle events are slow"),
     QT_TRANSLATE_NOOP(
         "Findings", "PLEG relists are slow: the container runtime or the OS disk is overloaded."),
     "p99 PLEG relist >= 10 s for 5 min, KubeletPlegDurationHigh [kubernetes-mixin]"},
    {"kubelet.evictions", 4, S::Warning, QT_TRANSLATE_NOOP("Findings", "Kubelet is evicting pods"),
     QT_TRANSLATE_NOOP("Findings", "The node runs short of the resource named by the eviction "
                                   "signal; set requests and limits or add capacity."),
     "kubelet_evictions increased during the window"},
    {"kubelet.too-many-pods", 4, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Node is near its pod limit"),
     QT_TRANSLATE_NOOP("Findings", "Add nodes or raise max pods on a new node pool."),
     "running pods above 95% of capacity, KubeletTooManyPods [kubernetes-mixin]"},
    {"kubelet.version-skew", 4, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Kubelet version differs from the control plane"),
     QT_TRANSLATE_NOOP("Findings", "Upgrade the node pool to the control plane's version."), ""},
    {"kubelet.metrics-unreachable", 4, S::Info,
     QT_TRANSLATE_NOOP("Findings", "Kubelet metrics could not be read"),
     QT_TRANSLATE_NOOP("Findings",
                       "The API server proxy to the kubelet failed; the detail has the error."),
     ""},
    // Step 5: Node Problem Detector
    {"npd.condition", 5, S::Warning,
     QT_TRANSLATE_NOOP("Findings", "Node Problem Detector reports a problem"),
     QT_TRANSLATE_NOOP(
         "Findings",
         "The detail names the condition; follow its remedy and check the node's events."),
     "NPD condition True [node-problem-detector]"},
    {"npd.event", 5, S::Warning, QT_TRANSLATE_NOOP("Findings", "Node Problem Detector event"),
     QT_TRANSLATE_NOOP("Findings",
                       "The detail names the event; check the node's system log around its time."),
     ""},
    {"npd.not-detected", 5, S::Info,
     QT_TRANSLATE_NOOP("Findings", "No Node Problem Detector conditions"),
     QT_TRANSLATE_NOOP(
         "Findings",
         "The node carries no NPD conditions; its problems show up only in other checks."),
     ""},
    // Step 6: disk IOPS
    {"disk.iops-throttled", 6, S::Critical, QT_TRANSLATE_NOOP("Findings", "Disk IOPS at the cap"),
     QT_TRANSLATE_NOOP("Findings", "Move I/O-heavy workloads off the OS disk, use ephemeral OS "
                                   "disks or a larger disk tier / VM size."),
     "IOPS sustained at the lower of the disk tier's and the VM's limit"},
    {"disk.throughput-throttled", 6, S::Critical,
     QT_TRANSLATE_NOOP("Findings", "Disk throughput at the cap"),
     QT_TRANSLATE_NOOP("Findings",
                       "Large I/Os reach the MB/s limit first; use a larger disk tier or VM size."),
     "MB/s sustained at the lower of the disk tier's and the VM's limit"},
    {"disk.io-saturated", 6, S::Warning, QT_TRANSLATE_NOOP("Findings", "Disk is saturated"),
     QT_TRANSLATE_NOOP("Findings", "The disk's queue keeps growing; find the busiest containers."),
     "rate(io_time_weighted) > 10 for 30 min, NodeDiskIOSaturation [node-mixin]"},
    {"disk.io-pressure", 6, S::Warning, QT_TRANSLATE_NOOP("Findings", "Tasks stall on I/O"),
     QT_TRANSLATE_NOOP("Findings", "Pressure-stall information shows tasks waiting on I/O; reduce "
                                   "I/O or raise the disk's limits."),
     ""},
    {"disk.iowait-high", 6, S::Warning, QT_TRANSLATE_NOOP("Findings", "High CPU I/O wait"),
     QT_TRANSLATE_NOOP("Findings", "CPUs idle waiting on the disk; the disk is the bottleneck."),
     ""},
    {"disk.cap-unknown", 6, S::Info, QT_TRANSLATE_NOOP("Findings", "Disk limits unknown"),
     QT_TRANSLATE_NOOP("Findings", "The VM size or disk tier is not in NodeTriage's table, so "
                                   "throttling could not be judged."),
     ""},
};

} // namespace

QString FindingDef::trTitle() const {
    return QCoreApplication::translate("Findings", title);
}

QString FindingDef::trRemedy() const {
    return QCoreApplication::translate("Findings", remedy);
}

std::span<const FindingDef> findingCatalog() {
    return kCatalog;
}

const FindingDef *findingDef(QStringView id) {
    for (const FindingDef &def : kCatalog) {
        if (id == QLatin1String(def.id))
            return &def;
    }
    return nullptr;
}

} // namespace nt
