#pragma once
// The simulated etcd: every served object, per resource, ordered by namespace/name like the real
// API server's list order. Objects keep their JSON serialisation cached because a 5000-node
// cluster is listed again and again; fields that must move with time (heartbeats, lease renewals)
// are written as fixed-width markers and patched into the cached text on every read.
#include "simclock.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace nt::sim {

// Placeholders with the exact width of the timestamps that replace them.
inline constexpr std::string_view kNowMarker = "NTSIM-NOW-MARKER-20C";        // metav1.Time
inline constexpr std::string_view kNowMicroMarker = "NTSIM-NOWMICRO-MARKER-27CHR"; // MicroTime

struct StoredObject
{
    nlohmann::json obj; // without kind/apiVersion, as list items are served
    mutable std::string cache;
    mutable std::string metadataCache; // metadata alone, for Table rows (PartialObjectMetadata)
    mutable std::string labelsCache;   // metadata.labels alone, for NodeMetrics
    mutable std::vector<std::pair<size_t, bool>> marks; // offset, is-micro
    mutable bool dirty = true;
};

struct ResourceInfo
{
    std::string kind, apiVersion; // e.g. "Node", "v1"
    bool namespaced = true;
};

class ObjectStore
{
public:
    explicit ObjectStore(const SimClock &clock) : m_clock(clock) {}

    // Resources are named by their plural ("nodes", "pods", "deployments" ...).
    void registerResource(const std::string &resource, ResourceInfo info);
    const ResourceInfo *info(const std::string &resource) const;

    // Adds or replaces; assigns uid, resourceVersion and creationTimestamp where missing.
    StoredObject &put(const std::string &resource, nlohmann::json obj);
    StoredObject *find(const std::string &resource, const std::string &ns, const std::string &name);
    bool remove(const std::string &resource, const std::string &ns, const std::string &name);
    // Call after changing obj in place: new resourceVersion, cached text rebuilt on next read.
    void touch(StoredObject &object);

    const std::map<std::string, StoredObject> &items(const std::string &resource) const;
    int64_t resourceVersion() const { return m_resourceVersion; }

    // The object's JSON text with time markers replaced by the current time.
    std::string serialize(const StoredObject &object) const;
    // The object's metadata as JSON text (no time markers live there).
    const std::string &metadataJson(const StoredObject &object) const;
    const std::string &labelsJson(const StoredObject &object) const;
    // The same with kind and apiVersion first, as a single GET returns it.
    std::string serializeWithKind(const std::string &resource, const StoredObject &object) const;

    // Serialises up to `count` objects from `fromKey` on, so the first list of a big cluster is
    // as fast as later ones. Returns the key to continue from, "" when done.
    std::string warmCache(const std::string &resource, const std::string &fromKey, int count) const;

    static std::string key(const std::string &ns, const std::string &name)
    {
        return ns.empty() ? name : ns + '/' + name;
    }

private:
    const SimClock &m_clock;
    std::map<std::string, ResourceInfo> m_info;
    std::map<std::string, std::map<std::string, StoredObject>> m_items;
    int64_t m_resourceVersion = 1000;
    int64_t m_uidCounter = 0;
};

} // namespace nt::sim
