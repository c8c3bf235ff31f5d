// The API client against the simulator: a real HTTPS API server on 127.0.0.1 that injects the
// faults (429/503, garbage, slowness, refusals) a real one shows in an incident.
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <set>

using namespace nt;

namespace {

ClusterAccess accessFor(const test::SimProcess &sim,
                        const QString &context = QStringLiteral("sim")) {
    auto config = Kubeconfig::load({sim.kubeconfig()});
    if (!config)
        qFatal("kubeconfig: %s", qPrintable(config.error()));
    auto access = config->resolve(context);
    if (!access)
        qFatal("resolve: %s", qPrintable(access.error()));
    return access.value();
}

QString fault(const char *json) {
    return QString::fromUtf8(json);
}

ClientOptions fastRetries() {
    ClientOptions options;
    options.backoffBaseMs = 20;
    options.maxAttempts = 4;
    return options;
}

template <typename T> T await(QFuture<T> future, int timeoutMs = 60000) {
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    if (!future.isFinished())
        qFatal("future did not finish within %d ms", timeoutMs);
    return future.result();
}

} // namespace

class TestKubeClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pagesThroughFiveThousandNodes() {
        test::SimProcess sim({QStringLiteral("--nodes"), QStringLiteral("5000")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(accessFor(sim));
        const KubeList list = await(client.list(QStringLiteral("/api/v1/nodes"), {}, 500));
        QVERIFY2(list.ok(), qPrintable(list.status.errorMessage));
        QCOMPARE(list.items.size(), size_t(5000));
        QCOMPARE(list.pages, 10);
        std::set<std::string> names;
        for (const auto &node : list.items)
            names.insert(node["metadata"]["name"].get<std::string>());
        QCOMPARE(names.size(), size_t(5000));
        // Every page asked for limit=500, and every page after the first carried a continue token.
        int pagesSeen = 0;
        for (const auto &r : sim.recordedRequests()) {
            if (r.value("path", std::string()) != "/api/v1/nodes")
                continue;
            const auto query = QString::fromStdString(r.value("query", std::string()));
            QVERIFY2(query.contains(QLatin1String("limit=500")), qPrintable(query));
            QCOMPARE(query.contains(QLatin1String("continue=")), pagesSeen > 0);
            ++pagesSeen;
        }
        QCOMPARE(pagesSeen, 10);
    }

    void retriesTransientErrors_data() {
        QTest::addColumn<QString>("faultSpec");
        QTest::addColumn<int>("expectedAttempts");
        QTest::addColumn<int>("minimumMs");
        QTest::addRow("503 twice")
            << fault(R"({"path":"/api/v1/nodes","status":503,"count":2})") << 3 << 0;
        QTest::addRow("429 with Retry-After 1")
            << fault(R"({"path":"/api/v1/nodes","status":429,"count":1,"retryAfter":1})") << 2
            << 1000;
        QTest::addRow("500 then 502")
            << fault(R"({"path":"/api/v1/nodes","status":500,"count":1})") << 2 << 0;
    }
    void retriesTransientErrors() {
        QFETCH(QString, faultSpec);
        QFETCH(int, expectedAttempts);
        QFETCH(int, minimumMs);
        test::SimProcess sim({QStringLiteral("--fault"), faultSpec});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(accessFor(sim), fastRetries());
        QElapsedTimer timer;
        timer.start();
        const KubeResponse r = await(client.get(QStringLiteral("/api/v1/nodes")));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage));
        QCOMPARE(r.attempts, expectedAttempts);
        QVERIFY(timer.elapsed() >= minimumMs); // Retry-After honoured, not cut short
        QCOMPARE(r.json()["kind"].get<std::string>(), std::string("NodeList"));
    }

    void givesUpWithClearMessage() {
        test::SimProcess sim(
            {QStringLiteral("--fault"), fault(R"({"path":"/api/v1/nodes","status":503})")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(accessFor(sim), fastRetries());
        const KubeResponse r = await(client.get(QStringLiteral("/api/v1/nodes")));
        QCOMPARE(toString(r.error), toString(KubeErrorKind::Server));
        QCOMPARE(r.attempts, 4);
        QVERIFY2(r.errorMessage.contains(QLatin1String("503")), qPrintable(r.errorMessage));
        QVERIFY2(r.errorMessage.contains(QLatin1String("list nodes")), qPrintable(r.errorMessage));
        QVERIFY2(r.errorMessage.contains(sim.url()), qPrintable(r.errorMessage));
    }

    void doesNotRetryMutations() {
        test::SimProcess sim(
            {QStringLiteral("--fault"),
             fault(R"({"method":"POST","path":".*/pods","status":503,"count":1})")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(accessFor(sim), fastRetries());
        const KubeResponse r =
            await(client.post(QStringLiteral("/api/v1/namespaces/default/pods"),
                              R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"}})"));
        QCOMPARE(toString(r.error), toString(KubeErrorKind::Server));
        QCOMPARE(r.attempts, 1);
    }

    void unauthorizedNamesUserAndRequest() {
        test::SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        ClusterAccess access = accessFor(sim, QStringLiteral("sim-token"));
        const QString canary = QStringLiteral("canary-token-4f9a1c");
        access.token = canary;
        KubeClient client(access);
        const KubeResponse r =
            await(client.list(QStringLiteral("/api/v1/namespaces/kube-system/pods"))).status;
        QCOMPARE(toString(r.error), toString(KubeErrorKind::Unauthorized));
        QVERIFY2(r.errorMessage.startsWith(QLatin1String("401")), qPrintable(r.errorMessage));
        QVERIFY2(r.errorMessage.contains(access.userName), qPrintable(r.errorMessage));
        QVERIFY2(r.errorMessage.contains(QLatin1String("list pods in namespace kube-system")),
                 qPrintable(r.errorMessage));
        QVERIFY(!r.errorMessage.contains(canary));
    }

    void forbiddenNamesVerbResourceNamespace() {
        test::SimProcess sim(
            {QStringLiteral("--fault"),
             fault(R"({"path":"/api/v1/namespaces/kube-system/pods/.*/log","status":403})")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(accessFor(sim));
        LogOptions options;
        options.tailLines = 50;
        const KubeResponse r = await(client.podLogs(
            QStringLiteral("kube-system"), QStringLiteral("konnectivity-agent-x"), options));
        QCOMPARE(toString(r.error), toString(KubeErrorKind::Forbidden));
        QVERIFY2(r.errorMessage.contains(
                     QLatin1String("403 Forbidden: user 'sim-admin' may not get pods/log "
                                   "konnectivity-agent-x in namespace kube-system")),
                 qPrintable(r.errorMessage));
        QCOMPARE(r.attempts, 1); // 403 is final
    }

    void wrongCertificateAuthorityFailsTls() {
        test::SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        test::SimProcess other; // another simulator: another CA
        QVERIFY2(other.start(), qPrintable(other.errorString()));
        ClusterAccess access = accessFor(sim);
        access.caPem = accessFor(other).caPem;
        KubeClient client(access);
        const KubeResponse r = await(client.version());
        QCOMPARE(toString(r.error), toString(KubeErrorKind::Tls));
        QVERIFY2(r.errorMessage.contains(QLatin1String("TLS verification")),
                 qPrintable(r.errorMessage));
        QVERIFY2(r.errorMessage.contains(access.sourceFile), qPrintable(r.errorMessage));

        // insecure-skip-tls-verify lets the same request through (the UI warns about it).
        access.insecureSkipTlsVerify = true;
        KubeClient insecure(access);
        QVERIFY(await(insecure.version()).ok());
    }

    void connectionRefusedAndTimeout() {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        ClusterAccess access;
        access.contextName = QStringLiteral("nowhere");
        access.server = QStringLiteral("https://127.0.0.1:%1").arg(closedPort);
        KubeClient client(access);
        const KubeResponse refused = await(client.version());
        QCOMPARE(toString(refused.error), toString(KubeErrorKind::ConnectionRefused));
        QVERIFY2(refused.errorMessage.contains(QStringLiteral("127.0.0.1:%1").arg(closedPort)),
                 qPrintable(refused.errorMessage));

        test::SimProcess sim(
            {QStringLiteral("--fault"), fault(R"({"path":"/version","delayMs":5000})")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient slow(accessFor(sim));
        KubeRequest request;
        request.path = QStringLiteral("/version");
        request.timeoutMs = 300;
        request.retryable = false;
        QElapsedTimer timer;
        timer.start();
        const KubeResponse late = await(slow.send(request));
        QCOMPARE(toString(late.error), toString(KubeErrorKind::Timeout));
        QVERIFY(timer.elapsed() < 4000);
        QVERIFY2(late.errorMessage.contains(QLatin1String("No answer")),
                 qPrintable(late.errorMessage));
    }

    void garbageIsReportedNotParsed() {
        test::SimProcess sim(
            {QStringLiteral("--fault"), fault(R"({"path":"/api/v1/nodes","garbage":true})")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(accessFor(sim));
        const KubeResponse single = await(client.get(QStringLiteral("/api/v1/nodes")));
        QCOMPARE(toString(single.error), toString(KubeErrorKind::BadResponse));
        const KubeList list = await(client.list(QStringLiteral("/api/v1/nodes")));
        QCOMPARE(toString(list.status.error), toString(KubeErrorKind::BadResponse));
        QVERIFY(!list.status.errorMessage.isEmpty());
    }

    void cancellationStopsARequest() {
        test::SimProcess sim(
            {QStringLiteral("--fault"), fault(R"({"path":"/version","delayMs":20000})")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(accessFor(sim));
        QFuture<KubeResponse> future = client.version();
        QElapsedTimer timer;
        timer.start();
        future.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 5000);
        QVERIFY(future.isCanceled());
        QVERIFY(timer.elapsed() < 5000);
        // The client stays usable after a cancellation.
        QVERIFY(await(client.get(QStringLiteral("/api/v1/nodes"))).ok());
    }

    void strategicMergePatchRestartsDeployment() {
        test::SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(accessFor(sim));
        const QString path =
            QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments/konnectivity-agent");
        const QByteArray body =
            R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-28T07:00:00Z"}}}}})";
        const KubeResponse r = await(
            client.patch(path, body, PatchType::StrategicMerge, QStringLiteral("kubectl-rollout")));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage));
        const auto deployment = await(client.get(path)).json();
        QCOMPARE(deployment["spec"]["template"]["metadata"]["annotations"]
                           ["kubectl.kubernetes.io/restartedAt"]
                               .get<std::string>(),
                 std::string("2026-11-28T07:00:00Z"));
        bool recorded = false;
        for (const auto &req : sim.recordedRequests())
            recorded |=
                req.value("method", std::string()) == "PATCH" &&
                req.value("contentType", std::string()) == "application/strategic-merge-patch+json";
        QVERIFY(recorded);
    }

    void podLogsHonourTailLines() {
        test::SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        KubeClient client(accessFor(sim));
        const KubeList pods =
            await(client.list(QStringLiteral("/api/v1/namespaces/kube-system/pods"),
                              QUrlQuery(QStringLiteral("labelSelector=app%3Dkonnectivity-agent"))));
        QVERIFY2(pods.ok(), qPrintable(pods.status.errorMessage));
        QVERIFY(!pods.items.empty());
        const QString pod =
            QString::fromStdString(pods.items[0]["metadata"]["name"].get<std::string>());
        LogOptions options;
        options.tailLines = 3;
        const KubeResponse log = await(client.podLogs(QStringLiteral("kube-system"), pod, options));
        QVERIFY2(log.ok(), qPrintable(log.errorMessage));
        const auto lines = log.body.trimmed().split('\n');
        QVERIFY(!log.body.isEmpty());
        QVERIFY2(lines.size() <= 3, log.body.constData());
    }

    void execCredentialRefreshedOn401() {
        // A plugin whose first token is stale (the API server says 401) and whose second is
        // valid: the client must run it again once and succeed, as kubectl does with kubelogin.
        test::SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        const ClusterAccess tokenAccess = accessFor(sim, QStringLiteral("sim-token"));
        QTemporaryDir dir;
        const QString counter = dir.filePath(QStringLiteral("count"));
        const QString script = dir.filePath(QStringLiteral("plugin.sh"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral(
                "#!/bin/sh\n"
                "n=$(cat '%1' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '%1'\n"
                "if [ $n -eq 1 ]; then t=stale-token; else t='%2'; fi\n"
                "printf "
                "'{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
                "\"status\":{\"token\":\"%s\"}}' \"$t\"\n")
                .arg(counter, tokenAccess.token)
                .toUtf8());
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

        ClusterAccess access = tokenAccess;
        access.token.clear();
        ExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        exec.command = script;
        exec.interactiveMode = QStringLiteral("Never");
        access.exec = exec;
        KubeClient client(access);
        const KubeResponse r = await(client.get(QStringLiteral("/api/v1/nodes")));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage));
        QFile count(counter);
        QVERIFY(count.open(QIODevice::ReadOnly));
        QCOMPARE(count.readAll().trimmed(), QByteArray("2"));
        // The refreshed credential is cached: the next request does not run the plugin again.
        QVERIFY(await(client.get(QStringLiteral("/version"))).ok());
        count.seek(0);
        QCOMPARE(count.readAll().trimmed(), QByteArray("2"));
    }
};

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
