// The step-1 judge on fixtures (tests/check/fixtures/*.json): each names its input (nodes,
// leases or the error that replaced them, readiness observations, `now`) and the exact findings,
// status and notes the judge must produce.
#include "check/stepone.h"
#include "testsupport.h"

#include <nlohmann/json.hpp>
#include <QDir>
#include <QFile>
#include <QTest>

using nlohmann::json;

namespace {

QString fixtureDir() {
    return nt::test::sourceDir() + QStringLiteral("/tests/check/fixtures");
}

QString str(const json &j) {
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

nt::StepOneInput inputFrom(const json &fx) {
    nt::StepOneInput in;
    in.now = nt::parseKubeTime(str(fx["now"]));
    for (const json &n : fx["nodes"])
        in.nodes << nt::Node::fromJson(n);
    if (fx.contains("leases")) {
        QList<nt::Lease> leases;
        for (const json &l : fx["leases"])
            leases << nt::Lease::fromJson(l);
        in.leases = leases;
    } else {
        in.leasesError = str(fx.value("leasesError", json()));
    }
    if (fx.contains("readiness")) {
        for (auto it = fx["readiness"].begin(); it != fx["readiness"].end(); ++it) {
            QList<nt::ReadinessSample> samples;
            for (const json &s : it.value())
                samples << nt::ReadinessSample{nt::parseKubeTime(str(s[0])), str(s[1]),
                                               nt::parseKubeTime(str(s[2]))};
            in.readiness.insert(QString::fromStdString(it.key()), samples);
        }
    }
    return in;
}

} // namespace

class TstStepOne : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void commandsNameTheCluster();
    void readinessChanges();
    void oneSnapshotNote();
};

void TstStepOne::fixtures_data() {
    QTest::addColumn<QString>("path");
    const QStringList files = QDir(fixtureDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY2(files.size() >= 10, qPrintable(fixtureDir()));
    for (const QString &f : files)
        QTest::addRow("%s", qPrintable(f.chopped(5))) << fixtureDir() + u'/' + f;
}

void TstStepOne::fixtures() {
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const json fx = json::parse(file.readAll().toStdString());
    const nt::StepOneResult result = nt::judgeStepOne(inputFrom(fx));

    QStringList got;
    for (const nt::Finding &f : result.findings) {
        got << f.id + u' ' + f.node;
        QVERIFY2(!f.title.isEmpty() && !f.detail.isEmpty() && !f.remediation.isEmpty(),
                 qPrintable(f.id));
        QVERIFY2(!f.evidence.isEmpty(), qPrintable(f.id));
        QVERIFY2(!f.commands.isEmpty() && f.commands.first().contains(f.node), qPrintable(f.id));
        QCOMPARE(f.step, 1);
    }
    QStringList expected;
    for (const json &e : fx["expect"])
        expected << str(e[0]) + u' ' + str(e[1]);
    got.sort();
    expected.sort();
    QCOMPARE(got, expected);
    QCOMPARE(nt::toString(result.status), str(fx["status"]));
    const QString notes = result.notes.join(u'\n');
    for (const json &n : fx.value("notes", json::array()))
        QVERIFY2(notes.contains(str(n)), qPrintable(str(n) + QStringLiteral(" not in: ") + notes));
}

void TstStepOne::commandsNameTheCluster() {
    QFile file(fixtureDir() + QStringLiteral("/unknown-unreachable.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const nt::StepOneResult result =
        nt::judgeStepOne(inputFrom(json::parse(file.readAll().toStdString())));
    const auto it = std::find_if(result.findings.begin(), result.findings.end(),
                                 [](const nt::Finding &f) { return f.id == u"node.unknown"; });
    QVERIFY(it != result.findings.end());
    QCOMPARE(nt::toString(it->severity), QStringLiteral("critical"));
    QVERIFY(it->detail.contains(QStringLiteral("Kubelet stopped posting node status.")));
    const QString node = QStringLiteral("aks-nodepool1-12345678-vmss000001");
    QVERIFY(it->commands.contains(QStringLiteral("kubectl describe node ") + node));
    QVERIFY(it->commands.contains(
        QStringLiteral("az vmss restart --resource-group mc_rg-myaks_myaks_westeurope "
                       "--name aks-nodepool1-12345678-vmss --instance-ids 1")));
    const auto taint =
        std::find_if(result.findings.begin(), result.findings.end(),
                     [](const nt::Finding &f) { return f.id == u"node.unreachable-taint"; });
    QVERIFY(taint != result.findings.end());
    QVERIFY(taint->detail.contains(QStringLiteral("node.kubernetes.io/unreachable:NoExecute")));
    QVERIFY(taint->evidence.join(u' ').contains(QStringLiteral("timeAdded=2026-11-28T05:51:05Z")));
    // Ready Unknown already means "stopped reporting": the stale lease is its evidence, not a
    // finding of its own.
    QVERIFY(
        it->evidence.join(u' ').contains(QStringLiteral("Lease kube-node-lease/") + node +
                                         QStringLiteral(" spec.renewTime=2026-11-28T05:50:10Z")));
}

void TstStepOne::readinessChanges() {
    const QDateTime now = nt::parseKubeTime(QStringLiteral("2026-11-28T06:00:00Z"));
    const auto at = [&now](int secondsAgo) { return now.addSecs(-secondsAgo); };
    QList<nt::ReadinessSample> s{{at(100), QStringLiteral("True"), {}},
                                 {at(50), QStringLiteral("False"), {}},
                                 {at(0), QStringLiteral("True"), {}}};
    QCOMPARE(nt::readinessChanges(s, now, 900), 2);
    QCOMPARE(nt::readinessChanges(s, now, 40), 1); // the first change was seen before the window
    QCOMPARE(nt::readinessChanges({}, now, 900), 0);
}

void TstStepOne::oneSnapshotNote() {
    QFile file(fixtureDir() + QStringLiteral("/healthy.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const nt::StepOneResult result =
        nt::judgeStepOne(inputFrom(json::parse(file.readAll().toStdString())));
    QVERIFY(result.notes.join(u' ').contains(QStringLiteral("one snapshot")));
}

QTEST_GUILESS_MAIN(TstStepOne)
#include "tst_stepone.moc"
