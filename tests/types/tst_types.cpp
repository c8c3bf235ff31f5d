// Typed Kubernetes objects: real-looking AKS objects parse fully; missing, null and oddly typed
// fields leave members empty without throwing or inventing values.
#include "kube/types.h"

#include <nlohmann/json.hpp>
#include <QTest>

using nlohmann::json;

// Declared before the fixtures: moc's tokenizer reads "//" inside raw strings as a comment.
class TstTypes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aksNode();
    void oddNode();
    void nonObjects();
    void pod();
    void deployment();
    void events();
    void lease();
    void kubeTime_data();
    void kubeTime();
};

namespace {

const char *const kAksNode = R"({
  "apiVersion": "v1", "kind": "Node",
  "metadata": {
    "name": "aks-nodepool1-12345678-vmss000002", "uid": "5c1e-42", "resourceVersion": "991",
    "creationTimestamp": "2026-11-20T08:15:30Z",
    "labels": {"kubernetes.azure.com/agentpool": "nodepool1", "agentpool": "legacy",
               "node.kubernetes.io/instance-type": "Standard_DS2_v2",
               "kubernetes.io/os": "linux"},
    "annotations": {"node.alpha.kubernetes.io/ttl": "0"}
  },
  "spec": {
    "providerID": "azure:///subscriptions/x/resourceGroups/mc_rg/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-12345678-vmss/virtualMachines/2",
    "unschedulable": true,
    "taints": [
      {"key": "node.kubernetes.io/unreachable", "effect": "NoSchedule", "timeAdded": "2026-11-28T05:58:00Z"},
      {"key": "dedicated", "value": "gpu", "effect": "NoExecute"}
    ]
  },
  "status": {
    "capacity": {"cpu": "2", "memory": "7113272Ki", "pods": "110", "ephemeral-storage": "129886128Ki"},
    "allocatable": {"cpu": "1900m", "memory": "5497812Ki", "pods": "110", "bogus": "12 apples"},
    "conditions": [
      {"type": "KernelDeadlock", "status": "False", "reason": "KernelHasNoDeadlock",
       "message": "kernel has no deadlock", "lastHeartbeatTime": "2026-11-28T05:59:10Z",
       "lastTransitionTime": "2026-11-20T08:16:00Z", "probeTime": "2026-11-28T05:59:10Z",
       "vendorExtra": {"nested": [1, 2]}},
      {"type": "Ready", "status": "Unknown", "reason": "NodeStatusUnknown",
       "message": "Kubelet stopped posting node status.",
       "lastHeartbeatTime": "2026-11-28T05:57:01.123456Z",
       "lastTransitionTime": "2026-11-28T05:57:45+01:00"}
    ],
    "addresses": [{"type": "Hostname", "address": "aks-nodepool1-12345678-vmss000002"},
                  {"type": "InternalIP", "address": "10.224.0.6"}],
    "nodeInfo": {"kubeletVersion": "v1.30.4", "osImage": "Ubuntu 22.04.5 LTS",
                 "kernelVersion": "5.15.0-1075-azure", "containerRuntimeVersion": "containerd://1.7.20-1",
                 "architecture": "amd64", "operatingSystem": "linux"}
  }
})";

const char *const kOddNode = R"({
  "metadata": {"name": "bare", "labels": null, "annotations": ["x"], "creationTimestamp": 12},
  "spec": "not an object",
  "status": {"conditions": [{"status": "True"}, 7, {"type": "Ready", "status": true}],
             "capacity": {"cpu": 4, "memory": "garbage", "pods": null},
             "addresses": "10.0.0.1", "nodeInfo": {"kubeletVersion": 130}}
})";

const char *const kPod = R"({
  "metadata": {"name": "konnectivity-agent-7d9f-abcde", "namespace": "kube-system",
               "ownerReferences": [{"kind": "ReplicaSet", "name": "konnectivity-agent-7d9f"}]},
  "spec": {"nodeName": "aks-nodepool1-12345678-vmss000000",
           "containers": [{"name": "konnectivity-agent"}, {"name": "sidecar"}]},
  "status": {"phase": "Running", "podIP": "10.244.0.12",
    "conditions": [{"type": "Ready", "status": "False"}],
    "containerStatuses": [
      {"name": "konnectivity-agent", "ready": false, "restartCount": 7, "image": "mcr/k:1",
       "state": {"waiting": {"reason": "CrashLoopBackOff", "message": "back-off 5m0s"}},
       "lastState": {"terminated": {"reason": "Error", "exitCode": 255,
                                    "finishedAt": "2026-11-28T05:50:00Z"}}},
      {"name": "sidecar", "ready": true, "restartCount": 1, "state": {"running": {}}}]}
})";

