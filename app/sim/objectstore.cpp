#include "objectstore.h"

#include <cstdio>

namespace nt::sim {

void ObjectStore::registerResource(const std::string &resource, ResourceInfo info)
{
    m_info[resource] = std::move(info);
    m_items[resource];
}

const ResourceInfo *ObjectStore::info(const std::string &resource) const
{
    const auto it = m_info.find(resource);
    return it == m_info.end() ? nullptr : &it->second;
}

StoredObject &ObjectStore::put(const std::string &resource, nlohmann::json obj)
{
    auto &meta = obj["metadata"];
    if (!meta.contains("uid")) {
        // Deterministic uids: stable across runs of the same scenario, handy when diffing outputs.
        char uid[40];
        const unsigned long long n = ++m_uidCounter;
        std::snprintf(uid, sizeof uid, "5a1e0000-%04llx-4%03llx-8000-%012llx", (n >> 28) & 0xffff,
                      (n >> 16) & 0xfff, n & 0xffffffffffffULL);
        meta["uid"] = uid;
    }
    if (!meta.contains("creationTimestamp"))
        meta["creationTimestamp"] = SimClock::rfc3339(m_clock.nowSecs());
    meta["resourceVersion"] = std::to_string(++m_resourceVersion);
    const std::string ns = meta.value("namespace", std::string());
    const std::string name = meta.value("name", std::string());
    StoredObject &stored = m_items[resource][key(ns, name)];
    stored.obj = std::move(obj);
    stored.dirty = true;
    return stored;
}

StoredObject *ObjectStore::find(const std::string &resource, const std::string &ns, const std::string &name)
{
    auto coll = m_items.find(resource);
    if (coll == m_items.end())
        return nullptr;
    auto it = coll->second.find(key(ns, name));
    return it == coll->second.end() ? nullptr : &it->second;
}

bool ObjectStore::remove(const std::string &resource, const std::string &ns, const std::string &name)
{
    ++m_resourceVersion;
    return m_items[resource].erase(key(ns, name)) > 0;
}

void ObjectStore::touch(StoredObject &object)
{
    object.obj["metadata"]["resourceVersion"] = std::to_string(++m_resourceVersion);
    object.dirty = true;
}

const std::map<std::string, StoredObject> &ObjectStore::items(const std::string &resource) const
{
    static const std::map<std::string, StoredObject> none;
    const auto it = m_items.find(resource);
    return it == m_items.end() ? none : it->second;
}

std::string ObjectStore::serialize(const StoredObject &object) const
{
    if (object.dirty) {
        object.cache = object.obj.dump();
        const auto &meta = object.obj["metadata"];
        object.metadataCache = meta.dump();
        object.labelsCache = meta.contains("labels") ? meta["labels"].dump() : std::string("{}");
        object.marks.clear();
        for (const auto &[marker, micro] : {std::pair{kNowMarker, false}, std::pair{kNowMicroMarker, true}}) {
            for (size_t pos = object.cache.find(marker); pos != std::string::npos;
                 pos = object.cache.find(marker, pos + marker.size()))
                object.marks.emplace_back(pos, micro);
        }
        object.dirty = false;
    }
    std::string out = object.cache;
    if (!object.marks.empty()) {
        // Live kubelets report every ~10 s: round down so repeated reads agree within a period.
        const int64_t beat = m_clock.nowSecs() / 10 * 10;
        const std::string secs = SimClock::rfc3339(beat);
        const std::string micro = SimClock::rfc3339Micro(beat * 1000 + 417);
        for (const auto &[pos, isMicro] : object.marks)
            out.replace(pos, isMicro ? kNowMicroMarker.size() : kNowMarker.size(), isMicro ? micro : secs);
    }
    return out;
}

const std::string &ObjectStore::metadataJson(const StoredObject &object) const
{
    if (object.dirty)
        serialize(object);
    return object.metadataCache;
}

const std::string &ObjectStore::labelsJson(const StoredObject &object) const
{
    if (object.dirty)
        serialize(object);
    return object.labelsCache;
}

std::string ObjectStore::serializeWithKind(const std::string &resource, const StoredObject &object) const
{
    const ResourceInfo *ri = info(resource);
    std::string body = serialize(object);
    if (!ri || body.size() < 2)
        return body;
    return "{\"kind\":\"" + ri->kind + "\",\"apiVersion\":\"" + ri->apiVersion + "\"," + body.substr(1);
}

std::string ObjectStore::warmCache(const std::string &resource, const std::string &fromKey, int count) const
{
    const auto &coll = items(resource);
    auto it = coll.lower_bound(fromKey);
    for (; it != coll.end() && count > 0; ++it, --count)
        serialize(it->second);
    return it == coll.end() ? std::string() : it->first;
}

} // namespace nt::sim
