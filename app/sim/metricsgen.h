#pragma once
// What the kubelets and metrics-server of the simulated nodes report: the Summary API, kubelet
// and cAdvisor Prometheus text, metrics.k8s.io objects. Values follow each node's timelines and
// are computed on read, so charts move while the simulator runs.
#include "cluster.h"

#include <nlohmann/json.hpp>
#include <string>

namespace nt::sim {

// A timeline's value at t seconds of scenario time; noise is repeatable per (seed, 5 s bucket).
double sampleTimeline(const Timeline &t, uint64_t seed, double scenarioSeconds);

struct NodeUsage {
    double cpuCores, memoryBytes, fsUsedBytes, pids, readIops, writeIops;
    double readBytesPerSec, writeBytesPerSec; // after the disk's IOPS and MB/s caps
    double ioUtil;                            // share of time the disk is busy (io_time rate), 0-1
    double ioQueue;                           // average queue depth (io_time_weighted rate)
    bool throttled;                           // demand above the disk's cap
};
// The node's rates and levels at a scenario time: disk I/O is the IOPS demand of the
// timelines, held at the node's cap (flat IOPS, full utilisation) when demand exceeds it.
NodeUsage nodeUsage(const NodeModel &node, double scenarioSeconds);
// The integrals of the node's rates from its boot to the scenario time (the node ran at its
// scenario-0 rates before): what the kernel's and kubelet's cumulative counters show.
NodeIntegrals nodeIntegrals(const SimCluster &cluster, const NodeModel &node,
                            double scenarioSeconds);

// The kubelet's last start at the current scenario time, in wall seconds, and how long it has
// run in scenario seconds: restarts follow restartEverySeconds/restartPhaseSeconds.
struct KubeletLife {
    double startWallSecs;
    double upScenarioSeconds;
    double lastRestartScenario; // NaN-free: -1e18 when the kubelet never restarted
};
KubeletLife kubeletLife(const SimCluster &cluster, const NodeModel &node, double scenarioSeconds);

// Kubelet hard eviction thresholds on AKS (memory.available<100Mi, nodefs.available<10%,
// pid.available<2000) and whether the node is past each at a scenario time.
struct PressureState {
    bool memory, disk, pid;
};
PressureState pressureAt(const NodeModel &node, double scenarioSeconds);

std::string statsSummary(const SimCluster &cluster, const NodeModel &node);
std::string kubeletMetrics(const SimCluster &cluster, const NodeModel &node);
std::string cadvisorMetrics(const SimCluster &cluster, const NodeModel &node);
// NodeMetrics as JSON text; kindAndVersion is "" in lists or "\"kind\":...,\"apiVersion\":...,"
// alone.
std::string nodeMetrics(const SimCluster &cluster, const NodeModel &node,
                        const std::string &kindAndVersion = {});
nlohmann::json podMetrics(const SimCluster &cluster, const nlohmann::json &pod);

} // namespace nt::sim
