// Parses one kubeconfig file with yaml-cpp into KubeconfigFileEntries. Every error carries the
// file, the line (YAML::Mark is 0-based, editors count from 1) and the key path, and never the
// value: kubeconfigs hold tokens and private keys.
#include "kube/kubeconfigentries.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <yaml-cpp/yaml.h>

namespace nt {
namespace {

const QString kExecV1 = QStringLiteral("client.authentication.k8s.io/v1");
const QString kExecV1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");
const QString kExecV1alpha1 = QStringLiteral("client.authentication.k8s.io/v1alpha1");

// Thrown inside the parser only, caught in parseKubeconfigFile(); carries the finished sentence.
struct ParseFailure {
    QString message;
};

// One key of a YAML map: the key node (its line is the one the user looks for) and its value.
struct Field {
    YAML::Node keyNode;
    YAML::Node value;
    bool isNull() const { return !value.IsDefined() || value.IsNull(); }
};

class FileParser {
public:
    explicit FileParser(const QString &path)
        : m_path(path)
        , m_dir(QFileInfo(path).absoluteDir()) {}

    KubeconfigFileEntries parse(const YAML::Node &root);

private:
    int lineOf(const YAML::Node &node) const { return node.Mark().line + 1; }
    QString where(int line) const { return m_path + QLatin1Char(':') + QString::number(line); }

    [[noreturn]] void fail(int line, const QString &key, const char *what) const {
        throw ParseFailure{QCoreApplication::translate("Kubeconfig", what).arg(where(line), key)};
    }

    std::optional<Field> find(const YAML::Node &map, const char *name) const {
        for (const auto &kv : map) {
            if (kv.first.IsScalar() && kv.first.Scalar() == name)
                return Field{kv.first, kv.second};
        }
        return std::nullopt;
    }

    QString string(const YAML::Node &map, const char *name, const QString &key,
                   int *line = nullptr) const {
        const auto f = find(map, name);
        if (!f || f->isNull())
            return {};
        if (!f->value.IsScalar())
            fail(lineOf(f->keyNode), key,
                 QT_TRANSLATE_NOOP("Kubeconfig", "%1: '%2' must be a string."));
        if (line)
            *line = lineOf(f->keyNode);
        return QString::fromStdString(f->value.Scalar());
    }

    KubeconfigValue value(const YAML::Node &map, const char *name, const QString &key) const {
        KubeconfigValue v;
        v.key = key;
        v.text = string(map, name, key, &v.line);
        if (v.text.isEmpty())
            v.line = 0;
        return v;
    }

    // A path: relative ones name files next to the kubeconfig that wrote them, as kubectl does.
    KubeconfigValue path(const YAML::Node &map, const char *name, const QString &key) const {
        KubeconfigValue v = value(map, name, key);
        if (v.present() && QDir::isRelativePath(v.text))
            v.text = QDir::cleanPath(m_dir.absoluteFilePath(v.text));
        return v;
    }

    bool boolean(const YAML::Node &map, const char *name, const QString &key) const {
        const auto f = find(map, name);
        if (!f || f->isNull())
            return false;
        bool result = false;
        if (!f->value.IsScalar() || !YAML::convert<bool>::decode(f->value, result))
            fail(lineOf(f->keyNode), key,
                 QT_TRANSLATE_NOOP("Kubeconfig", "%1: '%2' must be true or false."));
        return result;
    }

    QByteArray base64(const YAML::Node &map, const char *name, const QString &key) const {
        int line = 0;
        QByteArray text = string(map, name, key, &line).toLatin1();
        text.replace('\n', QByteArray()).replace('\r', QByteArray()).replace(' ', QByteArray());
        if (text.isEmpty())
            return {};
        auto decoded =
            QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            fail(line, key, QT_TRANSLATE_NOOP("Kubeconfig", "%1: '%2' is not valid base64."));
        return *decoded;
    }

