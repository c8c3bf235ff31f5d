#include "cluster.h"

#include "nodefactory.h"
#include "workloads.h"

#include <cstdio>
#include <QHostAddress>

namespace nt::sim {

namespace {

uint64_t fnv1a(const std::string &s) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ULL;
    return h;
}

// VMSS instance ids are 6 base-36 digits: vmss000000, ... vmss00000a ...
std::string vmssInstance(int index) {
    std::string out(6, '0');
    for (int i = 5; i >= 0 && index > 0; --i, index /= 36)
        out[size_t(i)] = "0123456789abcdefghijklmnopqrstuvwxyz"[index % 36];
    return out;
}

std::string ipFor(int globalIndex) {
    // AKS's default node subnet 10.224.0.0/16; .0-.3 are Azure's, nodes start at .4.
    const int host = globalIndex + 4;
    return "10.224." + std::to_string(host / 256) + "." + std::to_string(host % 256);
}

} // namespace

SimCluster::SimCluster(Scenario scenario, const SimClock &clock, const QString &nodeAddress)
    : m_scenario(std::move(scenario))
    , m_clock(clock)
    , m_store(clock) {
    registerResources();
    buildNodes(nodeAddress);
    buildWorkloads(*this);
    buildEvents();
}

void SimCluster::registerResources() {
    m_store.registerResource("nodes", {"Node", "v1", false});
    m_store.registerResource("pods", {"Pod", "v1", true});
    m_store.registerResource("events", {"Event", "v1", true});
    m_store.registerResource("namespaces", {"Namespace", "v1", false});
    m_store.registerResource("leases", {"Lease", "coordination.k8s.io/v1", true});
    m_store.registerResource("deployments", {"Deployment", "apps/v1", true});
    m_store.registerResource("replicasets", {"ReplicaSet", "apps/v1", true});
    for (const char *ns : {"default", "kube-node-lease", "kube-public", "kube-system"}) {
        m_store.put("namespaces",
                    {{"metadata",
                      {{"name", ns},
                       {"labels", {{"kubernetes.io/metadata.name", ns}}},
                       {"creationTimestamp", SimClock::rfc3339(m_clock.startSecs() - 30 * 86400)}}},
                     {"spec", {{"finalizers", {"kubernetes"}}}},
                     {"status", {{"phase", "Active"}}}});
    }
}

void SimCluster::buildNodes(const QString &nodeAddress) {
    const std::string fixedIp = nodeAddress.toStdString();
    int global = 0;
    for (const PoolSpec &pool : m_scenario.pools) {
        char hash[16];
        std::snprintf(
            hash, sizeof hash, "%08llu",
            (unsigned long long)(fnv1a(m_scenario.cluster.name + pool.name) % 100000000ULL));
        std::map<const NodeOverride *, nlohmann::json> templates;
        const OsDisk disk = osDisk(pool);
        for (int i = 0; i < pool.count; ++i, ++global) {
            NodeModel n;
            n.name = "aks-" + pool.name + "-" + hash + "-vmss" + vmssInstance(i);
            n.pool = pool.name;
            n.poolIndex = i;
            n.globalIndex = global;
            n.internalIp = fixedIp.empty() ? ipFor(global) : fixedIp;
            n.seed = fnv1a(n.name);
            const VmSize size = vmSize(pool.vmSize);
            n.cpuCores = size.cpu;
            n.memoryBytes = size.memoryBytes;
            n.fsCapacityBytes = ephemeralStorageKi(disk.sizeGiB) * 1024;
            n.osDiskSizeGiB = disk.sizeGiB;
            n.osDiskTier = disk.tier;
            n.iopsCap = disk.iopsCap;
            n.mbpsCap = disk.mbpsCap;
            n.bootSecs = m_clock.startSecs() - pool.ageSeconds - (i % 60) * 7;
            n.metrics = pool.metrics;
            const NodeOverride *ov = nullptr;
            for (const NodeOverride &o : m_scenario.overrides) {
                if (o.node.covers(pool.name, i))
                    ov = &o;
            }
            if (ov) {
                n.metrics = ov->metrics;
                n.unreachable = ov->unreachable;
                n.unreachableError = ov->unreachableError.empty()
                                         ? "error trying to reach service: dial tcp " +
                                               n.internalIp + ":10250: i/o timeout"
                                         : ov->unreachableError;
                n.tunnelError = ov->tunnelError;
                for (size_t p; (p = n.tunnelError.find("{nodeIp}")) != std::string::npos;)
                    n.tunnelError.replace(p, 8, n.internalIp);
            }
            char uid[40];
            std::snprintf(
                uid, sizeof uid, "%08llx-%04llx-4%03llx-a%03llx-%012llx",
                (unsigned long long)(n.seed >> 32), (unsigned long long)(n.seed >> 16) & 0xffff,
                (unsigned long long)(n.seed >> 4) & 0xfff, (unsigned long long)n.seed & 0xfff,
                (unsigned long long)(n.seed * 31) & 0xffffffffffffULL);
            n.uid = uid;
            m_nodeIndex[n.name] = m_nodes.size();
            m_nodes.push_back(n);
            // Building a node from scratch costs milliseconds in a Debug build; copy the
            // pool's (or the pool and override's) template and change what differs per node.
            auto tmpl = templates.find(ov);
            if (tmpl == templates.end()) {
                m_store.put("nodes", makeNode(*this, m_nodes.back(), pool, ov));
                templates.emplace(ov, makeNode(*this, m_nodes.back(), pool, ov));
            } else {
                nlohmann::json obj = tmpl->second;
                retargetNode(obj, *this, m_nodes.back());
                m_store.put("nodes", std::move(obj));
            }
            m_store.put("leases", makeLease(*this, m_nodes.back(), ov));
        }
    }
}

