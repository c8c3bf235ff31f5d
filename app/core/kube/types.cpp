#include "kube/types.h"

#include <nlohmann/json.hpp>

// Every accessor here checks the JSON type before reading: API servers of other versions, proxies
// and hand-written fixtures send missing, null or differently typed fields, and the checks must
// see "unknown" for those rather than an exception or a made-up zero.

namespace nt {
namespace {

using json = nlohmann::json;

const json &member(const json &object, const char *key) {
    static const json null;
    if (!object.is_object())
        return null;
    const auto it = object.find(key);
    return it == object.end() ? null : *it;
}

QString str(const json &object, const char *key) {
    const json &v = member(object, key);
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
}

std::optional<qint64> integer(const json &object, const char *key) {
    const json &v = member(object, key);
    if (v.is_number_integer())
        return v.get<qint64>();
    return std::nullopt;
}

int intOr(const json &object, const char *key, int fallback) {
    const std::optional<qint64> v = integer(object, key);
    return v ? int(*v) : fallback;
}

bool boolOr(const json &object, const char *key, bool fallback) {
    const json &v = member(object, key);
    return v.is_boolean() ? v.get<bool>() : fallback;
}

QDateTime time(const json &object, const char *key) {
    return parseKubeTime(str(object, key));
}

QMap<QString, QString> stringMap(const json &object) {
    QMap<QString, QString> map;
    if (!object.is_object())
        return map;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().is_string())
            map.insert(QString::fromStdString(it.key()),
                       QString::fromStdString(it.value().get<std::string>()));
    }
    return map;
}

QMap<QString, Quantity> quantityMap(const json &object) {
    QMap<QString, Quantity> map;
    if (!object.is_object())
        return map;
    for (auto it = object.begin(); it != object.end(); ++it) {
        // The API always sends quantities as strings; a bare number from a fixture is taken as
        // its text, anything unparseable is left out rather than guessed.
        QString text;
        if (it.value().is_string())
            text = QString::fromStdString(it.value().get<std::string>());
        else if (it.value().is_number())
            text = QString::fromStdString(it.value().dump());
        if (std::optional<Quantity> q = Quantity::parse(text))
            map.insert(QString::fromStdString(it.key()), *q);
    }
    return map;
}

QList<Condition> parseConditions(const json &list) {
    QList<Condition> result;
    if (!list.is_array())
        return result;
    for (const json &c : list) {
        Condition cond;
        cond.type = str(c, "type");
        if (cond.type.isEmpty())
            continue; // a condition without a type cannot be told apart from any other
        cond.status = str(c, "status");
        cond.reason = str(c, "reason");
        cond.message = str(c, "message");
        cond.lastHeartbeatTime = time(c, "lastHeartbeatTime");
        cond.lastTransitionTime = time(c, "lastTransitionTime");
        cond.lastUpdateTime = time(c, "lastUpdateTime");
        result.append(cond);
    }
    return result;
}

// Digits of s[pos..pos+n) as a number, or -1.
int digitsAt(QStringView s, qsizetype pos, qsizetype n) {
    if (pos + n > s.size())
        return -1;
    int v = 0;
    for (qsizetype i = pos; i < pos + n; ++i) {
        if (s[i] < u'0' || s[i] > u'9')
            return -1;
        v = v * 10 + (s[i].unicode() - u'0');
    }
    return v;
}

} // namespace

ObjectMeta ObjectMeta::fromJson(const nlohmann::json &metadata) {
    ObjectMeta m;
    m.name = str(metadata, "name");
    m.namespaceName = str(metadata, "namespace");
    m.uid = str(metadata, "uid");
    m.resourceVersion = str(metadata, "resourceVersion");
    m.creationTimestamp = time(metadata, "creationTimestamp");
    m.labels = stringMap(member(metadata, "labels"));
    m.annotations = stringMap(member(metadata, "annotations"));
    const json &owners = member(metadata, "ownerReferences");
    if (owners.is_array()) {
        for (const json &o : owners)
            m.ownerReferences.append({str(o, "kind"), str(o, "name")});
    }
    return m;
}

QString Taint::toString() const {
    QString s = key;
    if (!value.isEmpty())
        s += u'=' + value;
    if (!effect.isEmpty())
        s += u':' + effect;
    return s;
}

