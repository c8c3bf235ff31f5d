#pragma once
// What the kubelets and metrics-server of the simulated nodes report: the Summary API, kubelet
// and cAdvisor Prometheus text, metrics.k8s.io objects. Values follow each node's timelines and
// are computed on read, so charts move while the simulator runs.
#include "cluster.h"

#include <nlohmann/json.hpp>
#include <string>

namespace nt::sim {

// A timeline's value at t seconds after start; noise is repeatable per (seed, 5 s bucket).
double sampleTimeline(const Timeline &t, uint64_t seed, double elapsedSeconds);

struct NodeUsage
{
    double cpuCores, memoryBytes, fsUsedBytes, pids, readIops, writeIops;
};
NodeUsage nodeUsage(const NodeModel &node, double elapsedSeconds);

std::string statsSummary(const SimCluster &cluster, const NodeModel &node);
std::string kubeletMetrics(const SimCluster &cluster, const NodeModel &node);
std::string cadvisorMetrics(const SimCluster &cluster, const NodeModel &node);
// NodeMetrics as JSON text; kindAndVersion is "" in lists or "\"kind\":...,\"apiVersion\":...," alone.
std::string nodeMetrics(const SimCluster &cluster, const NodeModel &node, const std::string &kindAndVersion = {});
nlohmann::json podMetrics(const SimCluster &cluster, const nlohmann::json &pod);

} // namespace nt::sim