void SimCluster::buildEvents() {
    int seq = 0;
    for (const EventSpec &e : m_scenario.events) {
        const std::string name = e.node ? nodeName(*e.node) : e.name;
        if (name.empty())
            continue; // the scenario's node was scaled away
        const int64_t last = m_clock.startSecs() - e.agoSeconds;
        char suffix[20];
        std::snprintf(suffix, sizeof suffix, ".%016llx",
                      (unsigned long long)(fnv1a(name + e.reason) + uint64_t(++seq)));
        const NodeModel *n = node(name);
        std::string message = e.message;
        for (size_t p; (p = message.find("{node}")) != std::string::npos;)
            message.replace(p, 6, name);
        nlohmann::json involved = {{"kind", e.kind}, {"name", name}};
        if (e.kind == "Node") {
            involved["apiVersion"] = "v1";
            if (n)
                involved["uid"] = n->uid;
        } else {
            involved["namespace"] = e.ns;
        }
        const std::string component =
            e.component.empty() ? (e.kind == "Node" ? "node-controller" : "kubelet") : e.component;
        m_store.put("events",
                    {
                        {"metadata",
                         {{"name", name + suffix},
                          {"namespace", e.ns},
                          {"creationTimestamp", SimClock::rfc3339(last)}}},
                        {"involvedObject", involved},
                        {"reason", e.reason},
                        {"message", message},
                        {"source", {{"component", component}}},
                        {"firstTimestamp",
                         SimClock::rfc3339(last - (e.count > 1 ? 60LL * (e.count - 1) : 0))},
                        {"lastTimestamp", SimClock::rfc3339(last)},
                        {"count", e.count},
                        {"type", e.type},
                        {"eventTime", nullptr},
                        {"reportingComponent", component},
                        {"reportingInstance", ""},
                    });
    }
}

const NodeModel *SimCluster::node(const std::string &name) const {
    const auto it = m_nodeIndex.find(name);
    return it == m_nodeIndex.end() ? nullptr : &m_nodes[it->second];
}

std::string SimCluster::nodeName(const NodeRef &ref) const {
    for (const NodeModel &n : m_nodes) {
        if (n.pool == ref.pool && n.poolIndex == ref.index)
            return n.name;
    }
    return {};
}

const ProbePod *SimCluster::probePod(const std::string &ns, const std::string &name) const {
    const auto it = m_probePods.find(ObjectStore::key(ns, name));
    return it == m_probePods.end() ? nullptr : &it->second;
}

void SimCluster::recordEvent(const std::string &kind, const std::string &ns,
                             const std::string &name, const std::string &type,
                             const std::string &reason, const std::string &message,
                             const std::string &component, int64_t wallSecs, int count,
                             int64_t firstWallSecs) {
    char suffix[20];
    std::snprintf(suffix, sizeof suffix, ".%016llx",
                  (unsigned long long)fnv1a(reason + '\n' + message + component));
    const std::string eventName = name + suffix;
    if (StoredObject *e = m_store.find("events", ns, eventName)) {
        e->obj["count"] = e->obj.value("count", 1) + count;
        e->obj["lastTimestamp"] = SimClock::rfc3339(wallSecs);
        m_store.touch(*e);
        return;
    }
    nlohmann::json involved = {{"kind", kind}, {"name", name}};
    if (kind == "Node") {
        involved["apiVersion"] = "v1";
        if (const NodeModel *n = node(name))
            involved["uid"] = n->uid;
    } else {
        involved["namespace"] = ns;
    }
    nlohmann::json source = {{"component", component}};
    if (kind == "Node" && component != "node-controller")
        source["host"] = name;
    m_store.put(
        "events",
        {
            {"metadata",
             {{"name", eventName},
              {"namespace", ns},
              {"creationTimestamp",
               SimClock::rfc3339(firstWallSecs >= 0 ? firstWallSecs : wallSecs)}}},
            {"involvedObject", involved},
            {"reason", reason},
            {"message", message},
            {"source", source},
            {"firstTimestamp", SimClock::rfc3339(firstWallSecs >= 0 ? firstWallSecs : wallSecs)},
            {"lastTimestamp", SimClock::rfc3339(wallSecs)},
            {"count", count},
            {"type", type},
            {"eventTime", nullptr},
            {"reportingComponent", component},
            {"reportingInstance", kind == "Node" && component != "node-controller" ? name : ""},
        });
}

const PodExtra *SimCluster::podExtra(const std::string &ns, const std::string &name) const {
    const auto it = m_podExtras.find(ObjectStore::key(ns, name));
    return it == m_podExtras.end() ? nullptr : &it->second;
}

} // namespace nt::sim
