#include "tableprinter.h"

#include <ctime>

namespace nt::sim {

using nlohmann::json;

namespace {

struct Column
{
    const char *name, *type, *format;
    int priority;
};

// A member by reference, or an empty array: `value(key, json::array())` would copy it, which
// for 5000 nodes' conditions costs more than the rest of the table.
const json &member(const json &object, const char *key)
{
    static const json empty = json::array();
    const auto it = object.find(key);
    return it == object.end() ? empty : *it;
}

int64_t parseTime(const std::string &text)
{
    std::tm tm{};
    if (!strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm))
        return 0;
    return int64_t(timegm(&tm));
}

std::string age(const json &obj, int64_t now)
{
    return SimClock::humanDuration(now - parseTime(obj["metadata"].value("creationTimestamp", "")));
}

std::string nodeStatus(const json &node)
{
    std::string status = "Unknown";
    for (const auto &c : member(node["status"], "conditions")) {
        if (c.value("type", "") == "Ready")
            status = c.value("status", "") == "True" ? "Ready" : "NotReady";
    }
    if (node["spec"].value("unschedulable", false))
        status += ",SchedulingDisabled";
    return status;
}

std::string nodeRoles(const json &labels)
{
    std::string roles;
    for (const auto &[key, value] : labels.items()) {
        std::string role;
        if (key.rfind("node-role.kubernetes.io/", 0) == 0)
            role = key.substr(24);
        else if (key == "kubernetes.io/role")
            role = value.get<std::string>();
        if (!role.empty() && (","+roles+",").find(","+role+",") == std::string::npos)
            roles += (roles.empty() ? "" : ",") + role;
    }
    return roles.empty() ? "<none>" : roles;
}

std::string address(const json &node, const char *type)
{
    for (const auto &a : member(node["status"], "addresses")) {
        if (a.value("type", "") == type)
            return a.value("address", "");
    }
    return "<none>";
}

json podCells(const json &pod, int64_t now)
{
    const auto &st = pod["status"];
    int ready = 0, total = 0, restarts = 0;
    std::string reason = st.value("phase", "Unknown");
    for (const auto &c : member(st, "containerStatuses")) {
        ++total;
        ready += c.value("ready", false) ? 1 : 0;
        restarts += c.value("restartCount", 0);
        if (c["state"].contains("waiting"))
            reason = c["state"]["waiting"].value("reason", reason);
    }
    if (total == 0)
        total = int(member(pod["spec"], "containers").size());
    if (pod["metadata"].contains("deletionTimestamp"))
        reason = "Terminating";
    return {pod["metadata"]["name"], std::to_string(ready) + "/" + std::to_string(total), reason, restarts, age(pod, now),
            st.value("podIP", "<none>"), pod["spec"].value("nodeName", "<none>"), "<none>", "<none>"};
}

json deploymentCells(const json &d, int64_t now)
{
    const auto &st = d["status"];
    const int replicas = d["spec"].value("replicas", 1);
    std::string containers, images;
    for (const auto &c : member(d["spec"]["template"]["spec"], "containers")) {
        containers += (containers.empty() ? "" : ",") + c.value("name", "");
        images += (images.empty() ? "" : ",") + c.value("image", "");
    }
    std::string selector;
    const json matchLabels = d["spec"]["selector"].value("matchLabels", json::object());
    for (const auto &[k, v] : matchLabels.items())
        selector += (selector.empty() ? "" : ",") + k + "=" + v.get<std::string>();
    return {d["metadata"]["name"], std::to_string(st.value("readyReplicas", 0)) + "/" + std::to_string(replicas),
            st.value("updatedReplicas", 0), st.value("availableReplicas", 0), age(d, now), containers, images, selector};
}

json eventCells(const json &e, int64_t now)
{
    const auto &inv = e["involvedObject"];
    std::string kind = inv.value("kind", "");
    for (auto &ch : kind)
        ch = char(std::tolower(static_cast<unsigned char>(ch)));
    const std::string last = e.value("lastTimestamp", e["metadata"].value("creationTimestamp", ""));
    const std::string first = e.value("firstTimestamp", last);
    std::string source = e["source"].value("component", "");
    if (e["source"].contains("host"))
        source += ", " + e["source"].value("host", "");
    return {SimClock::humanDuration(now - parseTime(last)), e.value("type", ""), e.value("reason", ""),
            kind + "/" + inv.value("name", ""), inv.value("fieldPath", ""), source, e.value("message", ""),
            SimClock::humanDuration(now - parseTime(first)), e.value("count", 1), e["metadata"]["name"]};
}

} // namespace

IncludeObject parseIncludeObject(const std::string &value)
{
    if (value == "None")
        return IncludeObject::None;
    if (value == "Object")
        return IncludeObject::Object;
    return IncludeObject::Metadata;
}

