#pragma once
// Routes an authenticated request to the simulated API: discovery, CRUD on the object store,
// list paging and tables, the kubelet proxy, pod logs and metrics.k8s.io.
#include "apitypes.h"
#include "cluster.h"

#include <string>
#include <vector>

namespace nt::sim {

class ApiHandlers
{
public:
    explicit ApiHandlers(SimCluster &cluster) : m_cluster(cluster) {}
    ApiResponse handle(const ApiRequest &request);

private:
    struct Target
    {
        std::string groupVersion, ns, resource, name;
        std::vector<std::string> sub; // path segments after the name
    };

    ApiResponse discovery(const ApiRequest &r, const std::vector<std::string> &segments);
    ApiResponse list(const ApiRequest &r, const Target &t);
    ApiResponse get(const ApiRequest &r, const Target &t);
    ApiResponse create(const ApiRequest &r, const Target &t);
    ApiResponse replace(const ApiRequest &r, const Target &t);
    ApiResponse patch(const ApiRequest &r, const Target &t);
    ApiResponse remove(const ApiRequest &r, const Target &t);
    // proxyhandlers.cpp
    ApiResponse nodeProxy(const ApiRequest &r, const Target &t);
    ApiResponse podLog(const ApiRequest &r, const Target &t);
    ApiResponse metricsApi(const ApiRequest &r, const Target &t);

    ApiResponse notFound(const Target &t) const;

    SimCluster &m_cluster;
};

} // namespace nt::sim