const char *const kDeployment = R"({
  "metadata": {"name": "konnectivity-agent", "namespace": "kube-system", "generation": 4},
  "spec": {"selector": {"matchLabels": {"app": "konnectivity-agent"}},
           "template": {"metadata": {"annotations": {"kubectl.kubernetes.io/restartedAt": "2026-11-28T05:00:00Z"}}}},
  "status": {"observedGeneration": 4, "readyReplicas": 1, "updatedReplicas": 2,
             "availableReplicas": 1, "unavailableReplicas": 1,
             "conditions": [{"type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable",
                             "lastUpdateTime": "2026-11-28T05:10:00Z", "lastTransitionTime": "2026-11-28T05:10:00Z"}]}
})";

const char *const kCoreEvent = R"({
  "metadata": {"name": "aks-np-1.17c", "namespace": "default"},
  "type": "Warning", "reason": "NodeNotReady", "message": "Node is not ready", "count": 3,
  "involvedObject": {"kind": "Node", "name": "aks-np-1", "namespace": ""},
  "source": {"component": "node-controller"},
  "firstTimestamp": "2026-11-28T05:40:00Z", "lastTimestamp": "2026-11-28T05:58:00Z"
})";

const char *const kNewEvent = R"({
  "metadata": {"name": "e2", "namespace": "kube-system"},
  "type": "Warning", "reason": "EgressBlocked", "note": "mcr.microsoft.com unreachable",
  "regarding": {"kind": "Node", "name": "aks-np-2"}, "reportingController": "custom-plugin-monitor",
  "eventTime": "2026-11-28T05:41:00.000001Z",
  "series": {"count": 9, "lastObservedTime": "2026-11-28T05:59:00Z"}
})";

const char *const kLease = R"({
  "metadata": {"name": "aks-np-1", "namespace": "kube-node-lease"},
  "spec": {"holderIdentity": "aks-np-1", "leaseDurationSeconds": 40,
           "renewTime": "2026-11-28T05:59:55.412000Z"}
})";

QDateTime utc(const char *iso) {
    return QDateTime::fromString(QString::fromUtf8(iso), Qt::ISODateWithMs);
}

} // namespace

void TstTypes::aksNode() {
    const nt::Node n = nt::Node::fromJson(json::parse(kAksNode));
    QCOMPARE(n.meta.name, QStringLiteral("aks-nodepool1-12345678-vmss000002"));
    QCOMPARE(n.meta.creationTimestamp, utc("2026-11-20T08:15:30Z"));
    QCOMPARE(n.pool(), QStringLiteral("nodepool1")); // the AKS label wins over the legacy one
    QCOMPARE(n.instanceType(), QStringLiteral("Standard_DS2_v2"));
    QCOMPARE(n.internalIP(), QStringLiteral("10.224.0.6"));
    QVERIFY(n.unschedulable);
    QCOMPARE(n.taints.size(), 2);
    QCOMPARE(n.taints[0].toString(), QStringLiteral("node.kubernetes.io/unreachable:NoSchedule"));
    QCOMPARE(n.taints[0].timeAdded, utc("2026-11-28T05:58:00Z"));
    QCOMPARE(n.taints[1].toString(), QStringLiteral("dedicated=gpu:NoExecute"));
    QVERIFY(!n.taints[1].timeAdded.isValid());
    QCOMPARE(n.allocatable.value(QStringLiteral("cpu")).milliValue(), 1900);
    QCOMPARE(n.allocatable.value(QStringLiteral("memory")).value(), 5629759488);
    QVERIFY(!n.allocatable.contains(QStringLiteral("bogus")));
    QCOMPARE(n.capacity.value(QStringLiteral("pods")).value(), 110);
    QCOMPARE(n.conditions.size(), 2);
    const nt::Condition *ready = n.condition(QStringLiteral("Ready"));
    QVERIFY(ready);
    QCOMPARE(ready->status, QStringLiteral("Unknown"));
    QCOMPARE(ready->reason, QStringLiteral("NodeStatusUnknown"));
    QCOMPARE(ready->lastHeartbeatTime, utc("2026-11-28T05:57:01.123Z"));
    QCOMPARE(ready->lastTransitionTime, utc("2026-11-28T04:57:45Z"));
    QCOMPARE(n.condition(QStringLiteral("KernelDeadlock"))->reason,
             QStringLiteral("KernelHasNoDeadlock"));
    QVERIFY(!n.condition(QStringLiteral("MemoryPressure")));
    QCOMPARE(n.kubeletVersion, QStringLiteral("v1.30.4"));
    QCOMPARE(n.containerRuntimeVersion, QStringLiteral("containerd://1.7.20-1"));
}

