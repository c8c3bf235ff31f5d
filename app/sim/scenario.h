#pragma once
// The scenario model: what a simulated cluster looks like, read from a YAML file
// (resources/scenarios/*.yaml, format in docs/simulator.md). Everything a scenario varies is
// data here, so new failure stories need no code.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace nt::sim {

// A value over time: baseline + ramp + a sine wave + deterministic noise, clamped to [min, max].
// CPU, memory and disk are fractions of the node's capacity; pids is a process count.
struct Timeline {
    double baseline = 0;
    double rampPerMinute = 0;
    double wave = 0;
    double wavePeriodSeconds = 300;
    double noise = 0;
    double min = 0;
    double max = 1;
};

struct KubeletSpec {
    double runtimeErrorsPerMinute = 0;
    double startedPodsErrorsPerMinute = 0;
    double startedContainersErrorsPerMinute = 0;
    double plegRelistSeconds = 0.015;                 // typical relist duration
    int restartEverySeconds = 0;                      // > 0: the kubelet restarts in a loop
    double restartPhaseSeconds = 15;                  // scenario time of the first restart after 0
    double notReadyAfterRestartSeconds = 20;          // Ready False this long after each restart
    std::map<std::string, double> evictionsPerMinute; // eviction_signal -> rate
};

struct MetricsSpec {
    Timeline cpu{0.15, 0, 0.05, 300, 0.03, 0, 1};
    Timeline memory{0.45, 0, 0.02, 600, 0.01, 0, 1};
    Timeline disk{0.30, 0, 0, 300, 0.002, 0, 1};
    Timeline pids{450, 0, 30, 240, 15, 1, 4194304};
    Timeline readIops{40, 0, 20, 120, 10, 0, 1e6};
    Timeline writeIops{120, 0, 40, 120, 25, 0, 1e6};
    // Average disk queue depth (the rate of io_time_weighted); baseline 0 = derived from the
    // IOPS and the node's cap. A throttled disk ramps it while IOPS sit flat at the cap.
    Timeline ioQueue{0, 0, 0, 300, 0, 0, 1024};
    double readSizeKiB = 16; // average I/O sizes: bytes counters = I/Os x size
    double writeSizeKiB = 32;
    int64_t pidMax = 4194304; // pid_max on AKS Ubuntu 22.04 nodes
    bool psi = true;
    KubeletSpec kubelet;
};

struct ConditionSpec {
    std::string type, status, reason, message;
    int64_t transitionAgoSeconds = -1; // -1: since the node was created
};

struct TaintSpec {
    std::string key, value, effect;
    int64_t addedAgoSeconds = -1; // -1: no timeAdded (NoSchedule taints usually have none)
};

struct PoolSpec {
    std::string name, mode = "User", vmSize = "Standard_D4s_v3", osSku = "Ubuntu";
    std::string nodeImageVersion = "AKSUbuntu-2204gen2containerd-202411.12.0";
    int count = 1;
    bool scale = false;                 // --nodes grows this pool
    int64_t ageSeconds = 20 * 86400;    // node creation, before the simulator started
    std::string osDiskType = "Managed"; // Managed | Ephemeral
    int osDiskSizeGB = 0; // 0: AKS's default for the VM size (128 GiB below 8 vCPU...)
    std::vector<TaintSpec> taints;
    MetricsSpec metrics;
};

struct NodeRef {
    std::string pool;
    int index = 0;
    int last = -1; // overrides only: "pool/*" or "pool/2-9" cover a range (inclusive)
    bool covers(const std::string &p, int i) const {
        return p == pool && (i == index || (last >= 0 && i >= index && i <= last));
    }
};

