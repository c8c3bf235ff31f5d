// The real kubectl against nodetriage-sim, with both kubeconfig users (client certificate and
// bearer token): if kubectl accepts the simulator, so will any client-go based tool.
#include "testsupport.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <set>

using nlohmann::json;

using nt::test::ProcessResult;
using nt::test::SimProcess;

namespace {

const QString kKubectl = QStringLiteral("/usr/bin/kubectl");

// kubectl with a clean environment: its own HOME (it writes a discovery cache there), no
// KUBECONFIG, the simulator's kubeconfig and the context under test.
ProcessResult kubectl(const SimProcess &sim, const QString &context, const QStringList &args) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("KUBECONFIG"));
    env.insert(QStringLiteral("HOME"), sim.tempDir() + QStringLiteral("/home"));
    return nt::test::runProcess(kKubectl,
                                QStringList{QStringLiteral("--kubeconfig"), sim.kubeconfig(),
                                            QStringLiteral("--context"), context} +
                                    args,
                                60000, env);
}

QString text(const ProcessResult &r) {
    return QString::fromUtf8(r.out);
}

// Rows of kubectl's table output, split on runs of spaces, header included.
QList<QStringList> rows(const ProcessResult &r) {
    QList<QStringList> out;
    static const QRegularExpression spaces(QStringLiteral("\\s{2,}"));
    for (const QString &line : text(r).split(u'\n', Qt::SkipEmptyParts))
        out << line.trimmed().split(spaces);
    return out;
}

#define RUN_OK(result)                                                                             \
    do {                                                                                           \
        QVERIFY2((result).exitCode == 0, (result).err.constData());                                \
    } while (false)

} // namespace

class TstKubectl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void getNodes_data();
    void getNodes();
    void getNodesJson_data();
    void getNodesJson();
    void konnectivityDeployment_data();
    void konnectivityDeployment();
    void rolloutRestart_data();
    void rolloutRestart();
    void events_data();
    void events();
    void topNodes_data();
    void topNodes();
    void rawSummary_data();
    void rawSummary();
    void logsErrorDialingBackend_data();
    void logsErrorDialingBackend();

private:
    void contexts();
    // One simulator per test, started with the notready-unreachable scenario.
    bool startSim(SimProcess &sim);
};

void TstKubectl::initTestCase() {
    if (!QFileInfo(kKubectl).isExecutable())
        QSKIP("kubectl is not installed at /usr/bin/kubectl");
}

void TstKubectl::contexts() {
    QTest::addColumn<QString>("context");
    QTest::addRow("client-certificate") << QStringLiteral("sim");
    QTest::addRow("token") << QStringLiteral("sim-token");
}

bool TstKubectl::startSim(SimProcess &sim) {
    if (!sim.start()) {
        qWarning("%s", qPrintable(sim.errorString()));
        return false;
    }
    return true;
}

void TstKubectl::getNodes_data() {
    contexts();
}
void TstKubectl::getNodes() {
    QFETCH(QString, context);
    SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY(startSim(sim));
    const ProcessResult r = kubectl(sim, context, {QStringLiteral("get"), QStringLiteral("nodes")});
    RUN_OK(r);
    const auto table = rows(r);
    QCOMPARE(table.value(0),
             QStringList({QStringLiteral("NAME"), QStringLiteral("STATUS"), QStringLiteral("ROLES"),
                          QStringLiteral("AGE"), QStringLiteral("VERSION")}));
    QCOMPARE(table.size(), 5);
    for (const QStringList &row : table.mid(1)) {
        // The scenario's dead node is nodepool1/2.
        const bool dead = row[0].contains(u"-nodepool1-") && row[0].endsWith(u"vmss000002");
        const QString expected = dead ? QStringLiteral("NotReady") : QStringLiteral("Ready");
        QCOMPARE(row.value(1), expected);
        QCOMPARE(row.value(4), QStringLiteral("v1.30.4"));
    }
}

