// `nodetriage check` with steps 2-6 end to end against the simulator: every step independent
// (a gather that fails makes only its step "error"), `latest` filled from the window's samples
// and left out where nothing was measured, and the DNS step against a dnsmasq on loopback.
#include "../dns/dnsmasqprocess.h"
#include "reportschema.h"
#include "testsupport.h"

#include <nlohmann/json.hpp>
#include <QTest>

using nlohmann::json;

namespace {

const QString kFqdn = QStringLiteral("myaks-dns-1a2b3c4d.hcp.westeurope.azmk8s.io");

json runCheck(const QStringList &args, int *exitCode, QString *err) {
    const auto r = nt::test::runProcess(nt::test::appBinary(),
                                        QStringList{QStringLiteral("check")} + args, 120000);
    *exitCode = r.exitCode;
    *err = QString::fromUtf8(r.err);
    return json::parse(r.out.toStdString(), nullptr, false);
}

QString status(const json &report, int step) {
    for (const json &s : report["steps"])
        if (s["number"] == step)
            return QString::fromStdString(s["status"].get<std::string>() + ' ' +
                                          s.value("note", std::string()));
    return {};
}

} // namespace

class TstCheckSteps : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void stepsAreIndependent();
    void latestFromTheWindow();
    void dnsBrokenAtTheWorkstation();

private:
    std::unique_ptr<nt::test::DnsmasqProcess> m_dns;
};

void TstCheckSteps::initTestCase() {
    m_dns = std::make_unique<nt::test::DnsmasqProcess>(
        QStringList{QStringLiteral("--address=/%1/20.61.183.92").arg(kFqdn)});
    QVERIFY2(m_dns->start(), qPrintable(m_dns->errorString()));
}

void TstCheckSteps::stepsAreIndependent() {
    // Deployments are forbidden: steps 2 and 3 cannot gather, the others still judge.
    nt::test::SimProcess sim(
        {QStringLiteral("--scenario"), QStringLiteral("healthy"), QStringLiteral("--fault"),
         QStringLiteral(
             R"({"path": "/apis/apps/v1/namespaces/kube-system/deployments", "status": 403})")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    int code = -1;
    QString err;
    const json report =
        runCheck({QStringLiteral("--kubeconfig"), sim.kubeconfig(), QStringLiteral("--duration"),
                  QStringLiteral("0"), QStringLiteral("--dns-server"), m_dns->server(),
                  QStringLiteral("--json"), QStringLiteral("-")},
                 &code, &err);
    QVERIFY2(!report.is_discarded(), qPrintable(err));
    QCOMPARE(nt::test::ReportSchema::check(report), QString());
    QVERIFY2(status(report, 2).startsWith(QStringLiteral("error ")), qPrintable(status(report, 2)));
    QVERIFY2(status(report, 2).contains(QStringLiteral("403")), qPrintable(status(report, 2)));
    QVERIFY2(status(report, 3).startsWith(QStringLiteral("error ")), qPrintable(status(report, 3)));
    for (int step : {1, 4, 5, 6})
        QVERIFY2(status(report, step).startsWith(QStringLiteral("pass")),
                 qPrintable(status(report, step)));
    QCOMPARE(code, 0); // an error step is not a finding
}

void TstCheckSteps::latestFromTheWindow() {
    nt::test::SimProcess sim(
        {QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    int code = -1;
    QString err;
    const json report =
        runCheck({QStringLiteral("--kubeconfig"), sim.kubeconfig(), QStringLiteral("--steps"),
                  QStringLiteral("1,6"), QStringLiteral("--duration"), QStringLiteral("2"),
                  QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--json"),
                  QStringLiteral("-")},
                 &code, &err);
    QVERIFY2(!report.is_discarded(), qPrintable(err));
    QCOMPARE(code, 2);
    int withLatest = 0;
    for (const json &n : report["nodes"]) {
        const json &latest = n["latest"];
        if (n["ready"] == "Unknown") {
            // The dead node answered nothing: nothing is made up for it.
            QCOMPARE(latest.size(), std::size_t(0));
            continue;
        }
        ++withLatest;
        for (const char *key :
             {"cpuPercent", "memoryPercent", "pidPercent", "fsPercent", "readIops", "writeIops"}) {
            QVERIFY2(latest.contains(key), key);
            QVERIFY2(latest[key].is_number() && latest[key].get<double>() >= 0, key);
        }
        QVERIFY(latest["cpuPercent"].get<double>() > 0 && latest["cpuPercent"].get<double>() < 100);
        QVERIFY(latest["writeIops"].get<double>() > 0);
    }
    QCOMPARE(withLatest, 3);
}

void TstCheckSteps::dnsBrokenAtTheWorkstation() {
    nt::test::DnsmasqProcess broken({QStringLiteral("--address=/%1/").arg(kFqdn)});
    QVERIFY2(broken.start(), qPrintable(broken.errorString()));
    nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("healthy")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    int code = -1;
    QString err;
    const json report =
        runCheck({QStringLiteral("--kubeconfig"), sim.kubeconfig(), QStringLiteral("--steps"),
                  QStringLiteral("3"), QStringLiteral("--duration"), QStringLiteral("0"),
                  QStringLiteral("--dns-server"), broken.server(), QStringLiteral("--json"),
                  QStringLiteral("-")},
                 &code, &err);
    QVERIFY2(!report.is_discarded(), qPrintable(err));
    QCOMPARE(code, 1);
    QCOMPARE(QString::fromStdString(report["cluster"]["fqdn"].get<std::string>()), kFqdn);
    QStringList ids;
    for (const json &f : report["findings"])
        ids << QString::fromStdString(f["id"].get<std::string>());
    ids.sort();
    QCOMPARE(ids, (QStringList{QStringLiteral("dns.probe-not-run"),
                               QStringLiteral("dns.workstation-failure")}));
    for (const json &f : report["findings"])
        if (f["id"] == "dns.workstation-failure")
            QVERIFY2(f["detail"].get<std::string>().find("NXDOMAIN") != std::string::npos,
                     f["detail"].dump().c_str());
}

QTEST_GUILESS_MAIN(TstCheckSteps)
#include "tst_checksteps2to6.moc"