struct NodeOverride {
    NodeRef node;
    std::optional<ConditionSpec> ready;
    std::string kubeletConditions; // status for Memory/Disk/PIDPressure ("Unknown" when dead)
    std::vector<ConditionSpec> conditions;
    std::vector<TaintSpec> taints;
    bool cordon = false;
    bool unreachable = false;          // kubelet proxy fails like a dead kubelet
    std::string unreachableError;      // the proxy error text
    int64_t staleHeartbeatSeconds = 0; // > 0: lease and heartbeat stopped this long ago
    // API server -> kubelet tunnel broken for this node (konnectivity): pods/log, exec and the
    // node proxy fail with this dial error, the node itself stays Ready. Placeholder {nodeIp}.
    std::string tunnelError;
    MetricsSpec metrics;
};

struct LogSpec {
    std::vector<std::string> startup; // klog lines "I file.go:12] message", placeholders {fqdn}...
    std::vector<std::string> repeat;  // emitted every repeatEverySeconds after startup
    int repeatEverySeconds = 0;
    int64_t repeatSinceAgoSeconds =
        -1; // repeats start this long before the simulator started (-1: at startup)
};

struct WorkloadSpec {
    std::string name, ns = "kube-system", image, container;
    std::map<std::string, std::string> labels;
    int replicas = 1;
    int ready = -1; // -1: all replicas ready
    int restarts = 0;
    std::string log; // key into Scenario::logs
    std::string lastTerminationReason;
};

struct EventSpec {
    std::string ns = "default", type = "Normal", reason, message, kind = "Node", name, component;
    std::optional<NodeRef> node; // involved node (name resolved at build time)
    int count = 1;
    int64_t agoSeconds = 60;
};

struct ExpectSpec {
    std::string id;
    std::optional<NodeRef> node;
    std::string object;
};

// What names resolve to from each vantage point (docs/simulator.md, "DNS and the probe pod").
// Answers: an IP address, "NXDOMAIN", "SERVFAIL" or "timeout". The simulator serves the pod
// answers (probe pods); the workstation and node answers are for tests' dnsmasq and SSH peers.
struct DnsSpec {
    std::string workstation, pod, node; // answers for the cluster FQDN; "" = the public address
    std::string upstream = "ok";        // 168.63.129.16 from the node: ok | timeout
    std::string publicAddress = "20.61.183.92";  // the FQDN's address when nothing overrides it
    std::string dnsServiceIp = "10.0.0.10";      // kube-dns ClusterIP pods ask
    std::map<std::string, std::string> podNames; // other names as pods resolve them
};

struct ClusterSpec {
    std::string name = "myaks", resourceGroup = "rg-myaks";
    std::string subscription = "8c1d4f0a-5b2e-4c7d-9a3f-2e6b1c0d9f47";
    std::string fqdn = "myaks-dns-1a2b3c4d.hcp.westeurope.azmk8s.io";
    std::string kubernetesVersion = "v1.30.4", region = "westeurope";
    bool isPrivate = false;
    std::string
        privateFqdn; // private clusters: <prefix>-<hash>.<guid>.privatelink.<region>.azmk8s.io
    DnsSpec dns;
};

struct Scenario {
    std::string name, description;
    ClusterSpec cluster;
    std::vector<PoolSpec> pools;
    std::vector<NodeOverride> overrides;
    std::vector<WorkloadSpec> workloads;
    std::map<std::string, LogSpec> logs;
    std::vector<EventSpec> events;
    std::vector<nlohmann::json> faults;
    std::vector<ExpectSpec> expect;
    double startOffsetSeconds = 0; // scenario time at start: the demo opens mid-incident

    int nodeCount() const;
    // Applies --nodes: the pool marked `scale` (else the largest) absorbs the difference.
    void scaleTo(int totalNodes);
};

// Loads a built-in scenario by name (from the Qt resources) or a file path.
std::optional<Scenario> loadScenario(const QString &nameOrPath, QString *error);
std::optional<Scenario> parseScenario(const std::string &yaml, const QString &origin,
                                      QString *error);
// Names of the built-in scenarios, sorted; their files live in :/scenarios.
QStringList builtinScenarioNames();

} // namespace nt::sim
