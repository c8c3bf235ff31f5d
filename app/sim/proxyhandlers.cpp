// The parts of the API that real clusters answer from the kubelets or metrics-server: the node
// proxy, pod logs and metrics.k8s.io. A node marked unreachable fails them the way the API
// server does when it cannot dial the kubelet.
#include "apihandlers.h"
#include "metricsgen.h"
#include "podlogs.h"
#include "selectors.h"

namespace nt::sim {

using nlohmann::json;

ApiResponse ApiHandlers::nodeProxy(const ApiRequest &r, const Target &t) {
    const NodeModel *node = m_cluster.node(t.name);
    if (!node)
        return notFound(t);
    if (r.method != "GET")
        return statusResponse(405,
                              "the server does not allow this method on the requested resource",
                              "MethodNotAllowed");
    if (node->unreachable)
        return statusResponse(503, node->unreachableError, "ServiceUnavailable");
    if (!node->tunnelError.empty())
        return statusResponse(503, "error trying to reach service: " + node->tunnelError,
                              "ServiceUnavailable");
    std::string path;
    for (size_t i = 1; i < t.sub.size(); ++i)
        path += (i > 1 ? "/" : "") + t.sub[i];
    if (path == "stats/summary")
        return jsonResponse(statsSummary(m_cluster, *node));
    const std::string prometheus = "text/plain; version=0.0.4; charset=utf-8";
    if (path == "metrics")
        return {200, prometheus, kubeletMetrics(m_cluster, *node), {}};
    if (path == "metrics/cadvisor")
        return {200, prometheus, cadvisorMetrics(m_cluster, *node), {}};
    if (path == "healthz")
        return {200, "text/plain; charset=utf-8", "ok", {}};
    // Anything else reaches the kubelet, which answers like any Go mux.
    return {404, "text/plain; charset=utf-8", "404 page not found\n", {}};
}

ApiResponse ApiHandlers::podLog(const ApiRequest &r, const Target &t) {
    const StoredObject *pod = m_cluster.store().find("pods", t.ns, t.name);
    if (!pod)
        return notFound(t);
    const json &p = pod->obj;
    const auto containers = p["spec"].value("containers", json::array());
    std::string container = r.param("container");
    std::string names;
    for (const auto &c : containers)
        names += (names.empty() ? "" : " ") + c.value("name", "");
    if (container.empty()) {
        if (containers.size() != 1)
            return statusResponse(400,
                                  "a container name must be specified for pod " + t.name +
                                      ", choose one of: [" + names + "]",
                                  "BadRequest");
        container = containers[0].value("name", "");
    } else if (std::none_of(containers.begin(), containers.end(),
                            [&](const json &c) { return c.value("name", "") == container; })) {
        return statusResponse(400, "container " + container + " is not valid for pod " + t.name,
                              "BadRequest");
    }
    const NodeModel *node = m_cluster.node(p["spec"].value("nodeName", ""));
    if (node && node->unreachable) {
        return statusResponse(500,
                              "Get \"https://" + node->internalIp + ":10250/containerLogs/" + t.ns +
                                  "/" + t.name + "/" + container + "\": dial tcp " +
                                  node->internalIp + ":10250: i/o timeout",
                              "InternalError");
    }
    if (node && !node->tunnelError.empty()) {
        // The API server wraps the tunnel's dial error in a plain error, so the Status has no
        // reason (StatusReasonUnknown) - exactly what kubectl prints after "Error from server: ".
        const json status = {{"kind", "Status"},
                             {"apiVersion", "v1"},
                             {"metadata", json::object()},
                             {"status", "Failure"},
                             {"message", "Get \"https://" + node->internalIp +
                                             ":10250/containerLogs/" + t.ns + "/" + t.name + "/" +
                                             container + "\": " + node->tunnelError},
                             {"code", 500}};
        return jsonResponse(status.dump(), 500);
    }
    if (const ProbePod *probe = m_cluster.probePod(t.ns, t.name)) {
        if (probe->phase == 0)
            return statusResponse(400,
                                  "container \"" + container + "\" in pod \"" + t.name +
                                      "\" is waiting to start: ContainerCreating",
                                  "BadRequest");
        return {
            200, "text/plain", container == probe->container ? probe->output : std::string(), {}};
    }
    LogQuery q;
    if (r.hasParam("tailLines"))
        q.tailLines = std::atoi(r.param("tailLines").c_str());
    if (r.hasParam("sinceSeconds"))
        q.sinceSeconds = std::atoll(r.param("sinceSeconds").c_str());
    q.timestamps = r.param("timestamps") == "true";
    return {200, "text/plain", nt::sim::podLog(m_cluster, p, q), {}};
}

ApiResponse ApiHandlers::metricsApi(const ApiRequest &r, const Target &t) {
    if (r.method != "GET" || !t.sub.empty() || (t.resource != "nodes" && t.resource != "pods"))
        return statusResponse(404, "the server could not find the requested resource", "NotFound");
    const auto labels = LabelSelector::parse(r.param("labelSelector"));
    if (!labels)
        return statusResponse(400, "unable to parse requirement: invalid label selector",
                              "BadRequest");
    const std::string apiVersion = "metrics.k8s.io/v1beta1";
    if (t.resource == "nodes") {
        if (!t.name.empty()) {
            const NodeModel *n = m_cluster.node(t.name);
            if (!n || n->unreachable)
                return statusResponse(
                    404, "nodemetrics.metrics.k8s.io \"" + t.name + "\" not found", "NotFound",
                    {{"name", t.name}, {"group", "metrics.k8s.io"}, {"kind", "nodes"}});
            return jsonResponse(nodeMetrics(
                m_cluster, *n, "\"kind\":\"NodeMetrics\",\"apiVersion\":\"" + apiVersion + "\","));
        }
        // metrics-server leaves out nodes whose kubelet it cannot scrape.
        std::string body = "{\"kind\":\"NodeMetricsList\",\"apiVersion\":\"" + apiVersion +
                           "\",\"metadata\":{},\"items\":[";
        bool first = true;
        const auto &nodes = m_cluster.store().items("nodes");
        for (const NodeModel &n : m_cluster.nodes()) {
            if (n.unreachable || !labels->matches(labelsOf(nodes.at(n.name).obj)))
                continue;
            body += (first ? "" : ",") + nodeMetrics(m_cluster, n);
            first = false;
        }
        return jsonResponse(body + "]}");
    }
    auto podOk = [&](const json &pod) {
        const NodeModel *n = m_cluster.node(pod["spec"].value("nodeName", ""));
        return n && !n->unreachable && labels->matches(labelsOf(pod));
    };
    if (!t.name.empty()) {
        const StoredObject *pod = m_cluster.store().find("pods", t.ns, t.name);
        if (!pod || !podOk(pod->obj))
            return statusResponse(
                404, "podmetrics.metrics.k8s.io \"" + t.ns + "/" + t.name + "\" not found",
                "NotFound", {{"name", t.name}, {"group", "metrics.k8s.io"}, {"kind", "pods"}});
        json m = podMetrics(m_cluster, pod->obj);
        m["kind"] = "PodMetrics";
        m["apiVersion"] = apiVersion;
        return jsonResponse(m.dump());
    }
    json items = json::array();
    for (const auto &[key, pod] : m_cluster.store().items("pods")) {
        if ((t.ns.empty() || pod.obj["metadata"].value("namespace", "") == t.ns) && podOk(pod.obj))
            items.push_back(podMetrics(m_cluster, pod.obj));
    }
    return jsonResponse(json{
        {"kind", "PodMetricsList"},
        {"apiVersion", apiVersion},
        {"metadata", json::object()},
        {"items", items}}.dump());
}

} // namespace nt::sim
