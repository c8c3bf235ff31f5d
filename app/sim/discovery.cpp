#include "discovery.h"

#include <nlohmann/json.hpp>

namespace nt::sim {

using nlohmann::json;

namespace {

struct Resource
{
    const char *name, *kind;
    bool namespaced;
    std::vector<std::string> verbs, shortNames;
};

const std::vector<std::string> kReadOnly = {"get", "list"};
const std::vector<std::string> kAll = {"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"};

struct GroupVersion
{
    const char *group, *version;
    std::vector<Resource> resources;
};

const std::vector<GroupVersion> &served()
{
    static const std::vector<GroupVersion> groups = {
        {"", "v1", {{"events", "Event", true, kAll, {"ev"}},
                    {"namespaces", "Namespace", false, kAll, {"ns"}},
                    {"nodes", "Node", false, kAll, {"no"}},
                    {"nodes/proxy", "NodeProxyOptions", false, {"create", "delete", "get", "patch", "update"}, {}},
                    {"nodes/status", "Node", false, {"get", "patch", "update"}, {}},
                    {"pods", "Pod", true, kAll, {"po"}},
                    {"pods/log", "Pod", true, {"get"}, {}},
                    {"pods/status", "Pod", true, {"get", "patch", "update"}, {}}}},
        {"apps", "v1", {{"deployments", "Deployment", true, kAll, {"deploy"}},
                        {"deployments/scale", "Scale", true, {"get", "patch", "update"}, {}},
                        {"deployments/status", "Deployment", true, {"get", "patch", "update"}, {}},
                        {"replicasets", "ReplicaSet", true, kAll, {"rs"}}}},
        {"coordination.k8s.io", "v1", {{"leases", "Lease", true, kAll, {}}}},
        {"metrics.k8s.io", "v1beta1", {{"nodes", "NodeMetrics", false, kReadOnly, {}},
                                       {"pods", "PodMetrics", true, kReadOnly, {}}}},
    };
    return groups;
}

json groupJson(const GroupVersion &gv)
{
    const std::string groupVersion = std::string(gv.group) + "/" + gv.version;
    const json version = {{"groupVersion", groupVersion}, {"version", gv.version}};
    return {{"name", gv.group}, {"versions", {version}}, {"preferredVersion", version}};
}

} // namespace

std::string apiVersionsJson(const std::string &serverAddress)
{
    return json{{"kind", "APIVersions"}, {"versions", {"v1"}},
                {"serverAddressByClientCIDRs", {{{"clientCIDR", "0.0.0.0/0"}, {"serverAddress", serverAddress}}}}}
        .dump();
}

std::string apiGroupListJson()
{
    json groups = json::array();
    for (const GroupVersion &gv : served()) {
        if (*gv.group)
            groups.push_back(groupJson(gv));
    }
    return json{{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", groups}}.dump();
}

std::optional<std::string> apiGroupJson(const std::string &group)
{
    for (const GroupVersion &gv : served()) {
        if (*gv.group && group == gv.group) {
            json g = groupJson(gv);
            g["kind"] = "APIGroup";
            g["apiVersion"] = "v1";
            return g.dump();
        }
    }
    return std::nullopt;
}

std::optional<std::string> apiResourceListJson(const std::string &groupVersion)
{
    for (const GroupVersion &gv : served()) {
        const std::string name = *gv.group ? std::string(gv.group) + "/" + gv.version : std::string(gv.version);
        if (name != groupVersion)
            continue;
        json resources = json::array();
        for (const Resource &r : gv.resources) {
            json j = {{"name", r.name}, {"singularName", ""}, {"namespaced", r.namespaced}, {"kind", r.kind}, {"verbs", r.verbs}};
            if (!r.shortNames.empty())
                j["shortNames"] = r.shortNames;
            if (std::string(r.name).find('/') == std::string::npos) {
                std::string singular = r.kind;
                for (auto &c : singular)
                    c = char(std::tolower(static_cast<unsigned char>(c)));
                j["singularName"] = singular;
            }
            resources.push_back(j);
        }
        return json{{"kind", "APIResourceList"}, {"apiVersion", "v1"}, {"groupVersion", name}, {"resources", resources}}.dump();
    }
    return std::nullopt;
}

std::string versionJson(const std::string &gitVersion)
{
    // "v1.30.4" -> major "1", minor "30"
    const auto dot1 = gitVersion.find('.');
    const auto dot2 = gitVersion.find('.', dot1 + 1);
    const std::string major = gitVersion.substr(1, dot1 - 1);
    const std::string minor = gitVersion.substr(dot1 + 1, dot2 - dot1 - 1);
    return json{{"major", major}, {"minor", minor}, {"gitVersion", gitVersion},
                {"gitCommit", "a51b3b711150f57ffc1f526a640ec058514ed596"}, {"gitTreeState", "clean"},
                {"buildDate", "2024-08-14T19:09:26Z"}, {"goVersion", "go1.22.5"}, {"compiler", "gc"},
                {"platform", "linux/amd64"}}
        .dump();
}

} // namespace nt::sim
