// Exec credential plugins, driven by /bin/sh plugins the test writes into a temporary folder. The
// standard plugin counts its runs in {d}/count, records KUBERNETES_EXEC_INFO in {d}/execinfo.json
// and prints {d}/response.json, so each test sets the answer and inspects what the plugin saw.
// Waiting plugins block on `read` (a shell builtin: killing the shell leaves no orphan behind).
#include "kube/execcredential.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <signal.h>

using nt::Credential;
using nt::ExecConfig;
using nt::ExecCredentialProvider;
using nt::Result;

using namespace Qt::StringLiterals;

namespace {

const QString kV1 = QStringLiteral("client.authentication.k8s.io/v1");
const QString kV1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");
const QByteArray kCaPem = "-----BEGIN CERTIFICATE-----\nQ0E=\n-----END CERTIFICATE-----\n";
const QString kDevicePrompt = QStringLiteral("To sign in, use a web browser to open the page "
                                             "https://microsoft.com/devicelogin and enter the "
                                             "code ABCD1234 to authenticate.");

const char *kRecordingPlugin = R"(d='{d}'
n=$(cat "$d/count" 2>/dev/null || echo 0)
echo $((n + 1)) > "$d/count"
printf '%s' "$KUBERNETES_EXEC_INFO" > "$d/execinfo.json"
printf '%s' "$NT_TEST_EXTRA" > "$d/extra"
cat "$d/response.json"
)";

QByteArray response(const QString &apiVersion, const QString &status) {
    return QStringLiteral(R"({"kind":"ExecCredential","apiVersion":"%1","status":%2})")
        .arg(apiVersion, status)
        .toUtf8();
}

QString rfc3339(qint64 secondsFromNow) {
    return QDateTime::currentDateTimeUtc().addSecs(secondsFromNow).toString(Qt::ISODate);
}

} // namespace