Node Node::fromJson(const nlohmann::json &object) {
    Node n;
    n.meta = ObjectMeta::fromJson(member(object, "metadata"));
    const json &spec = member(object, "spec");
    n.unschedulable = boolOr(spec, "unschedulable", false);
    n.providerID = str(spec, "providerID");
    const json &taints = member(spec, "taints");
    if (taints.is_array()) {
        for (const json &t : taints) {
            Taint taint{str(t, "key"), str(t, "value"), str(t, "effect"), time(t, "timeAdded")};
            if (!taint.key.isEmpty())
                n.taints.append(taint);
        }
    }
    const json &status = member(object, "status");
    n.conditions = parseConditions(member(status, "conditions"));
    n.capacity = quantityMap(member(status, "capacity"));
    n.allocatable = quantityMap(member(status, "allocatable"));
    const json &addresses = member(status, "addresses");
    if (addresses.is_array()) {
        for (const json &a : addresses)
            n.addresses.append({str(a, "type"), str(a, "address")});
    }
    const json &info = member(status, "nodeInfo");
    n.kubeletVersion = str(info, "kubeletVersion");
    n.osImage = str(info, "osImage");
    n.kernelVersion = str(info, "kernelVersion");
    n.containerRuntimeVersion = str(info, "containerRuntimeVersion");
    n.architecture = str(info, "architecture");
    n.operatingSystem = str(info, "operatingSystem");
    return n;
}

