// The scenario library and the simulator's moving parts, over real HTTPS on 127.0.0.1: every
// scenario loads and its `expect:` list names catalogue ids on nodes and objects that exist;
// the pressure, leak and throttling timelines move the way a real node's numbers do; counters
// only go down at a kubelet restart; DNS probe pods run to completion with nslookup's output.
// Scenario time runs fast (--time-scale) and tests wait on the simulator's clock, never sleep.
#include "check/findingcatalog.h"
#include "simclient.h"
#include "testsupport.h"

#include <cmath>
#include <map>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QTest>
#include <set>
#include <yaml-cpp/yaml.h>

using nlohmann::json;

using nt::test::HttpResult;
using nt::test::SimClient;
using nt::test::SimProcess;

namespace {

json parse(const HttpResult &r) {
    return json::parse(r.body.toStdString(), nullptr, false);
}

QStringList scenarioFiles() {
    const QDir dir(nt::test::sourceDir() + QStringLiteral("/resources/scenarios"));
    QStringList out;
    for (const QString &f : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
        out << dir.filePath(f);
    return out;
}

QStringList args(std::initializer_list<const char *> list) {
    QStringList out;
    for (const char *a : list)
        out << QString::fromLatin1(a);
    return out;
}

double scenarioTime(const SimClient &c) {
    const json t = parse(c.get(QStringLiteral("/_sim/time")));
    return t.is_object() ? t.value("scenarioSeconds", -1.0) : -1.0;
}

// Node names of a pool in index order (vmss instance ids sort like the index).
std::vector<std::string> poolNodes(const SimClient &c, const char *pool) {
    const json list = parse(
        c.get(QStringLiteral("/api/v1/nodes?labelSelector=agentpool%3D") + QLatin1String(pool)));
    std::vector<std::string> names;
    for (const json &n : list.value("items", json::array()))
        names.push_back(n["metadata"]["name"]);
    std::sort(names.begin(), names.end());
    return names;
}

json getNode(const SimClient &c, const std::string &name) {
    return parse(c.get(QStringLiteral("/api/v1/nodes/") + QString::fromStdString(name)));
}

std::string conditionStatus(const json &node, const char *type) {
    for (const json &cond : node["status"].value("conditions", json::array())) {
        if (cond.value("type", "") == type)
            return cond.value("status", "");
    }
    return {};
}

bool hasTaint(const json &node, const char *key) {
    for (const json &t : node["spec"].value("taints", json::array())) {
        if (t.value("key", "") == key && t.value("effect", "") == "NoSchedule" &&
            t.contains("timeAdded"))
            return true;
    }
    return false;
}

std::set<std::string> eventReasons(const SimClient &c, const std::string &node) {
    const json list =
        parse(c.get(QStringLiteral("/api/v1/events?fieldSelector=involvedObject.name%3D") +
                    QString::fromStdString(node)));
    std::set<std::string> out;
    for (const json &e : list.value("items", json::array()))
        out.insert(e.value("reason", ""));
    return out;
}

json summary(const SimClient &c, const std::string &node) {
    return parse(c.get(
        QStringLiteral("/api/v1/nodes/%1/proxy/stats/summary").arg(QString::fromStdString(node))));
}

// One Prometheus sample: value and (when present) its timestamp in ms.
struct Sample {
    double value = NAN;
    double timestampMs = NAN;
};

// Series of a Prometheus text body, keyed by "name{labels}" as written.
std::map<std::string, Sample> prometheus(const QByteArray &body) {
    std::map<std::string, Sample> out;
    for (const QByteArray &line : body.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const int close = line.lastIndexOf('}');
        const int split = line.indexOf(' ', close < 0 ? 0 : close);
        if (split < 0)
            continue;
        const QList<QByteArray> rest = line.mid(split + 1).split(' ');
        Sample s;
        s.value = rest.value(0).toDouble();
        if (rest.size() > 1)
            s.timestampMs = rest[1].toDouble();
        out[line.left(split).toStdString()] = s;
    }
    return out;
}

std::map<std::string, Sample> scrape(const SimClient &c, const std::string &node,
                                     const char *path) {
    const HttpResult r = c.get(QStringLiteral("/api/v1/nodes/%1/proxy/%2")
                                   .arg(QString::fromStdString(node), QLatin1String(path)));
    return r.status == 200 ? prometheus(r.body) : std::map<std::string, Sample>{};
}

const std::string kRootSda =
    "{container=\"\",device=\"/dev/sda\",id=\"/\",image=\"\",name=\"\",namespace=\"\",pod=\"\"}";

double rate(const std::map<std::string, Sample> &a, const std::map<std::string, Sample> &b,
            const std::string &series) {
    const Sample &x = a.at(series), &y = b.at(series);
    return (y.value - x.value) / ((y.timestampMs - x.timestampMs) / 1000.0);
}

} // namespace

class TstScenarios : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsEveryScenario();
    void expectListsWellFormed_data();
    void expectListsWellFormed();
    void diskPressureRamps();
    void pidLeak();
    void memoryPressure();
    void memoryPressureAtStartOffset();
    void iopsFlatAtCapWithRisingQueue();
    void countersNeverDecrease();
    void kubeletRestartLoop();
    void probePodNxdomain();
    void probePodResolves();
    void konnectivityBrokenProxyAndLogs();
    void incident5000();
    void badOptions();
};

