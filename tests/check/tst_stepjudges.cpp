// The judges of steps 2-6 on fixtures (tests/check/fixtures/steps/*.json): each fixture names
// its step, its typed input (nodes, deployments, pods, logs, events, DNS vantages, metric series
// that go into a real MetricStore) and the exact findings (id, node, object) and status the
// judge must produce. Older and foreign API shapes are fixtures too.
#include "check/stepfive.h"
#include "check/stepfour.h"
#include "check/stepsix.h"
#include "check/stepthree.h"
#include "check/steptwo.h"
#include "check/usagejudge.h"
#include "testsupport.h"

#include <nlohmann/json.hpp>
#include <QDir>
#include <QFile>
#include <QTest>

using nlohmann::json;

namespace {

QString str(const json &j, const char *key) {
    return j.contains(key) && j[key].is_string() ? QString::fromStdString(j[key].get<std::string>())
                                                 : QString();
}

template <typename T> QList<T> listOf(const json &fx, const char *key, T (*from)(const json &)) {
    QList<T> out;
    if (fx.contains(key))
        for (const json &j : fx[key])
            out << from(j);
    return out;
}

nt::DnsVantage vantage(const json &j) {
    nt::DnsVantage v;
    if (!j.is_object())
        return v;
    v.ran = j.value("ran", true);
    v.why = str(j, "why");
    v.detail = str(j, "detail");
    for (const json &a : j.value("addresses", json::array()))
        v.addresses << QString::fromStdString(a.get<std::string>());
    v.resolved = !v.addresses.isEmpty();
    return v;
}

// Series are laid out 5 s apart from `fromMs`, one bucket each.
void fillStore(nt::MetricStore &store, const json &series, qint64 fromMs) {
    std::vector<nt::StoreSample> batch;
    for (auto node = series.begin(); node != series.end(); ++node) {
        const nt::NodeId id = store.addNode(QString::fromStdString(node.key()));
        for (auto m = node.value().begin(); m != node.value().end(); ++m) {
            const auto metric = nt::metricFromKey(m.key());
            QVERIFY2(metric.has_value(), m.key().c_str());
            qint64 t = fromMs;
            for (const json &v : m.value()) {
                batch.push_back({id, *metric, t, v.get<double>()});
                t += 5000;
            }
        }
    }
    QCOMPARE(store.ingest(batch), int(batch.size()));
}

nt::StepOutcome judge(const json &fx) {
    const int step = fx["step"].get<int>();
    const QDateTime now = nt::parseKubeTime(str(fx, "now"));
    const QList<nt::Node> nodes = listOf(fx, "nodes", &nt::Node::fromJson);
    const QList<nt::Event> events = listOf(fx, "events", &nt::Event::fromJson);
    if (step == 1) { // the readiness flaps seen in events (usagejudge.h)
        nt::StepOutcome out;
        out.findings = nt::judgeFlapEvents(nodes, events, now, {});
        out.finish(1);
        return out;
    }
    if (step == 2) {
        nt::StepTwoInput in;
        in.nodes = nodes;
        in.now = now;
        in.aks = fx.value("aks", true);
        in.vnetIntegrated = fx.value("vnetIntegrated", false);
        for (const nt::Deployment &d : listOf(fx, "deployments", &nt::Deployment::fromJson)) {
            if (d.meta.name == u"tunnelfront" || d.meta.name == u"aks-link")
                in.legacy << d;
            else
                in.agents << d;
        }
        in.agentPods = listOf(fx, "pods", &nt::Pod::fromJson);
        in.legacyPods = in.agentPods;
        if (fx.contains("logs"))
            for (auto it = fx["logs"].begin(); it != fx["logs"].end(); ++it) {
                nt::PodLog log;
                log.text = str(it.value(), "text");
                log.error = str(it.value(), "error");
                log.failed = !log.error.isEmpty();
                in.logs.insert(QString::fromStdString(it.key()), log);
            }
        return nt::judgeStepTwo(in);
    }
    if (step == 3) {
        nt::StepThreeInput in;
        const json &dns = fx["dns"];
        in.fqdn = str(dns, "fqdn");
        in.fqdnSource = QStringLiteral("fixture");
        in.workstation = vantage(dns.value("workstation", json()));
        in.pod = vantage(dns.value("pod", json()));
        in.node = vantage(dns.value("node", json()));
        in.probeObject = str(dns, "probeObject");
        const QList<nt::Deployment> d = listOf(fx, "deployments", &nt::Deployment::fromJson);
        if (!d.isEmpty())
            in.coredns = d.first();
        in.corednsPods = listOf(fx, "pods", &nt::Pod::fromJson);
        return nt::judgeStepThree(in);
    }
    if (step == 5) {
        nt::StepFiveInput in;
        in.nodes = nodes;
        in.events = events;
        in.now = now;
        return nt::judgeStepFive(in);
    }
    auto filled = std::make_unique<nt::MetricStore>();
    const qint64 from = now.toMSecsSinceEpoch() - 60000;
    fillStore(*filled, fx.value("series", json::object()), from);
    nt::StepOutcome out;
    if (step == 4) {
        nt::StepFourInput in;
        in.nodes = nodes;
        in.events = events;
        in.now = now;
        in.store = filled.get();
        in.fromMs = from;
        in.toMs = now.toMSecsSinceEpoch();
        in.serverVersion = str(fx, "serverVersion");
        if (fx.contains("metricsErrors"))
            for (auto it = fx["metricsErrors"].begin(); it != fx["metricsErrors"].end(); ++it)
                in.metricsErrors.insert(QString::fromStdString(it.key()),
                                        QString::fromStdString(it.value().get<std::string>()));
        out = nt::judgeStepFour(in);
    } else {
        nt::StepSixInput in;
        in.nodes = nodes;
        in.store = filled.get();
        in.fromMs = from;
        in.toMs = now.toMSecsSinceEpoch();
        out = nt::judgeStepSix(in);
    }
    return out;
}

QStringList ids(const QList<nt::Finding> &findings) {
    QStringList out;
    for (const nt::Finding &f : findings)
        out << QStringLiteral("%1 %2 %3")
                   .arg(f.id, f.node.isEmpty() ? QStringLiteral("-") : f.node,
                        f.object.isEmpty() ? QStringLiteral("-") : f.object);
    out.sort();
    return out;
}

} // namespace

