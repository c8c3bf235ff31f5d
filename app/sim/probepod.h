#pragma once
// DNS probe pods: a pod a client creates to resolve a name from inside the cluster (nslookup,
// getent or dig in its command). The simulator runs it through Pending -> Running ->
// Succeeded/Failed and gives it the output the tool would print, from the scenario's `dns:`
// answers (contract in docs/simulator.md, "DNS and the probe pod").
#include "scenario.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace nt::sim {

struct ProbeRun {
    std::string tool;   // nslookup | getent | dig
    std::string name;   // the name looked up
    std::string answer; // an IP address, NXDOMAIN, SERVFAIL or timeout
    std::string output; // what the tool prints
    int exitCode = 0;
};

// The probe a pod spec asks for, or nothing when its first container runs none of the tools.
std::optional<ProbeRun> probeFor(const nlohmann::json &podSpec, const ClusterSpec &cluster);
// What a name resolves to from a pod, per the scenario's `dns:` section.
std::string podAnswer(const ClusterSpec &cluster, const std::string &name);

} // namespace nt::sim