const Condition *Node::condition(const QString &type) const {
    for (const Condition &c : conditions) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

QString Node::internalIP() const {
    for (const auto &[type, address] : addresses) {
        if (type == u"InternalIP")
            return address;
    }
    return {};
}

QString Node::pool() const {
    const QString aks = meta.labels.value(QStringLiteral("kubernetes.azure.com/agentpool"));
    return aks.isEmpty() ? meta.labels.value(QStringLiteral("agentpool")) : aks;
}

QString Node::instanceType() const {
    const QString ga = meta.labels.value(QStringLiteral("node.kubernetes.io/instance-type"));
    return ga.isEmpty() ? meta.labels.value(QStringLiteral("beta.kubernetes.io/instance-type"))
                        : ga;
}

namespace {
QString firstKeyOf(const json &object) {
    return object.is_object() && !object.empty() ? QString::fromStdString(object.begin().key())
                                                 : QString();
}
} // namespace

Pod Pod::fromJson(const nlohmann::json &object) {
    Pod p;
    p.meta = ObjectMeta::fromJson(member(object, "metadata"));
    const json &spec = member(object, "spec");
    p.nodeName = str(spec, "nodeName");
    const json &specContainers = member(spec, "containers");
    if (specContainers.is_array()) {
        for (const json &c : specContainers)
            p.containerNames.append(str(c, "name"));
    }
    const json &status = member(object, "status");
    p.phase = str(status, "phase");
    p.podIP = str(status, "podIP");
    p.conditions = parseConditions(member(status, "conditions"));
    const json &statuses = member(status, "containerStatuses");
    if (statuses.is_array()) {
        for (const json &c : statuses) {
            ContainerStatus cs;
            cs.name = str(c, "name");
            cs.ready = boolOr(c, "ready", false);
            cs.restartCount = intOr(c, "restartCount", 0);
            cs.image = str(c, "image");
            // state holds exactly one of running / waiting / terminated.
            const json &state = member(c, "state");
            cs.state = firstKeyOf(state);
            if (!cs.state.isEmpty())
                cs.stateReason = str(member(state, cs.state.toStdString().c_str()), "reason");
            const json &last = member(member(c, "lastState"), "terminated");
            cs.lastTerminationReason = str(last, "reason");
            cs.lastExitCode = intOr(last, "exitCode", 0);
            cs.lastTerminationFinishedAt = time(last, "finishedAt");
            p.containers.append(cs);
        }
    }
    return p;
}

bool Pod::ready() const {
    for (const Condition &c : conditions) {
        if (c.type == u"Ready")
            return c.status == u"True";
    }
    return false;
}

int Pod::restarts() const {
    int total = 0;
    for (const ContainerStatus &c : containers)
        total += c.restartCount;
    return total;
}

Deployment Deployment::fromJson(const nlohmann::json &object) {
    Deployment d;
    d.meta = ObjectMeta::fromJson(member(object, "metadata"));
    d.generation = integer(member(object, "metadata"), "generation").value_or(0);
    const json &spec = member(object, "spec");
    // The API server defaults spec.replicas to 1, so an absent field means one replica.
    d.replicas = intOr(spec, "replicas", 1);
    d.paused = boolOr(spec, "paused", false);
    d.selector = stringMap(member(member(spec, "selector"), "matchLabels"));
    d.templateAnnotations =
        stringMap(member(member(member(spec, "template"), "metadata"), "annotations"));
    const json &status = member(object, "status");
    d.readyReplicas = intOr(status, "readyReplicas", 0);
    d.updatedReplicas = intOr(status, "updatedReplicas", 0);
    d.availableReplicas = intOr(status, "availableReplicas", 0);
    d.unavailableReplicas = intOr(status, "unavailableReplicas", 0);
    d.observedGeneration = integer(status, "observedGeneration").value_or(0);
    d.conditions = parseConditions(member(status, "conditions"));
    return d;
}

Event Event::fromJson(const nlohmann::json &object) {
    // core/v1 Event, with the events.k8s.io/v1 names (regarding, note, deprecated*) as fallbacks.
    Event e;
    e.meta = ObjectMeta::fromJson(member(object, "metadata"));
    e.type = str(object, "type");
    e.reason = str(object, "reason");
    e.message = str(object, "message");
    if (e.message.isEmpty())
        e.message = str(object, "note");
    const json *involved = &member(object, "involvedObject");
    if (!involved->is_object())
        involved = &member(object, "regarding");
    e.involvedKind = str(*involved, "kind");
    e.involvedName = str(*involved, "name");
    e.involvedNamespace = str(*involved, "namespace");
    e.source = str(member(object, "source"), "component");
    if (e.source.isEmpty())
        e.source = str(object, "reportingController");
    if (e.source.isEmpty())
        e.source = str(object, "reportingComponent");
    const json &series = member(object, "series");
    std::optional<qint64> count = integer(object, "count");
    if (!count)
        count = integer(series, "count");
    if (!count)
        count = integer(object, "deprecatedCount");
    e.count = count ? int(*count) : 1;
    e.firstTimestamp = time(object, "firstTimestamp");
    if (!e.firstTimestamp.isValid())
        e.firstTimestamp = time(object, "deprecatedFirstTimestamp");
    if (!e.firstTimestamp.isValid())
        e.firstTimestamp = time(object, "eventTime");
    e.lastTimestamp = time(object, "lastTimestamp");
    if (!e.lastTimestamp.isValid())
        e.lastTimestamp = time(object, "deprecatedLastTimestamp");
    if (!e.lastTimestamp.isValid())
        e.lastTimestamp = time(series, "lastObservedTime");
    if (!e.lastTimestamp.isValid())
        e.lastTimestamp = e.firstTimestamp;
    return e;
}

Lease Lease::fromJson(const nlohmann::json &object) {
    Lease l;
    l.meta = ObjectMeta::fromJson(member(object, "metadata"));
    const json &spec = member(object, "spec");
    l.holderIdentity = str(spec, "holderIdentity");
    l.renewTime = time(spec, "renewTime");
    if (const std::optional<qint64> d = integer(spec, "leaseDurationSeconds"))
        l.leaseDurationSeconds = int(*d);
    return l;
}

QDateTime parseKubeTime(const QString &text) {
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM), RFC 3339 section 5.6.
    const QStringView s(text);
    if (s.size() < 20 || s[4] != u'-' || s[7] != u'-' || (s[10] != u'T' && s[10] != u't') ||
        s[13] != u':' || s[16] != u':')
        return {};
    const int year = digitsAt(s, 0, 4), month = digitsAt(s, 5, 2), day = digitsAt(s, 8, 2);
    const int hour = digitsAt(s, 11, 2), minute = digitsAt(s, 14, 2), second = digitsAt(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return {};
    qsizetype pos = 19;
    int msec = 0;
    if (s[pos] == u'.') {
        ++pos;
        const qsizetype start = pos;
        while (pos < s.size() && s[pos] >= u'0' && s[pos] <= u'9') {
            // Milliseconds are all QDateTime keeps; further digits are dropped (truncated).
            if (pos - start < 3)
                msec = msec * 10 + (s[pos].unicode() - u'0');
            ++pos;
        }
        if (pos == start)
            return {};
        for (qsizetype i = pos - start; i < 3; ++i)
            msec *= 10;
    }
    int offsetSeconds = 0;
    if (pos < s.size() && (s[pos] == u'Z' || s[pos] == u'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == u'+' || s[pos] == u'-')) {
        const int oh = digitsAt(s, pos + 1, 2), om = digitsAt(s, pos + 4, 2);
        if (oh < 0 || om < 0 || pos + 3 >= s.size() || s[pos + 3] != u':' || oh > 23 || om > 59)
            return {};
        offsetSeconds = (oh * 3600 + om * 60) * (s[pos] == u'-' ? -1 : 1);
        pos += 6;
    } else {
        return {};
    }
    if (pos != s.size())
        return {};
    const QDate date(year, month, day);
    // QTime rejects second 60; a leap second is clamped to :59.999 rather than rejected.
    const QTime clock(hour, minute, second == 60 ? 59 : second, second == 60 ? 999 : msec);
    if (!date.isValid() || !clock.isValid())
        return {};
    return QDateTime(date, clock, Qt::UTC).addSecs(-offsetSeconds);
}

} // namespace nt
