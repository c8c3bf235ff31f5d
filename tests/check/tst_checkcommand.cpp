// `nodetriage check` end to end: the real binary against the simulator (or nothing at all), its
// exit status, its stdout (pure JSON with --json -) and its one-line errors.
#include "kube/types.h"
#include "reportschema.h"
#include "testsupport.h"

#include <nlohmann/json.hpp>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

using nlohmann::json;

// A JSON value as text for QCOMPARE: strings as they are, anything else as JSON.
inline QString js(const nlohmann::json &v) {
    return QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump());
}

class TstCheckCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void healthy();
    void notReadyUnreachable();
    void humanSummaryWithJsonFile();
    void reportsIntoFifosStayFifos();
    void samplingWindow();
    void leasesForbidden();
    void nodesForbidden();
    void brokenKubeconfig();
    void unreachableServer();
    void execPluginPromptReachesStderr();
    void badArguments_data();
    void badArguments();
};

namespace {

QString text(const QByteArray &b) {
    return QString::fromUtf8(b);
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run check(const QStringList &args, int timeoutMs = 60000) {
    const auto r = nt::test::runProcess(nt::test::appBinary(),
                                        QStringList{QStringLiteral("check")} + args, timeoutMs);
    return {r.exitCode, text(r.out), text(r.err)};
}

// Lines of stderr, without the empty one after the final newline.
QStringList errLines(const Run &r) {
    return r.err.split(u'\n', Qt::SkipEmptyParts);
}

// The scenario's step-1 `expect:` entries as "id node-name", node refs ("nodepool1/2") resolved
// to the report's node names: pool label, and the VMSS instance id (6 base-36 digits) at the end.
QStringList expectedStepOne(const QString &scenario, const json &report) {
    const QString path = nt::test::sourceDir() + QStringLiteral("/resources/scenarios/") +
                         scenario + QStringLiteral(".yaml");
    const YAML::Node root = YAML::LoadFile(path.toStdString());
    QStringList expected;
    for (const YAML::Node &e : root["expect"]) {
        const QString id = QString::fromStdString(e["id"].as<std::string>());
        if (!id.startsWith(u"node."))
            continue;
        const QStringList ref = QString::fromStdString(e["node"].as<std::string>()).split(u'/');
        const QString suffix =
            QStringLiteral("vmss") +
            QStringLiteral("%1").arg(ref.value(1).toInt(), 6, 36, QLatin1Char('0'));
        QString name = QStringLiteral("<no node %1>").arg(ref.join(u'/'));
        for (const json &n : report["nodes"]) {
            const QString candidate = QString::fromStdString(n["name"].get<std::string>());
            if (QString::fromStdString(n["pool"].get<std::string>()) == ref.value(0) &&
                candidate.endsWith(suffix))
                name = candidate;
        }
        expected << id + u' ' + name;
    }
    expected.sort();
    return expected;
}

QStringList findingsAbove(const json &report, int step) {
    QStringList got;
    for (const json &f : report["findings"]) {
        if (f["step"] == step && f["severity"] != "info")
            got << QString::fromStdString(f["id"].get<std::string>() + ' ' +
                                          f.value("node", std::string()));
    }
    got.sort();
    return got;
}

json parseReport(const Run &r) {
    return json::parse(r.out.toStdString(), nullptr, false);
}

} // namespace

void TstCheckCommand::healthy() {
    nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("healthy")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const Run r =
        check({QStringLiteral("--kubeconfig"), sim.kubeconfig(), QStringLiteral("--steps"),
               QStringLiteral("1"), QStringLiteral("--duration"), QStringLiteral("0"),
               QStringLiteral("--json"), QStringLiteral("-")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out.left(2000)));
    const json report = parseReport(r); // stdout is nothing but the JSON document
    QVERIFY2(!report.is_discarded(), qPrintable(r.out.left(500)));
    QCOMPARE(nt::test::ReportSchema::check(report), QString());
    QCOMPARE(findingsAbove(report, 1), QStringList());
    QCOMPARE(report["nodes"].size(), std::size_t(3));
    QCOMPARE(report["steps"].size(), std::size_t(6));
    QCOMPARE(js(report["steps"][0]["status"]), QStringLiteral("pass"));
    for (int i = 1; i < 6; ++i)
        QCOMPARE(js(report["steps"][i]["status"]), QStringLiteral("skipped"));
    QCOMPARE(js(report["window"]["samples"]), QStringLiteral("1"));
    QCOMPARE(js(report["cluster"]["version"]), QStringLiteral("v1.30.4"));
    for (const json &n : report["nodes"]) {
        QCOMPARE(js(n["ready"]), QStringLiteral("True"));
        QVERIFY(!n["pool"].get<std::string>().empty());
    }

    // No credential from the kubeconfig reaches any output.
    QFile kubeconfig(sim.kubeconfig());
    QVERIFY(kubeconfig.open(QIODevice::ReadOnly));
    static const QRegularExpression secret(
        QStringLiteral(R"((?:token|client-key-data|client-certificate-data):\s*"?([^"\s]{12,}))"));
    auto it = secret.globalMatch(QString::fromUtf8(kubeconfig.readAll()));
    while (it.hasNext()) {
        const QString value = it.next().captured(1).left(40);
        QVERIFY(!r.out.contains(value));
        QVERIFY(!r.err.contains(value));
    }
}

void TstCheckCommand::notReadyUnreachable() {
    nt::test::SimProcess sim(
        {QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const Run r =
        check({QStringLiteral("--kubeconfig"), sim.kubeconfig(), QStringLiteral("--steps"),
               QStringLiteral("1"), QStringLiteral("--duration"), QStringLiteral("0"),
               QStringLiteral("--json"), QStringLiteral("-")});
    QVERIFY2(r.exitCode == 2, qPrintable(r.err));
    const json report = parseReport(r);
    QVERIFY(!report.is_discarded());
    QCOMPARE(nt::test::ReportSchema::check(report), QString());
    const QStringList expected = expectedStepOne(QStringLiteral("notready-unreachable"), report);
    QVERIFY(expected.size() >= 2);
    QCOMPARE(findingsAbove(report, 1), expected);
    QCOMPARE(js(report["steps"][0]["status"]), QStringLiteral("fail"));
    for (const json &f : report["findings"]) {
        if (f["id"] == "node.unknown") {
            QCOMPARE(js(f["severity"]), QStringLiteral("critical"));
            const std::string describe = "kubectl describe node " + f["node"].get<std::string>();
            QVERIFY(std::find(f["commands"].begin(), f["commands"].end(), describe) !=
                    f["commands"].end());
        }
    }
}

void TstCheckCommand::humanSummaryWithJsonFile() {
    nt::test::SimProcess sim(
        {QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.json"));
    const Run r =
        check({QStringLiteral("--kubeconfig"), sim.kubeconfig(), QStringLiteral("--steps"),
               QStringLiteral("1"), QStringLiteral("--duration"), QStringLiteral("0"),
               QStringLiteral("--json"), path, QStringLiteral("--pdf"),
               dir.filePath(QStringLiteral("r.pdf"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.contains(QStringLiteral("node.unknown")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("critical")));
    // The PDF is written beside the JSON (tests/report checks what is in it).
    QVERIFY2(!r.err.contains(QStringLiteral("not supported")), qPrintable(r.err));
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("r.pdf"))).size() > 1000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const json report = json::parse(file.readAll().toStdString(), nullptr, false);
    QCOMPARE(nt::test::ReportSchema::check(report), QString());
}

// `--json /dev/stdout`, `--pdf >(...)`: a device or a pipe is written in place. Writing a
// temporary file and renaming it over the target (right for a regular file) would replace
// /dev/null with a regular file for everyone on the machine.
void TstCheckCommand::reportsIntoFifosStayFifos() {
    nt::test::SimProcess sim(
        {QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    QTemporaryDir dir;
    const QString jsonFifo = dir.filePath(QStringLiteral("report.json"));
    const QString pdfFifo = dir.filePath(QStringLiteral("report.pdf"));
    for (const QString &f : {jsonFifo, pdfFifo})
        QVERIFY2(::mkfifo(QFile::encodeName(f).constData(), 0600) == 0, qPrintable(f));
    QProcess jsonReader, pdfReader;
    jsonReader.start(QStringLiteral("cat"), {jsonFifo});
    pdfReader.start(QStringLiteral("cat"), {pdfFifo});
    QVERIFY(jsonReader.waitForStarted() && pdfReader.waitForStarted());
    const Run r =
        check({QStringLiteral("--kubeconfig"), sim.kubeconfig(), QStringLiteral("--steps"),
               QStringLiteral("1"), QStringLiteral("--duration"), QStringLiteral("0"),
               QStringLiteral("--json"), jsonFifo, QStringLiteral("--pdf"), pdfFifo});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(jsonReader.waitForFinished(30000) && pdfReader.waitForFinished(30000));
    const json report =
        json::parse(jsonReader.readAllStandardOutput().toStdString(), nullptr, false);
    QCOMPARE(nt::test::ReportSchema::check(report), QString());
    QVERIFY(pdfReader.readAllStandardOutput().startsWith("%PDF-"));
    for (const QString &f : {jsonFifo, pdfFifo}) {
        struct stat st {};
        QVERIFY(::stat(QFile::encodeName(f).constData(), &st) == 0);
        QVERIFY2(S_ISFIFO(st.st_mode), qPrintable(f + QStringLiteral(" is no longer a FIFO")));
    }
}

void TstCheckCommand::samplingWindow() {
    nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("healthy")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const Run r =
        check({QStringLiteral("--kubeconfig"), sim.kubeconfig(), QStringLiteral("--steps"),
               QStringLiteral("1"), QStringLiteral("--duration"), QStringLiteral("2"),
               QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--json"),
               QStringLiteral("-")});
    QCOMPARE(r.exitCode, 0);
    const json report = parseReport(r);
    // Ticks at 1 s and 2 s; a first list slower than a second skips a tick rather than overrun.
    const int samples = report["window"]["samples"].get<int>();
    QVERIFY2(samples >= 2 && samples <= 3, qPrintable(QString::number(samples)));
    QCOMPARE(js(report["window"]["intervalSeconds"]), QStringLiteral("1"));
    const QDateTime start =
        nt::parseKubeTime(QString::fromStdString(report["window"]["start"].get<std::string>()));
    const QDateTime end =
        nt::parseKubeTime(QString::fromStdString(report["window"]["end"].get<std::string>()));
    QVERIFY(start.secsTo(end) >= 2);
    // Observed over time: no "one snapshot" note on step 1.
    QVERIFY(report["steps"][0].value("note", std::string()).find("one snapshot") ==
            std::string::npos);
    // One node list per sample, each answered from the API server's watch cache.
    int nodeLists = 0;
    for (const json &req : sim.recordedRequests()) {
        if (req.value("method", std::string()) == "GET" &&
            req.value("path", std::string()) == "/api/v1/nodes") {
            ++nodeLists;
            QVERIFY2(req.value("query", std::string()).find("resourceVersion=0") !=
                         std::string::npos,
                     req.dump().c_str());
        }
    }
    QCOMPARE(nodeLists, samples);
}

void TstCheckCommand::leasesForbidden() {
    // RBAC without access to kube-node-lease: a note and the Ready heartbeat, not a failure.
    nt::test::SimProcess sim(
        {QStringLiteral("--scenario"), QStringLiteral("healthy"), QStringLiteral("--fault"),
         QStringLiteral(
             R"({"path": "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases", "status": 403})")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const Run r =
        check({QStringLiteral("--kubeconfig"), sim.kubeconfig(), QStringLiteral("--steps"),
               QStringLiteral("1"), QStringLiteral("--duration"), QStringLiteral("0"),
               QStringLiteral("--json"), QStringLiteral("-")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out.left(3000)));
    const json report = parseReport(r);
    QCOMPARE(findingsAbove(report, 1), QStringList());
    const QString note = js(report["steps"][0]["note"]);
    QVERIFY2(note.contains(QStringLiteral("Node leases could not be read")), qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("403")), qPrintable(note));
}

void TstCheckCommand::nodesForbidden() {
    nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("healthy"),
                              QStringLiteral("--fault"),
                              QStringLiteral(R"({"path": "/api/v1/nodes", "status": 403})")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const Run r =
        check({QStringLiteral("--kubeconfig"), sim.kubeconfig(), QStringLiteral("--duration"),
               QStringLiteral("0"), QStringLiteral("--json"), QStringLiteral("-")});
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(errLines(r).size(), 1);
    QVERIFY2(r.err.contains(QStringLiteral("403")) && r.err.contains(QStringLiteral("nodes")),
             qPrintable(r.err));
    QCOMPARE(r.out, QString());
}

void TstCheckCommand::brokenKubeconfig() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kubeconfig"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: v1\nkind: Config\nclusters:\n- name: broken\n  cluster: {server: [\n");
    file.close();
    const Run r = check({QStringLiteral("--kubeconfig"), path, QStringLiteral("--duration"),
                         QStringLiteral("0"), QStringLiteral("--json"), QStringLiteral("-")});
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(errLines(r).size(), 1);
    QVERIFY2(QRegularExpression(QRegularExpression::escape(path) + QStringLiteral(":\\d+"))
                 .match(r.err)
                 .hasMatch(),
             qPrintable(r.err));
    QCOMPARE(r.out, QString()); // nothing half-written on stdout
}

void TstCheckCommand::unreachableServer() {
    // A port that was just free and is closed again: connecting to it is refused at once.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kubeconfig"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QStringLiteral("apiVersion: v1\nkind: Config\ncurrent-context: gone\n"
                       "clusters:\n- name: gone\n  cluster:\n    server: https://127.0.0.1:%1\n"
                       "    insecure-skip-tls-verify: true\n"
                       "users:\n- name: u\n  user:\n    token: abcdefabcdefabcdef\n"
                       "contexts:\n- name: gone\n  context: {cluster: gone, user: u}\n")
            .arg(port)
            .toUtf8());
    file.close();
    const Run r = check({QStringLiteral("--kubeconfig"), path, QStringLiteral("--duration"),
                         QStringLiteral("0"), QStringLiteral("--json"), QStringLiteral("-")});
    QCOMPARE(r.exitCode, 3);
    const QStringList lines = errLines(r);
    QVERIFY2(lines.size() == 1, qPrintable(r.err));
    QVERIFY2(lines.last().contains(QString::number(port)), qPrintable(r.err));
    QVERIFY2(lines.last().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(r.err));
    QVERIFY(!r.err.contains(QStringLiteral("abcdefabcdefabcdef")));
}

void TstCheckCommand::execPluginPromptReachesStderr() {
    // kubelogin prints its device-code prompt on stderr and waits; the check must pass it on as
    // it arrives (its main thread is blocked on results) and then carry on with the credential.
    nt::test::SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const YAML::Node simConfig = YAML::LoadFile(sim.kubeconfig().toStdString());
    std::string token, caData;
    for (const auto &user : simConfig["users"])
        if (user["name"].as<std::string>() == "sim-token")
            token = user["user"]["token"].as<std::string>();
    caData = simConfig["clusters"][0]["cluster"]["certificate-authority-data"].as<std::string>();
    QVERIFY(!token.empty());

    QTemporaryDir dir;
    const QString plugin = dir.filePath(QStringLiteral("kubelogin"));
    QFile script(plugin);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(QStringLiteral(
                     "#!/bin/sh\n"
                     "echo 'To sign in, open https://microsoft.com/devicelogin and enter the code "
                     "QWERTY123 to authenticate.' >&2\n"
                     "printf '{\"kind\":\"ExecCredential\",\"apiVersion\":"
                     "\"client.authentication.k8s.io/v1beta1\",\"status\":{\"token\":\"%1\"}}'\n")
                     .arg(QString::fromStdString(token))
                     .toUtf8());
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QString path = dir.filePath(QStringLiteral("kubeconfig"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(
                   "apiVersion: v1\nkind: Config\ncurrent-context: aad\n"
                   "clusters:\n- name: aks\n  cluster:\n    server: %1\n"
                   "    certificate-authority-data: %2\n"
                   "users:\n- name: aad-user\n  user:\n    exec:\n"
                   "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                   "      command: ./kubelogin\n"
                   "      args: [get-token, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630]\n"
                   "contexts:\n- name: aad\n  context: {cluster: aks, user: aad-user}\n")
                   .arg(sim.url(), QString::fromStdString(caData))
                   .toUtf8());
    file.close();

    const Run r = check({QStringLiteral("--kubeconfig"), path, QStringLiteral("--steps"),
                         QStringLiteral("1"), QStringLiteral("--duration"), QStringLiteral("0"),
                         QStringLiteral("--json"), QStringLiteral("-")});
    QVERIFY2(r.err.contains(QLatin1String("QWERTY123")), qPrintable(r.err));
    QCOMPARE(r.exitCode, 0);
    const json report = parseReport(r);
    QCOMPARE(report["nodes"].size(), size_t(3));
    QVERIFY(!r.out.contains(QString::fromStdString(token)));
    QVERIFY(!r.err.contains(QString::fromStdString(token)));
}

void TstCheckCommand::badArguments_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("step 9") << QStringList{QStringLiteral("--steps"), QStringLiteral("1,9")}
                            << QStringLiteral("--steps");
    QTest::addRow("reversed range") << QStringList{QStringLiteral("--steps"), QStringLiteral("6-1")}
                                    << QStringLiteral("--steps");
    QTest::addRow("negative duration")
        << QStringList{QStringLiteral("--duration"), QStringLiteral("-5")}
        << QStringLiteral("--duration");
    QTest::addRow("zero interval") << QStringList{QStringLiteral("--interval"), QStringLiteral("0")}
                                   << QStringLiteral("--interval");
    QTest::addRow("unknown option")
        << QStringList{QStringLiteral("--colour")} << QStringLiteral("colour");
    QTest::addRow("stray argument") << QStringList{QStringLiteral("now")} << QStringLiteral("now");
}

void TstCheckCommand::badArguments() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Run r = check(args);
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(errLines(r).size(), 1);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TstCheckCommand)
#include "tst_checkcommand.moc"