    // A child that must be a map; absent or null gives a null node, which callers skip.
    YAML::Node map(const YAML::Node &parent, const char *name, const QString &key) const {
        const auto f = find(parent, name);
        if (!f || f->isNull())
            return {};
        if (!f->value.IsMap())
            fail(lineOf(f->keyNode), key,
                 QT_TRANSLATE_NOOP("Kubeconfig", "%1: '%2' must be a mapping of keys to values."));
        return f->value;
    }

    YAML::Node list(const YAML::Node &parent, const char *name, const QString &key) const {
        const auto f = find(parent, name);
        if (!f || f->isNull())
            return {};
        if (!f->value.IsSequence())
            fail(lineOf(f->keyNode), key,
                 QT_TRANSLATE_NOOP("Kubeconfig", "%1: '%2' must be a list."));
        return f->value;
    }

    // Walks `clusters`/`users`/`contexts`: each item a map with `name` and the `inner` map.
    template <typename Fn>
    void forEachNamed(const YAML::Node &root, const char *listName, const char *inner, Fn &&fn);

    void parseCluster(const YAML::Node &node, Kubeconfig::ClusterEntry &entry) const;
    void parseUser(const YAML::Node &node, Kubeconfig::UserEntry &entry) const;
    ExecConfig parseExec(const YAML::Node &node, const QString &key, int line,
                         QString &problem) const;

