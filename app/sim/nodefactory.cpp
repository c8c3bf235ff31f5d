#include "nodefactory.h"

#include <algorithm>
#include <cstdio>

namespace nt::sim {

using nlohmann::json;

VmSize vmSize(const std::string &name) {
    // Capacity as the node reports it and allocatable after AKS's kube/system reservations
    // (values from real nodes of these sizes; rounded where they vary between node images).
    // Disk limits: uncached IOPS / MB/s, then cached-and-temp IOPS / MB/s [MicrosoftDocs
    // azure-docs dv2-dsv2, dv3-dsv3 and ddv5 series pages; FACTS.md].
    static const std::map<std::string, VmSize> sizes = {
        {"Standard_DS2_v2",
         {2, "7097684Ki", "1900m", "4652372Ki", 7097684LL * 1024, 6400, 96, 8000, 64}},
        {"Standard_D2s_v3",
         {2, "8148040Ki", "1900m", "5497812Ki", 8148040LL * 1024, 3200, 48, 4000, 32}},
        {"Standard_D4s_v3",
         {4, "16374584Ki", "3860m", "12880184Ki", 16374584LL * 1024, 6400, 96, 8000, 64}},
        {"Standard_D4ds_v5",
         {4, "16365708Ki", "3860m", "12871308Ki", 16365708LL * 1024, 6400, 145, 19000, 250}},
        {"Standard_D8s_v3",
         {8, "32863340Ki", "7820m", "28652908Ki", 32863340LL * 1024, 12800, 192, 16000, 128}},
        {"Standard_D16s_v3",
         {16, "65842712Ki", "15740m", "60061464Ki", 65842712LL * 1024, 25600, 384, 32000, 256}},
    };
    const auto it = sizes.find(name);
    return it == sizes.end() ? sizes.at("Standard_D4s_v3") : it->second;
}

OsDisk osDisk(const PoolSpec &pool) {
    const VmSize vm = vmSize(pool.vmSize);
    OsDisk d;
    // AKS's default managed OS disk by vCPU count: 1-7 -> 128 GiB, 8-15 -> 256, 16-63 -> 512,
    // 64+ -> 1024 [FACTS.md].
    d.sizeGiB = pool.osDiskSizeGB > 0 ? pool.osDiskSizeGB
                                      : (vm.cpu < 8    ? 128
                                         : vm.cpu < 16 ? 256
                                         : vm.cpu < 64 ? 512
                                                       : 1024);
    if (pool.osDiskType == "Ephemeral") {
        d.tier = "Ephemeral";
        d.iopsCap = vm.cachedIops;
        d.mbpsCap = vm.cachedMBps;
        return d;
    }
    // Premium SSD tiers by size: base IOPS / MB/s [FACTS.md].
    struct Tier {
        int maxGiB;
        const char *name;
        int iops, mbps;
    };
    static const Tier tiers[] = {{32, "P4", 120, 25},      {64, "P6", 240, 50},
                                 {128, "P10", 500, 100},   {256, "P15", 1100, 125},
                                 {512, "P20", 2300, 150},  {1024, "P30", 5000, 200},
                                 {2048, "P40", 7500, 250}, {1 << 30, "P50", 7500, 250}};
    for (const Tier &t : tiers) {
        if (d.sizeGiB <= t.maxGiB) {
            d.tier = t.name;
            d.iopsCap = std::min(t.iops, vm.uncachedIops);
            d.mbpsCap = std::min(t.mbps, vm.uncachedMBps);
            break;
        }
    }
    return d;
}

int64_t ephemeralStorageKi(int sizeGiB) {
    // A real 128 GiB OS disk shows 129886128Ki: the root partition minus the file system's share.
    return int64_t(double(sizeGiB) * (129886128.0 / 128.0));
}

namespace {

std::string hex(uint64_t seed, int len) {
    std::string out;
    for (int i = 0; i < len; ++i) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        out += "0123456789abcdef"[(seed >> 60) & 0xf];
    }
    return out;
}

std::string uuid(uint64_t seed) {
    const std::string h = hex(seed, 32);
    return h.substr(0, 8) + '-' + h.substr(8, 4) + '-' + h.substr(12, 4) + '-' + h.substr(16, 4) +
           '-' + h.substr(20);
}

json condition(const std::string &type, const std::string &status, const std::string &reason,
               const std::string &message, const std::string &heartbeat,
               const std::string &transition) {
    return {{"type", type},
            {"status", status},
            {"lastHeartbeatTime", heartbeat},
            {"lastTransitionTime", transition},
            {"reason", reason},
            {"message", message}};
}

// AKS Node Problem Detector conditions with the reason and message a healthy node shows
// (MicrosoftDocs azure-aks-docs node-problem-detector.md; FACTS.md).
struct NpdDefault {
    const char *type, *reason, *message;
};
constexpr NpdDefault kNpdConditions[] = {
    {"FrequentUnregisterNetDevice", "NoFrequentUnregisterNetDevice",
     "node is functioning properly"},
    {"FrequentKubeletRestart", "NoFrequentKubeletRestart", "kubelet is functioning properly"},
    {"FrequentDockerRestart", "NoFrequentDockerRestart", "docker is functioning properly"},
    {"FrequentContainerdRestart", "NoFrequentContainerdRestart",
     "containerd is functioning properly"},
    {"KernelDeadlock", "KernelHasNoDeadlock", "kernel has no deadlock"},
    {"ReadonlyFilesystem", "FilesystemIsNotReadOnly", "Filesystem is not read-only"},
    {"FilesystemCorruptionProblem", "FilesystemIsOK", "Filesystem is healthy"},
    {"KubeletProblem", "KubeletIsUp", "kubelet service is up"},
    {"ContainerRuntimeProblem", "ContainerRuntimeIsUp", "container runtime service is up"},
    {"VMEventScheduled", "NoVMEventScheduled", "VM has no scheduled event"},
    {"FreezeScheduled", "NoFreezeScheduled", "VM has no scheduled Freeze event"},
    {"RebootScheduled", "NoRebootScheduled", "VM has no scheduled Reboot event"},
    {"RedeployScheduled", "NoRedeployScheduled", "VM has no scheduled Redeploy event"},
    {"TerminateScheduled", "NoTerminateScheduled", "VM has no scheduled Terminate event"},
    {"PreemptScheduled", "NoPreemptScheduled", "VM has no scheduled Preempt event"},
};

json taintJson(const TaintSpec &t, const SimClock &clock) {
    json j = {{"key", t.key}, {"effect", t.effect}};
    if (!t.value.empty())
        j["value"] = t.value;
    if (t.addedAgoSeconds >= 0)
        j["timeAdded"] = SimClock::rfc3339(clock.startSecs() - t.addedAgoSeconds);
    return j;
}

json buildConditions(const SimCluster &cluster, const NodeModel &node, const NodeOverride *ov) {
    const SimClock &clock = cluster.clock();
    const bool stale = ov && ov->staleHeartbeatSeconds > 0;
    const int64_t lastBeat = clock.startSecs() - (stale ? ov->staleHeartbeatSeconds : 0);
    // A dead node keeps its last heartbeat; a live one reports "now" (patched in on every read).
    const std::string heartbeat = stale ? SimClock::rfc3339(lastBeat) : std::string(kNowMarker);
    const std::string created = SimClock::rfc3339(node.bootSecs);
    auto transitionOf = [&](int64_t ago) {
        return ago >= 0 ? SimClock::rfc3339(clock.startSecs() - ago) : created;
    };
    // The node controller flips conditions to Unknown after the 40 s grace period.
    const std::string unknownSince = SimClock::rfc3339(lastBeat + 40);

    json conds = json::array();
    for (const auto &npd : kNpdConditions)
        conds.push_back(condition(npd.type, "False", npd.reason, npd.message, heartbeat, created));
    conds.push_back(condition("NetworkUnavailable", "False", "RouteCreated",
                              "RouteController created a route", created, created));
    const std::string kubeletStatus =
        ov && !ov->kubeletConditions.empty() ? ov->kubeletConditions : "False";
    const bool unknown = kubeletStatus == "Unknown";
    auto kubeletCond = [&](const char *type, const char *reason, const char *message) {
        return unknown ? condition(type, "Unknown", "NodeStatusUnknown",
                                   "Kubelet stopped posting node status.", heartbeat, unknownSince)
                       : condition(type, kubeletStatus, reason, message, heartbeat, created);
    };
    conds.push_back(kubeletCond("MemoryPressure", "KubeletHasSufficientMemory",
                                "kubelet has sufficient memory available"));
    conds.push_back(
        kubeletCond("DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"));
    conds.push_back(kubeletCond("PIDPressure", "KubeletHasSufficientPID",
                                "kubelet has sufficient PID available"));
    if (ov && ov->ready) {
        const ConditionSpec &r = *ov->ready;
        const std::string since = r.status == "Unknown" && r.transitionAgoSeconds < 0
                                      ? unknownSince
                                      : transitionOf(r.transitionAgoSeconds);
        conds.push_back(condition("Ready", r.status, r.reason, r.message, heartbeat, since));
    } else {
        conds.push_back(condition("Ready", "True", "KubeletReady",
                                  "kubelet is posting ready status", heartbeat, created));
    }
    if (ov) {
        for (const ConditionSpec &c : ov->conditions) {
            auto it = std::find_if(conds.begin(), conds.end(),
                                   [&](const json &x) { return x["type"] == c.type; });
            json replacement = condition(c.type, c.status, c.reason, c.message, heartbeat,
                                         transitionOf(c.transitionAgoSeconds));
            if (it != conds.end())
                *it = replacement;
            else
                conds.push_back(replacement);
        }
    }
    return conds;
}

} // namespace

