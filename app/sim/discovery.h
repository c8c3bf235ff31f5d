#pragma once
// API discovery documents: /api, /apis, /apis/<group>/<version>, /version. Served in the legacy
// (non-aggregated) form, which kubectl falls back to when the server does not answer with
// apidiscovery.k8s.io/v2.
#include <optional>
#include <string>

namespace nt::sim {

std::string apiVersionsJson(const std::string &serverAddress);
std::string apiGroupListJson();
// "" for the core group ("/api/v1"). nullopt when the group/version is not served.
std::optional<std::string> apiResourceListJson(const std::string &groupVersion);
std::optional<std::string> apiGroupJson(const std::string &group);
std::string versionJson(const std::string &gitVersion);

} // namespace nt::sim
