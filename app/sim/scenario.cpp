#include "scenario.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <stdexcept>
#include <yaml-cpp/yaml.h>

namespace nt::sim {

namespace {

// Thrown inside the parser with the offending line; turned into an error string at the top.
struct ParseError : std::runtime_error {
    ParseError(const YAML::Node &node, const std::string &what)
        : std::runtime_error(std::to_string(node.Mark().line + 1) + ": " + what) {}
};

template <typename T> void read(const YAML::Node &map, const char *key, T &out) {
    const YAML::Node value = map[key];
    if (!value)
        return;
    try {
        out = value.as<T>();
    } catch (const YAML::Exception &) {
        throw ParseError(value, std::string("bad value for '") + key + "'");
    }
}

void readTimeline(const YAML::Node &map, const char *key, Timeline &t) {
    const YAML::Node node = map[key];
    if (!node)
        return;
    if (!node.IsMap())
        throw ParseError(node,
                         std::string("'") + key + "' must be a map (baseline, rampPerMinute, ...)");
    read(node, "baseline", t.baseline);
    read(node, "rampPerMinute", t.rampPerMinute);
    read(node, "wave", t.wave);
    read(node, "wavePeriodSeconds", t.wavePeriodSeconds);
    read(node, "noise", t.noise);
    read(node, "min", t.min);
    read(node, "max", t.max);
}

// Metrics inherit: defaults -> pool -> node override; each level only states what changes.
MetricsSpec readMetrics(const YAML::Node &node, MetricsSpec base) {
    if (!node)
        return base;
    readTimeline(node, "cpu", base.cpu);
    readTimeline(node, "memory", base.memory);
    readTimeline(node, "disk", base.disk);
    readTimeline(node, "pids", base.pids);
    readTimeline(node, "readIops", base.readIops);
    readTimeline(node, "writeIops", base.writeIops);
    readTimeline(node, "ioQueue", base.ioQueue);
    read(node, "readSizeKiB", base.readSizeKiB);
    read(node, "writeSizeKiB", base.writeSizeKiB);
    read(node, "pidMax", base.pidMax);
    read(node, "psi", base.psi);
    if (const YAML::Node k = node["kubelet"]) {
        read(k, "runtimeErrorsPerMinute", base.kubelet.runtimeErrorsPerMinute);
        read(k, "startedPodsErrorsPerMinute", base.kubelet.startedPodsErrorsPerMinute);
        read(k, "startedContainersErrorsPerMinute", base.kubelet.startedContainersErrorsPerMinute);
        read(k, "plegRelistSeconds", base.kubelet.plegRelistSeconds);
        read(k, "restartEverySeconds", base.kubelet.restartEverySeconds);
        read(k, "restartPhaseSeconds", base.kubelet.restartPhaseSeconds);
        read(k, "notReadyAfterRestartSeconds", base.kubelet.notReadyAfterRestartSeconds);
        read(k, "evictionsPerMinute", base.kubelet.evictionsPerMinute);
    }
    return base;
}

ConditionSpec readCondition(const YAML::Node &n, const char *defaultType = "") {
    ConditionSpec c;
    c.type = defaultType;
    read(n, "type", c.type);
    read(n, "status", c.status);
    read(n, "reason", c.reason);
    read(n, "message", c.message);
    read(n, "transitionAgoSeconds", c.transitionAgoSeconds);
    if (c.type.empty() || c.status.empty())
        throw ParseError(n, "a condition needs 'type' and 'status'");
    return c;
}

std::vector<TaintSpec> readTaints(const YAML::Node &list) {
    std::vector<TaintSpec> out;
    for (const YAML::Node &n : list) {
        TaintSpec t;
        read(n, "key", t.key);
        read(n, "value", t.value);
        read(n, "effect", t.effect);
        read(n, "addedAgoSeconds", t.addedAgoSeconds);
        if (t.key.empty() || t.effect.empty())
            throw ParseError(n, "a taint needs 'key' and 'effect'");
        out.push_back(t);
    }
    return out;
}

// Nodes are named by pool and index ("nodepool1/1"), since real names are generated.
NodeRef readNodeRef(const YAML::Node &n, bool allowRange = false) {
    const auto text = n.as<std::string>();
    const auto slash = text.find('/');
    if (slash == std::string::npos)
        throw ParseError(n, "a node reference is 'pool/index', got '" + text + "'");
    const std::string pool = text.substr(0, slash), index = text.substr(slash + 1);
    if (allowRange && index == "*")
        return NodeRef{pool, 0, 1 << 30};
    const auto dash = index.find('-');
    if (allowRange && dash != std::string::npos && dash > 0) {
        try {
            const NodeRef r{pool, std::stoi(index.substr(0, dash)),
                            std::stoi(index.substr(dash + 1))};
            if (r.last >= r.index && r.index >= 0)
                return r;
        } catch (const std::exception &) {
        }
        throw ParseError(n, "bad node range in '" + text + "' (pool/first-last)");
    }
    try {
        size_t used = 0;
        const int i = std::stoi(index, &used);
        if (used != index.size() || i < 0)
            throw std::invalid_argument(index);
        return NodeRef{pool, i};
    } catch (const std::exception &) {
        throw ParseError(n, "bad node index in '" + text + "'");
    }
}

nlohmann::json yamlToJson(const YAML::Node &n) {
    if (n.IsMap()) {
        nlohmann::json obj = nlohmann::json::object();
        for (const auto &kv : n)
            obj[kv.first.as<std::string>()] = yamlToJson(kv.second);
        return obj;
    }
    if (n.IsSequence()) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto &item : n)
            arr.push_back(yamlToJson(item));
        return arr;
    }
    if (!n.IsScalar())
        return nullptr;
    const std::string s = n.Scalar();
    if (n.Tag() != "!") { // unquoted: numbers and booleans keep their type
        bool b = false;
        if (YAML::convert<bool>::decode(n, b) && (s == "true" || s == "false"))
            return b;
        try {
            size_t used = 0;
            const long long i = std::stoll(s, &used);
            if (used == s.size())
                return i;
        } catch (const std::exception &) {
        }
    }
    return s;
}

