#include "apihandlers.h"

#include "discovery.h"
#include "patch.h"
#include "selectors.h"
#include "tableprinter.h"
#include "workloads.h"

#include <QByteArray>
#include <set>

namespace nt::sim {

using nlohmann::json;

namespace {

std::vector<std::string> splitPath(const std::string &path) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t slash = path.find('/', start);
        const std::string part =
            path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!part.empty())
            out.push_back(part);
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return out;
}

// Which resources each group/version serves out of the object store.
bool servedInStore(const std::string &groupVersion, const std::string &resource) {
    static const std::set<std::pair<std::string, std::string>> served = {
        {"v1", "nodes"},
        {"v1", "pods"},
        {"v1", "events"},
        {"v1", "namespaces"},
        {"apps/v1", "deployments"},
        {"apps/v1", "replicasets"},
        {"coordination.k8s.io/v1", "leases"}};
    return served.count({groupVersion, resource}) > 0;
}

// Continue tokens look like the real server's: base64 of {"v":..,"rv":..,"start":"<key>\u0000"}.
std::string encodeContinue(int64_t rv, const std::string &lastKey) {
    const json token = {
        {"v", "meta.k8s.io/v1"}, {"rv", rv}, {"start", lastKey + std::string(1, '\0')}};
    return QByteArray::fromStdString(token.dump())
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
        .toStdString();
}

bool decodeContinue(const std::string &text, int64_t *rv, std::string *start) {
    const QByteArray raw =
        QByteArray::fromBase64(QByteArray::fromStdString(text), QByteArray::Base64UrlEncoding);
    const json token = json::parse(raw.toStdString(), nullptr, false);
    if (!token.is_object() || !token.contains("rv") || !token.contains("start") ||
        !token["start"].is_string())
        return false;
    *rv = token["rv"].get<int64_t>();
    *start = token["start"].get<std::string>();
    return true;
}

} // namespace

ApiResponse ApiHandlers::notFound(const Target &t) const {
    const std::string group = t.groupVersion.find('/') == std::string::npos
                                  ? ""
                                  : t.groupVersion.substr(0, t.groupVersion.find('/'));
    const std::string qualified = group.empty() ? t.resource : t.resource + "." + group;
    json details = {{"name", t.name}, {"kind", t.resource}};
    if (!group.empty())
        details["group"] = group;
    return statusResponse(404, qualified + " \"" + t.name + "\" not found", "NotFound", details);
}

ApiResponse ApiHandlers::handle(const ApiRequest &r) {
    const std::vector<std::string> seg = splitPath(r.path);
    const bool core = seg.size() >= 2 && seg[0] == "api";
    const bool grouped = seg.size() >= 3 && seg[0] == "apis";
    const size_t restAt = core ? 2 : 3;
    if (!(core || grouped) || seg.size() <= restAt)
        return discovery(r, seg);

    Target t;
    t.groupVersion = core ? seg[1] : seg[1] + "/" + seg[2];
    std::vector<std::string> rest(seg.begin() + long(restAt), seg.end());
    if (rest[0] == "namespaces" && rest.size() >= 3) {
        t.ns = rest[1];
        rest.erase(rest.begin(), rest.begin() + 2);
    }
    t.resource = rest[0];
    if (rest.size() >= 2)
        t.name = rest[1];
    if (rest.size() >= 3)
        t.sub.assign(rest.begin() + 2, rest.end());

    if (t.groupVersion == "metrics.k8s.io/v1beta1")
        return metricsApi(r, t);
    if (!servedInStore(t.groupVersion, t.resource))
        return statusResponse(404, "the server could not find the requested resource", "NotFound");
    const ResourceInfo *info = m_cluster.store().info(t.resource);
    if (!info->namespaced && !t.ns.empty())
        return statusResponse(404, "the server could not find the requested resource", "NotFound");

    if (!t.sub.empty()) {
        if (t.resource == "nodes" && t.sub[0] == "proxy")
            return nodeProxy(r, t);
        if (t.resource == "pods" && t.sub[0] == "log" && r.method == "GET")
            return podLog(r, t);
        if (t.sub.size() == 1 && t.sub[0] == "status" && (r.method == "GET" || r.method == "PATCH"))
            return r.method == "GET" ? get(r, t) : patch(r, t);
        return statusResponse(404, "the server could not find the requested resource", "NotFound");
    }
    if (t.name.empty()) {
        if (r.method == "GET")
            return list(r, t);
        if (r.method == "POST")
            return create(r, t);
    } else {
        if (r.method == "GET")
            return get(r, t);
        if (r.method == "PATCH")
            return patch(r, t);
        if (r.method == "PUT")
            return replace(r, t);
        if (r.method == "DELETE")
            return remove(r, t);
    }
    return statusResponse(405, "the server does not allow this method on the requested resource",
                          "MethodNotAllowed");
}

