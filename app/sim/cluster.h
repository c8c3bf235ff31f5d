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

// Running integrals of a node's rates over scenario time (counters are integrals of rates).
struct NodeIntegrals {
    double cpuCoreSeconds = 0, reads = 0, writes = 0, readBytes = 0, writeBytes = 0;
    double ioTime = 0, ioTimeWeighted = 0, psiCpu = 0, psiMemory = 0,
           psiIo = 0; // stall seconds ("some")
};

struct NodeModel {
    std::string name, pool, internalIp, uid;
    int poolIndex = 0;
    int globalIndex = 0;
    int cpuCores = 4;
    int64_t memoryBytes = 0;
    int64_t fsCapacityBytes = 0;
    int64_t bootSecs = 0; // Unix time the node (and its kubelet) came up
    bool unreachable = false;
    std::string unreachableError;
    std::string tunnelError; // konnectivity cannot dial this kubelet ("" = fine)
    int osDiskSizeGiB = 128;
    std::string osDiskTier;       // P10... or Ephemeral
    int iopsCap = 0, mbpsCap = 0; // effective disk cap (lower of disk tier and VM)
    uint64_t seed = 0;            // per-node PRNG seed: charts differ per node but are repeatable
    MetricsSpec metrics;
    // Integrals up to the start of a 5 s bucket, extended as scenario time moves on, so a
    // counter costs O(new buckets) per read however long the simulator has run.
    mutable int64_t integratedBuckets = 0;
    mutable NodeIntegrals integrated;
};

struct PodExtra {
    const WorkloadSpec *workload = nullptr;
};

// A DNS probe pod a client created: its run, and when it was admitted (real wall ms).
struct ProbePod {
    std::string ns, name, container, tool, lookup, output;
    int exitCode = 0;
    int64_t createdMs = 0;
    int phase = 0; // 0 Pending, 1 Running, 2 terminated
};

class SimCluster {
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

    // DNS probe pods in flight or finished (docs/simulator.md); Dynamics moves their phases.
    std::map<std::string, ProbePod> &probePods() { return m_probePods; }
    const ProbePod *probePod(const std::string &ns, const std::string &name) const;

    // Records an event about an object the way the event correlator does: the same reason and
    // message for the same object bump `count` and `lastTimestamp` of one Event.
    void recordEvent(const std::string &kind, const std::string &ns, const std::string &name,
                     const std::string &type, const std::string &reason, const std::string &message,
                     const std::string &component, int64_t wallSecs, int count = 1,
                     int64_t firstWallSecs = -1);

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
    std::map<std::string, ProbePod> m_probePods;
};

} // namespace nt::sim
