#include "workloads.h"

#include "probepod.h"

#include "cluster.h"

namespace nt::sim {

using nlohmann::json;

namespace {

// The alphabet of k8s.io/apimachinery rand.SafeEncodeString: no vowels, no look-alikes.
constexpr char kSafeAlphabet[] = "bcdfghjklmnpqrstvwxz2456789";

std::string safeString(uint64_t value, int len) {
    std::string out;
    for (int i = 0; i < len; ++i) {
        out += kSafeAlphabet[value % 27];
        value = value / 27 + (value % 27) * 0x9E3779B97F4A7C15ULL;
    }
    return out;
}

uint64_t hashText(const std::string &s) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ULL;
    return h;
}

// Pods of the system pool first (where AKS schedules kube-system), skipping dead nodes.
const NodeModel &placeReplica(const SimCluster &cluster, int replica) {
    std::vector<const NodeModel *> candidates;
    for (const PoolSpec &p : cluster.scenario().pools) {
        if (p.mode != "System")
            continue;
        for (const NodeModel &n : cluster.nodes()) {
            if (n.pool == p.name && !n.unreachable)
                candidates.push_back(&n);
            if (candidates.size() >= 16)
                break;
        }
    }
    if (candidates.empty())
        return cluster.nodes()[size_t(replica) % cluster.nodes().size()];
    return *candidates[size_t(replica) % candidates.size()];
}

std::string podIp(uint64_t seed) {
    return "10.244." + std::to_string(seed % 200) + "." + std::to_string(2 + (seed >> 8) % 250);
}

json makePod(SimCluster &cluster, const json &deployment, const std::string &rsName,
             const std::string &hash, const WorkloadSpec *spec, int replica, int64_t startSecs,
             uint64_t nameSeed) {
    const auto &meta = deployment["metadata"];
    const std::string ns = meta["namespace"];
    const std::string name = rsName + "-" + safeString(nameSeed, 5);
    const NodeModel &node = placeReplica(cluster, replica);
    const bool ready = !spec || spec->ready < 0 || replica < spec->ready;
    // The crash-looping replicas are the ones that restart (all of them when all are ready).
    const int restarts =
        spec && (!ready || spec->ready < 0 || spec->ready >= spec->replicas) ? spec->restarts : 0;
    json labels = deployment["spec"]["template"]["metadata"]["labels"];
    labels["pod-template-hash"] = hash;
    const std::string started = SimClock::rfc3339(startSecs);
    json container = deployment["spec"]["template"]["spec"]["containers"][0];
    json state = ready ? json{{"running", {{"startedAt", started}}}}
                       : json{{"waiting",
                               {{"reason", "CrashLoopBackOff"},
                                {"message", "back-off 5m0s restarting failed container=" +
                                                container["name"].get<std::string>() +
                                                " pod=" + name + "_" + ns}}}};
    json cstatus = {
        {"name", container["name"]},
        {"image", container["image"]},
        {"imageID", container["image"].get<std::string>() + "@sha256:" + safeString(nameSeed, 12)},
        {"containerID", "containerd://" + safeString(nameSeed ^ 0xc0, 24)},
        {"ready", ready},
        {"started", ready},
        {"restartCount", restarts},
        {"state", state}};
    if (restarts > 0) {
        cstatus["lastState"] = {
            {"terminated",
             {{"exitCode", 1},
              {"reason", spec && !spec->lastTerminationReason.empty() ? spec->lastTerminationReason
                                                                      : "Error"},
              {"startedAt", started},
              {"finishedAt", started}}}};
    }
    auto cond = [&](const char *type, bool ok) {
        return json{{"type", type},
                    {"status", ok ? "True" : "False"},
                    {"lastProbeTime", nullptr},
                    {"lastTransitionTime", started}};
    };
    json pod = {
        {"metadata",
         {{"name", name},
          {"generateName", rsName + "-"},
          {"namespace", ns},
          {"labels", labels},
          {"creationTimestamp", started},
          {"ownerReferences",
           {{{"apiVersion", "apps/v1"},
             {"kind", "ReplicaSet"},
             {"name", rsName},
             {"uid", "rs-" + hash},
             {"controller", true},
             {"blockOwnerDeletion", true}}}}}},
        {"spec", deployment["spec"]["template"]["spec"]},
        {"status",
         {{"phase", "Running"},
          {"conditions",
           {cond("Initialized", true), cond("Ready", ready), cond("ContainersReady", ready),
            cond("PodScheduled", true)}},
          {"hostIP", node.internalIp},
          {"hostIPs", {{{"ip", node.internalIp}}}},
          {"podIP", podIp(nameSeed)},
          {"podIPs", {{{"ip", podIp(nameSeed)}}}},
          {"startTime", started},
          {"containerStatuses", {cstatus}},
          {"qosClass", "Burstable"}}},
    };
    pod["spec"]["nodeName"] = node.name;
    cluster.podExtras()[ObjectStore::key(ns, name)] = PodExtra{spec};
    return pod;
}

void setDeploymentStatus(json &d, const std::string &rsName, int ready) {
    const int replicas = d["spec"]["replicas"];
    json status = {{"observedGeneration", d["metadata"]["generation"]},
                   {"replicas", replicas},
                   {"updatedReplicas", replicas},
                   {"readyReplicas", ready},
                   {"availableReplicas", ready}};
    if (ready < replicas)
        status["unavailableReplicas"] = replicas - ready;
    const std::string now = d["metadata"]["creationTimestamp"];
    const bool available = ready >= replicas - replicas / 4 && ready > 0;
    status["conditions"] = {
        {{"type", "Available"},
         {"status", available ? "True" : "False"},
         {"reason", available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable"},
         {"message", available ? "Deployment has minimum availability."
                               : "Deployment does not have minimum availability."},
         {"lastUpdateTime", now},
         {"lastTransitionTime", now}},
        {{"type", "Progressing"},
         {"status", "True"},
         {"reason", "NewReplicaSetAvailable"},
         {"message", "ReplicaSet \"" + rsName + "\" has successfully progressed."},
         {"lastUpdateTime", now},
         {"lastTransitionTime", now}},
    };
    if (ready == 0)
        status.erase("readyReplicas");
    d["status"] = status;
}

std::string templateHash(const json &deployment) {
    return safeString(hashText(deployment["spec"]["template"].dump()), 9);
}

json makeReplicaSet(const json &deployment, const std::string &hash, int replicas, int ready,
                    int revision) {
    const auto &meta = deployment["metadata"];
    json tmpl = deployment["spec"]["template"];
    tmpl["metadata"]["labels"]["pod-template-hash"] = hash;
    json selector = deployment["spec"]["selector"];
    selector["matchLabels"]["pod-template-hash"] = hash;
    json labels = tmpl["metadata"]["labels"];
    return {
        {"metadata",
         {{"name", meta["name"].get<std::string>() + "-" + hash},
          {"namespace", meta["namespace"]},
          {"labels", labels},
          {"uid", "rs-" + hash},
          {"annotations", {{"deployment.kubernetes.io/revision", std::to_string(revision)}}},
          {"ownerReferences",
           {{{"apiVersion", "apps/v1"},
             {"kind", "Deployment"},
             {"name", meta["name"]},
             {"uid", meta.value("uid", "")},
             {"controller", true},
             {"blockOwnerDeletion", true}}}}}},
        {"spec", {{"replicas", replicas}, {"selector", selector}, {"template", tmpl}}},
        {"status",
         {{"replicas", replicas},
          {"fullyLabeledReplicas", replicas},
          {"readyReplicas", ready},
          {"availableReplicas", ready},
          {"observedGeneration", 1}}},
    };
}

void createPods(SimCluster &cluster, const json &deployment, const WorkloadSpec *spec,
                int64_t startSecs, uint64_t seed) {
    const std::string hash = templateHash(deployment);
    const std::string rsName = deployment["metadata"]["name"].get<std::string>() + "-" + hash;
    const int replicas = deployment["spec"]["replicas"];
    for (int r = 0; r < replicas; ++r)
        cluster.store().put("pods", makePod(cluster, deployment, rsName, hash, spec, r, startSecs,
                                            seed + uint64_t(r) * 7919));
}

} // namespace

void buildWorkloads(SimCluster &cluster) {
    const int64_t created = cluster.clock().startSecs() - 20 * 86400;
    for (const WorkloadSpec &w : cluster.scenario().workloads) {
        json labels = w.labels;
        json container = {
            {"name", w.container},
            {"image", w.image.empty() ? "mcr.microsoft.com/" + w.name + ":latest" : w.image},
            {"imagePullPolicy", "IfNotPresent"},
            {"resources", {{"requests", {{"cpu", "50m"}, {"memory", "64Mi"}}}}},
            {"terminationMessagePath", "/dev/termination-log"},
            {"terminationMessagePolicy", "File"}};
        json d = {
            {"metadata",
             {{"name", w.name},
              {"namespace", w.ns},
              {"labels", labels},
              {"generation", 1},
              {"creationTimestamp", SimClock::rfc3339(created)},
              {"annotations", {{"deployment.kubernetes.io/revision", "1"}}}}},
            {"spec",
             {{"replicas", w.replicas},
              {"selector", {{"matchLabels", labels}}},
              {"template",
               {{"metadata", {{"labels", labels}}},
                {"spec",
                 {{"containers", {container}},
                  {"restartPolicy", "Always"},
                  {"dnsPolicy", "ClusterFirst"},
                  {"serviceAccountName", w.name},
                  {"priorityClassName", "system-cluster-critical"},
                  {"schedulerName", "default-scheduler"}}}}},
              {"strategy",
               {{"type", "RollingUpdate"},
                {"rollingUpdate", {{"maxUnavailable", "25%"}, {"maxSurge", "25%"}}}}},
              {"revisionHistoryLimit", 10},
              {"progressDeadlineSeconds", 600}}},
        };
        const int ready = w.ready < 0 ? w.replicas : w.ready;
        const std::string hash = templateHash(d);
        setDeploymentStatus(d, w.name + "-" + hash, ready);
        StoredObject &stored = cluster.store().put("deployments", d);
        cluster.store().put("replicasets", makeReplicaSet(stored.obj, hash, w.replicas, ready, 1));
        createPods(cluster, stored.obj, &w, created + 120, hashText(w.name));
    }
}

void rollOutDeployment(SimCluster &cluster, StoredObject &deployment) {
    json &d = deployment.obj;
    const std::string ns = d["metadata"]["namespace"];
    const std::string name = d["metadata"]["name"];
    auto &pods = cluster.store().items("pods");
    const WorkloadSpec *spec = nullptr;
    std::vector<std::string> old;
    for (const auto &[key, pod] : pods) {
        const auto &owners = pod.obj["metadata"].value("ownerReferences", json::array());
        if (pod.obj["metadata"]["namespace"] != ns || owners.empty())
            continue;
        const std::string owner = owners[0].value("name", "");
        if (owner.rfind(name + "-", 0) == 0 && owner.size() == name.size() + 10) {
            old.push_back(pod.obj["metadata"]["name"]);
            if (const PodExtra *extra = cluster.podExtra(ns, old.back()))
                spec = extra->workload;
        }
    }
    for (const std::string &p : old) {
        cluster.store().remove("pods", ns, p);
        cluster.podExtras().erase(ObjectStore::key(ns, p));
    }
    const int generation = d["metadata"].value("generation", 1) + 1;
    const int revision =
        std::stoi(d["metadata"]["annotations"].value("deployment.kubernetes.io/revision", "1")) + 1;
    d["metadata"]["generation"] = generation;
    d["metadata"]["annotations"]["deployment.kubernetes.io/revision"] = std::to_string(revision);
    const std::string hash = templateHash(d);
    const int replicas = d["spec"]["replicas"];
    // A restart fixes what a restart fixes: the new pods come up ready.
    setDeploymentStatus(d, name + "-" + hash, replicas);
    cluster.store().touch(deployment);
    cluster.store().put("replicasets", makeReplicaSet(d, hash, replicas, replicas, revision));
    createPods(cluster, d, spec, cluster.clock().nowSecs(),
               hashText(name + std::to_string(cluster.clock().nowMs())));
}

void replaceDeletedPod(SimCluster &cluster, const json &deletedPod) {
    const auto &meta = deletedPod["metadata"];
    const auto owners = meta.value("ownerReferences", json::array());
    if (owners.empty() || owners[0].value("kind", "") != "ReplicaSet")
        return;
    const std::string ns = meta["namespace"];
    const std::string rsName = owners[0]["name"];
    const StoredObject *rs = cluster.store().find("replicasets", ns, rsName);
    if (!rs)
        return;
    const std::string hash = rs->obj["metadata"]["labels"].value("pod-template-hash", "");
    const std::string deployName = rsName.substr(0, rsName.size() - hash.size() - 1);
    const StoredObject *deploy = cluster.store().find("deployments", ns, deployName);
    if (!deploy)
        return;
    const PodExtra *extra = cluster.podExtra(ns, meta["name"]);
    const WorkloadSpec *spec = extra ? extra->workload : nullptr;
    cluster.store().put("pods", makePod(cluster, deploy->obj, rsName, hash, spec, 0,
                                        cluster.clock().nowSecs(),
                                        hashText(meta["name"].get<std::string>() +
                                                 std::to_string(cluster.clock().nowMs()))));
}

json admitPod(SimCluster &cluster, json pod, const std::string &ns) {
    auto &meta = pod["metadata"];
    meta["namespace"] = ns;
    if (!meta.contains("name") && meta.contains("generateName"))
        meta["name"] = meta["generateName"].get<std::string>() +
                       safeString(hashText(std::to_string(cluster.clock().nowMs())), 5);
    meta.erase("resourceVersion");
    meta.erase("uid");
    meta.erase("creationTimestamp");
    const NodeModel *node = nullptr;
    if (pod["spec"].contains("nodeName"))
        node = cluster.node(pod["spec"]["nodeName"]);
    if (!node)
        node = &placeReplica(cluster, 0);
    pod["spec"]["nodeName"] = node->name;
    const std::string now = SimClock::rfc3339(cluster.clock().nowSecs());
    const std::string name = meta.value("name", "");
    // A DNS probe runs to completion: Pending, Running, then Succeeded or Failed (Dynamics).
    if (const auto probe = probeFor(pod["spec"], cluster.scenario().cluster);
        probe && !name.empty()) {
        const auto &c0 = pod["spec"]["containers"][0];
        ProbePod p{ns,
                   name,
                   c0.value("name", ""),
                   probe->tool,
                   probe->name,
                   probe->output,
                   probe->exitCode,
                   cluster.clock().nowMs(),
                   0};
        cluster.probePods()[ObjectStore::key(ns, name)] = p;
        json statuses = json::array();
        for (const auto &c : pod["spec"].value("containers", json::array())) {
            statuses.push_back(
                {{"name", c.value("name", "")},
                 {"image", c.value("image", "")},
                 {"imageID", ""},
                 {"ready", false},
                 {"started", false},
                 {"restartCount", 0},
                 {"containerID",
                  "containerd://" + safeString(hashText(name + c.value("name", "")), 24)},
                 {"state", {{"waiting", {{"reason", "ContainerCreating"}}}}}});
        }
        auto cond = [&](const char *type, bool ok, const char *reason) {
            json c = {{"type", type},
                      {"status", ok ? "True" : "False"},
                      {"lastProbeTime", nullptr},
                      {"lastTransitionTime", now}};
            if (reason)
                c["reason"] = reason;
            return c;
        };
        if (!pod["spec"].contains("restartPolicy"))
            pod["spec"]["restartPolicy"] = "Always";
        pod["status"] = {
            {"phase", "Pending"},
            {"hostIP", node->internalIp},
            {"hostIPs", {{{"ip", node->internalIp}}}},
            {"podIP", podIp(hashText(name))},
            {"podIPs", {{{"ip", podIp(hashText(name))}}}},
            {"startTime", now},
            {"containerStatuses", statuses},
            {"qosClass", "BestEffort"},
            {"conditions",
             {cond("Initialized", true, nullptr), cond("Ready", false, "ContainersNotReady"),
              cond("ContainersReady", false, "ContainersNotReady"),
              cond("PodScheduled", true, nullptr)}}};
        return pod;
    }
    json statuses = json::array();
    for (const auto &c : pod["spec"].value("containers", json::array())) {
        statuses.push_back({{"name", c.value("name", "")},
                            {"image", c.value("image", "")},
                            {"ready", true},
                            {"started", true},
                            {"restartCount", 0},
                            {"state", {{"running", {{"startedAt", now}}}}}});
    }
    pod["status"] = {
        {"phase", "Running"},
        {"hostIP", node->internalIp},
        {"podIP", podIp(hashText(meta["name"]))},
        {"startTime", now},
        {"containerStatuses", statuses},
        {"qosClass", "BestEffort"},
        {"conditions",
         {{{"type", "Ready"}, {"status", "True"}, {"lastTransitionTime", now}},
          {{"type", "PodScheduled"}, {"status", "True"}, {"lastTransitionTime", now}}}}};
    return pod;
}

} // namespace nt::sim