void TstKubectl::getNodesJson_data() {
    contexts();
}
void TstKubectl::getNodesJson() {
    QFETCH(QString, context);
    SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY(startSim(sim));
    const ProcessResult r = kubectl(sim, context,
                                    {QStringLiteral("get"), QStringLiteral("nodes"),
                                     QStringLiteral("-o"), QStringLiteral("json")});
    RUN_OK(r);
    const json list = json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY(list.is_object());
    QCOMPARE_JSON(list["items"].size(), size_t(4));
    std::multiset<std::string> pools;
    for (const json &n : list["items"]) {
        QCOMPARE_JSON(n["kind"], "Node");
        pools.insert(n["metadata"]["labels"]["kubernetes.azure.com/agentpool"].get<std::string>());
        QCOMPARE_JSON(n["metadata"]["labels"]["agentpool"],
                      n["metadata"]["labels"]["kubernetes.azure.com/agentpool"]);
    }
    QCOMPARE(pools.count("nodepool1"), size_t(3));
    QCOMPARE(pools.count("userpool"), size_t(1));
}

void TstKubectl::konnectivityDeployment_data() {
    contexts();
}
void TstKubectl::konnectivityDeployment() {
    QFETCH(QString, context);
    SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY(startSim(sim));
    const ProcessResult r = kubectl(sim, context,
                                    {QStringLiteral("get"), QStringLiteral("deploy"),
                                     QStringLiteral("konnectivity-agent"), QStringLiteral("-n"),
                                     QStringLiteral("kube-system")});
    RUN_OK(r);
    const auto table = rows(r);
    QCOMPARE(table.value(0), QStringList({QStringLiteral("NAME"), QStringLiteral("READY"),
                                          QStringLiteral("UP-TO-DATE"), QStringLiteral("AVAILABLE"),
                                          QStringLiteral("AGE")}));
    QCOMPARE(table.value(1).mid(0, 4),
             QStringList({QStringLiteral("konnectivity-agent"), QStringLiteral("2/2"),
                          QStringLiteral("2"), QStringLiteral("2")}));

    const ProcessResult logs = kubectl(
        sim, context,
        {QStringLiteral("logs"), QStringLiteral("-l"), QStringLiteral("app=konnectivity-agent"),
         QStringLiteral("-n"), QStringLiteral("kube-system"), QStringLiteral("--tail=50")});
    RUN_OK(logs);
    const QString out = text(logs);
    for (const char *expected :
         {"ProxyServerHost set to \"myaks-dns-1a2b3c4d.hcp.westeurope.azmk8s.io\"",
          "ProxyServerPort set to 443", "ALPNProtos set to [konnectivity]",
          "HealthServerPort set to 8082", "AdminServerPort set to 8094", "\"Connect to\" server="})
        QVERIFY2(out.contains(QString::fromUtf8(expected)), expected);
    QVERIFY(out.count(QStringLiteral("\"Connect to\"")) == 2); // one per agent pod
}