void TstTypes::oddNode() {
    const nt::Node n = nt::Node::fromJson(json::parse(kOddNode));
    QCOMPARE(n.meta.name, QStringLiteral("bare"));
    QVERIFY(n.meta.labels.isEmpty());
    QVERIFY(n.meta.annotations.isEmpty());
    QVERIFY(!n.meta.creationTimestamp.isValid());
    QCOMPARE(n.pool(), QString());
    QCOMPARE(n.instanceType(), QString());
    QVERIFY(!n.unschedulable);
    QVERIFY(n.taints.isEmpty());
    // The typeless condition and the number are dropped; a boolean status is not a status.
    QCOMPARE(n.conditions.size(), 1);
    QCOMPARE(n.conditions[0].status, QString());
    QCOMPARE(n.capacity.size(), 1); // cpu: 4 as a number; "garbage" and null left out
    QCOMPARE(n.capacity.value(QStringLiteral("cpu")).value(), 4);
    QVERIFY(n.addresses.isEmpty());
    QCOMPARE(n.internalIP(), QString());
    QCOMPARE(n.kubeletVersion, QString());
}

void TstTypes::nonObjects() {
    for (const json &j : {json(), json::array({1, 2}), json(42), json("node"), json::object()}) {
        QCOMPARE(nt::Node::fromJson(j).meta.name, QString());
        QCOMPARE(nt::Pod::fromJson(j).phase, QString());
        QCOMPARE(nt::Deployment::fromJson(j).replicas, 1);
        QCOMPARE(nt::Event::fromJson(j).count, 1);
        QVERIFY(!nt::Lease::fromJson(j).renewTime.isValid());
        QVERIFY(!nt::Lease::fromJson(j).leaseDurationSeconds.has_value());
    }
}

void TstTypes::pod() {
    const nt::Pod p = nt::Pod::fromJson(json::parse(kPod));
    QCOMPARE(p.meta.namespaceName, QStringLiteral("kube-system"));
    QCOMPARE(p.meta.ownerReferences.value(0).second, QStringLiteral("konnectivity-agent-7d9f"));
    QCOMPARE(p.nodeName, QStringLiteral("aks-nodepool1-12345678-vmss000000"));
    QCOMPARE(p.containerNames,
             QStringList({QStringLiteral("konnectivity-agent"), QStringLiteral("sidecar")}));
    QVERIFY(!p.ready());
    QCOMPARE(p.restarts(), 8);
    QCOMPARE(p.containers.size(), 2);
    QCOMPARE(p.containers[0].state, QStringLiteral("waiting"));
    QCOMPARE(p.containers[0].stateReason, QStringLiteral("CrashLoopBackOff"));
    QCOMPARE(p.containers[0].lastTerminationReason, QStringLiteral("Error"));
    QCOMPARE(p.containers[0].lastExitCode, 255);
    QCOMPARE(p.containers[0].lastTerminationFinishedAt, utc("2026-11-28T05:50:00Z"));
    QCOMPARE(p.containers[1].state, QStringLiteral("running"));
    QVERIFY(p.containers[1].ready);
}

