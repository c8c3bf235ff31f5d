// The catalogue holds every finding id of the outside contract exactly once, with usable text,
// and the suggested commands carry the cluster's real names or clearly marked placeholders.
#include "check/checksteps.h"
#include "check/findingcatalog.h"
#include "check/nodecommands.h"

#include <nlohmann/json.hpp>
#include <QSet>
#include <QTest>

class TstFindingCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void contractIds_data();
    void contractIds();
    void wellFormed();
    void steps();
    void commandsWithNames();
    void commandsWithPlaceholders();
};

void TstFindingCatalog::contractIds_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("step");
    // CONTRACT.md, "Finding ids": ids are never renamed, so this list only ever grows.
    const struct {
        int step;
        const char *ids;
    } contract[] = {
        {1, "node.not-ready node.unknown node.memory-pressure node.disk-pressure node.pid-pressure "
            "node.network-unavailable node.heartbeat-stale node.unreachable-taint node.cordoned "
            "node.readiness-flapping node.cpu-high node.memory-high node.pids-high node.fs-high "
            "node.no-metrics"},
        {2,
         "connectivity.agent-missing connectivity.agent-unavailable connectivity.agent-restarting "
         "connectivity.agent-log-errors connectivity.legacy-tunnel "
         "connectivity.not-deployed-expected connectivity.logs-unreachable"},
        {3, "dns.workstation-failure dns.pod-failure dns.node-failure dns.private-resolves-public "
            "dns.upstream-failure dns.coredns-unhealthy dns.pod-only-failure dns.probe-not-run"},
        {4, "kubelet.restarting kubelet.errors-rising kubelet.pleg-slow kubelet.evictions "
            "kubelet.too-many-pods kubelet.version-skew kubelet.metrics-unreachable"},
        {5, "npd.condition npd.event npd.not-detected"},
        {6, "disk.iops-throttled disk.throughput-throttled disk.io-saturated disk.io-pressure "
            "disk.iowait-high disk.cap-unknown"},
    };
    for (const auto &group : contract) {
        for (const QString &id : QString::fromLatin1(group.ids).split(u' '))
            QTest::addRow("%s", qPrintable(id)) << id << group.step;
    }
}

void TstFindingCatalog::contractIds() {
    QFETCH(QString, id);
    QFETCH(int, step);
    const nt::FindingDef *def = nt::findingDef(id);
    QVERIFY2(def, qPrintable(id));
    QCOMPARE(def->step, step);
}

void TstFindingCatalog::wellFormed() {
    QSet<QString> seen;
    for (const nt::FindingDef &def : nt::findingCatalog()) {
        const QString id = def.idString();
        QVERIFY2(!seen.contains(id), qPrintable(id));
        seen.insert(id);
        QVERIFY(def.step >= 1 && def.step <= 6);
        QVERIFY2(!def.trTitle().isEmpty() && !def.trRemedy().isEmpty(), qPrintable(id));
        QVERIFY2(def.trRemedy().endsWith(u'.'), qPrintable(id));
    }
    QCOMPARE(seen.size(), 47); // the contract's 46 and connectivity.node-apiserver-unreachable
    QVERIFY(!nt::findingDef(u"node.no-such-thing"));
    // Default severities the contract spells out: informational ids are info.
    for (const char *info : {"npd.not-detected", "disk.cap-unknown", "dns.probe-not-run",
                             "connectivity.not-deployed-expected"})
        QCOMPARE(nt::toString(nt::findingDef(QString::fromLatin1(info))->severity),
                 QStringLiteral("info"));
    QCOMPARE(nt::toString(nt::findingDef(u"node.not-ready")->severity), QStringLiteral("critical"));
    QCOMPARE(nt::toString(nt::findingDef(u"node.unknown")->severity), QStringLiteral("critical"));
}

void TstFindingCatalog::steps() {
    const char *ids[] = {"node-health", "control-plane-connectivity", "dns",
                         "kubelet",     "node-problem-detector",      "disk-iops"};
    QCOMPARE(nt::stepCatalog().size(), std::size(ids));
    for (int n = 1; n <= 6; ++n)
        QCOMPARE(QString::fromLatin1(nt::stepDef(n)->id), QString::fromLatin1(ids[n - 1]));
    QVERIFY(!nt::stepDef(7));
}

void TstFindingCatalog::commandsWithNames() {
    const nt::Node node = nt::Node::fromJson(nlohmann::json::parse(R"({
      "metadata": {"name": "aks-system-31415926-vmss00000a",
                   "labels": {"kubernetes.azure.com/agentpool": "system",
                              "kubernetes.azure.com/cluster": "MC_rg-prod_prodaks_northeurope"}},
      "spec": {"providerID": "azure:///subscriptions/s/resourceGroups/MC_rg-prod_prodaks_northeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-system-31415926-vmss/virtualMachines/10"}
    })"));
    const nt::NodeCommands cmd(node);
    QCOMPARE(cmd.describe(),
             QStringLiteral("kubectl describe node aks-system-31415926-vmss00000a"));
    QVERIFY(cmd.events().contains(
        QStringLiteral("involvedObject.name=aks-system-31415926-vmss00000a")));
    QCOMPARE(cmd.restartVm(),
             QStringLiteral("az vmss restart --resource-group MC_rg-prod_prodaks_northeurope "
                            "--name aks-system-31415926-vmss --instance-ids 10"));
    QCOMPARE(cmd.showPool(), QStringLiteral("az aks nodepool show --resource-group rg-prod "
                                            "--cluster-name prodaks --name system"));
}

void TstFindingCatalog::commandsWithPlaceholders() {
    // A non-AKS node (kind, k3s...): no providerID, no labels, an ambiguous MC_ name elsewhere.
    const nt::Node node =
        nt::Node::fromJson(nlohmann::json::parse(R"({"metadata": {"name": "worker-1"}})"));
    const nt::NodeCommands cmd(node);
    QCOMPARE(cmd.uncordon(), QStringLiteral("kubectl uncordon worker-1"));
    QCOMPARE(cmd.restartVm(), QStringLiteral("az vm restart --resource-group <NODE_RESOURCE_GROUP> "
                                             "--name <VM_NAME>"));
    QCOMPARE(cmd.showPool(),
             QStringLiteral("az aks nodepool show --resource-group <RESOURCE_GROUP> "
                            "--cluster-name <CLUSTER_NAME> --name <NODE_POOL>"));
    const nt::Node ambiguous = nt::Node::fromJson(nlohmann::json::parse(
        R"({"metadata": {"name": "n", "labels": {"kubernetes.azure.com/cluster": "MC_my_rg_my_aks_westeurope"}}})"));
    QVERIFY(nt::NodeCommands(ambiguous).showPool().contains(QStringLiteral("<RESOURCE_GROUP>")));
}

QTEST_GUILESS_MAIN(TstFindingCatalog)
#include "tst_findingcatalog.moc"