void TstKubectl::logsErrorDialingBackend_data() {
    contexts();
}
// konnectivity cannot dial the kubelet of nodepool1 node 1: kubectl logs of the agent pod there
// fails exactly as against AKS, the connected agent's logs show the dial errors.
void TstKubectl::logsErrorDialingBackend() {
    QFETCH(QString, context);
    SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("konnectivity-broken")});
    QVERIFY(startSim(sim));
    const ProcessResult pods =
        kubectl(sim, context,
                {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                 QStringLiteral("kube-system"), QStringLiteral("-l"),
                 QStringLiteral("app=konnectivity-agent"), QStringLiteral("-o"),
                 QStringLiteral(
                     "jsonpath={range .items[*]}{.metadata.name} {.status.hostIP}{\"\\n\"}{end}")});
    RUN_OK(pods);
    int failing = 0;
    for (const QString &line : text(pods).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.split(u' ');
        QCOMPARE(f.size(), 2);
        const ProcessResult logs =
            kubectl(sim, context,
                    {QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("kube-system"),
                     f[0], QStringLiteral("--tail=20")});
        if (f[1] == QStringLiteral("10.224.0.5")) {
            ++failing;
            QCOMPARE(logs.exitCode, 1);
            QCOMPARE(
                QString::fromUtf8(logs.err).trimmed(),
                QStringLiteral(
                    "Error from server: Get "
                    "\"https://10.224.0.5:10250/containerLogs/kube-system/%1/konnectivity-agent\": "
                    "error dialing backend: dial tcp 10.224.0.5:10250: i/o timeout")
                    .arg(f[0]));
        } else {
            RUN_OK(logs);
            QVERIFY(text(logs).contains(QStringLiteral(
                "\"error dialing backend\" err=\"dial tcp 10.224.0.6:10250: i/o timeout\"")));
        }
    }
    QCOMPARE(failing, 1);
    const ProcessResult raw = kubectl(
        sim, context,
        {QStringLiteral("get"), QStringLiteral("--raw"),
         QStringLiteral("/api/v1/nodes/aks-nodepool1-37372907-vmss000001/proxy/stats/summary")});
    QCOMPARE(raw.exitCode, 1);
    QVERIFY2(raw.err.contains("error dialing backend"), raw.err.constData());
}

void TstKubectl::rolloutRestart_data() {
    contexts();
}
void TstKubectl::rolloutRestart() {
    QFETCH(QString, context);
    SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY(startSim(sim));
    const QStringList ns = {QStringLiteral("-n"), QStringLiteral("kube-system")};
    auto podNames = [&] {
        const ProcessResult r =
            kubectl(sim, context,
                    QStringList{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"),
                                QStringLiteral("app=konnectivity-agent"), QStringLiteral("-o"),
                                QStringLiteral("name")} +
                        ns);
        const QStringList names = text(r).split(u'\n', Qt::SkipEmptyParts);
        return QSet<QString>(names.begin(), names.end());
    };
    const QSet<QString> before = podNames();
    QCOMPARE(before.size(), 2);

    const ProcessResult restart =
        kubectl(sim, context,
                QStringList{QStringLiteral("rollout"), QStringLiteral("restart"),
                            QStringLiteral("deploy"), QStringLiteral("konnectivity-agent")} +
                    ns);
    RUN_OK(restart);
    QCOMPARE(text(restart).trimmed(),
             QStringLiteral("deployment.apps/konnectivity-agent restarted"));

    const ProcessResult deploy =
        kubectl(sim, context,
                QStringList{QStringLiteral("get"), QStringLiteral("deploy"),
                            QStringLiteral("konnectivity-agent"), QStringLiteral("-o"),
                            QStringLiteral("json")} +
                    ns);
    RUN_OK(deploy);
    const json d = json::parse(deploy.out.toStdString(), nullptr, false);
    const std::string restartedAt = d["spec"]["template"]["metadata"]["annotations"].value(
        "kubectl.kubernetes.io/restartedAt", "");
    QVERIFY2(!restartedAt.empty(), deploy.out.constData());
    QCOMPARE_JSON(d["metadata"]["generation"], 2);
    QCOMPARE_JSON(d["status"]["observedGeneration"], 2);

    const QSet<QString> after = podNames();
    QCOMPARE(after.size(), 2);
    QVERIFY(!after.intersects(before));

    bool patched = false;
    for (const json &req : sim.recordedRequests()) {
        if (req["method"] == "PATCH") {
            QCOMPARE_JSON(req["path"],
                          "/apis/apps/v1/namespaces/kube-system/deployments/konnectivity-agent");
            QCOMPARE_JSON(req["contentType"], "application/strategic-merge-patch+json");
            QCOMPARE_JSON(req["user"],
                          context == QStringLiteral("sim") ? "sim-admin" : "sim-token");
            patched = true;
        }
    }
    QVERIFY(patched);
}