json makeNode(const SimCluster &cluster, const NodeModel &node, const PoolSpec &pool,
              const NodeOverride *ov) {
    const ClusterSpec &cs = cluster.scenario().cluster;
    const VmSize size = vmSize(pool.vmSize);
    const std::string zone = cs.region + "-" + std::to_string(node.globalIndex % 3 + 1);
    const std::string vmss = node.name.substr(0, node.name.size() - 6); // strip the instance id
    const std::string nodeRg = "MC_" + cs.resourceGroup + "_" + cs.name + "_" + cs.region;
    std::string nodeRgLower = nodeRg;
    std::transform(nodeRgLower.begin(), nodeRgLower.end(), nodeRgLower.begin(), ::tolower);

    json labels = {
        {"agentpool", pool.name},
        {"beta.kubernetes.io/arch", "amd64"},
        {"beta.kubernetes.io/instance-type", pool.vmSize},
        {"beta.kubernetes.io/os", "linux"},
        {"failure-domain.beta.kubernetes.io/region", cs.region},
        {"failure-domain.beta.kubernetes.io/zone", zone},
        {"kubernetes.azure.com/agentpool", pool.name},
        {"kubernetes.azure.com/cluster", nodeRg},
        {"kubernetes.azure.com/consolidated-additional-properties",
         hex(std::hash<std::string>{}(pool.name), 40)},
        {"kubernetes.azure.com/kubelet-identity-client-id",
         uuid(std::hash<std::string>{}(cs.name) ^ 0xc11e)},
        {"kubernetes.azure.com/mode", pool.mode == "System" ? "system" : "user"},
        {"kubernetes.azure.com/node-image-version", pool.nodeImageVersion},
        {"kubernetes.azure.com/nodepool-type", "VirtualMachineScaleSets"},
        {"kubernetes.azure.com/os-sku", pool.osSku},
        {"kubernetes.azure.com/role", "agent"},
        {"kubernetes.io/arch", "amd64"},
        {"kubernetes.io/hostname", node.name},
        {"kubernetes.io/os", "linux"},
        {"kubernetes.io/role", "agent"},
        {"node-role.kubernetes.io/agent", ""},
        {"node.kubernetes.io/instance-type", pool.vmSize},
        {"storageprofile", pool.osDiskType == "Ephemeral" ? "ephemeral" : "managed"},
        {"storagetier", "Premium_LRS"},
        {"topology.disk.csi.azure.com/zone", zone},
        {"topology.kubernetes.io/region", cs.region},
        {"topology.kubernetes.io/zone", zone},
    };
    json taints = json::array();
    for (const auto &t : pool.taints)
        taints.push_back(taintJson(t, cluster.clock()));
    if (ov) {
        for (const auto &t : ov->taints)
            taints.push_back(taintJson(t, cluster.clock()));
    }
    const int subnetIndex = node.globalIndex;
    json spec = {
        {"podCIDR", "10.244." + std::to_string(subnetIndex % 256) + ".0/24"},
        {"podCIDRs", {"10.244." + std::to_string(subnetIndex % 256) + ".0/24"}},
        {"providerID", "azure:///subscriptions/" + cs.subscription + "/resourceGroups/" +
                           nodeRgLower + "/providers/Microsoft.Compute/virtualMachineScaleSets/" +
                           vmss + "/virtualMachines/" + std::to_string(node.poolIndex)},
    };
    if (!taints.empty())
        spec["taints"] = taints;
    if (ov && ov->cordon)
        spec["unschedulable"] = true;

    const std::string kubelet = cs.kubernetesVersion;
    json status = {
        {"capacity",
         {{"cpu", std::to_string(size.cpu)},
          {"ephemeral-storage", std::to_string(node.fsCapacityBytes / 1024) + "Ki"},
          {"hugepages-1Gi", "0"},
          {"hugepages-2Mi", "0"},
          {"memory", size.memoryCapacity},
          {"pods", "110"}}},
        {"allocatable",
         {{"cpu", size.cpuAllocatable},
          {"ephemeral-storage", std::to_string(int64_t(double(node.fsCapacityBytes) * 0.9))},
          {"hugepages-1Gi", "0"},
          {"hugepages-2Mi", "0"},
          {"memory", size.memoryAllocatable},
          {"pods", "110"}}},
        {"conditions", buildConditions(cluster, node, ov)},
        {"addresses",
         {{{"type", "InternalIP"}, {"address", node.internalIp}},
          {{"type", "Hostname"}, {"address", node.name}}}},
        {"daemonEndpoints", {{"kubeletEndpoint", {{"Port", 10250}}}}},
        {"nodeInfo",
         {{"machineID", hex(node.seed ^ 0x1d, 32)},
          {"systemUUID", uuid(node.seed ^ 0x2d)},
          {"bootID", uuid(node.seed ^ 0x3d)},
          {"kernelVersion", "5.15.0-1074-azure"},
          {"osImage", "Ubuntu 22.04.5 LTS"},
          {"containerRuntimeVersion", "containerd://1.7.23-1"},
          {"kubeletVersion", kubelet},
          {"kubeProxyVersion", kubelet},
          {"operatingSystem", "linux"},
          {"architecture", "amd64"}}},
    };
    return {
        {"metadata",
         {{"name", node.name},
          {"uid", node.uid},
          {"creationTimestamp", SimClock::rfc3339(node.bootSecs)},
          {"labels", labels},
          {"annotations",
           {{"csi.volume.kubernetes.io/nodeid", "{\"disk.csi.azure.com\":\"" + node.name +
                                                    "\",\"file.csi.azure.com\":\"" + node.name +
                                                    "\"}"},
            {"node.alpha.kubernetes.io/ttl", "0"},
            {"volumes.kubernetes.io/controller-managed-attach-detach", "true"}}}}},
        {"spec", spec},
        {"status", status},
    };
}

