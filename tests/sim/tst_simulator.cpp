// nodetriage-sim on its own: scenarios, object shapes, Status bodies, authentication, faults,
// paging at 5000 nodes and the request record, all over real HTTPS on 127.0.0.1.
#include "simclient.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>
#include <set>
#include <yaml-cpp/yaml.h>

using nlohmann::json;

using nt::test::HttpResult;
using nt::test::SimClient;
using nt::test::SimProcess;
using Auth = SimClient::Auth;

namespace {

json parse(const HttpResult &r) { return json::parse(r.body.toStdString(), nullptr, false); }

// Asserts a metav1.Status failure body as the API server sends it.
void verifyStatus(const HttpResult &r, int code, const char *reason)
{
    QCOMPARE(r.status, code);
    const json s = parse(r);
    QVERIFY2(s.is_object(), r.body.constData());
    QCOMPARE(s.value("kind", ""), std::string("Status"));
    QCOMPARE(s.value("apiVersion", ""), std::string("v1"));
    QCOMPARE(s.value("status", ""), std::string("Failure"));
    QCOMPARE(s.value("reason", ""), std::string(reason));
    QCOMPARE(s.value("code", 0), code);
    QVERIFY(!s.value("message", "").empty());
}

const json *condition(const json &node, const std::string &type)
{
    for (const json &c : node["status"]["conditions"]) {
        if (c["type"] == type)
            return &c;
    }
    return nullptr;
}

QStringList scenarioFiles()
{
    const QDir dir(nt::test::sourceDir() + QStringLiteral("/resources/scenarios"));
    QStringList out;
    for (const QString &f : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
        out << dir.filePath(f);
    return out;
}

const char *const kNpdConditions[] = {
    "FilesystemCorruptionProblem", "KubeletProblem", "ContainerRuntimeProblem", "VMEventScheduled",
    "FrequentUnregisterNetDevice", "FrequentKubeletRestart", "FrequentContainerdRestart", "FrequentDockerRestart",
    "KernelDeadlock", "ReadonlyFilesystem", "FreezeScheduled", "RebootScheduled", "RedeployScheduled",
    "TerminateScheduled", "PreemptScheduled"};

} // namespace

class TstSimulator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listScenarios();
    void scenarioServes_data();
    void scenarioServes();
    void nodeShape();
    void notReadyUnreachable();
    void statusBodies();
    void authentication();
    void faultCountThenRecovers();
    void faultGarbageAndClose();
    void faultDelay();
    void runtimeFaultsAndRecord();
    void tableOutput();
    void paging5000();
    void exitsZeroOnSigterm();
};

void TstSimulator::listScenarios()
{
    const auto r = nt::test::runProcess(nt::test::simBinary(), {QStringLiteral("--list-scenarios")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), scenarioFiles().size());
    for (const QString &file : scenarioFiles()) {
        const QString name = QFileInfo(file).completeBaseName();
        const auto line = std::find_if(lines.begin(), lines.end(), [&](const QString &l) { return l.startsWith(name + u' '); });
        QVERIFY2(line != lines.end(), qPrintable(name));
        QVERIFY2(line->size() > name.size() + 10, qPrintable(*line)); // a description follows
    }
}

void TstSimulator::scenarioServes_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : scenarioFiles())
        QTest::addRow("%s", qPrintable(QFileInfo(file).completeBaseName())) << file;
}

