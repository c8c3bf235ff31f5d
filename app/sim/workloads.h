#pragma once
// kube-system workloads: Deployments, their ReplicaSets and Pods, and the per-node kube-proxy
// pods, plus the controller behaviour the simulator imitates (rollout restart, pod re-creation).
#include <nlohmann/json.hpp>
#include <string>

namespace nt::sim {

class SimCluster;
struct StoredObject;

void buildWorkloads(SimCluster &cluster);

// After a PATCH changed the pod template: new ReplicaSet, old pods replaced by new ones,
// generation and revision bumped, status showing a finished rollout.
void rollOutDeployment(SimCluster &cluster, StoredObject &deployment);

// A Deployment's pod was deleted: its ReplicaSet creates a replacement, as the controller would.
void replaceDeletedPod(SimCluster &cluster, const nlohmann::json &deletedPod);

// POST of a bare pod (e.g. a DNS probe): fills in the status a scheduled, running pod has.
nlohmann::json admitPod(SimCluster &cluster, nlohmann::json pod, const std::string &ns);

} // namespace nt::sim
