// The JSON report writer: conforms to nodetriage.report/v1, keeps secrets and unmeasured metrics
// out, and maps findings to the exit status.
#include "check/checkreport.h"
#include "reportschema.h"

#include <nlohmann/json.hpp>
#include <QTest>

using nlohmann::json;

// A JSON value as text for QCOMPARE: strings as they are, anything else as JSON.
inline QString js(const nlohmann::json &v) {
    return QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump());
}

class TstCheckReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void conforms();
    void content();
    void noSecrets();
    void schemaCheckerRejects_data();
    void schemaCheckerRejects();
    void exitCode();
};

namespace {

nt::CheckReport sampleReport() {
    nt::CheckReport r;
    r.generatedAt = nt::parseKubeTime(QStringLiteral("2026-11-28T06:00:30Z"));
    r.cluster.context = QStringLiteral("myaks");
    r.cluster.server = QStringLiteral(
        "https://admin:s3cret@myaks-dns-1a2b.abc.privatelink.westeurope.azmk8s.io:443/"
        "?token=t0ken");
    r.cluster.version = QStringLiteral("v1.30.4");
    r.window = {nt::parseKubeTime(QStringLiteral("2026-11-28T06:00:00Z")),
                nt::parseKubeTime(QStringLiteral("2026-11-28T06:00:30Z")), 5, 7};
    for (int n = 1; n <= 6; ++n)
        r.steps << nt::StepResult::make(n, n == 1 ? nt::StepStatus::Warn : nt::StepStatus::Skipped,
                                        n == 1 ? QString() : QStringLiteral("not implemented"));
    nt::Finding f = nt::Finding::fromCatalog("node.cordoned", QStringLiteral("aks-np-1"));
    f.detail = QStringLiteral("cordoned");
    f.evidence << QStringLiteral("spec.unschedulable=true");
    f.commands << QStringLiteral("kubectl uncordon aks-np-1");
    r.findings << f;
    r.nodes << nt::Node::fromJson(json::parse(R"({
      "metadata": {"name": "aks-np-1", "labels": {"agentpool": "np"}},
      "spec": {"unschedulable": true, "taints": [{"key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"}]},
      "status": {"conditions": [{"type": "Ready", "status": "True"}, {"type": "MemoryPressure", "status": "False"}],
                 "nodeInfo": {"kubeletVersion": "v1.30.4"}}})"));
    r.nodes << nt::Node::fromJson(json::parse(R"({"metadata": {"name": "bare"}})"));
    return r;
}

} // namespace

void TstCheckReport::conforms() {
    const json j = json::parse(sampleReport().toJson().dump());
    QCOMPARE(nt::test::ReportSchema::check(j), QString());
}

void TstCheckReport::content() {
    const json j = json::parse(sampleReport().toJson().dump());
    QCOMPARE(js(j["schema"]), QStringLiteral("nodetriage.report/v1"));
    // Written in the contract's key order: the schema line comes first.
    QCOMPARE(QString::fromStdString(sampleReport().toJson().begin().key()),
             QStringLiteral("schema"));
    QCOMPARE(js(j["generatedAt"]), QStringLiteral("2026-11-28T06:00:30Z"));
    QCOMPARE(js(j["tool"]["version"]), QStringLiteral(NODETRIAGE_VERSION));
    QCOMPARE(js(j["cluster"]["fqdn"]),
             QStringLiteral("myaks-dns-1a2b.abc.privatelink.westeurope.azmk8s.io"));
    QCOMPARE(js(j["cluster"]["private"]), QStringLiteral("true"));
    QCOMPARE(js(j["window"]["samples"]), QStringLiteral("7"));
    QCOMPARE(j["steps"].size(), std::size_t(6));
    QVERIFY(!j["steps"][0].contains("note")); // no empty notes
    QCOMPARE(js(j["findings"][0]["id"]), QStringLiteral("node.cordoned"));
    QCOMPARE(js(j["findings"][0]["severity"]), QStringLiteral("warning"));
    QVERIFY(!j["findings"][0].contains("object"));
    const json &node = j["nodes"][0];
    QCOMPARE(js(node["pool"]), QStringLiteral("np"));
    QCOMPARE(js(node["ready"]), QStringLiteral("True"));
    QCOMPARE(js(node["conditions"]["MemoryPressure"]), QStringLiteral("False"));
    QCOMPARE(js(node["taints"][0]), QStringLiteral("node.kubernetes.io/unschedulable:NoSchedule"));
    QVERIFY(node["latest"].is_object() && node["latest"].empty()); // unmeasured: absent, never 0
    QCOMPARE(js(j["nodes"][1]["ready"]), QStringLiteral("Unknown"));
    QCOMPARE(js(j["nodes"][1]["pool"]), QStringLiteral(""));
}

void TstCheckReport::noSecrets() {
    const std::string text = sampleReport().toJson().dump();
    QVERIFY(text.find("s3cret") == std::string::npos);
    QVERIFY(text.find("t0ken") == std::string::npos);
    QVERIFY(text.find("admin") == std::string::npos);
}

void TstCheckReport::schemaCheckerRejects_data() {
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("replacement"); // JSON, or empty to remove the key
    QTest::addRow("wrong schema") << QStringLiteral("/schema") << QStringLiteral("\"v2\"");
    QTest::addRow("no findings") << QStringLiteral("/findings") << QString();
    QTest::addRow("severity") << QStringLiteral("/findings/0/severity")
                              << QStringLiteral("\"fatal\"");
    QTest::addRow("ready") << QStringLiteral("/nodes/0/ready") << QStringLiteral("\"yes\"");
    QTest::addRow("private") << QStringLiteral("/cluster/private") << QStringLiteral("\"no\"");
    QTest::addRow("samples") << QStringLiteral("/window/samples") << QStringLiteral("7.5");
    QTest::addRow("latest") << QStringLiteral("/nodes/0/latest")
                            << QStringLiteral("{\"cpuPercent\":\"high\"}");
    QTest::addRow("extra key") << QStringLiteral("/token") << QStringLiteral("\"x\"");
}

void TstCheckReport::schemaCheckerRejects() {
    QFETCH(QString, pointer);
    QFETCH(QString, replacement);
    json j = json::parse(sampleReport().toJson().dump());
    const json::json_pointer ptr(pointer.toStdString());
    if (replacement.isEmpty())
        j.at(ptr.parent_pointer()).erase(ptr.back());
    else
        j[ptr] = json::parse(replacement.toStdString());
    QVERIFY(!nt::test::ReportSchema::check(j).isEmpty());
}

void TstCheckReport::exitCode() {
    nt::CheckReport r = sampleReport();
    QCOMPARE(r.exitCode(), 1);
    r.findings << nt::Finding::fromCatalog("node.unknown", QStringLiteral("aks-np-1"));
    QCOMPARE(r.exitCode(), 2);
    r.findings = {nt::Finding::fromCatalog("npd.not-detected", QStringLiteral("aks-np-1"))};
    QCOMPARE(r.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TstCheckReport)
#include "tst_checkreport.moc"