void retargetNode(json &obj, const SimCluster &cluster, const NodeModel &node) {
    const ClusterSpec &cs = cluster.scenario().cluster;
    const std::string zone = cs.region + "-" + std::to_string(node.globalIndex % 3 + 1);
    const std::string created = SimClock::rfc3339(node.bootSecs);
    json &meta = obj["metadata"];
    const std::string oldCreated = meta["creationTimestamp"];
    meta["name"] = node.name;
    meta["uid"] = node.uid;
    meta["creationTimestamp"] = created;
    json &labels = meta["labels"];
    labels["kubernetes.io/hostname"] = node.name;
    for (const char *key : {"failure-domain.beta.kubernetes.io/zone",
                            "topology.disk.csi.azure.com/zone", "topology.kubernetes.io/zone"})
        labels[key] = zone;
    meta["annotations"]["csi.volume.kubernetes.io/nodeid"] =
        "{\"disk.csi.azure.com\":\"" + node.name + "\",\"file.csi.azure.com\":\"" + node.name +
        "\"}";
    json &spec = obj["spec"];
    const std::string cidr = "10.244." + std::to_string(node.globalIndex % 256) + ".0/24";
    spec["podCIDR"] = cidr;
    spec["podCIDRs"] = json::array({cidr});
    std::string provider = spec["providerID"];
    provider = provider.substr(0, provider.rfind('/') + 1) + std::to_string(node.poolIndex);
    spec["providerID"] = provider;
    json &status = obj["status"];
    status["addresses"][0]["address"] = node.internalIp;
    status["addresses"][1]["address"] = node.name;
    status["nodeInfo"]["machineID"] = hex(node.seed ^ 0x1d, 32);
    status["nodeInfo"]["systemUUID"] = uuid(node.seed ^ 0x2d);
    status["nodeInfo"]["bootID"] = uuid(node.seed ^ 0x3d);
    // Conditions that have not changed since the node came up carry its creation time.
    for (json &c : status["conditions"]) {
        for (const char *key : {"lastTransitionTime", "lastHeartbeatTime"}) {
            if (c[key] == oldCreated)
                c[key] = created;
        }
    }
}

json makeLease(const SimCluster &cluster, const NodeModel &node, const NodeOverride *ov) {
    const bool stale = ov && ov->staleHeartbeatSeconds > 0;
    const std::string renew =
        stale ? SimClock::rfc3339Micro(
                    (cluster.clock().startSecs() - ov->staleHeartbeatSeconds) * 1000 + 417)
              : std::string(kNowMicroMarker);
    return {
        {"metadata",
         {{"name", node.name},
          {"namespace", "kube-node-lease"},
          {"creationTimestamp", SimClock::rfc3339(node.bootSecs)},
          {"ownerReferences",
           {{{"apiVersion", "v1"}, {"kind", "Node"}, {"name", node.name}, {"uid", node.uid}}}}}},
        {"spec",
         {{"holderIdentity", node.name}, {"leaseDurationSeconds", 40}, {"renewTime", renew}}},
    };
}

} // namespace nt::sim