    QString m_path;
    QDir m_dir;
};

template <typename Fn>
void FileParser::forEachNamed(const YAML::Node &root, const char *listName, const char *inner,
                              Fn &&fn) {
    const YAML::Node items = list(root, listName, QString::fromUtf8(listName));
    if (!items.IsSequence())
        return;
    QHash<QString, int> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const YAML::Node item = items[i];
        const QString key =
            QString::fromUtf8(listName) + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
        const int line = lineOf(item);
        if (!item.IsMap())
            fail(line, key,
                 QT_TRANSLATE_NOOP("Kubeconfig",
                                   "%1: '%2' must be a mapping with 'name' and its settings."));
        const QString name = string(item, "name", key + QStringLiteral(".name"));
        if (name.isEmpty())
            fail(line, key + QStringLiteral(".name"),
                 QT_TRANSLATE_NOOP("Kubeconfig", "%1: '%2' is missing."));
        // kubectl rejects a name repeated within one file rather than guessing which one counts.
        if (seen.contains(name)) {
            throw ParseFailure{
                QCoreApplication::translate(
                    "Kubeconfig", "%1: '%2' repeats the name '%3' already used at line %4.")
                    .arg(where(line), key + QStringLiteral(".name"), name,
                         QString::number(seen.value(name)))};
        }
        seen.insert(name, line);
        const QString innerKey = key + QLatin1Char('.') + QString::fromUtf8(inner);
        fn(name, map(item, inner, innerKey), innerKey, line, key);
    }
}

void FileParser::parseCluster(const YAML::Node &node, Kubeconfig::ClusterEntry &e) const {
    const QString k = e.key + QStringLiteral(".cluster.");
    if (node.IsMap()) {
        e.server = value(node, "server", k + QStringLiteral("server"));
        e.caData = base64(node, "certificate-authority-data",
                          k + QStringLiteral("certificate-authority-data"));
        e.caFile = path(node, "certificate-authority", k + QStringLiteral("certificate-authority"));
        e.insecureSkipTlsVerify = boolean(node, "insecure-skip-tls-verify",
                                          k + QStringLiteral("insecure-skip-tls-verify"));
        e.tlsServerName = string(node, "tls-server-name", k + QStringLiteral("tls-server-name"));
        e.proxyUrl = string(node, "proxy-url", k + QStringLiteral("proxy-url"));
    }
    if (!e.server.present()) {
        e.problem = QCoreApplication::translate("Kubeconfig",
                                                "%1: '%2' is missing; a cluster needs a server.")
                        .arg(where(e.line), k + QStringLiteral("server"));
    } else if (!e.caData.isEmpty() && e.caFile.present()) {
        e.problem =
            QCoreApplication::translate("Kubeconfig", "%1: '%2' sets both certificate-authority "
                                                      "and certificate-authority-data; keep one.")
                .arg(where(e.caFile.line), e.key + QStringLiteral(".cluster"));
    } else if (e.insecureSkipTlsVerify && (!e.caData.isEmpty() || e.caFile.present())) {
        // kubectl refuses the pair too: which one the user meant is anyone's guess.
        e.problem = QCoreApplication::translate(
                        "Kubeconfig", "%1: '%2' sets insecure-skip-tls-verify together with a "
                                      "certificate authority; keep one.")
                        .arg(where(e.line), e.key + QStringLiteral(".cluster"));
    }
}

void FileParser::parseUser(const YAML::Node &node, Kubeconfig::UserEntry &e) const {
    if (!node.IsMap())
        return; // a user with no settings is anonymous access, which is allowed
    const QString k = e.key + QStringLiteral(".user.");
    e.clientCertData =
        base64(node, "client-certificate-data", k + QStringLiteral("client-certificate-data"));
    e.clientCertFile = path(node, "client-certificate", k + QStringLiteral("client-certificate"));
    e.clientKeyData = base64(node, "client-key-data", k + QStringLiteral("client-key-data"));
    e.clientKeyFile = path(node, "client-key", k + QStringLiteral("client-key"));
    e.token = string(node, "token", k + QStringLiteral("token")).trimmed();
    e.tokenFile = path(node, "tokenFile", k + QStringLiteral("tokenFile"));

    const bool hasCert = !e.clientCertData.isEmpty() || e.clientCertFile.present();
    const bool hasKey = !e.clientKeyData.isEmpty() || e.clientKeyFile.present();
    QString problem;
    if (!e.clientCertData.isEmpty() && e.clientCertFile.present()) {
        problem =
            QCoreApplication::translate(
                "Kubeconfig",
                "%1: '%2' sets both client-certificate and client-certificate-data; keep one.")
                .arg(where(e.clientCertFile.line), e.key + QStringLiteral(".user"));
    } else if (!e.clientKeyData.isEmpty() && e.clientKeyFile.present()) {
        problem = QCoreApplication::translate(
                      "Kubeconfig", "%1: '%2' sets both client-key and client-key-data; keep one.")
                      .arg(where(e.clientKeyFile.line), e.key + QStringLiteral(".user"));
    } else if (hasCert != hasKey) {
        problem =
            QCoreApplication::translate("Kubeconfig", "%1: '%2' has a client certificate without a "
                                                      "client key or a key without a certificate.")
                .arg(where(e.line), e.key + QStringLiteral(".user"));
    }

    if (const auto ap = find(node, "auth-provider"); ap && !ap->isNull() && problem.isEmpty()) {
        const QString name =
            ap->value.IsMap() ? string(ap->value, "name", k + QStringLiteral("auth-provider.name"))
                              : QString();
        problem =
            QCoreApplication::translate(
                "Kubeconfig",
                "%1: '%2' uses the auth-provider '%3', which Kubernetes clients no longer support; "
                "convert the kubeconfig to an exec plugin (for AKS: kubelogin convert-kubeconfig).")
                .arg(where(lineOf(ap->keyNode)), k + QStringLiteral("auth-provider"), name);
    }
    int basicLine = 0;
    if (string(node, "username", k + QStringLiteral("username"), &basicLine).isEmpty())
        string(node, "password", k + QStringLiteral("password"), &basicLine);
    if (basicLine > 0 && problem.isEmpty()) {
        problem =
            QCoreApplication::translate(
                "Kubeconfig",
                "%1: '%2' uses username/password (basic) authentication, which NodeTriage does not "
                "support; use a token, a client certificate or an exec plugin such as kubelogin.")
                .arg(where(basicLine), e.key + QStringLiteral(".user"));
    }
    if (const auto ex = find(node, "exec"); ex && !ex->isNull()) {
        const YAML::Node execNode = map(node, "exec", k + QStringLiteral("exec"));
        e.exec = parseExec(execNode, k + QStringLiteral("exec"), lineOf(ex->keyNode), problem);
        e.exec->sourceFile = m_path;
    }
    e.problem = problem;
}

ExecConfig FileParser::parseExec(const YAML::Node &node, const QString &key, int line,
                                 QString &problem) const {
    const QString k = key + QLatin1Char('.');
    ExecConfig x;
    int versionLine = line;
    x.apiVersion = string(node, "apiVersion", k + QStringLiteral("apiVersion"), &versionLine);
    x.command = string(node, "command", k + QStringLiteral("command"));
    // Only a command with a '/' is a path; a bare name is looked up on PATH when it runs.
    if (x.command.contains(QLatin1Char('/')) && QDir::isRelativePath(x.command))
        x.command = QDir::cleanPath(m_dir.absoluteFilePath(x.command));
    if (const YAML::Node args = list(node, "args", k + QStringLiteral("args")); args.IsSequence()) {
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (!args[i].IsScalar())
                fail(lineOf(args[i]), k + QStringLiteral("args[%1]").arg(i),
                     QT_TRANSLATE_NOOP("Kubeconfig", "%1: '%2' must be a string."));
            x.args << QString::fromStdString(args[i].Scalar());
        }
    }
    if (const YAML::Node env = list(node, "env", k + QStringLiteral("env")); env.IsSequence()) {
        for (std::size_t i = 0; i < env.size(); ++i) {
            const QString ek = k + QStringLiteral("env[%1]").arg(i);
            if (!env[i].IsMap())
                fail(lineOf(env[i]), ek,
                     QT_TRANSLATE_NOOP("Kubeconfig",
                                       "%1: '%2' must be a mapping with 'name' and 'value'."));
            const QString name = string(env[i], "name", ek + QStringLiteral(".name"));
            if (name.isEmpty())
                fail(lineOf(env[i]), ek + QStringLiteral(".name"),
                     QT_TRANSLATE_NOOP("Kubeconfig", "%1: '%2' is missing."));
            x.env.append({name, string(env[i], "value", ek + QStringLiteral(".value"))});
        }
    }
    x.installHint = string(node, "installHint", k + QStringLiteral("installHint"));
    int modeLine = line;
    x.interactiveMode =
        string(node, "interactiveMode", k + QStringLiteral("interactiveMode"), &modeLine);
    x.provideClusterInfo =
        boolean(node, "provideClusterInfo", k + QStringLiteral("provideClusterInfo"));

