#pragma once
// Container logs of the simulated pods, generated from the scenario's log templates.
#include "cluster.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace nt::sim {

struct LogQuery
{
    std::optional<int> tailLines;
    std::optional<int64_t> sinceSeconds;
    bool timestamps = false;
};

// The pod's log as text: startup lines at the container start, then the template's repeating
// lines every repeatEverySeconds until now. klog lines ("I file.go:1] msg") get a klog header.
std::string podLog(const SimCluster &cluster, const nlohmann::json &pod, const LogQuery &query);

} // namespace nt::sim