class TestExecCredential : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString path(const QString &name) const { return m_dir->path() + QLatin1Char('/') + name; }
    void write(const QString &name, const QByteArray &content) const {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write test file");
    }
    QByteArray read(const QString &name) const {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    int runs() const { return read(QStringLiteral("count")).trimmed().toInt(); }
    QString writePlugin(const QString &body) const {
        const QString script = QStringLiteral("#!/bin/sh\n") +
                               QString(body).replace(QStringLiteral("{d}"), m_dir->path());
        write(QStringLiteral("plugin"), script.toUtf8());
        QFile::setPermissions(path(QStringLiteral("plugin")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path(QStringLiteral("plugin"));
    }
    ExecConfig config(const QString &apiVersion, const QString &mode,
                      const QString &command) const {
        ExecConfig c;
        c.apiVersion = apiVersion;
        c.interactiveMode = mode;
        c.command = command;
        c.sourceFile = path(QStringLiteral("kubeconfig"));
        return c;
    }
    static std::optional<Result<Credential>> fetchAndWait(ExecCredentialProvider &provider,
                                                          bool force) {
        std::optional<Result<Credential>> result;
        provider.fetch(force, [&result](Result<Credential> r) { result = std::move(r); });
        // Callers QVERIFY the result; an empty optional here means the 20 s ran out.
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
            qWarning("fetch() did not call back within 20 s");
        return result;
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void execInfo_data() {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("interactive");
        QTest::addColumn<bool>("provideClusterInfo");
        QTest::addColumn<bool>("expectInteractive");
        QTest::addRow("v1 Never, human present") << kV1 << u"Never"_s << true << false << false;
        QTest::addRow("v1 IfAvailable, human present")
            << kV1 << u"IfAvailable"_s << true << false << true;
        QTest::addRow("v1 IfAvailable, no human")
            << kV1 << u"IfAvailable"_s << false << false << false;
        QTest::addRow("v1 Always, human present") << kV1 << u"Always"_s << true << false << true;
        QTest::addRow("v1beta1 default mode") << kV1beta1 << u""_s << false << false << false;
        QTest::addRow("v1beta1 with cluster info") << kV1beta1 << u""_s << true << true << true;
        QTest::addRow("v1 with cluster info") << kV1 << u"Never"_s << false << true << false;
    }
    void execInfo() {
        QFETCH(QString, apiVersion);
        QFETCH(QString, mode);
        QFETCH(bool, interactive);
        QFETCH(bool, provideClusterInfo);
        QFETCH(bool, expectInteractive);
        write(QStringLiteral("response.json"),
              response(apiVersion, QStringLiteral(R"({"token":"tok-1"})")));
        nt::ClusterAccess access;
        access.server = QStringLiteral("https://x.hcp.westeurope.azmk8s.io:443");
        access.caPem = kCaPem;
        access.tlsServerName = QStringLiteral("x.hcp.westeurope.azmk8s.io");
        access.exec = config(apiVersion, mode, writePlugin(QString::fromUtf8(kRecordingPlugin)));
        access.exec->env = {{QStringLiteral("NT_TEST_EXTRA"), QStringLiteral("from-kubeconfig")}};
        access.exec->provideClusterInfo = provideClusterInfo;
        ExecCredentialProvider provider(access, interactive);

        const auto result = fetchAndWait(provider, false);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error()));
        QCOMPARE((*result)->token, QStringLiteral("tok-1"));
        QCOMPARE(read(QStringLiteral("extra")), QByteArray("from-kubeconfig"));

        const auto info =
            nlohmann::json::parse(read(QStringLiteral("execinfo.json")).toStdString());
        QCOMPARE(QString::fromStdString(info.at("apiVersion").get<std::string>()), apiVersion);
        QCOMPARE(info.at("kind").get<std::string>(), std::string("ExecCredential"));
        QCOMPARE(info.at("spec").at("interactive").get<bool>(), expectInteractive);
        QCOMPARE(info.at("spec").contains("cluster"), provideClusterInfo);
        if (provideClusterInfo) {
            const auto &cluster = info.at("spec").at("cluster");
            QCOMPARE(cluster.at("server").get<std::string>(), access.server.toStdString());
            QCOMPARE(cluster.at("certificate-authority-data").get<std::string>(),
                     kCaPem.toBase64().toStdString());
            QCOMPARE(cluster.at("tls-server-name").get<std::string>(),
                     std::string("x.hcp.westeurope.azmk8s.io"));
            QVERIFY(!cluster.contains("insecure-skip-tls-verify"));
        }
    }

    void alwaysWithoutHuman() {
        write(QStringLiteral("response.json"), response(kV1, QStringLiteral(R"({"token":"t"})")));
        ExecCredentialProvider provider(
            config(kV1, QStringLiteral("Always"), writePlugin(QString::fromUtf8(kRecordingPlugin))),
            QStringLiteral("https://c:443"), {}, false);
        const auto result = fetchAndWait(provider, false);
        QVERIFY(result && !result->ok());
        QVERIFY2(result->error().contains(QStringLiteral("interactive")),
                 qPrintable(result->error()));
        QCOMPARE(runs(), 0);
    }

    void clientCertificate() {
        write(QStringLiteral("response.json"),
              response(kV1beta1,
                       QStringLiteral(
                           R"({"clientCertificateData":"CERT-PEM","clientKeyData":"KEY-PEM"})")));
        ExecCredentialProvider provider(
            config(kV1beta1, {}, writePlugin(QString::fromUtf8(kRecordingPlugin))),
            QStringLiteral("https://c:443"), {}, false);
        const auto result = fetchAndWait(provider, false);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error()));
        QCOMPARE((*result)->clientCertPem, QByteArray("CERT-PEM"));
        QCOMPARE((*result)->clientKeyPem, QByteArray("KEY-PEM"));
        QVERIFY((*result)->token.isEmpty());
    }

    void caching_data() {
        QTest::addColumn<QString>("expiry"); // "" = the plugin gives none
        QTest::addColumn<int>("runsForSecondFetch");
        QTest::addRow("valid for an hour: cached") << rfc3339(3600) << 1;
        QTest::addRow("no expiry: cached until a 401") << u""_s << 1;
        QTest::addRow("expires within the skew: re-run") << rfc3339(5) << 2;
        QTest::addRow("already expired: re-run") << rfc3339(-3600) << 2;
    }
    void caching() {
        QFETCH(QString, expiry);
        QFETCH(int, runsForSecondFetch);
        const QString status =
            expiry.isEmpty()
                ? QStringLiteral(R"({"token":"tok"})")
                : QStringLiteral(R"({"token":"tok","expirationTimestamp":"%1"})").arg(expiry);
        write(QStringLiteral("response.json"), response(kV1, status));
        ExecCredentialProvider provider(
            config(kV1, QStringLiteral("Never"), writePlugin(QString::fromUtf8(kRecordingPlugin))),
            QStringLiteral("https://c:443"), {}, false);

        auto first = fetchAndWait(provider, false);
        QVERIFY(first && first->ok());
        QCOMPARE(runs(), 1);
        QCOMPARE((*first)->expiresAt.isValid(), !expiry.isEmpty());
        QVERIFY(provider.cached());
        auto second = fetchAndWait(provider, false);
        QVERIFY(second && second->ok());
        QCOMPARE(runs(), runsForSecondFetch);
        // A 401 makes the client force a refresh, which always runs the plugin again.
        auto forced = fetchAndWait(provider, true);
        QVERIFY(forced && forced->ok());
        QCOMPARE(runs(), runsForSecondFetch + 1);
    }

    void concurrentFetchesShareOneRun() {
        write(QStringLiteral("response.json"),
              response(kV1, QStringLiteral(R"({"token":"shared"})")));
        ExecCredentialProvider provider(
            config(kV1, QStringLiteral("Never"), writePlugin(QString::fromUtf8(kRecordingPlugin))),
            QStringLiteral("https://c:443"), {}, false);
        QStringList tokens;
        for (int i = 0; i < 3; ++i)
            provider.fetch(i == 2, [&tokens](Result<Credential> r) {
                tokens << (r.ok() ? r->token : r.error());
            });
        QTRY_COMPARE(tokens.size(), 3);
        QCOMPARE(tokens, (QStringList{u"shared"_s, u"shared"_s, u"shared"_s}));
        QCOMPARE(runs(), 1);
    }

    void errors_data() {
        QTest::addColumn<QString>("command"); // "" = the test plugin below
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("expected");
        const QString hint = QStringLiteral("Install kubelogin: az aks install-cli");
        QTest::addRow("missing plugin path shows installHint")
            << u"/nonexistent/kubelogin"_s << u""_s
            << QStringList{hint, u"/nonexistent/kubelogin"_s};
        QTest::addRow("plugin not on PATH shows installHint")
            << u"nt-no-such-kubelogin"_s << u""_s << QStringList{hint, u"nt-no-such-kubelogin"_s};
        QTest::addRow("non-zero exit: last stderr line and code")
            << u""_s
            << u"echo 'getting token' >&2\necho 'AADSTS700082: the refresh token has expired' >&2\nexit 3\n"_s
            << QStringList{u"exit code 3"_s, u"AADSTS700082: the refresh token has expired"_s};
        QTest::addRow("output is not JSON, secret not echoed")
            << u""_s
            << u"echo '{\"kind\":\"ExecCredential\",\"status\":{\"token\":\"CANARY-secret'\n"_s
            << QStringList{u"not an ExecCredential JSON"_s};
        QTest::addRow("wrong kind")
            << u""_s
            << u"echo '{\"kind\":\"Secret\",\"apiVersion\":\"client.authentication.k8s.io/v1\"}'\n"_s
            << QStringList{u"kind 'Secret'"_s};
        QTest::addRow("apiVersion differs from the kubeconfig's")
            << u""_s
            << u"echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"status\":{\"token\":\"CANARY-secret\"}}'\n"_s
            << QStringList{u"apiVersion 'client.authentication.k8s.io/v1beta1'"_s};
        QTest::addRow("no token and no certificate")
            << u""_s
            << u"echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\",\"status\":{}}'\n"_s
            << QStringList{u"neither status.token"_s};
        QTest::addRow("bad expirationTimestamp")
            << u""_s
            << u"echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\",\"status\":{\"token\":\"CANARY-secret\",\"expirationTimestamp\":\"tomorrow\"}}'\n"_s
            << QStringList{u"RFC 3339"_s};
    }
    void errors() {
        QFETCH(QString, command);
        QFETCH(QString, script);
        QFETCH(QStringList, expected);
        ExecConfig c =
            config(kV1, QStringLiteral("Never"), command.isEmpty() ? writePlugin(script) : command);
        c.installHint = QStringLiteral("Install kubelogin: az aks install-cli");
        ExecCredentialProvider provider(c, QStringLiteral("https://c:443"), {}, false);
        const auto result = fetchAndWait(provider, false);
        QVERIFY(result);
        QVERIFY(!result->ok());
        for (const QString &part : expected)
            QVERIFY2(result->error().contains(part), qPrintable(result->error()));
        QVERIFY2(!result->error().contains(QStringLiteral("CANARY")), qPrintable(result->error()));
        QVERIFY(!provider.cached());
    }

    void promptArrivesWhileRunning() {
        write(QStringLiteral("response.json"),
              response(kV1, QStringLiteral(R"({"token":"after-sign-in"})")));
        const QString plugin =
            writePlugin(QStringLiteral("echo '%1' >&2\nread answer\necho \"$answer\" > "
                                       "'{d}/answer'\ncat '{d}/response.json'\n")
                            .arg(kDevicePrompt));
        ExecCredentialProvider provider(config(kV1, QStringLiteral("IfAvailable"), plugin),
                                        QStringLiteral("https://c:443"), {}, true);
        QSignalSpy prompts(&provider, &ExecCredentialProvider::prompt);
        std::optional<Result<Credential>> result;
        provider.fetch(false, [&result](Result<Credential> r) { result = std::move(r); });

        // The prompt must reach us while the plugin still waits for the human.
        QTRY_COMPARE(prompts.size(), 1);
        QCOMPARE(prompts.at(0).at(0).toString(), kDevicePrompt);
        QVERIFY(!result);
        QVERIFY(provider.isRunning());

        provider.writeInput("signed-in\n");
        QTRY_VERIFY(result.has_value());
        QVERIFY2(result->ok(), qPrintable(result->error()));
        QCOMPARE((*result)->token, QStringLiteral("after-sign-in"));
        QCOMPARE(read(QStringLiteral("answer")), QByteArray("signed-in\n"));
    }

    void cancelKillsThePlugin_data() {
        QTest::addColumn<bool>("viaTimeout");
        QTest::addRow("cancel()") << false;
        QTest::addRow("timeout") << true;
    }
    void cancelKillsThePlugin() {
        QFETCH(bool, viaTimeout);
        const QString plugin = writePlugin(
            QStringLiteral("echo $$ > '{d}/pid'\necho 'waiting for you' >&2\nread answer\n"));
        ExecCredentialProvider provider(config(kV1, QStringLiteral("Always"), plugin),
                                        QStringLiteral("https://c:443"), {}, true);
        if (viaTimeout)
            provider.setTimeout(std::chrono::milliseconds(300));
        QSignalSpy prompts(&provider, &ExecCredentialProvider::prompt);
        std::optional<Result<Credential>> result;
        provider.fetch(false, [&result](Result<Credential> r) { result = std::move(r); });
        QTRY_COMPARE(prompts.size(), 1);
        const pid_t pid = read(QStringLiteral("pid")).trimmed().toInt();
        QVERIFY(pid > 0);
        QVERIFY(::kill(pid, 0) == 0);

        if (!viaTimeout)
            provider.cancel();
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->ok());
        QVERIFY2(result->error().contains(viaTimeout ? QStringLiteral("did not finish within 0.3 s")
                                                     : QStringLiteral("cancelled")),
                 qPrintable(result->error()));
        QVERIFY(!provider.isRunning());
        // Gone, not merely forgotten: the process is killed and reaped.
        QTRY_VERIFY(::kill(pid, 0) != 0);
    }
};

QTEST_GUILESS_MAIN(TestExecCredential)
#include "tst_execcredential.moc"