    if (!problem.isEmpty())
        return x;
    static const QStringList modes = {QStringLiteral("Never"), QStringLiteral("IfAvailable"),
                                      QStringLiteral("Always")};
    if (x.apiVersion.isEmpty()) {
        problem = QCoreApplication::translate("Kubeconfig", "%1: '%2' is missing.")
                      .arg(where(line), k + QStringLiteral("apiVersion"));
    } else if (x.apiVersion == kExecV1alpha1) {
        problem = QCoreApplication::translate(
                      "Kubeconfig",
                      "%1: '%2' is %3, which Kubernetes no longer supports; change it to %4 or %5.")
                      .arg(where(versionLine), k + QStringLiteral("apiVersion"), x.apiVersion,
                           kExecV1beta1, kExecV1);
    } else if (x.apiVersion != kExecV1 && x.apiVersion != kExecV1beta1) {
        problem =
            QCoreApplication::translate("Kubeconfig", "%1: '%2' is %3; supported are %4 and %5.")
                .arg(where(versionLine), k + QStringLiteral("apiVersion"), x.apiVersion, kExecV1,
                     kExecV1beta1);
    } else if (x.command.isEmpty()) {
        problem = QCoreApplication::translate("Kubeconfig", "%1: '%2' is missing.")
                      .arg(where(line), k + QStringLiteral("command"));
    } else if (x.interactiveMode.isEmpty() && x.apiVersion == kExecV1) {
        problem =
            QCoreApplication::translate(
                "Kubeconfig", "%1: '%2' is missing; %3 requires it (Never, IfAvailable or Always).")
                .arg(where(line), k + QStringLiteral("interactiveMode"), kExecV1);
    } else if (!x.interactiveMode.isEmpty() && !modes.contains(x.interactiveMode)) {
        problem = QCoreApplication::translate("Kubeconfig",
                                              "%1: '%2' must be Never, IfAvailable or Always.")
                      .arg(where(modeLine), k + QStringLiteral("interactiveMode"));
    }
    if (x.interactiveMode.isEmpty())
        x.interactiveMode = QStringLiteral("IfAvailable"); // the v1beta1 default
    return x;
}

