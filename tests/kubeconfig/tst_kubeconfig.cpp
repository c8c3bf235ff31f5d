// Kubeconfig loading: kubectl's file precedence and merge rules, relative paths, every auth kind,
// and errors that name file:line:key without ever quoting a secret. All files are written by the
// test into a temporary folder; "{d}" in a row stands for that folder.
#include "kube/kubeconfig.h"

#include <memory>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using nt::Kubeconfig;

using namespace Qt::StringLiterals;

namespace {

const QByteArray kCertPem = "-----BEGIN CERTIFICATE-----\nQ0VSVA==\n-----END CERTIFICATE-----\n";
const QByteArray kKeyPem = "-----BEGIN PRIVATE KEY-----\nS0VZ\n-----END PRIVATE KEY-----\n";
const QByteArray kCaPem = "-----BEGIN CERTIFICATE-----\nQ0E=\n-----END CERTIFICATE-----\n";
// Planted in every error case: it must never come back in a message.
const QString kCanary = QStringLiteral("CANARY-t0ken-8c1f2e");

// Two files with overlapping names, a third without current-context (see merge_data()).
const char *kFileA = R"(apiVersion: v1
kind: Config
current-context: ctx-a
clusters:
- name: shared
  cluster: {server: https://shared-a:443}
- name: only-a
  cluster: {server: https://only-a:443}
users:
- name: shared
  user: {token: a-shared-token}
contexts:
- name: ctx-a
  context: {cluster: shared, user: shared}
- name: shared
  context: {cluster: only-a, user: shared}
)";
const char *kFileB = R"(current-context: ctx-b
clusters:
- name: shared
  cluster: {server: https://shared-b:443}
- name: only-b
  cluster: {server: https://only-b:443}
users:
- name: shared
  user: {token: b-shared-token}
- name: only-b
  user: {token: b-only-token}
contexts:
- name: ctx-b
  context: {cluster: only-b, user: only-b}
- name: shared
  context: {cluster: only-b, user: only-b, namespace: kube-system}
)";
const char *kFileNoCurrent = R"(clusters:
- name: only-b
  cluster: {server: https://nocurrent-only-b:443}
)";

} // namespace

class TestKubeconfig : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString dir() const { return m_dir->path(); }
    QString expand(QString text) const {
        return text.replace(QStringLiteral("{d}"), dir())
            .replace(QStringLiteral("{cert64}"), QString::fromLatin1(kCertPem.toBase64()))
            .replace(QStringLiteral("{key64}"), QString::fromLatin1(kKeyPem.toBase64()))
            .replace(QStringLiteral("{ca64}"), QString::fromLatin1(kCaPem.toBase64()))
            .replace(QStringLiteral("{canary}"), kCanary);
    }
    QString write(const QString &relative, const QByteArray &content) const {
        const QString path = dir() + QLatin1Char('/') + relative;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write test file");
        return path;
    }
    // A kubeconfig with one cluster "c", one user "u" built from `userYaml` and a context "ctx".
    QString writeSingle(const QString &relative, const QString &clusterYaml,
                        const QString &userYaml) const {
        const QString text =
            QStringLiteral("clusters:\n- name: c\n  cluster:\n") + clusterYaml +
            QStringLiteral("users:\n- name: u\n  user:\n") + userYaml +
            QStringLiteral("contexts:\n- name: ctx\n  context: {cluster: c, user: u}\n"
                           "current-context: ctx\n");
        return write(relative, expand(text).toUtf8());
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        qunsetenv("KUBECONFIG");
    }
    void cleanup() { qunsetenv("KUBECONFIG"); }

    void defaultFiles_data() {
        QTest::addColumn<QString>("explicitPath");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QStringList>("expected");
        const QString home = QDir::homePath() + QStringLiteral("/.kube/config");
        QTest::addRow("--kubeconfig beats KUBECONFIG")
            << u"/x/explicit"_s << u"/x/a:/x/b"_s << QStringList{u"/x/explicit"_s};
        QTest::addRow("KUBECONFIG list in order")
            << u""_s << u"/x/a:/x/b"_s << QStringList{u"/x/a"_s, u"/x/b"_s};
        QTest::addRow("empty and repeated entries dropped")
            << u""_s << u":/x/a::/x/b:/x/a:"_s << QStringList{u"/x/a"_s, u"/x/b"_s};
        QTest::addRow("unset -> ~/.kube/config") << u""_s << u""_s << QStringList{home};
        QTest::addRow("only separators -> ~/.kube/config") << u""_s << u"::"_s << QStringList{home};
    }
    void defaultFiles() {
        QFETCH(QString, explicitPath);
        QFETCH(QString, env);
        QFETCH(QStringList, expected);
        if (!env.isEmpty())
            qputenv("KUBECONFIG", env.toUtf8());
        QCOMPARE(Kubeconfig::defaultFiles(explicitPath), expected);
    }

    void merge_data() {
        QTest::addColumn<QString>("kubeconfigEnv");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("expectedContext");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("namespaceName");
        QTest::addRow("current-context of the first file")
            << u"{d}/a/config:{d}/missing:{d}/b/config"_s << u""_s << u"ctx-a"_s
            << u"https://shared-a:443"_s << u"a-shared-token"_s << u"default"_s;
        QTest::addRow("missing and empty entries skipped")
            << u"::{d}/missing:{d}/b/config:"_s << u""_s << u"ctx-b"_s << u"https://only-b:443"_s
            << u"b-only-token"_s << u"default"_s;
        QTest::addRow("current-context from the first file that has one")
            << u"{d}/nocurrent:{d}/b/config:{d}/a/config"_s << u""_s << u"ctx-b"_s
            << u"https://nocurrent-only-b:443"_s << u"b-only-token"_s << u"default"_s;
        QTest::addRow("context name: first file wins")
            << u"{d}/a/config:{d}/b/config"_s << u"shared"_s << u"shared"_s
            << u"https://only-a:443"_s << u"a-shared-token"_s << u"default"_s;
        QTest::addRow("context name: first file wins, reversed")
            << u"{d}/b/config:{d}/a/config"_s << u"shared"_s << u"shared"_s
            << u"https://only-b:443"_s << u"b-only-token"_s << u"kube-system"_s;
        QTest::addRow("cluster and user names: first file wins")
            << u"{d}/b/config:{d}/a/config"_s << u"ctx-a"_s << u"ctx-a"_s
            << u"https://shared-b:443"_s << u"b-shared-token"_s << u"default"_s;
    }
    void merge() {
        QFETCH(QString, kubeconfigEnv);
        QFETCH(QString, context);
        write(QStringLiteral("a/config"), kFileA);
        write(QStringLiteral("b/config"), kFileB);
        write(QStringLiteral("nocurrent"), kFileNoCurrent);
        qputenv("KUBECONFIG", expand(kubeconfigEnv).toUtf8());

        const auto config = Kubeconfig::loadDefault();
        QVERIFY2(config.ok(), qPrintable(config.error()));
        QVERIFY(!config->files().contains(expand(QStringLiteral("{d}/missing"))));
        const auto access = config->resolve(context);
        QVERIFY2(access.ok(), qPrintable(access.error()));
        QTEST(access->contextName, "expectedContext");
        QTEST(access->server, "server");
        QTEST(access->token, "token");
        QTEST(access->namespaceName, "namespaceName");
    }

    void contextList() {
        write(QStringLiteral("a/config"), kFileA);
        write(QStringLiteral("b/config"), kFileB);
        const auto config = Kubeconfig::load(
            {dir() + QStringLiteral("/a/config"), dir() + QStringLiteral("/b/config")});
        QVERIFY2(config.ok(), qPrintable(config.error()));
        QCOMPARE(config->contextNames(), (QStringList{u"ctx-a"_s, u"shared"_s, u"ctx-b"_s}));
        QCOMPARE(config->currentContext(), QStringLiteral("ctx-a"));
        QCOMPARE(config->contexts().at(2).sourceFile, dir() + QStringLiteral("/b/config"));
    }

    void authKinds_data() {
        QTest::addColumn<QString>("userYaml");
        QTest::addColumn<QByteArray>("certPem");
        QTest::addColumn<QByteArray>("keyPem");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("tokenFile");
        QTest::addColumn<QString>("execCommand");
        // Referenced files sit next to the kubeconfig in {d}/cfg, or in {d}/keys.
        QTest::addRow("client certificate data")
            << u"    client-certificate-data: {cert64}\n    client-key-data: {key64}\n"_s
            << kCertPem << kKeyPem << u""_s << u""_s << u""_s;
        QTest::addRow("client certificate files, relative")
            << u"    client-certificate: certs/client.crt\n    client-key: ../keys/client.key\n"_s
            << kCertPem << kKeyPem << u""_s << u""_s << u""_s;
        QTest::addRow("client certificate files, absolute")
            << u"    client-certificate: {d}/cfg/certs/client.crt\n    client-key: {d}/keys/client.key\n"_s
            << kCertPem << kKeyPem << u""_s << u""_s << u""_s;
        QTest::addRow("token") << u"    token: static-token\n"_s << QByteArray() << QByteArray()
                               << u"static-token"_s << u""_s << u""_s;
        QTest::addRow("tokenFile, relative, read and trimmed")
            << u"    tokenFile: sa/token\n"_s << QByteArray() << QByteArray() << u"file-token"_s
            << u"{d}/cfg/sa/token"_s << u""_s;
        QTest::addRow("token wins over tokenFile, path kept")
            << u"    token: static-token\n    tokenFile: sa/token\n"_s << QByteArray()
            << QByteArray() << u"static-token"_s << u"{d}/cfg/sa/token"_s << u""_s;
        QTest::addRow("exec, bare command stays a PATH name")
            << u"    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: kubelogin\n"_s
            << QByteArray() << QByteArray() << u""_s << u""_s << u"kubelogin"_s;
        QTest::addRow("exec, relative command with a slash")
            << u"    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: ./bin/plugin\n      interactiveMode: Never\n"_s
            << QByteArray() << QByteArray() << u""_s << u""_s << u"{d}/cfg/bin/plugin"_s;
    }
    void authKinds() {
        QFETCH(QString, userYaml);
        QFETCH(QString, tokenFile);
        QFETCH(QString, execCommand);
        write(QStringLiteral("cfg/certs/client.crt"), kCertPem);
        write(QStringLiteral("keys/client.key"), kKeyPem);
        write(QStringLiteral("cfg/sa/token"), "file-token\n");
        // A first file in another folder: paths must resolve against the file that names them.
        const QString first = write(QStringLiteral("other/config"), "current-context: ctx\n");
        const QString path = writeSingle(QStringLiteral("cfg/config"),
                                         QStringLiteral("    server: https://c:443\n"), userYaml);

        const auto config = Kubeconfig::load({first, path});
        QVERIFY2(config.ok(), qPrintable(config.error()));
        const auto access = config->resolve();
        QVERIFY2(access.ok(), qPrintable(access.error()));
        QTEST(access->clientCertPem, "certPem");
        QTEST(access->clientKeyPem, "keyPem");
        QTEST(access->token, "token");
        QCOMPARE(access->tokenFile, expand(tokenFile));
        QCOMPARE(access->exec.has_value(), !execCommand.isEmpty());
        if (access->exec) {
            QCOMPARE(access->exec->command, expand(execCommand));
            QCOMPARE(access->exec->sourceFile, path);
        }
        QCOMPARE(access->sourceFile, path);
    }

    void execSettings() {
        const QString path = writeSingle(
            QStringLiteral("config"), QStringLiteral("    server: https://c:443\n"),
            QStringLiteral(
                "    exec:\n"
                "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                "      command: kubelogin\n"
                "      args: [get-token, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630]\n"
                "      env:\n      - {name: AZURE_CONFIG_DIR, value: /tmp/az}\n"
                "      installHint: install kubelogin\n"
                "      provideClusterInfo: true\n"));
        const auto access = Kubeconfig::load({path})->resolve();
        QVERIFY2(access.ok(), qPrintable(access.error()));
        QVERIFY(access->exec);
        QCOMPARE(access->exec->args, (QStringList{u"get-token"_s, u"--server-id"_s,
                                                  u"6dae42f8-4368-4678-94ff-3960e28e3630"_s}));
        QCOMPARE(access->exec->env.size(), 1);
        QCOMPARE(access->exec->env.at(0).first, QStringLiteral("AZURE_CONFIG_DIR"));
        QCOMPARE(access->exec->env.at(0).second, QStringLiteral("/tmp/az"));
        QCOMPARE(access->exec->installHint, QStringLiteral("install kubelogin"));
        QCOMPARE(access->exec->interactiveMode, QStringLiteral("IfAvailable")); // v1beta1 default
        QVERIFY(access->exec->provideClusterInfo);
    }

    void clusterSettings_data() {
        QTest::addColumn<QString>("clusterYaml");
        QTest::addColumn<QByteArray>("caPem");
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<QString>("tlsServerName");
        QTest::addColumn<QString>("proxyUrl");
        QTest::addRow("plain") << u"    server: https://c:443\n"_s << QByteArray() << false << u""_s
                               << u""_s;
        QTest::addRow("certificate-authority-data")
            << u"    server: https://c:443\n    certificate-authority-data: {ca64}\n"_s << kCaPem
            << false << u""_s << u""_s;
        QTest::addRow("certificate-authority file, relative")
            << u"    server: https://c:443\n    certificate-authority: pki/ca.crt\n"_s << kCaPem
            << false << u""_s << u""_s;
        QTest::addRow("insecure-skip-tls-verify")
            << u"    server: https://c:443\n    insecure-skip-tls-verify: true\n"_s << QByteArray()
            << true << u""_s << u""_s;
        QTest::addRow("tls-server-name and proxy-url")
            << u"    server: https://10.0.0.4:443\n    tls-server-name: x.hcp.westeurope.azmk8s.io\n    proxy-url: http://proxy:3128\n"_s
            << QByteArray() << false << u"x.hcp.westeurope.azmk8s.io"_s << u"http://proxy:3128"_s;
    }
    void clusterSettings() {
        QFETCH(QString, clusterYaml);
        write(QStringLiteral("cfg/pki/ca.crt"), kCaPem);
        const QString path = writeSingle(QStringLiteral("cfg/config"), clusterYaml,
                                         QStringLiteral("    token: t\n"));
        const auto access = Kubeconfig::load({path})->resolve();
        QVERIFY2(access.ok(), qPrintable(access.error()));
        QTEST(access->caPem, "caPem");
        QTEST(access->insecureSkipTlsVerify, "insecure");
        QTEST(access->tlsServerName, "tlsServerName");
        QTEST(access->proxyUrl, "proxyUrl");
    }

    void noKubeconfig_data() {
        QTest::addColumn<QString>("explicitPath");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("--kubeconfig must exist")
            << u"{d}/given"_s << u"{d}/present"_s
            << QStringList{u"{d}/given"_s, u"does not exist"_s};
        QTest::addRow("every KUBECONFIG entry missing")
            << u""_s << u"{d}/one:{d}/two"_s
            << QStringList{u"No kubeconfig file found"_s, u"{d}/one, {d}/two"_s};
    }
    void noKubeconfig() {
        QFETCH(QString, explicitPath);
        QFETCH(QString, env);
        QFETCH(QStringList, expected);
        write(QStringLiteral("present"), kFileA);
        qputenv("KUBECONFIG", expand(env).toUtf8());
        const auto config = Kubeconfig::loadDefault(expand(explicitPath));
        QVERIFY(!config.ok());
        for (const QString &part : expected)
            QVERIFY2(config.error().contains(expand(part)), qPrintable(config.error()));
    }

    void errors_data();
    void errors();
};

void TestKubeconfig::errors_data() {
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QStringList>("expected"); // substrings of the message; {f} = the kubeconfig

    const QString good =
        QStringLiteral("clusters:\n- name: c\n  cluster: {server: https://c:443}\n");
    QTest::addRow("malformed YAML has file:line:col")
        << u"users:\n- name: u\n  user: {token: {canary}\nclusters: [\n"_s << u""_s
        << QStringList{u"{f}:4:"_s};
    QTest::addRow("bad base64 names file, line and key")
        << u"users:\n- name: u0\n  user: {token: {canary}}\n- name: u1\n  user:\n    client-key-data: \"!!{canary}!!\"\n"_s
        << u""_s << QStringList{u"{f}:6: 'users[1].user.client-key-data' is not valid base64"_s};
    QTest::addRow("wrong type") << u"clusters:\n- name: c\n  cluster:\n    server: [a, b]\n"_s
                                << u""_s
                                << QStringList{
                                       u"{f}:4: 'clusters[0].cluster.server' must be a string"_s};
    QTest::addRow("not a boolean")
        << u"clusters:\n- name: c\n  cluster:\n    server: s\n    insecure-skip-tls-verify: maybe\n"_s
        << u""_s << QStringList{u"{f}:5: 'clusters[0].cluster.insecure-skip-tls-verify'"_s};
    QTest::addRow("list expected") << u"users: {token: {canary}}\n"_s << u""_s
                                   << QStringList{u"{f}:1: 'users' must be a list"_s};
    QTest::addRow("entry without a name") << u"users:\n- user: {token: {canary}}\n"_s << u""_s
                                          << QStringList{u"{f}:2: 'users[0].name' is missing"_s};
    QTest::addRow("duplicate name in one file")
        << good + u"- name: c\n  cluster: {server: https://d:443}\n"_s << u""_s
        << QStringList{u"{f}:4: 'clusters[1].name'"_s, u"line 2"_s};
    QTest::addRow("context refers to a missing cluster")
        << good +
               u"users:\n- name: u\n  user: {token: {canary}}\ncontexts:\n- name: ctx\n  context: {cluster: gone, user: u}\n"_s
        << u"ctx"_s
        << QStringList{u"{f}:8:"_s, u"context 'ctx'"_s, u"cluster 'gone'"_s,
                       u"not defined in {f}"_s};
    QTest::addRow("context refers to a missing user")
        << good + u"contexts:\n- name: ctx\n  context: {cluster: c, user: nobody}\n"_s << u"ctx"_s
        << QStringList{u"context 'ctx'"_s, u"user 'nobody'"_s, u"not defined in {f}"_s};
    QTest::addRow("unknown context")
        << good << u"nope"_s << QStringList{u"Context 'nope' is not defined in {f}"_s};
    QTest::addRow("no current-context")
        << good + u"contexts:\n- name: ctx\n  context: {cluster: c}\n"_s << u""_s
        << QStringList{u"No current-context"_s, u"ctx"_s};
    QTest::addRow("referenced file missing")
        << good +
               u"users:\n- name: u\n  user:\n    token: {canary}\n    client-certificate: missing.crt\n    client-key-data: {key64}\n"_s
               "contexts:\n- name: ctx\n  context: {cluster: c, user: u}\n"
        << u"ctx"_s
        << QStringList{u"{f}:8: 'users[0].user.client-certificate' refers to {d}/missing.crt"_s};
    QTest::addRow("auth-provider no longer supported")
        << good +
               u"users:\n- name: u\n  user:\n    auth-provider:\n      name: azure\n      config: {access-token: {canary}}\n"_s
               "contexts:\n- name: ctx\n  context: {cluster: c, user: u}\n"
        << u"ctx"_s
        << QStringList{u"{f}:7: 'users[0].user.auth-provider'"_s, u"azure"_s,
                       u"kubelogin convert-kubeconfig"_s};
    QTest::addRow("basic auth unsupported")
        << good +
               u"users:\n- name: u\n  user: {username: admin, password: {canary}}\ncontexts:\n- name: ctx\n  context: {cluster: c, user: u}\n"_s
        << u"ctx"_s << QStringList{u"{f}:6:"_s, u"basic"_s};
    QTest::addRow("exec v1alpha1 rejected")
        << good +
               u"users:\n- name: u\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1alpha1\n      command: p\n"_s
               "contexts:\n- name: ctx\n  context: {cluster: c, user: u}\n"
        << u"ctx"_s
        << QStringList{u"{f}:8: 'users[0].user.exec.apiVersion'"_s, u"v1alpha1"_s, u"no longer"_s};
    QTest::addRow("exec v1 without interactiveMode")
        << good +
               u"users:\n- name: u\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1, command: p}\n"_s
               "contexts:\n- name: ctx\n  context: {cluster: c, user: u}\n"
        << u"ctx"_s << QStringList{u"{f}:7: 'users[0].user.exec.interactiveMode' is missing"_s};
    QTest::addRow("insecure-skip-tls-verify with a CA")
        << u"clusters:\n- name: c\n  cluster: {server: s, insecure-skip-tls-verify: true, "
           u"certificate-authority-data: {ca64}}\n"
           "contexts:\n- name: ctx\n  context: {cluster: c}\n"_s
        << u"ctx"_s
        << QStringList{u"{f}:2: 'clusters[0].cluster'"_s, u"insecure-skip-tls-verify"_s};
    QTest::addRow("cluster without server")
        << u"clusters:\n- name: c\n  cluster: {insecure-skip-tls-verify: true}\ncontexts:\n- name: ctx\n  context: {cluster: c}\n"_s
        << u"ctx"_s << QStringList{u"{f}:2:"_s, u"server"_s};
}

void TestKubeconfig::errors() {
    QFETCH(QString, yaml);
    QFETCH(QString, context);
    QFETCH(QStringList, expected);
    const QString path = write(QStringLiteral("config"), expand(yaml).toUtf8());
    const auto config = Kubeconfig::load({path});
    QString message;
    if (!config.ok()) {
        message = config.error();
    } else {
        const auto access = config->resolve(context);
        QVERIFY2(!access.ok(), "resolve() should have failed");
        message = access.error();
    }
    for (const QString &part : expected) {
        const QString want = expand(part).replace(QStringLiteral("{f}"), path);
        QVERIFY2(message.contains(want),
                 qPrintable(QStringLiteral("'%1' not in: %2").arg(want, message)));
    }
    QVERIFY2(!message.contains(kCanary), qPrintable(message));
    QVERIFY(!message.contains(QString::fromLatin1(kKeyPem.toBase64())));
}

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
