#pragma once
// Node and Lease objects shaped like a real AKS node's (labels, providerID, NPD conditions...).
#include "cluster.h"

#include <nlohmann/json.hpp>

namespace nt::sim {

struct VmSize {
    int cpu;
    const char *memoryCapacity, *cpuAllocatable, *memoryAllocatable;
    int64_t memoryBytes;
    int uncachedIops, uncachedMBps; // the VM's limit for managed (remote) disks
    int cachedIops, cachedMBps;     // cache/temp disk limit: what an ephemeral OS disk gets
};

// The node's OS disk as AKS provisions it and the I/O cap the node actually gets: the lower of
// the disk tier's and the VM's limits (FACTS.md, "Azure disks and VM caps").
struct OsDisk {
    int sizeGiB = 128;
    std::string tier; // "P10" ... or "Ephemeral"
    int iopsCap = 0, mbpsCap = 0;
};
OsDisk osDisk(const PoolSpec &pool);
// capacity.ephemeral-storage for a disk of that size, as the node reports it (Ki).
int64_t ephemeralStorageKi(int sizeGiB);
// Capacity and allocatable as AKS reports them for the sizes scenarios use.
VmSize vmSize(const std::string &name);

nlohmann::json makeNode(const SimCluster &cluster, const NodeModel &node, const PoolSpec &pool,
                        const NodeOverride *override);
// Rewrites the per-node fields (names, ids, zone, addresses, times) of a node built by makeNode
// for another node of the same pool: 5000 nodes are stamped from one template this way.
void retargetNode(nlohmann::json &obj, const SimCluster &cluster, const NodeModel &node);
nlohmann::json makeLease(const SimCluster &cluster, const NodeModel &node,
                         const NodeOverride *override);

} // namespace nt::sim