KubeconfigFileEntries FileParser::parse(const YAML::Node &root) {
    KubeconfigFileEntries out;
    if (!root.IsDefined() || root.IsNull())
        return out; // an empty file is an empty kubeconfig, as for kubectl
    if (!root.IsMap())
        fail(lineOf(root), QStringLiteral("(top level)"),
             QT_TRANSLATE_NOOP("Kubeconfig", "%1: '%2' must be a mapping of keys to values."));
    out.currentContext = string(root, "current-context", QStringLiteral("current-context"));

    forEachNamed(root, "clusters", "cluster",
                 [&](const QString &name, const YAML::Node &n, const QString &, int line,
                     const QString &key) {
                     auto entry = std::make_shared<Kubeconfig::ClusterEntry>();
                     entry->sourceFile = m_path;
                     entry->line = line;
                     entry->key = key;
                     parseCluster(n, *entry);
                     out.clusters.append({name, entry});
                 });
    forEachNamed(root, "users", "user",
                 [&](const QString &name, const YAML::Node &n, const QString &, int line,
                     const QString &key) {
                     auto entry = std::make_shared<Kubeconfig::UserEntry>();
                     entry->sourceFile = m_path;
                     entry->line = line;
                     entry->key = key;
                     parseUser(n, *entry);
                     out.users.append({name, entry});
                 });
    forEachNamed(root, "contexts", "context",
                 [&](const QString &name, const YAML::Node &n, const QString &innerKey, int line,
                     const QString &) {
                     KubeconfigContext c;
                     c.name = name;
                     c.sourceFile = m_path;
                     c.line = line;
                     if (n.IsMap()) {
                         c.cluster = string(n, "cluster", innerKey + QStringLiteral(".cluster"));
                         c.user = string(n, "user", innerKey + QStringLiteral(".user"));
                         c.namespaceName =
                             string(n, "namespace", innerKey + QStringLiteral(".namespace"));
                     }
                     if (c.namespaceName.isEmpty())
                         c.namespaceName = QStringLiteral("default");
                     out.contexts.append(c);
                 });
    return out;
}

} // namespace

Result<KubeconfigFileEntries> parseKubeconfigFile(const QString &path, const QByteArray &content) {
    try {
        const YAML::Node root = YAML::Load(content.toStdString());
        return FileParser(path).parse(root);
    } catch (const YAML::ParserException &e) {
        // yaml-cpp's parser messages describe the syntax ("end of map not found"), not the values.
        return Error{QStringLiteral("%1:%2:%3: %4")
                         .arg(path, QString::number(e.mark.line + 1),
                              QString::number(e.mark.column + 1), QString::fromStdString(e.msg))};
    } catch (const YAML::Exception &e) {
        return Error{
            QCoreApplication::translate("Kubeconfig", "%1: the kubeconfig could not be read: %2")
                .arg(path, QString::fromStdString(e.msg))};
    } catch (const ParseFailure &f) {
        return Error{f.message};
    }
}

} // namespace nt