Scenario readScenario(const YAML::Node &root) {
    if (!root.IsMap())
        throw ParseError(root, "a scenario is a YAML map");
    Scenario s;
    read(root, "name", s.name);
    read(root, "description", s.description);
    if (s.name.empty())
        throw ParseError(root, "'name' is required");
    if (const YAML::Node c = root["cluster"]) {
        read(c, "name", s.cluster.name);
        read(c, "resourceGroup", s.cluster.resourceGroup);
        read(c, "subscription", s.cluster.subscription);
        read(c, "fqdn", s.cluster.fqdn);
        read(c, "kubernetesVersion", s.cluster.kubernetesVersion);
        read(c, "region", s.cluster.region);
        read(c, "private", s.cluster.isPrivate);
        read(c, "privateFqdn", s.cluster.privateFqdn);
        if (const YAML::Node d = c["dns"]) {
            read(d, "workstation", s.cluster.dns.workstation);
            read(d, "pod", s.cluster.dns.pod);
            read(d, "node", s.cluster.dns.node);
            read(d, "upstream", s.cluster.dns.upstream);
            read(d, "publicAddress", s.cluster.dns.publicAddress);
            read(d, "dnsServiceIp", s.cluster.dns.dnsServiceIp);
            read(d, "podNames", s.cluster.dns.podNames);
        }
    }
    read(root, "startOffsetSeconds", s.startOffsetSeconds);
    const MetricsSpec defaults = readMetrics(root["metrics"], MetricsSpec{});
    for (const YAML::Node &p : root["pools"]) {
        PoolSpec pool;
        read(p, "name", pool.name);
        read(p, "mode", pool.mode);
        read(p, "vmSize", pool.vmSize);
        read(p, "osSku", pool.osSku);
        read(p, "nodeImageVersion", pool.nodeImageVersion);
        read(p, "count", pool.count);
        read(p, "scale", pool.scale);
        read(p, "ageSeconds", pool.ageSeconds);
        read(p, "osDiskType", pool.osDiskType);
        read(p, "osDiskSizeGB", pool.osDiskSizeGB);
        if (pool.osDiskType != "Managed" && pool.osDiskType != "Ephemeral")
            throw ParseError(p["osDiskType"], "'osDiskType' is Managed or Ephemeral");
        pool.taints = readTaints(p["taints"]);
        pool.metrics = readMetrics(p["metrics"], defaults);
        if (pool.name.empty() || pool.count < 0)
            throw ParseError(p, "a pool needs a 'name' and a 'count' >= 0");
        s.pools.push_back(pool);
    }
    if (s.pools.empty())
        throw ParseError(root, "at least one entry in 'pools' is required");
    for (const YAML::Node &o : root["overrides"]) {
        NodeOverride ov;
        ov.node = readNodeRef(o["node"], true);
        const auto pool = std::find_if(s.pools.begin(), s.pools.end(),
                                       [&](const PoolSpec &p) { return p.name == ov.node.pool; });
        if (pool == s.pools.end())
            throw ParseError(o, "override names unknown pool '" + ov.node.pool + "'");
        if (o["ready"])
            ov.ready = readCondition(o["ready"], "Ready");
        read(o, "kubeletConditions", ov.kubeletConditions);
        for (const YAML::Node &c : o["conditions"])
            ov.conditions.push_back(readCondition(c));
        ov.taints = readTaints(o["taints"]);
        read(o, "cordon", ov.cordon);
        read(o, "unreachable", ov.unreachable);
        read(o, "unreachableError", ov.unreachableError);
        read(o, "staleHeartbeatSeconds", ov.staleHeartbeatSeconds);
        read(o, "tunnelError", ov.tunnelError);
        ov.metrics = readMetrics(o["metrics"], pool->metrics);
        s.overrides.push_back(ov);
    }
    for (const YAML::Node &w : root["workloads"]) {
        WorkloadSpec wl;
        read(w, "name", wl.name);
        read(w, "namespace", wl.ns);
        read(w, "image", wl.image);
        read(w, "container", wl.container);
        read(w, "labels", wl.labels);
        read(w, "replicas", wl.replicas);
        read(w, "ready", wl.ready);
        read(w, "restarts", wl.restarts);
        read(w, "log", wl.log);
        read(w, "lastTerminationReason", wl.lastTerminationReason);
        if (wl.name.empty())
            throw ParseError(w, "a workload needs a 'name'");
        if (wl.container.empty())
            wl.container = wl.name;
        if (wl.labels.empty())
            wl.labels["app"] = wl.name;
        s.workloads.push_back(wl);
    }
    if (const YAML::Node logs = root["logs"]) {
        for (const auto &kv : logs) {
            LogSpec l;
            read(kv.second, "startup", l.startup);
            read(kv.second, "repeat", l.repeat);
            read(kv.second, "repeatEverySeconds", l.repeatEverySeconds);
            read(kv.second, "repeatSinceAgoSeconds", l.repeatSinceAgoSeconds);
            s.logs[kv.first.as<std::string>()] = l;
        }
    }
    for (const auto &wl : s.workloads) {
        if (!wl.log.empty() && !s.logs.count(wl.log))
            throw ParseError(root["workloads"],
                             "workload '" + wl.name + "' names unknown log '" + wl.log + "'");
    }
    for (const YAML::Node &e : root["events"]) {
        EventSpec ev;
        read(e, "namespace", ev.ns);
        read(e, "type", ev.type);
        read(e, "reason", ev.reason);
        read(e, "message", ev.message);
        read(e, "kind", ev.kind);
        read(e, "name", ev.name);
        read(e, "component", ev.component);
        read(e, "count", ev.count);
        read(e, "agoSeconds", ev.agoSeconds);
        if (e["node"])
            ev.node = readNodeRef(e["node"]);
        if (ev.reason.empty() || (ev.name.empty() && !ev.node))
            throw ParseError(e, "an event needs a 'reason' and a 'node' or 'name'");
        s.events.push_back(ev);
    }
    for (const YAML::Node &f : root["faults"])
        s.faults.push_back(yamlToJson(f));
    for (const YAML::Node &x : root["expect"]) {
        ExpectSpec ex;
        read(x, "id", ex.id);
        read(x, "object", ex.object);
        if (x["node"])
            ex.node = readNodeRef(x["node"]);
        s.expect.push_back(ex);
    }
    return s;
}

} // namespace