void TstTypes::deployment() {
    const nt::Deployment d = nt::Deployment::fromJson(json::parse(kDeployment));
    QCOMPARE(d.replicas, 1); // absent: the API's default
    QCOMPARE(d.generation, 4);
    QCOMPARE(d.observedGeneration, 4);
    QCOMPARE(d.readyReplicas, 1);
    QCOMPARE(d.updatedReplicas, 2);
    QCOMPARE(d.unavailableReplicas, 1);
    QCOMPARE(d.selector.value(QStringLiteral("app")), QStringLiteral("konnectivity-agent"));
    QVERIFY(d.templateAnnotations.contains(QStringLiteral("kubectl.kubernetes.io/restartedAt")));
    QCOMPARE(d.conditions.value(0).lastUpdateTime, utc("2026-11-28T05:10:00Z"));
}

void TstTypes::events() {
    const nt::Event core = nt::Event::fromJson(json::parse(kCoreEvent));
    QCOMPARE(core.reason, QStringLiteral("NodeNotReady"));
    QCOMPARE(core.involvedKind, QStringLiteral("Node"));
    QCOMPARE(core.involvedName, QStringLiteral("aks-np-1"));
    QCOMPARE(core.source, QStringLiteral("node-controller"));
    QCOMPARE(core.count, 3);
    QCOMPARE(core.firstTimestamp, utc("2026-11-28T05:40:00Z"));
    QCOMPARE(core.lastTimestamp, utc("2026-11-28T05:58:00Z"));

    const nt::Event fresh = nt::Event::fromJson(json::parse(kNewEvent));
    QCOMPARE(fresh.message, QStringLiteral("mcr.microsoft.com unreachable"));
    QCOMPARE(fresh.involvedName, QStringLiteral("aks-np-2"));
    QCOMPARE(fresh.source, QStringLiteral("custom-plugin-monitor"));
    QCOMPARE(fresh.count, 9);
    QCOMPARE(fresh.firstTimestamp, utc("2026-11-28T05:41:00Z"));
    QCOMPARE(fresh.lastTimestamp, utc("2026-11-28T05:59:00Z"));
}

void TstTypes::lease() {
    const nt::Lease l = nt::Lease::fromJson(json::parse(kLease));
    QCOMPARE(l.meta.name, QStringLiteral("aks-np-1"));
    QCOMPARE(l.holderIdentity, QStringLiteral("aks-np-1"));
    QCOMPARE(l.leaseDurationSeconds.value_or(-1), 40);
    QCOMPARE(l.renewTime, utc("2026-11-28T05:59:55.412Z"));
}

void TstTypes::kubeTime_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    QTest::addRow("utc") << QStringLiteral("2026-11-28T06:00:00Z") << utc("2026-11-28T06:00:00Z");
    QTest::addRow("micro") << QStringLiteral("2026-11-28T06:00:00.123456Z")
                           << utc("2026-11-28T06:00:00.123Z");
    QTest::addRow("one digit") << QStringLiteral("2026-11-28T06:00:00.5Z")
                               << utc("2026-11-28T06:00:00.500Z");
    QTest::addRow("offset") << QStringLiteral("2026-11-28T08:00:00+02:00")
                            << utc("2026-11-28T06:00:00Z");
    QTest::addRow("negative offset")
        << QStringLiteral("2026-11-27T23:30:00-06:30") << utc("2026-11-28T06:00:00Z");
    QTest::addRow("lower case") << QStringLiteral("2026-11-28t06:00:00z")
                                << utc("2026-11-28T06:00:00Z");
    const QDateTime invalid;
    for (const char *bad :
         {"", "2026-11-28", "2026-11-28T06:00:00", "2026-11-28 06:00:00Z", "2026-13-01T00:00:00Z",
          "2026-02-30T00:00:00Z", "2026-11-28T25:00:00Z", "2026-11-28T06:00:00.Z",
          "2026-11-28T06:00:00Zjunk", "2026-11-28T06:00:00+0200", "yesterday"})
        QTest::addRow("bad %s", bad) << QString::fromUtf8(bad) << invalid;
}

void TstTypes::kubeTime() {
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime t = nt::parseKubeTime(text);
    QCOMPARE(t.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(t, expected);
        QCOMPARE(t.timeSpec(), Qt::UTC);
    }
}

QTEST_GUILESS_MAIN(TstTypes)
#include "tst_types.moc"
