#pragma once
// The simulated cluster: the scenario turned into API objects (in the ObjectStore) plus the
// per-node facts the kubelet endpoints need (size, liveness, metric timelines).
#include "objectstore.h"
#include "scenario.h"
#include "simclock.h"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace nt::sim {

struct NodeModel
{
    std::string name, pool, internalIp, uid;
    int poolIndex = 0;
    int globalIndex = 0;
    int cpuCores = 4;
    int64_t memoryBytes = 0;
    int64_t fsCapacityBytes = 0;
    int64_t bootSecs = 0;         // Unix time the node (and its kubelet) came up
    bool unreachable = false;
    std::string unreachableError;
    uint64_t seed = 0;            // per-node PRNG seed: charts differ per node but are repeatable
    MetricsSpec metrics;
};

struct PodExtra
{
    const WorkloadSpec *workload = nullptr;
};

class SimCluster
{
public:
    SimCluster(Scenario scenario, const SimClock &clock, const QString &nodeAddress);

    const Scenario &scenario() const { return m_scenario; }
    const SimClock &clock() const { return m_clock; }
    ObjectStore &store() { return m_store; }
    const ObjectStore &store() const { return m_store; }

    const std::vector<NodeModel> &nodes() const { return m_nodes; }
    const NodeModel *node(const std::string &name) const;
    // Name of the node a scenario reference ("pool/index") points at, or "" when scaled away.
    std::string nodeName(const NodeRef &ref) const;

    // Workload pods: which spec they come from (for logs), set when pods are created.
    std::unordered_map<std::string, PodExtra> &podExtras() { return m_podExtras; }
    const PodExtra *podExtra(const std::string &ns, const std::string &name) const;

private:
    void registerResources();
    void buildNodes(const QString &nodeAddress);
    void buildEvents();

    Scenario m_scenario;
    const SimClock &m_clock;
    ObjectStore m_store;
    std::vector<NodeModel> m_nodes;
    std::unordered_map<std::string, size_t> m_nodeIndex;
    std::unordered_map<std::string, PodExtra> m_podExtras;
};

} // namespace nt::sim
