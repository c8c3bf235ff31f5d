#pragma once
// Typed value structs for the Kubernetes objects the checks read. Parsing is tolerant: a missing
// or oddly-typed field leaves the member empty / unset, never throws, never invents a value.
#include "kube/quantity.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace nt {

struct ObjectMeta {
    QString name;
    QString namespaceName;
    QString uid;
    QString resourceVersion;
    QDateTime creationTimestamp;
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    QList<QPair<QString, QString>> ownerReferences; // kind, name
    static ObjectMeta fromJson(const nlohmann::json &metadata);
};

struct Condition {
    QString type;
    QString status; // "True" / "False" / "Unknown" (as sent)
    QString reason;
    QString message;
    QDateTime lastHeartbeatTime; // nodes only
    QDateTime lastTransitionTime;
    QDateTime lastUpdateTime; // deployments only
};

struct Taint {
    QString key;
    QString value;
    QString effect;
    QDateTime timeAdded;
    QString toString() const; // "key=value:Effect" or "key:Effect"
};

struct Node {
    ObjectMeta meta;
    bool unschedulable = false;
    QString providerID;
    QList<Taint> taints;
    QList<Condition> conditions;
    QMap<QString, Quantity> capacity;
    QMap<QString, Quantity> allocatable;
    QList<QPair<QString, QString>> addresses; // type, address
    QString kubeletVersion, osImage, kernelVersion, containerRuntimeVersion, architecture,
        operatingSystem;

    static Node fromJson(const nlohmann::json &object);
    const Condition *condition(const QString &type) const; // nullptr when absent
    QString internalIP() const;
    // kubernetes.azure.com/agentpool, else agentpool, else "" (a foreign cluster)
    QString pool() const;
    QString instanceType() const; // node.kubernetes.io/instance-type, else beta label
};

struct ContainerStatus {
    QString name;
    bool ready = false;
    int restartCount = 0;
    QString state;       // running / waiting / terminated
    QString stateReason; // e.g. CrashLoopBackOff
    QString lastTerminationReason;
    int lastExitCode = 0;
    QDateTime lastTerminationFinishedAt;
    QString image;
};

struct Pod {
    ObjectMeta meta;
    QString nodeName;
    QString phase;
    QString podIP;
    QList<Condition> conditions;
    QList<ContainerStatus> containers;
    QStringList containerNames; // spec
    static Pod fromJson(const nlohmann::json &object);
    bool ready() const;
    int restarts() const;
};

struct Deployment {
    ObjectMeta meta;
    int replicas = 0; // spec.replicas (default 1 when absent, as the API does)
    bool paused = false;
    int readyReplicas = 0, updatedReplicas = 0, availableReplicas = 0, unavailableReplicas = 0;
    qint64 observedGeneration = 0;
    qint64 generation = 0;
    QMap<QString, QString> selector; // matchLabels
    QMap<QString, QString> templateAnnotations;
    QList<Condition> conditions;
    static Deployment fromJson(const nlohmann::json &object);
};

struct Event {
    ObjectMeta meta;
    QString type; // Normal / Warning
    QString reason;
    QString message;
    QString involvedKind, involvedName, involvedNamespace;
    QString source; // source.component or reportingController
    int count = 1;
    QDateTime firstTimestamp, lastTimestamp; // falls back to eventTime / series.lastObservedTime
    static Event fromJson(const nlohmann::json &object);
};

struct Lease {
    ObjectMeta meta;
    QString holderIdentity;
    QDateTime renewTime;
    std::optional<int> leaseDurationSeconds;
    static Lease fromJson(const nlohmann::json &object);
};

// RFC 3339 with optional fractional seconds ("2026-11-28T06:00:00Z", "...00.123456Z"); invalid on
// anything else.
QDateTime parseKubeTime(const QString &text);

} // namespace nt