int Scenario::nodeCount() const {
    int n = 0;
    for (const auto &p : pools)
        n += p.count;
    return n;
}

void Scenario::scaleTo(int totalNodes) {
    auto target =
        std::find_if(pools.begin(), pools.end(), [](const PoolSpec &p) { return p.scale; });
    if (target == pools.end())
        target =
            std::max_element(pools.begin(), pools.end(), [](const PoolSpec &a, const PoolSpec &b) {
                return a.count < b.count;
            });
    int others = nodeCount() - target->count;
    // Fewer nodes than the other pools hold: shrink them from the back, keep the target's 1st.
    for (auto it = pools.rbegin(); it != pools.rend() && others > totalNodes - 1; ++it) {
        if (&*it == &*target)
            continue;
        const int cut = std::min(it->count, others - std::max(totalNodes - 1, 0));
        it->count -= cut;
        others -= cut;
    }
    target->count = std::max(totalNodes - others, totalNodes > 0 ? 1 : 0);
}

std::optional<Scenario> parseScenario(const std::string &yaml, const QString &origin,
                                      QString *error) {
    try {
        return readScenario(YAML::Load(yaml));
    } catch (const ParseError &e) {
        *error = QStringLiteral("%1:%2").arg(origin, QString::fromStdString(e.what()));
    } catch (const YAML::Exception &e) {
        *error = QStringLiteral("%1:%2: %3")
                     .arg(origin)
                     .arg(e.mark.line + 1)
                     .arg(QString::fromStdString(e.msg));
    }
    return std::nullopt;
}

std::optional<Scenario> loadScenario(const QString &nameOrPath, QString *error) {
    QString path = nameOrPath;
    if (!QFileInfo::exists(path)) {
        path = QStringLiteral(":/scenarios/%1.yaml").arg(nameOrPath);
        if (!QFile::exists(path)) {
            *error = QStringLiteral("unknown scenario '%1' (not a file, not one of: %2)")
                         .arg(nameOrPath, builtinScenarioNames().join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read scenario %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parseScenario(file.readAll().toStdString(), path, error);
}

QStringList builtinScenarioNames() {
    QStringList names;
    const auto files = QDir(QStringLiteral(":/scenarios"))
                           .entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        names << f.chopped(5);
    return names;
}

} // namespace nt::sim