class TstStepJudges : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixtures_data();
    void fixtures();
};

void TstStepJudges::fixtures_data() {
    QTest::addColumn<QString>("path");
    const QDir dir(nt::test::sourceDir() + QStringLiteral("/tests/check/fixtures/steps"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 10);
    for (const QString &f : files)
        QTest::addRow("%s", qPrintable(f)) << dir.filePath(f);
}

void TstStepJudges::fixtures() {
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const json fx = json::parse(file.readAll().toStdString());
    const nt::StepOutcome out = judge(fx);
    QStringList expected;
    for (const json &e : fx["expect"])
        expected << QStringLiteral("%1 %2 %3")
                        .arg(str(e, "id"),
                             e.contains("node") ? str(e, "node") : QStringLiteral("-"),
                             e.contains("object") ? str(e, "object") : QStringLiteral("-"));
    expected.sort();
    QCOMPARE(ids(out.findings), expected);
    QCOMPARE(nt::toString(out.status), str(fx, "status"));
    const int step = fx["step"].get<int>();
    for (const nt::Finding &f : out.findings) {
        QCOMPARE(f.step, step);
        QVERIFY2(!f.detail.isEmpty(), qPrintable(f.id));
        QVERIFY2(!f.remediation.isEmpty(), qPrintable(f.id));
        // Problems carry evidence and something to run; info findings may say only why.
        if (f.severity != nt::Severity::Info) {
            QVERIFY2(!f.evidence.isEmpty(), qPrintable(f.id));
            QVERIFY2(!f.commands.isEmpty(), qPrintable(f.id));
        }
    }
    for (const json &n : fx.value("notesContain", json::array())) {
        const QString want = QString::fromStdString(n.get<std::string>());
        QVERIFY2(out.notes.join(u'\n').contains(want), qPrintable(out.notes.join(u'\n')));
    }
    for (const json &n : fx.value("evidenceContains", json::array())) {
        const QString want = QString::fromStdString(n.get<std::string>());
        bool found = false;
        for (const nt::Finding &f : out.findings)
            found = found || f.evidence.join(u'\n').contains(want) || f.detail.contains(want);
        QVERIFY2(found, qPrintable(want));
    }
}

QTEST_GUILESS_MAIN(TstStepJudges)
#include "tst_stepjudges.moc"