void TstScenarios::listsEveryScenario() {
    const auto r =
        nt::test::runProcess(nt::test::simBinary(), {QStringLiteral("--list-scenarios")});
    QCOMPARE(r.exitCode, 0);
    std::set<QString> listed;
    for (const QByteArray &line : r.out.split('\n')) {
        if (line.isEmpty())
            continue;
        const int gap = line.indexOf("  ");
        QVERIFY2(gap > 0 && line.size() > gap + 10, line.constData());
        listed.insert(QString::fromUtf8(line.left(gap)));
    }
    std::set<QString> files;
    for (const QString &f : scenarioFiles())
        files.insert(QFileInfo(f).completeBaseName());
    QVERIFY(files == listed);
    for (const char *name :
         {"healthy", "notready-unreachable", "memory-pressure", "disk-pressure", "pid-pressure",
          "konnectivity-broken", "legacy-tunnelfront", "dns-custom-broken", "dns-private-public-ip",
          "kubelet-restart-loop", "kubelet-errors-rising", "npd-kernel-deadlock",
          "vm-event-scheduled", "iops-throttled", "incident-5000"})
        QVERIFY2(listed.count(QString::fromLatin1(name)), name);
}

void TstScenarios::expectListsWellFormed_data() {
    QTest::addColumn<QString>("file");
    for (const QString &f : scenarioFiles())
        QTest::newRow(qPrintable(QFileInfo(f).completeBaseName())) << f;
}

// Each scenario serves, and each expected finding is a catalogue id on a node that exists (by
// pool and index) or on an object the API serves; healthy expects nothing.
void TstScenarios::expectListsWellFormed() {
    QFETCH(QString, file);
    const YAML::Node root = YAML::LoadFile(file.toStdString());
    QVERIFY(!root["description"].as<std::string>("").empty());
    QCOMPARE(QString::fromStdString(root["name"].as<std::string>()),
             QFileInfo(file).completeBaseName());
    SimProcess sim({QStringLiteral("--scenario"), file});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient client(sim);
    const YAML::Node expect = root["expect"];
    if (root["name"].as<std::string>() == "healthy")
        QCOMPARE(expect.size(), size_t(0));
    else
        QVERIFY(expect.size() > 0);
    for (const YAML::Node &e : expect) {
        const std::string id = e["id"].as<std::string>("");
        QVERIFY2(nt::findingDef(QString::fromStdString(id)), id.c_str());
        if (e["node"]) {
            const std::string ref = e["node"].as<std::string>();
            const auto slash = ref.find('/');
            QVERIFY2(slash != std::string::npos, ref.c_str());
            const auto nodes = poolNodes(client, ref.substr(0, slash).c_str());
            QVERIFY2(size_t(std::stoi(ref.substr(slash + 1))) < nodes.size(), ref.c_str());
        }
        if (e["object"]) {
            // kind/namespace/name, e.g. deployment/kube-system/konnectivity-agent
            const QStringList parts =
                QString::fromStdString(e["object"].as<std::string>()).split(u'/');
            QCOMPARE(parts.size(), 3);
            QCOMPARE(parts[0], QStringLiteral("deployment"));
            const HttpResult r =
                client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2")
                               .arg(parts[1], parts[2]));
            QVERIFY2(r.status == 200, qPrintable(parts.join(u'/')));
        }
        QVERIFY2(e["node"] || e["object"] || id.rfind("dns.", 0) == 0,
                 id.c_str()); // cluster-wide: DNS only
    }
}