void TstKubectl::events_data() {
    contexts();
}
void TstKubectl::events() {
    QFETCH(QString, context);
    SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY(startSim(sim));
    const ProcessResult r = kubectl(
        sim, context, {QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("-A")});
    RUN_OK(r);
    const auto table = rows(r);
    QCOMPARE(table.value(0), QStringList({QStringLiteral("NAMESPACE"), QStringLiteral("LAST SEEN"),
                                          QStringLiteral("TYPE"), QStringLiteral("REASON"),
                                          QStringLiteral("OBJECT"), QStringLiteral("MESSAGE")}));
    QVERIFY(table.size() >= 2);
    QCOMPARE(table.value(1).value(3), QStringLiteral("NodeNotReady"));
    QVERIFY(table.value(1).value(4).startsWith(u"node/aks-nodepool1-"));
}

void TstKubectl::topNodes_data() {
    contexts();
}
void TstKubectl::topNodes() {
    QFETCH(QString, context);
    SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY(startSim(sim));
    const ProcessResult r = kubectl(sim, context, {QStringLiteral("top"), QStringLiteral("nodes")});
    RUN_OK(r);
    const auto table = rows(r);
    QCOMPARE(
        table.value(0).mid(0, 5),
        QStringList({QStringLiteral("NAME"), QStringLiteral("CPU(cores)"), QStringLiteral("CPU%"),
                     QStringLiteral("MEMORY(bytes)"), QStringLiteral("MEMORY%")}));
    QCOMPARE(table.size(), 5);
    static const QRegularExpression cpu(QStringLiteral("^\\d+m$")),
        memory(QStringLiteral("^\\d+Mi$")), percent(QStringLiteral("^\\d+%$"));
    int measured = 0;
    for (const QStringList &row : table.mid(1)) {
        if (row.value(1) == QStringLiteral("<unknown>"))
            continue; // the unreachable node: metrics-server has nothing for it
        QVERIFY2(cpu.match(row.value(1)).hasMatch(), qPrintable(row.join(u'|')));
        QVERIFY2(percent.match(row.value(2)).hasMatch(), qPrintable(row.join(u'|')));
        QVERIFY2(memory.match(row.value(3)).hasMatch(), qPrintable(row.join(u'|')));
        QVERIFY2(percent.match(row.value(4)).hasMatch(), qPrintable(row.join(u'|')));
        ++measured;
    }
    QCOMPARE(measured, 3);
}

void TstKubectl::rawSummary_data() {
    contexts();
}
void TstKubectl::rawSummary() {
    QFETCH(QString, context);
    SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY(startSim(sim));
    const ProcessResult names =
        kubectl(sim, context,
                {QStringLiteral("get"), QStringLiteral("nodes"), QStringLiteral("-o"),
                 QStringLiteral("jsonpath={.items[0].metadata.name}")});
    RUN_OK(names);
    const QString node = text(names).trimmed();
    QVERIFY(node.startsWith(u"aks-"));
    const ProcessResult r =
        kubectl(sim, context,
                {QStringLiteral("get"), QStringLiteral("--raw"),
                 QStringLiteral("/api/v1/nodes/%1/proxy/stats/summary").arg(node)});
    RUN_OK(r);
    const json summary = json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY(summary.is_object());
    QCOMPARE_JSON(summary["node"]["nodeName"], node.toStdString());
    QVERIFY(summary["node"]["cpu"]["usageNanoCores"].get<uint64_t>() > 0);
    QVERIFY(summary["node"]["cpu"]["usageCoreNanoSeconds"].get<uint64_t>() > 0);

    // The dead node's kubelet cannot be reached through the API server.
    const ProcessResult dead =
        kubectl(sim, context,
                {QStringLiteral("get"), QStringLiteral("--raw"),
                 QStringLiteral("/api/v1/nodes/%1/proxy/stats/summary")
                     .arg(QString(node).replace(QStringLiteral("vmss000000"),
                                                QStringLiteral("vmss000002")))});
    QVERIFY(dead.exitCode != 0);
    QVERIFY2(dead.err.contains("error trying to reach service"), dead.err.constData());
}

QTEST_MAIN(TstKubectl)
#include "tst_kubectl.moc"