ApiResponse ApiHandlers::discovery(const ApiRequest &r, const std::vector<std::string> &seg) {
    if (r.method != "GET")
        return statusResponse(405,
                              "the server does not allow this method on the requested resource",
                              "MethodNotAllowed");
    const std::string server = m_cluster.scenario().cluster.fqdn + ":443";
    if (seg.size() == 1 && seg[0] == "api")
        return jsonResponse(apiVersionsJson(server));
    if (seg.size() == 1 && seg[0] == "apis")
        return jsonResponse(apiGroupListJson());
    if (seg.size() == 1 && seg[0] == "version")
        return jsonResponse(versionJson(m_cluster.scenario().cluster.kubernetesVersion));
    if (seg.size() == 1 && (seg[0] == "healthz" || seg[0] == "livez" || seg[0] == "readyz"))
        return {200, "text/plain; charset=utf-8", "ok", {}};
    if (seg.size() == 2 && seg[0] == "api") {
        if (auto body = apiResourceListJson(seg[1]))
            return jsonResponse(*body);
    }
    if (seg.size() == 2 && seg[0] == "apis") {
        if (auto body = apiGroupJson(seg[1]))
            return jsonResponse(*body);
    }
    if (seg.size() == 3 && seg[0] == "apis") {
        if (auto body = apiResourceListJson(seg[1] + "/" + seg[2]))
            return jsonResponse(*body);
    }
    if (seg.empty())
        return jsonResponse(json{
            {"paths",
             {"/api", "/api/v1", "/apis", "/apis/apps/v1", "/apis/coordination.k8s.io/v1",
              "/apis/metrics.k8s.io/v1beta1", "/healthz", "/livez", "/readyz",
              "/version"}}}.dump());
    return statusResponse(404, "the server could not find the requested resource", "NotFound");
}

ApiResponse ApiHandlers::list(const ApiRequest &r, const Target &t) {
    const auto labels = LabelSelector::parse(r.param("labelSelector"));
    const auto fields = FieldSelector::parse(r.param("fieldSelector"));
    if (!labels || !fields)
        return statusResponse(400, "unable to parse requirement: invalid label or field selector",
                              "BadRequest");
    long limit = 0;
    if (r.hasParam("limit"))
        limit = std::max(0L, std::atol(r.param("limit").c_str()));
    ObjectStore &store = m_cluster.store();
    int64_t rv = store.resourceVersion();
    std::string start;
    if (const std::string token = r.param("continue"); !token.empty()) {
        if (!decodeContinue(token, &rv, &start))
            return statusResponse(400,
                                  "continue key is not valid: incorrect encoded start "
                                  "resourceVersion (version meta.k8s.io/v1)",
                                  "BadRequest");
    }

    const auto &items = store.items(t.resource);
    const std::string nsPrefix = t.ns.empty() ? std::string() : t.ns + "/";
    auto it = items.lower_bound(std::max(start, nsPrefix));
    std::vector<const StoredObject *> page;
    std::string lastKey;
    bool more = false;
    int64_t remaining = 0;
    const bool filtered = !labels->empty() || !fields->empty();
    for (; it != items.end(); ++it) {
        if (!nsPrefix.empty() && it->first.compare(0, nsPrefix.size(), nsPrefix) != 0)
            break;
        const json &o = it->second.obj;
        if (!labels->empty() && !labels->matches(labelsOf(o)))
            continue;
        if (!fields->empty() && !fields->matches(o))
            continue;
        if (limit > 0 && long(page.size()) == limit) {
            more = true;
            if (filtered)
                break;
            ++remaining;
            continue;
        }
        page.push_back(&it->second);
        lastKey = it->first;
    }
    json meta = {{"resourceVersion", std::to_string(rv)}};
    if (more) {
        meta["continue"] = encodeContinue(rv, lastKey);
        if (!filtered)
            meta["remainingItemCount"] = remaining;
    }
    if (r.wantsTable()) {
        const auto include = parseIncludeObject(r.param("includeObject"));
        return {
            200,
            "application/json;as=Table;v=v1;g=meta.k8s.io",
            renderTable(store, t.resource, page, meta.dump(), include, m_cluster.clock().nowSecs()),
            {}};
    }
    const ResourceInfo *info = store.info(t.resource);
    std::string body = "{\"kind\":\"" + info->kind + "List\",\"apiVersion\":\"" + info->apiVersion +
                       "\",\"metadata\":" + meta.dump() + ",\"items\":[";
    for (size_t i = 0; i < page.size(); ++i) {
        if (i)
            body += ',';
        body += store.serialize(*page[i]);
    }
    body += "]}";
    return jsonResponse(std::move(body));
}