// fs use ramps up; once less than 10% is free the kubelet's DiskPressure turns True with its
// taint and events; the other node stays clear.
void TstScenarios::diskPressureRamps() {
    SimProcess sim(args(
        {"--scenario", "disk-pressure", "--scenario-time-offset", "1140", "--time-scale", "20"}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient c(sim);
    const auto nodes = poolNodes(c, "nodepool1");
    QCOMPARE(nodes.size(), size_t(2));
    const std::string hot = nodes[1];
    QCOMPARE(conditionStatus(getNode(c, hot), "DiskPressure"), std::string("False"));
    const double t0 = scenarioTime(c);
    const json s0 = summary(c, hot);
    QTRY_VERIFY_WITH_TIMEOUT(scenarioTime(c) >= t0 + 20, 30000);
    const json s1 = summary(c, hot);
    const double used0 = s0["node"]["fs"]["usedBytes"], used1 = s1["node"]["fs"]["usedBytes"];
    const double cap = s0["node"]["fs"]["capacityBytes"];
    QVERIFY2(used1 > used0, qPrintable(QStringLiteral("%1 -> %2").arg(used0).arg(used1)));
    QVERIFY(used0 / cap > 0.88 && used0 / cap < 0.9);
    QCOMPARE(s1["node"]["fs"].value("availableBytes", 0.0), cap - used1);
    // Crosses 90 % at scenario time 1200.
    QTRY_VERIFY_WITH_TIMEOUT(conditionStatus(getNode(c, hot), "DiskPressure") == "True", 20000);
    const json node = getNode(c, hot);
    QVERIFY(hasTaint(node, "node.kubernetes.io/disk-pressure"));
    const auto reasons = eventReasons(c, hot);
    QVERIFY(reasons.count("EvictionThresholdMet") && reasons.count("NodeHasDiskPressure"));
    QVERIFY(summary(c, hot)["node"]["fs"].value("usedBytes", 0.0) / cap > 0.9);
    QCOMPARE(conditionStatus(getNode(c, nodes[0]), "DiskPressure"), std::string("False"));
    QVERIFY(!hasTaint(getNode(c, nodes[0]), "node.kubernetes.io/disk-pressure"));
}

// A process leak: rlimit.curproc climbs towards maxpid 32768 until fewer than 2000 are left.
void TstScenarios::pidLeak() {
    SimProcess sim(args(
        {"--scenario", "pid-pressure", "--scenario-time-offset", "1800", "--time-scale", "20"}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient c(sim);
    const std::string hot = poolNodes(c, "userpool").at(0);
    const double t0 = scenarioTime(c);
    const json s0 = summary(c, hot);
    QCOMPARE(s0["node"]["rlimit"].value("maxpid", 0), 32768);
    QTRY_VERIFY_WITH_TIMEOUT(scenarioTime(c) >= t0 + 15, 30000);
    const json s1 = summary(c, hot);
    const double p0 = s0["node"]["rlimit"]["curproc"], p1 = s1["node"]["rlimit"]["curproc"];
    QVERIFY2(p1 > p0 + 50, qPrintable(QStringLiteral("%1 -> %2").arg(p0).arg(p1)));
    QCOMPARE(conditionStatus(getNode(c, hot), "PIDPressure"), std::string("False"));
    QTRY_VERIFY_WITH_TIMEOUT(conditionStatus(getNode(c, hot), "PIDPressure") == "True", 20000);
    QVERIFY(hasTaint(getNode(c, hot), "node.kubernetes.io/pid-pressure"));
    QVERIFY(eventReasons(c, hot).count("NodeHasInsufficientPID"));
    QVERIFY(32768 - summary(c, hot)["node"]["rlimit"].value("curproc", 0.0) < 2000);
}

// From scenario time 0 the working set climbs and available memory falls.
void TstScenarios::memoryPressure() {
    SimProcess sim(args(
        {"--scenario", "memory-pressure", "--scenario-time-offset", "0", "--time-scale", "30"}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient c(sim);
    const std::string hot = poolNodes(c, "userpool").at(0);
    QCOMPARE(conditionStatus(getNode(c, hot), "MemoryPressure"), std::string("False"));
    const double t0 = scenarioTime(c);
    const json s0 = summary(c, hot);
    QTRY_VERIFY_WITH_TIMEOUT(scenarioTime(c) >= t0 + 30, 30000);
    const json s1 = summary(c, hot);
    const double w0 = s0["node"]["memory"]["workingSetBytes"],
                 w1 = s1["node"]["memory"]["workingSetBytes"];
    const double a0 = s0["node"]["memory"]["availableBytes"],
                 a1 = s1["node"]["memory"]["availableBytes"];
    QVERIFY2(w1 > w0 && a1 < a0, qPrintable(QStringLiteral("%1 -> %2").arg(w0).arg(w1)));
}

// The demo opens mid-incident: the scenario's startOffsetSeconds puts the node under pressure
// from the first read, with the transition in the past.
void TstScenarios::memoryPressureAtStartOffset() {
    SimProcess sim(args({"--scenario", "memory-pressure"}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient c(sim);
    QVERIFY(scenarioTime(c) >= 1020);
    const std::string hot = poolNodes(c, "userpool").at(0);
    const json node = getNode(c, hot);
    QCOMPARE(conditionStatus(node, "MemoryPressure"), std::string("True"));
    QVERIFY(hasTaint(node, "node.kubernetes.io/memory-pressure"));
    const json s = summary(c, hot);
    QVERIFY(s["node"]["memory"].value("availableBytes", 1e12) < 100.0 * 1024 * 1024);
    const auto metrics = scrape(c, hot, "metrics");
    QVERIFY(metrics.count("kubelet_evictions{eviction_signal=\"memory.available\"}"));
    QCOMPARE(conditionStatus(getNode(c, poolNodes(c, "userpool").at(1)), "MemoryPressure"),
             std::string("False"));
}

// A P10 OS disk on a D4s_v3: completed IOPS flat at 500, the disk busy all the time, the queue
// (io_time_weighted rate) growing; the neighbour node is far below its cap.
void TstScenarios::iopsFlatAtCapWithRisingQueue() {
    SimProcess sim(args({"--scenario", "iops-throttled", "--time-scale", "10"}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient c(sim);
    const auto nodes = poolNodes(c, "userpool");
    const std::string hot = nodes.at(0);
    const json node = getNode(c, hot);
    QCOMPARE_JSON(node["metadata"]["labels"]["node.kubernetes.io/instance-type"],
                  "Standard_D4s_v3");
    QCOMPARE_JSON(node["metadata"]["labels"]["storageprofile"], "managed");
    QCOMPARE_JSON(node["status"]["capacity"]["ephemeral-storage"], "129886128Ki");

    std::vector<std::map<std::string, Sample>> reads;
    const double t0 = scenarioTime(c);
    for (int i = 0; i < 3; ++i) {
        const double until = t0 + 30.0 * i;
        QTRY_VERIFY_WITH_TIMEOUT(scenarioTime(c) >= until, 30000);
        reads.push_back(scrape(c, hot, "metrics/cadvisor"));
        QVERIFY(reads.back().count("container_fs_writes_total" + kRootSda));
    }
    const std::string r = "container_fs_reads_total" + kRootSda,
                      w = "container_fs_writes_total" + kRootSda;
    const std::string busy = "container_fs_io_time_seconds_total" + kRootSda;
    const std::string queue = "container_fs_io_time_weighted_seconds_total" + kRootSda;
    double lastQueue = 0;
    for (int i = 0; i < 2; ++i) {
        const double iops = rate(reads[i], reads[i + 1], r) + rate(reads[i], reads[i + 1], w);
        QVERIFY2(std::abs(iops - 500) < 5, qPrintable(QStringLiteral("IOPS %1").arg(iops)));
        QVERIFY(rate(reads[i], reads[i + 1], busy) > 0.98);
        const double q = rate(reads[i], reads[i + 1], queue);
        QVERIFY2(q > 10 && q > lastQueue,
                 qPrintable(QStringLiteral("queue %1 after %2").arg(q).arg(lastQueue)));
        lastQueue = q;
    }
    const json s = summary(c, hot);
    QVERIFY(s["node"]["io"]["psi"]["some"].value("avg10", 0.0) > 20);
    const std::string ioWaiting = "container_pressure_io_waiting_seconds_total{container=\"\",id="
                                  "\"/\",image=\"\",name=\"\",namespace=\"\",pod=\"\"}";
    QVERIFY(rate(reads[0], reads[2], ioWaiting) > 0.5);

    const auto calm0 = scrape(c, nodes.at(1), "metrics/cadvisor");
    const double calmUntil = scenarioTime(c) + 20;
    QTRY_VERIFY_WITH_TIMEOUT(scenarioTime(c) >= calmUntil, 30000);
    const auto calm1 = scrape(c, nodes.at(1), "metrics/cadvisor");
    const double calm = rate(calm0, calm1, r) + rate(calm0, calm1, w);
    QVERIFY2(calm > 50 && calm < 400, qPrintable(QStringLiteral("IOPS %1").arg(calm)));
}

// Every counter series of the kubelet and cAdvisor endpoints only grows while the kubelet runs.
void TstScenarios::countersNeverDecrease() {
    SimProcess sim(args({"--scenario", "kubelet-errors-rising", "--time-scale", "20"}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient c(sim);
    const std::string hot = poolNodes(c, "nodepool1").at(0);
    std::map<std::string, Sample> lastKubelet = scrape(c, hot, "metrics"),
                                  lastCadvisor = scrape(c, hot, "metrics/cadvisor");
    const json firstSummary = summary(c, hot);
    const double errors0 =
        lastKubelet
            .at("kubelet_runtime_operations_errors_total{operation_type=\"container_status\"}")
            .value;
    for (int i = 1; i <= 4; ++i) {
        const double until = scenarioTime(c) + 7;
        QTRY_VERIFY_WITH_TIMEOUT(scenarioTime(c) >= until, 30000);
        const auto k = scrape(c, hot, "metrics"), ca = scrape(c, hot, "metrics/cadvisor");
        for (const auto &[series, sample] : k) {
            const bool counter = series.find("_total") != std::string::npos ||
                                 series.find("_bucket") != std::string::npos ||
                                 series.find("_count") != std::string::npos ||
                                 series.rfind("kubelet_evictions", 0) == 0;
            if (counter && lastKubelet.count(series))
                QVERIFY2(sample.value >= lastKubelet[series].value, series.c_str());
        }
        QCOMPARE(k.at("process_start_time_seconds").value,
                 lastKubelet.at("process_start_time_seconds").value);
        for (const auto &[series, sample] : ca) {
            if (series.find("_total") != std::string::npos)
                QVERIFY2(sample.value >= lastCadvisor.at(series).value, series.c_str());
        }
        lastKubelet = k;
        lastCadvisor = ca;
    }
    const json lastSummary = summary(c, hot);
    QVERIFY(lastSummary["node"]["cpu"].value("usageCoreNanoSeconds", 0.0) >
            firstSummary["node"]["cpu"].value("usageCoreNanoSeconds", 0.0));
    QVERIFY(lastSummary["node"]["io"]["psi"]["some"].value("total", 0.0) >=
            firstSummary["node"]["io"]["psi"]["some"].value("total", 0.0));
    // About 45 a minute on this node; 28+ scenario seconds passed.
    const double errors1 =
        lastKubelet
            .at("kubelet_runtime_operations_errors_total{operation_type=\"container_status\"}")
            .value;
    QVERIFY2(errors1 >= errors0 + 15,
             qPrintable(QStringLiteral("%1 -> %2").arg(errors0).arg(errors1)));
}

// process_start_time_seconds moves every 90 scenario seconds, the kubelet's counters start over
// (the only time they go down), Ready flaps False after the start, Starting events pile up.
void TstScenarios::kubeletRestartLoop() {
    SimProcess sim(args({"--scenario", "kubelet-restart-loop", "--scenario-time-offset", "40",
                         "--time-scale", "15"}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient c(sim);
    const std::string hot = poolNodes(c, "nodepool1").at(1);
    const std::string ops = "kubelet_runtime_operations_total{operation_type=\"container_status\"}";
    auto before = scrape(c, hot, "metrics");
    const double start0 = before.at("process_start_time_seconds").value;
    QCOMPARE(conditionStatus(getNode(c, hot), "Ready"), std::string("True"));
    bool sawNotReady = false;
    // Next restart at scenario time 105: 5 s of real time at this scale.
    std::map<std::string, Sample> after;
    bool wentDownWithoutRestart = false;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            after = scrape(c, hot, "metrics");
            sawNotReady = sawNotReady || conditionStatus(getNode(c, hot), "Ready") == "False";
            if (after.at("process_start_time_seconds").value == start0) {
                wentDownWithoutRestart =
                    wentDownWithoutRestart || after.at(ops).value < before.at(ops).value;
                before = after;
                return false;
            }
            return true;
        }(),
        20000);
    QVERIFY2(!wentDownWithoutRestart, "a counter went down without a restart");
    // 90 scenario seconds later = 6 s of wall time at this scale; the new start is "just now".
    const double started = after.at("process_start_time_seconds").value;
    QVERIFY2(
        started > start0 + 5 && std::abs(started - double(QDateTime::currentSecsSinceEpoch())) < 3,
        qPrintable(QStringLiteral("%1 after %2").arg(started, 0, 'f', 2).arg(start0, 0, 'f', 2)));
    QVERIFY2(after.at(ops).value < before.at(ops).value, "counters start over at a restart");
    QTRY_VERIFY_WITH_TIMEOUT(
        sawNotReady = sawNotReady || conditionStatus(getNode(c, hot), "Ready") == "False", 5000);
    QTRY_VERIFY_WITH_TIMEOUT(conditionStatus(getNode(c, hot), "Ready") == "True", 10000);
    const json events =
        parse(c.get(QStringLiteral("/api/v1/events?fieldSelector=involvedObject.name%3D") +
                    QString::fromStdString(hot)));
    std::map<std::string, int> counts;
    for (const json &e : events["items"])
        counts[e.value("reason", "")] = e.value("count", 0);
    QVERIFY(counts["Starting"] >= 10 && counts["KubeletStart"] >= 10 &&
            counts["NodeNotReady"] >= 10 && counts["NodeReady"] >= 10);
    QCOMPARE(conditionStatus(getNode(c, hot), "FrequentKubeletRestart"), std::string("True"));
    // The other nodes' kubelets never restart.
    const auto calm = scrape(c, poolNodes(c, "nodepool1").at(0), "metrics");
    QVERIFY(calm.at("process_start_time_seconds").value < start0 - 3600);
}

namespace {

json probePod(const std::string &command, const std::string &fqdn) {
    return {{"apiVersion", "v1"},
            {"kind", "Pod"},
            {"metadata",
             {{"generateName", "nodetriage-dns-probe-"},
              {"labels", {{"app.kubernetes.io/name", "nodetriage-dns-probe"}}}}},
            {"spec",
             {{"restartPolicy", "Never"},
              {"containers",
               {{{"name", "probe"}, {"image", "busybox:1.36"}, {"command", {command, fqdn}}}}}}}};
}

// Creates the probe, waits for it to finish, returns the final pod and its log; deletes it.
void runProbe(const SimClient &c, const json &pod, json *finalPod, QByteArray *log) {
    const HttpResult created = c.request(
        "POST", QStringLiteral("/api/v1/namespaces/kube-system/pods"), SimClient::Auth::Certificate,
        QByteArray::fromStdString(pod.dump()), "application/json");
    QCOMPARE(created.status, 201);
    const json p = parse(created);
    QCOMPARE_JSON(p["status"]["phase"], "Pending");
    QCOMPARE_JSON(p["status"]["containerStatuses"][0]["state"]["waiting"]["reason"],
                  "ContainerCreating");
    const QString path = QStringLiteral("/api/v1/namespaces/kube-system/pods/") +
                         QString::fromStdString(p["metadata"]["name"]);
    const HttpResult early = c.get(path + QStringLiteral("/log"));
    if (early.status != 200) { // still creating: the API server's answer for a waiting container
        QCOMPARE(early.status, 400);
        QVERIFY(early.body.contains("is waiting to start: ContainerCreating"));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            *finalPod = parse(c.get(path));
            const std::string phase = finalPod->value("status", json::object()).value("phase", "");
            return phase == "Succeeded" || phase == "Failed";
        }(),
        15000);
    const HttpResult logs = c.get(path + QStringLiteral("/log?container=probe"));
    QCOMPARE(logs.status, 200);
    *log = logs.body;
    QCOMPARE(c.request("DELETE", path).status, 200);
    QCOMPARE(c.get(path).status, 404);
}

} // namespace

void TstScenarios::probePodNxdomain() {
    SimProcess sim(args({"--scenario", "dns-custom-broken"}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient c(sim);
    const std::string fqdn = "myaks-dns-1a2b3c4d.hcp.westeurope.azmk8s.io";
    json pod;
    QByteArray log;
    runProbe(c, probePod("nslookup", fqdn), &pod, &log);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE_JSON(pod["status"]["phase"], "Failed");
    QCOMPARE_JSON(pod["status"]["containerStatuses"][0]["state"]["terminated"]["exitCode"], 1);
    QCOMPARE_JSON(pod["status"]["containerStatuses"][0]["state"]["terminated"]["reason"], "Error");
    QVERIFY2(log.startsWith("Server:\t\t10.0.0.10\nAddress:\t10.0.0.10:53\n"), log.constData());
    QVERIFY2(log.contains(QByteArray::fromStdString("** server can't find " + fqdn + ": NXDOMAIN")),
             log.constData());
    // Other names resolve from the same pod: only the API server's name is broken.
    runProbe(c, probePod("nslookup", "mcr.microsoft.com"), &pod, &log);
    QCOMPARE_JSON(pod["status"]["phase"], "Succeeded");
    QVERIFY(log.contains("Name:\tmcr.microsoft.com\nAddress: "));
}

void TstScenarios::probePodResolves() {
    SimProcess sim(args({"--scenario", "healthy"}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient c(sim);
    const std::string fqdn = "myaks-dns-1a2b3c4d.hcp.westeurope.azmk8s.io";
    json pod;
    QByteArray log;
    json spec = probePod("getent", fqdn);
    spec["spec"]["containers"][0]["command"] = {"sh", "-c", "getent hosts " + fqdn};
    runProbe(c, spec, &pod, &log);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE_JSON(pod["status"]["phase"], "Succeeded");
    QCOMPARE_JSON(pod["status"]["containerStatuses"][0]["state"]["terminated"]["reason"],
                  "Completed");
    QCOMPARE(log, QByteArray::fromStdString("20.61.183.92    " + fqdn + "\n"));
    // Nothing else in the cluster changed: the probe was the only pod created and deleted.
    int mutating = 0;
    for (const json &e : sim.recordedRequests())
        mutating += e.value("method", "") != "GET" ? 1 : 0;
    QCOMPARE(mutating, 2);
}

// The tunnel is broken for two nodes: their kubelet proxy answers 503, logs of pods there 500
// with the dial error in a Status without reason; other nodes answer.
void TstScenarios::konnectivityBrokenProxyAndLogs() {
    SimProcess sim(args({"--scenario", "konnectivity-broken"}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    SimClient c(sim);
    const auto system = poolNodes(c, "nodepool1");
    const HttpResult proxy = c.get(QStringLiteral("/api/v1/nodes/%1/proxy/stats/summary")
                                       .arg(QString::fromStdString(system[1])));
    QCOMPARE(proxy.status, 503);
    QCOMPARE_JSON(parse(proxy)["message"], "error trying to reach service: error dialing backend: "
                                           "dial tcp 10.224.0.5:10250: i/o timeout");
    QCOMPARE(c.get(QStringLiteral("/api/v1/nodes/%1/proxy/metrics")
                       .arg(QString::fromStdString(poolNodes(c, "userpool")[0])))
                 .status,
             503);
    QCOMPARE(c.get(QStringLiteral("/api/v1/nodes/%1/proxy/stats/summary")
                       .arg(QString::fromStdString(system[0])))
                 .status,
             200);
    const json pods = parse(c.get(QStringLiteral(
        "/api/v1/namespaces/kube-system/pods?labelSelector=app%3Dkonnectivity-agent")));
    QCOMPARE(pods["items"].size(), size_t(2));
    int failed = 0;
    for (const json &p : pods["items"]) {
        const std::string name = p["metadata"]["name"];
        const HttpResult log = c.get(QStringLiteral("/api/v1/namespaces/kube-system/pods/%1/log")
                                         .arg(QString::fromStdString(name)));
        if (p["spec"]["nodeName"] == system[1]) {
            ++failed;
            QCOMPARE(log.status, 500);
            const json s = parse(log);
            QVERIFY(!s.contains("reason"));
            QCOMPARE_JSON(s["message"],
                          "Get \"https://10.224.0.5:10250/containerLogs/kube-system/" + name +
                              "/konnectivity-agent\": error dialing backend: dial tcp "
                              "10.224.0.5:10250: i/o timeout");
            QCOMPARE_JSON(p["status"]["containerStatuses"][0]["ready"], false);
            QVERIFY(p["status"]["containerStatuses"][0].value("restartCount", 0) > 0);
        } else {
            QCOMPARE(log.status, 200);
            QVERIFY(log.body.contains(
                "\"error dialing backend\" err=\"dial tcp 10.224.0.5:10250: i/o timeout\""));
            QVERIFY(log.body.contains(
                "ProxyServerHost set to \"myaks-dns-1a2b3c4d.hcp.westeurope.azmk8s.io\""));
        }
    }
    QCOMPARE(failed, 1);
    QCOMPARE(conditionStatus(getNode(c, system[1]), "Ready"), std::string("True"));
}

// --nodes 5000 on the incident: the fixed pools keep their state, the big pool absorbs the rest.
void TstScenarios::incident5000() {
    QElapsedTimer timer;
    timer.start();
    SimProcess sim(args({"--scenario", "incident-5000", "--nodes", "5000"}));
    QVERIFY2(sim.start(120000), qPrintable(sim.errorString()));
    qInfo("incident-5000 with 5000 nodes listening after %lld ms (informational)", timer.elapsed());
    SimClient c(sim);
    const json page = parse(c.get(QStringLiteral("/api/v1/nodes?limit=1")));
    QCOMPARE_JSON(page["metadata"]["remainingItemCount"], 4999);
    const auto bad = poolNodes(c, "badpool"), disk = poolNodes(c, "diskpool"),
               io = poolNodes(c, "iopool");
    QCOMPARE(bad.size(), size_t(10));
    QCOMPARE(disk.size(), size_t(8));
    QCOMPARE(io.size(), size_t(8));
    for (const std::string &n : bad)
        QCOMPARE(conditionStatus(getNode(c, n), "Ready"), std::string("Unknown"));
    for (const std::string &n : disk)
        QCOMPARE(conditionStatus(getNode(c, n), "DiskPressure"), std::string("True"));
    QCOMPARE(
        c.get(QStringLiteral("/api/v1/nodes/%1/proxy/metrics").arg(QString::fromStdString(bad[0])))
            .status,
        503);
    const json d = parse(c.get(
        QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments/konnectivity-agent")));
    QCOMPARE_JSON(d["status"]["readyReplicas"], 2);
}

void TstScenarios::badOptions() {
    auto r = nt::test::runProcess(nt::test::simBinary(),
                                  {QStringLiteral("--time-scale"), QStringLiteral("fast")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--time-scale"));
    r = nt::test::runProcess(nt::test::simBinary(),
                             {QStringLiteral("--scenario-time-offset"), QStringLiteral("-5")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--scenario-time-offset"));
}

QTEST_GUILESS_MAIN(TstScenarios)
#include "tst_scenarios.moc"
