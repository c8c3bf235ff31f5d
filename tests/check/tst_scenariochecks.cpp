// The acceptance test of the checks: for every scenario in resources/scenarios (globbed, so new
// ones are included) the real `nodetriage check --json -` against the simulator yields the
// scenario's `expect:` finding ids on the right nodes and objects. The workstation resolves the
// API server name against a dnsmasq holding the scenario's DNS answers; the probe pod runs only
// with --allow-changes, and without it the simulator records no mutating request.
#include "../dns/dnsmasqprocess.h"
#include "reportschema.h"
#include "testsupport.h"

#include <nlohmann/json.hpp>
#include <QDir>
#include <QFile>
#include <QTest>
#include <yaml-cpp/yaml.h>

using nlohmann::json;

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QString scenarioDir() {
    return nt::test::sourceDir() + QStringLiteral("/resources/scenarios");
}

// "pool/index" -> the report's node name (pool label + VMSS instance suffix in base 36).
QString nodeName(const json &report, const QString &ref) {
    const QStringList parts = ref.split(u'/');
    const QString suffix =
        QStringLiteral("vmss") +
        QStringLiteral("%1").arg(parts.value(1).toInt(), 6, 36, QLatin1Char('0'));
    for (const json &n : report["nodes"]) {
        const QString name = q(n["name"].get<std::string>());
        if (q(n["pool"].get<std::string>()) == parts.value(0) && name.endsWith(suffix))
            return name;
    }
    return QStringLiteral("<no node %1>").arg(ref);
}

QString findingKey(const QString &id, const QString &node, const QString &object) {
    return id + u' ' + (node.isEmpty() ? QStringLiteral("-") : node) + u' ' +
           (object.isEmpty() ? QStringLiteral("-") : object);
}

// The dnsmasq record for what the workstation gets (an address, NXDOMAIN, or no answer).
QString dnsRecord(const QString &fqdn, const QString &answer) {
    if (answer.compare(QStringLiteral("NXDOMAIN"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("--address=/%1/").arg(fqdn);
    if (answer.compare(QStringLiteral("timeout"), Qt::CaseInsensitive) == 0 ||
        answer.compare(QStringLiteral("SERVFAIL"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("--server=/%1/127.0.0.1#1").arg(fqdn); // forwards into nothing
    return QStringLiteral("--address=/%1/%2").arg(fqdn, answer);
}

} // namespace

class TstScenarioChecks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void expectedFindings_data();
    void expectedFindings();
};

void TstScenarioChecks::expectedFindings_data() {
    QTest::addColumn<QString>("scenario");
    const QStringList files =
        QDir(scenarioDir()).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 2);
    for (const QString &f : files)
        QTest::addRow("%s", qPrintable(f.chopped(5))) << f.chopped(5);
}

void TstScenarioChecks::expectedFindings() {
    QFETCH(QString, scenario);
    const YAML::Node root = YAML::LoadFile(
        QString(scenarioDir() + u'/' + scenario + QStringLiteral(".yaml")).toStdString());
    const YAML::Node cluster = root["cluster"];
    const QString fqdn = q(cluster["fqdn"].as<std::string>(""));
    const YAML::Node dns = cluster["dns"];
    // An address that is never contacted: the test only ever talks to 127.0.0.1.
    QString workstation = QStringLiteral("20.61.183.92");
    if (dns && dns["workstation"])
        workstation = q(dns["workstation"].as<std::string>());
    else if (dns && dns["publicAddress"])
        workstation = q(dns["publicAddress"].as<std::string>());
    bool needsProbe = false;
    for (const YAML::Node &e : root["expect"])
        needsProbe = needsProbe || q(e["id"].as<std::string>()).startsWith(u"dns.pod");

    nt::test::DnsmasqProcess dnsmasq({dnsRecord(fqdn, workstation)});
    QVERIFY2(dnsmasq.start(), qPrintable(dnsmasq.errorString()));
    nt::test::SimProcess sim({QStringLiteral("--scenario"), scenario});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));

    QStringList args{QStringLiteral("check"), QStringLiteral("--kubeconfig"),
                     sim.kubeconfig(),        QStringLiteral("--json"),
                     QStringLiteral("-"),     QStringLiteral("--duration"),
                     QStringLiteral("3"),     QStringLiteral("--interval"),
                     QStringLiteral("1"),     QStringLiteral("--dns-server"),
                     dnsmasq.server()};
    if (needsProbe)
        args << QStringLiteral("--allow-changes") << QStringLiteral("--probe-timeout")
             << QStringLiteral("20");
    const auto r = nt::test::runProcess(nt::test::appBinary(), args, 180000);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(r.exitCode >= 0 && r.exitCode <= 2, qPrintable(err));
    const json report = json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY2(!report.is_discarded(), qPrintable(QString::fromUtf8(r.out.left(500)) + err));
    QCOMPARE(nt::test::ReportSchema::check(report), QString());
    // Every step ran (none skipped, none failed to gather).
    for (const json &s : report["steps"]) {
        const QString status = q(s["status"].get<std::string>());
        QVERIFY2(status != u"skipped" && status != u"error",
                 qPrintable(QStringLiteral("step %1: %2 %3")
                                .arg(s["number"].get<int>())
                                .arg(status, q(s.value("note", std::string())))));
    }

    QSet<QString> got;
    QStringList problems;
    for (const json &f : report["findings"]) {
        const QString id = q(f["id"].get<std::string>());
        const QString node = q(f.value("node", std::string()));
        const QString object = q(f.value("object", std::string()));
        got << findingKey(id, node, object) << findingKey(id, node, {})
            << findingKey(id, {}, object) << findingKey(id, {}, {});
        if (f["severity"] != "info")
            problems << findingKey(id, node, object);
    }
    QStringList missing;
    for (const YAML::Node &e : root["expect"]) {
        const QString id = q(e["id"].as<std::string>());
        const QString node =
            e["node"] ? nodeName(report, q(e["node"].as<std::string>())) : QString();
        const QString object = e["object"] ? q(e["object"].as<std::string>()) : QString();
        if (!got.contains(findingKey(id, node, object)))
            missing << findingKey(id, node, object);
    }
    problems.sort();
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("missing: %1\nreported: %2")
                                               .arg(missing.join(QStringLiteral("; ")),
                                                    problems.join(QStringLiteral("; ")))));
    if (root["expect"].size() == 0)
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));

    // What the check asked the cluster to change: nothing without --allow-changes; with it, the
    // probe pod's create and its delete, and nothing else.
    QStringList mutating;
    for (const json &req : sim.recordedRequests()) {
        const std::string method = req.value("method", std::string());
        if (method != "GET")
            mutating << q(method + ' ' + req.value("path", std::string()));
    }
    if (!needsProbe) {
        QVERIFY2(mutating.isEmpty(), qPrintable(mutating.join(u'\n')));
    } else {
        QCOMPARE(mutating.size(), 2);
        QVERIFY2(mutating[0].startsWith(QStringLiteral("POST /api/v1/namespaces/default/pods")),
                 qPrintable(mutating[0]));
        QVERIFY2(mutating[1].startsWith(QStringLiteral(
                     "DELETE /api/v1/namespaces/default/pods/nodetriage-dns-probe-")),
                 qPrintable(mutating[1]));
    }
    // The API server name was really asked of the test's DNS server.
    QTRY_VERIFY2(dnsmasq.log().contains(fqdn), qPrintable(dnsmasq.log()));
}

QTEST_GUILESS_MAIN(TstScenarioChecks)
#include "tst_scenariochecks.moc"