// Every scenario file starts, serves as many nodes as its pools say, with AKS labels and every
// NPD condition, and its `expect:` entries name nodes that exist.
void TstSimulator::scenarioServes()
{
    QFETCH(QString, file);
    const YAML::Node root = YAML::LoadFile(file.toStdString());
    size_t expectedNodes = 0;
    for (const YAML::Node &p : root["pools"])
        expectedNodes += p["count"].as<size_t>();

    SimProcess sim({QStringLiteral("--scenario"), file});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient client(sim);
    QVERIFY(client.isValid());
    const HttpResult r = client.get(QStringLiteral("/api/v1/nodes"));
    QCOMPARE(r.status, 200);
    const json list = parse(r);
    QCOMPARE_JSON(list["kind"], "NodeList");
    QCOMPARE_JSON(list["items"].size(), expectedNodes);
    std::set<std::string> pools;
    for (const json &node : list["items"]) {
        const json &labels = node["metadata"]["labels"];
        for (const char *label : {"kubernetes.azure.com/agentpool", "agentpool", "node.kubernetes.io/instance-type",
                                  "kubernetes.azure.com/node-image-version", "kubernetes.azure.com/cluster",
                                  "kubernetes.azure.com/mode", "topology.kubernetes.io/zone", "kubernetes.io/hostname"})
            QVERIFY2(labels.contains(label), label);
        pools.insert(labels["agentpool"].get<std::string>());
        for (const char *type : kNpdConditions)
            QVERIFY2(condition(node, type), type);
        for (const char *type : {"Ready", "MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"})
            QVERIFY2(condition(node, type), type);
    }
    for (const YAML::Node &e : root["expect"]) {
        if (!e["node"])
            continue;
        const std::string ref = e["node"].as<std::string>();
        const std::string pool = ref.substr(0, ref.find('/'));
        QVERIFY2(pools.count(pool), ref.c_str());
    }
    const HttpResult deploy = client.get(QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments"));
    QCOMPARE(deploy.status, 200);
    QVERIFY(!parse(deploy)["items"].empty());
}

void TstSimulator::nodeShape()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient client(sim);
    const json list = parse(client.get(QStringLiteral("/api/v1/nodes")));
    QCOMPARE_JSON(list["items"].size(), size_t(3));
    const json &node = list["items"][0];
    const std::string name = node["metadata"]["name"];
    QVERIFY2(QString::fromStdString(name).contains(QRegularExpression(QStringLiteral("^aks-nodepool1-\\d{8}-vmss[0-9a-z]{6}$"))), name.c_str());
    QVERIFY(node["spec"]["providerID"].get<std::string>().rfind("azure:///subscriptions/", 0) == 0);
    QCOMPARE_JSON(node["status"]["capacity"]["cpu"], "4");
    QCOMPARE_JSON(node["status"]["allocatable"]["cpu"], "3860m");
    QCOMPARE_JSON(node["status"]["allocatable"]["pods"], "110");
    QCOMPARE_JSON(node["status"]["nodeInfo"]["kubeletVersion"], "v1.30.4");
    QCOMPARE_JSON(node["status"]["nodeInfo"]["osImage"], "Ubuntu 22.04.5 LTS");
    QCOMPARE_JSON((*condition(node, "Ready"))["status"], "True");
    QCOMPARE_JSON((*condition(node, "KernelDeadlock"))["reason"], "KernelHasNoDeadlock");
    QCOMPARE_JSON((*condition(node, "KubeletProblem"))["reason"], "KubeletIsUp");
    QCOMPARE_JSON(node["status"]["addresses"][0]["type"], "InternalIP");

    // Live nodes: heartbeat and lease renewal are within the last ~10 s.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto heartbeat = QDateTime::fromString(QString::fromStdString((*condition(node, "Ready"))["lastHeartbeatTime"]), Qt::ISODate);
    QVERIFY2(heartbeat.secsTo(now) <= 11 && heartbeat.secsTo(now) >= 0, qPrintable(heartbeat.toString(Qt::ISODate)));
    const json lease = parse(client.get(QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/") + QString::fromStdString(name)));
    const auto renew = QDateTime::fromString(QString::fromStdString(lease["spec"]["renewTime"]), Qt::ISODateWithMs);
    QVERIFY2(renew.isValid() && renew.secsTo(now) <= 11, lease.dump().c_str());

    // The kubelet behind the proxy: Summary API and Prometheus text.
    const json summary = parse(client.get(QStringLiteral("/api/v1/nodes/%1/proxy/stats/summary").arg(QString::fromStdString(name))));
    QVERIFY(summary["node"]["cpu"]["usageNanoCores"].get<uint64_t>() > 0);
    QVERIFY(summary["node"]["memory"]["workingSetBytes"].get<uint64_t>() > 0);
    QVERIFY(summary["node"]["rlimit"]["maxpid"].get<uint64_t>() > summary["node"]["rlimit"]["curproc"].get<uint64_t>());
    QVERIFY(summary["node"]["fs"]["capacityBytes"].get<uint64_t>() > summary["node"]["fs"]["usedBytes"].get<uint64_t>());
    const HttpResult metrics = client.get(QStringLiteral("/api/v1/nodes/%1/proxy/metrics").arg(QString::fromStdString(name)));
    QCOMPARE(metrics.status, 200);
    for (const char *series : {"kubelet_runtime_operations_total{operation_type=", "kubelet_pleg_relist_duration_seconds_bucket{le=",
                               "kubelet_started_pods_errors_total ", "kubelet_running_pods ", "process_start_time_seconds "})
        QVERIFY2(metrics.body.contains(series), series);
    const json nodeMetrics = parse(client.get(QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes")));
    QCOMPARE_JSON(nodeMetrics["items"].size(), size_t(3));
    QVERIFY(nodeMetrics["items"][0]["usage"]["cpu"].get<std::string>().back() == 'n');
}

void TstSimulator::notReadyUnreachable()
{
    SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient client(sim);
    const json list = parse(client.get(QStringLiteral("/api/v1/nodes")));
    int dead = 0;
    for (const json &node : list["items"]) {
        const QString name = QString::fromStdString(node["metadata"]["name"]);
        const json &ready = *condition(node, "Ready");
        const HttpResult summary = client.get(QStringLiteral("/api/v1/nodes/%1/proxy/stats/summary").arg(name));
        if (ready["status"] == "True") {
            QCOMPARE(summary.status, 200);
            QVERIFY(!node["spec"].contains("taints"));
            continue;
        }
        ++dead;
        QVERIFY(name.endsWith(u"vmss000002"));
        QCOMPARE_JSON(ready["status"], "Unknown");
        QCOMPARE_JSON(ready["reason"], "NodeStatusUnknown");
        QCOMPARE_JSON(ready["message"], "Kubelet stopped posting node status.");
        QCOMPARE_JSON((*condition(node, "MemoryPressure"))["status"], "Unknown");
        QCOMPARE_JSON(node["spec"]["taints"].size(), size_t(2));
        for (const json &t : node["spec"]["taints"]) {
            QCOMPARE_JSON(t["key"], "node.kubernetes.io/unreachable");
            QVERIFY(t.contains("timeAdded"));
        }
        const json lease = parse(client.get(QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/") + name));
        const auto renew = QDateTime::fromString(QString::fromStdString(lease["spec"]["renewTime"]), Qt::ISODateWithMs);
        QVERIFY2(renew.secsTo(QDateTime::currentDateTimeUtc()) > 300, lease.dump().c_str());
        verifyStatus(summary, 503, "ServiceUnavailable");
        QVERIFY2(summary.body.contains("error trying to reach service: dial tcp 10.224.0.6:10250"), summary.body.constData());
        const json metrics = parse(client.get(QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes")));
        QCOMPARE_JSON(metrics["items"].size(), list["items"].size() - 1);
    }
    QCOMPARE(dead, 1);
}

void TstSimulator::statusBodies()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient client(sim);
    const HttpResult missing = client.get(QStringLiteral("/api/v1/nodes/no-such-node"));
    verifyStatus(missing, 404, "NotFound");
    QCOMPARE_JSON(parse(missing)["message"], "nodes \"no-such-node\" not found");
    QCOMPARE_JSON(parse(missing)["details"]["kind"], "nodes");
    verifyStatus(client.get(QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments/nope")), 404, "NotFound");
    verifyStatus(client.get(QStringLiteral("/api/v1/widgets")), 404, "NotFound");
    verifyStatus(client.request("POST", QStringLiteral("/api/v1/nodes/x"), Auth::Certificate, "{}", "application/json"), 405, "MethodNotAllowed");
    verifyStatus(client.request("PATCH", QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments/coredns"), Auth::Certificate,
                                "{}", "text/plain"), 415, "UnsupportedMediaType");
}

void TstSimulator::authentication()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient client(sim);
    QCOMPARE(client.get(QStringLiteral("/api/v1/nodes"), Auth::Certificate).status, 200);
    QCOMPARE(client.get(QStringLiteral("/api/v1/nodes"), Auth::Token).status, 200);
    verifyStatus(client.get(QStringLiteral("/api/v1/nodes"), Auth::None), 401, "Unauthorized");
    verifyStatus(client.get(QStringLiteral("/api/v1/nodes"), Auth::WrongToken), 401, "Unauthorized");
    // A client certificate from another simulator's CA is not ours.
    SimProcess other;
    QVERIFY2(other.start(), qPrintable(other.errorString()));
    SimClient foreign(sim);
    QVERIFY(foreign.useClientCertificateOf(other));
    verifyStatus(foreign.get(QStringLiteral("/api/v1/nodes"), Auth::Certificate), 401, "Unauthorized");
    const auto users = sim.recordedRequests();
    QCOMPARE(users.size(), size_t(5));
    QCOMPARE_JSON(users[0]["user"], "sim-admin");
    QCOMPARE_JSON(users[1]["user"], "sim-token");
    QCOMPARE_JSON(users[2]["user"], "");
    QCOMPARE_JSON(users[2]["status"], 401);
}

void TstSimulator::faultCountThenRecovers()
{
    SimProcess sim({QStringLiteral("--fault"), QStringLiteral(R"({"path":"/api/v1/nodes","status":503,"count":2,"retryAfter":1})")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient client(sim);
    for (int i = 0; i < 2; ++i) {
        const HttpResult r = client.get(QStringLiteral("/api/v1/nodes"));
        verifyStatus(r, 503, "ServiceUnavailable");
        QCOMPARE(r.retryAfter, QByteArray("1"));
    }
    QCOMPARE(client.get(QStringLiteral("/api/v1/nodes")).status, 200);
    // The regex matches the whole path only: /api/v1/nodes/x was never affected.
    QCOMPARE(client.get(QStringLiteral("/api/v1/namespaces")).status, 200);
}

void TstSimulator::faultGarbageAndClose()
{
    SimProcess sim({QStringLiteral("--fault"), QStringLiteral(R"({"path":"/api/v1/nodes","garbage":true,"count":1})"),
                    QStringLiteral("--fault"), QStringLiteral(R"({"method":"GET","path":"/api/v1/namespaces.*","close":true})")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient client(sim);
    const HttpResult garbage = client.get(QStringLiteral("/api/v1/nodes"));
    QCOMPARE(garbage.status, 200);
    QVERIFY(parse(garbage).is_discarded());
    QVERIFY(parse(client.get(QStringLiteral("/api/v1/nodes"))).is_object());
    const HttpResult closed = client.get(QStringLiteral("/api/v1/namespaces"));
    QCOMPARE(closed.status, 0);
    QVERIFY(closed.error != QNetworkReply::NoError);
}

void TstSimulator::faultDelay()
{
    SimProcess sim({QStringLiteral("--fault"), QStringLiteral(R"({"path":"/version","delayMs":3000})")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient client(sim);
    QElapsedTimer timer;
    timer.start();
    const HttpResult late = client.request("GET", QStringLiteral("/version"), Auth::Certificate, {}, {}, "application/json", 500);
    QCOMPARE(late.status, 0);
    QCOMPARE(late.error, QNetworkReply::OperationCanceledError); // the client's transfer timeout
    QVERIFY(timer.elapsed() < 2500);
    QCOMPARE(client.get(QStringLiteral("/api")).status, 200);
}

void TstSimulator::runtimeFaultsAndRecord()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient client(sim);
    verifyStatus(client.request("POST", QStringLiteral("/_sim/faults"), Auth::None, "{}", "application/json"), 401, "Unauthorized");
    const HttpResult added = client.request("POST", QStringLiteral("/_sim/faults"), Auth::Token,
                                            R"({"method":"GET","path":"/api/v1/nodes.*","status":429,"retryAfter":2})", "application/json");
    QCOMPARE(added.status, 201);
    const HttpResult limited = client.get(QStringLiteral("/api/v1/nodes?limit=1"));
    verifyStatus(limited, 429, "TooManyRequests");
    QCOMPARE_JSON(parse(limited)["details"]["retryAfterSeconds"], 2);
    QCOMPARE(client.request("DELETE", QStringLiteral("/_sim/faults"), Auth::Token).status, 200);
    QCOMPARE(client.get(QStringLiteral("/api/v1/nodes?limit=1")).status, 200);
    QCOMPARE(client.request("POST", QStringLiteral("/_sim/faults"), Auth::Token, R"({"status":500})", "application/json").status, 400);

    const json requests = parse(client.get(QStringLiteral("/_sim/requests")));
    QVERIFY(requests.is_array());
    QCOMPARE(requests.size(), size_t(2)); // the two node lists; /_sim/ calls are not recorded
    const auto recorded = sim.recordedRequests();
    QCOMPARE(recorded.size(), size_t(2));
    for (const char *key : {"time", "method", "path", "query", "user", "status", "contentType", "bodyBytes"})
        QVERIFY2(recorded[0].contains(key), key);
    QCOMPARE_JSON(recorded[0]["path"], "/api/v1/nodes");
    QCOMPARE_JSON(recorded[0]["query"], "limit=1");
    QCOMPARE_JSON(recorded[0]["status"], 429);
    QCOMPARE_JSON(recorded[1]["status"], 200);
    QCOMPARE_JSON(json(recorded), requests);
}

void TstSimulator::tableOutput()
{
    SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient client(sim);
    const HttpResult r = client.request("GET", QStringLiteral("/api/v1/nodes"), Auth::Certificate, {}, {},
                                        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
    QCOMPARE(r.status, 200);
    const json table = parse(r);
    QCOMPARE_JSON(table["kind"], "Table");
    QCOMPARE_JSON(table["apiVersion"], "meta.k8s.io/v1");
    QStringList columns;
    for (const json &c : table["columnDefinitions"]) {
        if (c["priority"] == 0)
            columns << QString::fromStdString(c["name"]);
    }
    QCOMPARE(columns, QStringList({QStringLiteral("Name"), QStringLiteral("Status"), QStringLiteral("Roles"),
                                   QStringLiteral("Age"), QStringLiteral("Version")}));
    QStringList statuses;
    for (const json &row : table["rows"]) {
        statuses << QString::fromStdString(row["cells"][1]);
        QCOMPARE_JSON(row["object"]["kind"], "PartialObjectMetadata");
    }
    QCOMPARE(statuses, QStringList({QStringLiteral("Ready"), QStringLiteral("Ready"), QStringLiteral("NotReady"), QStringLiteral("Ready")}));
    const json deploy = parse(client.request("GET", QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments/konnectivity-agent"),
                                             Auth::Certificate, {}, {}, "application/json;as=Table;v=v1;g=meta.k8s.io"));
    QCOMPARE_JSON(deploy["rows"][0]["cells"][1], "2/2");
}

void TstSimulator::paging5000()
{
    SimProcess sim({QStringLiteral("--nodes"), QStringLiteral("5000")});
    QVERIFY2(sim.start(60000), qPrintable(sim.errorString()));
    SimClient client(sim);
    std::set<std::string> names;
    QString next;
    int pages = 0;
    qint64 slowest = 0;
    do {
        QElapsedTimer timer;
        timer.start();
        const HttpResult r = client.get(QStringLiteral("/api/v1/nodes?limit=500") + (next.isEmpty() ? QString() : QStringLiteral("&continue=") + next));
        slowest = std::max(slowest, timer.elapsed());
        QCOMPARE(r.status, 200);
        const json page = parse(r);
        QCOMPARE_JSON(page["items"].size(), size_t(500));
        for (const json &n : page["items"])
            names.insert(n["metadata"]["name"]);
        ++pages;
        next = QString::fromStdString(page["metadata"].value("continue", ""));
        if (!next.isEmpty())
            QCOMPARE_JSON(page["metadata"]["remainingItemCount"], 5000 - 500 * pages);
    } while (!next.isEmpty() && pages < 20);
    QCOMPARE(pages, 10);
    QCOMPARE(names.size(), size_t(5000));
    qint64 slowestServer = 0;
    for (const json &entry : sim.recordedRequests())
        slowestServer = std::max<qint64>(slowestServer, entry.value("serverMs", 0));
    qInfo("slowest 500-node page: %lld ms round trip, %lld ms in the simulator (Debug build)", slowest, slowestServer);
    QVERIFY2(slowestServer < 1000, "a 500-node page must take well under a second of server time");

    // Selectors still work at this size.
    const json one = parse(client.get(QStringLiteral("/api/v1/nodes?fieldSelector=metadata.name%3D") + QString::fromStdString(*names.begin())));
    QCOMPARE_JSON(one["items"].size(), size_t(1));
    const json pool = parse(client.get(QStringLiteral("/api/v1/nodes?labelSelector=agentpool%3Duserpool")));
    QCOMPARE_JSON(pool["items"].size(), size_t(1));
}

void TstSimulator::exitsZeroOnSigterm()
{
    QProcess sim;
    sim.setProgram(nt::test::simBinary());
    sim.setArguments({QStringLiteral("--port"), QStringLiteral("0")});
    sim.start();
    QVERIFY(sim.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += sim.readAllStandardOutput()).startsWith("listening on https://127.0.0.1:"), 20000);
    sim.terminate();
    QVERIFY(sim.waitForFinished(10000));
    QCOMPARE(sim.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sim.exitCode(), 0);
}

QTEST_MAIN(TstSimulator)
#include "tst_simulator.moc"