ApiResponse ApiHandlers::get(const ApiRequest &r, const Target &t) {
    const StoredObject *o = m_cluster.store().find(t.resource, t.ns, t.name);
    if (!o)
        return notFound(t);
    if (r.wantsTable()) {
        const json meta = {{"resourceVersion", o->obj["metadata"]["resourceVersion"]}};
        return {200,
                "application/json;as=Table;v=v1;g=meta.k8s.io",
                renderTable(m_cluster.store(), t.resource, {o}, meta.dump(),
                            parseIncludeObject(r.param("includeObject")),
                            m_cluster.clock().nowSecs()),
                {}};
    }
    return jsonResponse(m_cluster.store().serializeWithKind(t.resource, *o));
}

ApiResponse ApiHandlers::create(const ApiRequest &r, const Target &t) {
    json obj = json::parse(r.body.toStdString(), nullptr, false);
    if (!obj.is_object() || !obj.contains("metadata"))
        return statusResponse(400, "the body of the request was in an unknown format",
                              "BadRequest");
    obj.erase("kind");
    obj.erase("apiVersion");
    const ResourceInfo *info = m_cluster.store().info(t.resource);
    const std::string ns = info->namespaced ? (t.ns.empty() ? "default" : t.ns) : std::string();
    if (info->namespaced)
        obj["metadata"]["namespace"] = ns;
    if (t.resource == "pods")
        obj = admitPod(m_cluster, std::move(obj), ns);
    const std::string name = obj["metadata"].value("name", "");
    if (name.empty())
        return statusResponse(
            422,
            t.resource +
                " \"\" is invalid: metadata.name: Required value: name or generateName is required",
            "Invalid");
    if (m_cluster.store().find(t.resource, ns, name))
        return statusResponse(409, t.resource + " \"" + name + "\" already exists", "AlreadyExists",
                              {{"name", name}, {"kind", t.resource}});
    if (r.param("dryRun") == "All")
        return jsonResponse(obj.dump(), 201);
    const StoredObject &stored = m_cluster.store().put(t.resource, std::move(obj));
    return jsonResponse(m_cluster.store().serializeWithKind(t.resource, stored), 201);
}

ApiResponse ApiHandlers::replace(const ApiRequest &r, const Target &t) {
    StoredObject *o = m_cluster.store().find(t.resource, t.ns, t.name);
    if (!o)
        return notFound(t);
    json obj = json::parse(r.body.toStdString(), nullptr, false);
    if (!obj.is_object() || !obj.contains("metadata"))
        return statusResponse(400, "the body of the request was in an unknown format",
                              "BadRequest");
    obj.erase("kind");
    obj.erase("apiVersion");
    for (const char *keep : {"name", "namespace", "uid", "creationTimestamp"}) {
        if (o->obj["metadata"].contains(keep))
            obj["metadata"][keep] = o->obj["metadata"][keep];
    }
    if (r.param("dryRun") != "All") {
        o->obj = std::move(obj);
        m_cluster.store().touch(*o);
    }
    return jsonResponse(m_cluster.store().serializeWithKind(t.resource, *o));
}

ApiResponse ApiHandlers::patch(const ApiRequest &r, const Target &t) {
    StoredObject *o = m_cluster.store().find(t.resource, t.ns, t.name);
    if (!o)
        return notFound(t);
    json updated = o->obj;
    int code = 400;
    const std::string error = applyPatch(r.contentType, r.body.toStdString(), updated, &code);
    if (!error.empty())
        return statusResponse(code, error);
    for (const char *keep : {"name", "namespace", "uid", "creationTimestamp"}) {
        if (o->obj["metadata"].contains(keep))
            updated["metadata"][keep] = o->obj["metadata"][keep];
    }
    if (r.param("dryRun") == "All")
        return jsonResponse(updated.dump());
    const bool templateChanged =
        t.resource == "deployments" && updated["spec"]["template"] != o->obj["spec"]["template"];
    o->obj = std::move(updated);
    if (templateChanged)
        rollOutDeployment(m_cluster, *o);
    else
        m_cluster.store().touch(*o);
    return jsonResponse(m_cluster.store().serializeWithKind(t.resource, *o));
}

ApiResponse ApiHandlers::remove(const ApiRequest &r, const Target &t) {
    const StoredObject *o = m_cluster.store().find(t.resource, t.ns, t.name);
    if (!o)
        return notFound(t);
    std::string body = m_cluster.store().serializeWithKind(t.resource, *o);
    if (r.param("dryRun") == "All")
        return jsonResponse(std::move(body));
    const json deleted = o->obj;
    m_cluster.store().remove(t.resource, t.ns, t.name);
    if (t.resource == "pods") {
        replaceDeletedPod(m_cluster, deleted);
        m_cluster.podExtras().erase(ObjectStore::key(t.ns, t.name));
        m_cluster.probePods().erase(ObjectStore::key(t.ns, t.name));
    }
    return jsonResponse(std::move(body));
}

} // namespace nt::sim
