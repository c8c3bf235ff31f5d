#include "dynamics.h"

#include "metricsgen.h"

#include <algorithm>
#include <cmath>

namespace nt::sim {

using nlohmann::json;

namespace {

// The kubelet's pressure conditions, their taints and events [pkg/kubelet/nodestatus/setters.go,
// pkg/kubelet/eviction; node lifecycle controller taint-by-condition].
struct PressureKind {
    const char *condition, *taint;
    const char *trueReason, *trueMessage, *falseReason, *falseMessage;
    const char *reclaim; // EvictionThresholdMet: "Attempting to reclaim <resource>"
};
constexpr PressureKind kPressure[3] = {
    {"MemoryPressure", "node.kubernetes.io/memory-pressure", "KubeletHasInsufficientMemory",
     "kubelet has insufficient memory available", "KubeletHasSufficientMemory",
     "kubelet has sufficient memory available", "memory"},
    {"DiskPressure", "node.kubernetes.io/disk-pressure", "KubeletHasDiskPressure",
     "kubelet has disk pressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure",
     "ephemeral-storage"},
    {"PIDPressure", "node.kubernetes.io/pid-pressure", "KubeletHasInsufficientPID",
     "kubelet has insufficient PID available", "KubeletHasSufficientPID",
     "kubelet has sufficient PID available", "pids"},
};

// The kubelet keeps a pressure condition for evictionPressureTransitionPeriod (5 min) after the
// signal last crossed the threshold.
constexpr double kPressureTransitionSeconds = 300;

json *conditionOf(json &node, const std::string &type) {
    for (json &c : node["status"]["conditions"]) {
        if (c.value("type", "") == type)
            return &c;
    }
    return nullptr;
}

std::string conditionStatus(const json &node, const std::string &type) {
    for (const json &c : node["status"].value("conditions", json::array())) {
        if (c.value("type", "") == type)
            return c.value("status", "");
    }
    return {};
}

// Could the timeline ever reach `threshold` (as a fraction of capacity or a count)?
bool canReach(const Timeline &t, double threshold) {
    return t.rampPerMinute > 0 || t.baseline + std::abs(t.wave) + std::abs(t.noise) >= threshold;
}

} // namespace

Dynamics::Dynamics(SimCluster &cluster, QObject *parent)
    : QObject(parent)
    , m_cluster(cluster) {
    const auto &nodes = m_cluster.nodes();
    for (size_t i = 0; i < nodes.size(); ++i) {
        const NodeModel &n = nodes[i];
        // A dead kubelet reports nothing; its conditions are the node controller's Unknown.
        if (n.unreachable)
            continue;
        const auto &stored = m_cluster.store().items("nodes");
        const auto obj = stored.find(n.name);
        if (obj == stored.end() || conditionStatus(obj->second.obj, "MemoryPressure") == "Unknown")
            continue;
        const MetricsSpec &m = n.metrics;
        Watched w{i};
        w.watchPressure = canReach(m.memory, 1.0 - 100.0 * 1024 * 1024 / double(n.memoryBytes)) ||
                          canReach(m.disk, 0.9) || canReach(m.pids, double(m.pidMax) - 2000);
        w.restartLoop = m.kubelet.restartEverySeconds > 0;
        if (w.watchPressure || w.restartLoop)
            m_watched.push_back(w);
    }
    connect(&m_timer, &QTimer::timeout, this, &Dynamics::tick);
}

void Dynamics::start(int intervalMs) {
    const double now = m_cluster.clock().scenarioSeconds();
    for (Watched &w : m_watched) {
        if (w.watchPressure) {
            // Replay the last hour in 5 s steps so the transition times are where they happened.
            for (double t = std::max(0.0, std::floor((now - 3600) / 5) * 5); t < now; t += 5)
                evaluate(w, t, true);
        }
        if (w.restartLoop) {
            const NodeModel &n = m_cluster.nodes()[w.node];
            const KubeletSpec &k = n.metrics.kubelet;
            const KubeletLife life = kubeletLife(m_cluster, n, now);
            // The restarts of the last 20 minutes are in the events already.
            const int count =
                int(std::floor((life.lastRestartScenario - (now - 1200)) / k.restartEverySeconds)) +
                1;
            if (count > 0) {
                const SimClock &clock = m_cluster.clock();
                const double first =
                    life.lastRestartScenario - double(count - 1) * k.restartEverySeconds;
                const int64_t firstWall = clock.wallMsAt(first) / 1000,
                              lastWall = clock.wallMsAt(life.lastRestartScenario) / 1000;
                const int64_t readyWall =
                    clock.wallMsAt(life.lastRestartScenario + k.notReadyAfterRestartSeconds) / 1000;
                m_cluster.recordEvent("Node", "default", n.name, "Normal", "Starting",
                                      "Starting kubelet.", "kubelet", lastWall, count, firstWall);
                m_cluster.recordEvent("Node", "default", n.name, "Warning", "KubeletStart",
                                      "Started Kubernetes kubelet.", "systemd-monitor", lastWall,
                                      count, firstWall);
                m_cluster.recordEvent("Node", "default", n.name, "Normal", "NodeNotReady",
                                      "Node " + n.name + " status is now: NodeNotReady", "kubelet",
                                      lastWall, count, firstWall);
                const int readies = now >= life.lastRestartScenario + k.notReadyAfterRestartSeconds
                                        ? count
                                        : count - 1;
                if (readies > 0)
                    m_cluster.recordEvent("Node", "default", n.name, "Normal", "NodeReady",
                                          "Node " + n.name + " status is now: NodeReady", "kubelet",
                                          readies == count
                                              ? readyWall
                                              : clock.wallMsAt(life.lastRestartScenario -
                                                               k.restartEverySeconds +
                                                               k.notReadyAfterRestartSeconds) /
                                                    1000,
                                          readies, firstWall);
            }
            w.lastRestart = life.lastRestartScenario;
            if (now - life.lastRestartScenario < k.notReadyAfterRestartSeconds) {
                w.notReady = true;
                setReady(n, false, m_cluster.clock().wallMsAt(life.lastRestartScenario) / 1000);
            }
        }
    }
    tick();
    m_timer.start(intervalMs);
}

void Dynamics::tick() {
    const double now = m_cluster.clock().scenarioSeconds();
    for (Watched &w : m_watched)
        evaluate(w, now, false);
    advanceProbes();
}

void Dynamics::evaluate(Watched &w, double t, bool catchingUp) {
    const NodeModel &n = m_cluster.nodes()[w.node];
    if (w.watchPressure) {
        const PressureState p = pressureAt(n, t);
        const bool above[3] = {p.memory, p.disk, p.pid};
        for (int k = 0; k < 3; ++k) {
            if (above[k])
                w.lastAbove[k] = t;
            if (above[k] && !w.pressure[k])
                setPressure(w, k, true, t);
            else if (!above[k] && w.pressure[k] && t - w.lastAbove[k] >= kPressureTransitionSeconds)
                setPressure(w, k, false, t);
        }
    }
    if (w.restartLoop && !catchingUp) {
        const KubeletSpec &k = n.metrics.kubelet;
        const KubeletLife life = kubeletLife(m_cluster, n, t);
        if (life.lastRestartScenario > w.lastRestart + 0.5)
            restartKubelet(w, life.lastRestartScenario, t);
        if (w.notReady && t - w.lastRestart >= k.notReadyAfterRestartSeconds) {
            w.notReady = false;
            const int64_t wall =
                m_cluster.clock().wallMsAt(w.lastRestart + k.notReadyAfterRestartSeconds) / 1000;
            setReady(n, true, wall);
            m_cluster.recordEvent("Node", "default", n.name, "Normal", "NodeReady",
                                  "Node " + n.name + " status is now: NodeReady", "kubelet", wall);
        }
    }
}

void Dynamics::setPressure(Watched &w, int kind, bool on, double t) {
    w.pressure[kind] = on;
    const NodeModel &n = m_cluster.nodes()[w.node];
    StoredObject *obj = m_cluster.store().find("nodes", "", n.name);
    if (!obj)
        return;
    const PressureKind &pk = kPressure[kind];
    const int64_t wall = m_cluster.clock().wallMsAt(t) / 1000;
    if (json *c = conditionOf(obj->obj, pk.condition)) {
        (*c)["status"] = on ? "True" : "False";
        (*c)["reason"] = on ? pk.trueReason : pk.falseReason;
        (*c)["message"] = on ? pk.trueMessage : pk.falseMessage;
        (*c)["lastTransitionTime"] = SimClock::rfc3339(wall);
    }
    json &spec = obj->obj["spec"];
    json taints = spec.value("taints", json::array());
    taints.erase(std::remove_if(taints.begin(), taints.end(),
                                [&](const json &x) { return x.value("key", "") == pk.taint; }),
                 taints.end());
    if (on)
        taints.push_back(
            {{"key", pk.taint}, {"effect", "NoSchedule"}, {"timeAdded", SimClock::rfc3339(wall)}});
    if (taints.empty())
        spec.erase("taints");
    else
        spec["taints"] = taints;
    m_cluster.store().touch(*obj);
    const std::string reason = on ? std::string("NodeHas") + (kind == 1   ? "DiskPressure"
                                                              : kind == 0 ? "InsufficientMemory"
                                                                          : "InsufficientPID")
                                  : std::string("NodeHas") + (kind == 1   ? "NoDiskPressure"
                                                              : kind == 0 ? "SufficientMemory"
                                                                          : "SufficientPID");
    m_cluster.recordEvent("Node", "default", n.name, "Normal", reason,
                          "Node " + n.name + " status is now: " + reason, "kubelet", wall);
    if (on) {
        m_cluster.recordEvent("Node", "default", n.name, "Warning", "EvictionThresholdMet",
                              std::string("Attempting to reclaim ") + pk.reclaim, "kubelet", wall);
    }
}

void Dynamics::restartKubelet(Watched &w, double restartAt, double now) {
    (void)now;
    const NodeModel &n = m_cluster.nodes()[w.node];
    w.lastRestart = restartAt;
    w.notReady = true;
    const int64_t wall = m_cluster.clock().wallMsAt(restartAt) / 1000;
    setReady(n, false, wall);
    m_cluster.recordEvent("Node", "default", n.name, "Normal", "Starting", "Starting kubelet.",
                          "kubelet", wall);
    m_cluster.recordEvent("Node", "default", n.name, "Warning", "KubeletStart",
                          "Started Kubernetes kubelet.", "systemd-monitor", wall);
    m_cluster.recordEvent("Node", "default", n.name, "Normal", "NodeNotReady",
                          "Node " + n.name + " status is now: NodeNotReady", "kubelet", wall);
}

void Dynamics::setReady(const NodeModel &n, bool ready, int64_t wallSecs) {
    StoredObject *obj = m_cluster.store().find("nodes", "", n.name);
    json *c = obj ? conditionOf(obj->obj, "Ready") : nullptr;
    if (!c)
        return;
    (*c)["status"] = ready ? "True" : "False";
    (*c)["reason"] = ready ? "KubeletReady" : "KubeletNotReady";
    (*c)["message"] = ready ? "kubelet is posting ready status"
                            : "PLEG is not healthy: pleg has yet to be successful";
    (*c)["lastTransitionTime"] = SimClock::rfc3339(wallSecs);
    m_cluster.store().touch(*obj);
}

void Dynamics::advanceProbes() {
    // Real time, not scenario time: a client waits for its pod in seconds it can count.
    constexpr int64_t kPendingMs = 700, kRunningMs = 700;
    const int64_t nowMs = m_cluster.clock().nowMs();
    for (auto &[key, probe] : m_cluster.probePods()) {
        const int target = nowMs - probe.createdMs >= kPendingMs + kRunningMs ? 2
                           : nowMs - probe.createdMs >= kPendingMs            ? 1
                                                                              : 0;
        if (target <= probe.phase)
            continue;
        StoredObject *pod = m_cluster.store().find("pods", probe.ns, probe.name);
        if (!pod)
            continue; // deleted; the entry goes with the DELETE
        probe.phase = target;
        json &status = pod->obj["status"];
        const std::string started = SimClock::rfc3339(probe.createdMs / 1000 + 1);
        const std::string now = SimClock::rfc3339(nowMs / 1000);
        json &cs = status["containerStatuses"][0];
        status["podIP"] = status.value("podIP", "10.244.0.99");
        if (!status.contains("podIPs"))
            status["podIPs"] = json::array({{{"ip", status["podIP"]}}});
        auto setCondition = [&](const char *type, bool ok, const char *reason) {
            for (json &c : status["conditions"]) {
                if (c.value("type", "") != type)
                    continue;
                c["status"] = ok ? "True" : "False";
                c["lastTransitionTime"] = now;
                if (reason)
                    c["reason"] = reason;
                else
                    c.erase("reason");
            }
        };
        if (target == 1) {
            status["phase"] = "Running";
            cs["state"] = {{"running", {{"startedAt", started}}}};
            cs["ready"] = true;
            cs["started"] = true;
            setCondition("Ready", true, nullptr);
            setCondition("ContainersReady", true, nullptr);
        } else {
            const bool ok = probe.exitCode == 0;
            status["phase"] = ok ? "Succeeded" : "Failed";
            cs["state"] = {{"terminated",
                            {{"exitCode", probe.exitCode},
                             {"reason", ok ? "Completed" : "Error"},
                             {"startedAt", started},
                             {"finishedAt", now},
                             {"containerID", cs.value("containerID", "")}}}};
            cs["ready"] = false;
            cs["started"] = false;
            setCondition("Ready", false, ok ? "PodCompleted" : "PodFailed");
            setCondition("ContainersReady", false, ok ? "PodCompleted" : "PodFailed");
        }
        m_cluster.store().touch(*pod);
    }
}

} // namespace nt::sim
