#pragma once
// PATCH bodies: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and the subset of Kubernetes
// strategic merge patch that clients send to Deployments, Nodes and Pods.
#include <nlohmann/json.hpp>
#include <string>

namespace nt::sim {

// Applies `body` of the given Content-Type to `target`. Returns "" or an error message; the
// code for an error is 415 for an unknown type, else 400 (see *httpStatus).
std::string applyPatch(const std::string &contentType, const std::string &body, nlohmann::json &target, int *httpStatus);

} // namespace nt::sim