std::string renderTable(const ObjectStore &store, const std::string &resource,
                        const std::vector<const StoredObject *> &items, const std::string &listMeta,
                        IncludeObject include, int64_t now)
{
    std::vector<Column> columns;
    if (resource == "nodes")
        columns = {{"Name", "string", "name", 0}, {"Status", "string", "", 0}, {"Roles", "string", "", 0},
                   {"Age", "string", "", 0}, {"Version", "string", "", 0}, {"Internal-IP", "string", "", 1},
                   {"External-IP", "string", "", 1}, {"OS-Image", "string", "", 1}, {"Kernel-Version", "string", "", 1},
                   {"Container-Runtime", "string", "", 1}};
    else if (resource == "pods")
        columns = {{"Name", "string", "name", 0}, {"Ready", "string", "", 0}, {"Status", "string", "", 0},
                   {"Restarts", "integer", "", 0}, {"Age", "string", "", 0}, {"IP", "string", "", 1},
                   {"Node", "string", "", 1}, {"Nominated Node", "string", "", 1}, {"Readiness Gates", "string", "", 1}};
    else if (resource == "deployments")
        columns = {{"Name", "string", "name", 0}, {"Ready", "string", "", 0}, {"Up-to-date", "integer", "", 0},
                   {"Available", "integer", "", 0}, {"Age", "string", "", 0}, {"Containers", "string", "", 1},
                   {"Images", "string", "", 1}, {"Selector", "string", "", 1}};
    else if (resource == "events")
        columns = {{"Last Seen", "string", "", 0}, {"Type", "string", "", 0}, {"Reason", "string", "", 0},
                   {"Object", "string", "", 0}, {"Subobject", "string", "", 1}, {"Source", "string", "", 1},
                   {"Message", "string", "", 0}, {"First Seen", "string", "", 1}, {"Count", "integer", "", 1},
                   {"Name", "string", "", 1}};
    else if (resource == "leases")
        columns = {{"Name", "string", "name", 0}, {"Holder", "string", "", 0}, {"Age", "string", "", 0}};
    else if (resource == "replicasets")
        columns = {{"Name", "string", "name", 0}, {"Desired", "integer", "", 0}, {"Current", "integer", "", 0},
                   {"Ready", "integer", "", 0}, {"Age", "string", "", 0}};
    else if (resource == "namespaces")
        columns = {{"Name", "string", "name", 0}, {"Status", "string", "", 0}, {"Age", "string", "", 0}};
    else
        columns = {{"Name", "string", "name", 0}, {"Created At", "date", "", 0}};

    json defs = json::array();
    for (const Column &c : columns)
        defs.push_back({{"name", c.name}, {"type", c.type}, {"format", c.format}, {"description", ""}, {"priority", c.priority}});

    std::string out = "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":" + listMeta
                      + ",\"columnDefinitions\":" + defs.dump() + ",\"rows\":[";
    bool firstRow = true;
    for (const StoredObject *item : items) {
        const json &o = item->obj;
        json cells;
        if (resource == "nodes")
            cells = {o["metadata"]["name"], nodeStatus(o), nodeRoles(o["metadata"]["labels"]), age(o, now),
                     o["status"]["nodeInfo"].value("kubeletVersion", ""), address(o, "InternalIP"), address(o, "ExternalIP"),
                     o["status"]["nodeInfo"].value("osImage", ""), o["status"]["nodeInfo"].value("kernelVersion", ""),
                     o["status"]["nodeInfo"].value("containerRuntimeVersion", "")};
        else if (resource == "pods")
            cells = podCells(o, now);
        else if (resource == "deployments")
            cells = deploymentCells(o, now);
        else if (resource == "events")
            cells = eventCells(o, now);
        else if (resource == "leases")
            cells = {o["metadata"]["name"], o["spec"].value("holderIdentity", "<unset>"), age(o, now)};
        else if (resource == "replicasets")
            cells = {o["metadata"]["name"], o["spec"].value("replicas", 0), o["status"].value("replicas", 0),
                     o["status"].value("readyReplicas", 0), age(o, now)};
        else if (resource == "namespaces")
            cells = {o["metadata"]["name"], o["status"].value("phase", "Active"), age(o, now)};
        else
            cells = {o["metadata"]["name"], o["metadata"].value("creationTimestamp", "")};
        out += firstRow ? "" : ",";
        firstRow = false;
        out += "{\"cells\":" + cells.dump();
        if (include == IncludeObject::Metadata)
            out += ",\"object\":{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":"
                   + store.metadataJson(*item) + "}";
        else if (include == IncludeObject::Object)
            out += ",\"object\":" + store.serializeWithKind(resource, *item);
        out += "}";
    }
    out += "]}";
    return out;
}

} // namespace nt::sim
