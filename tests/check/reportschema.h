#pragma once
// A structural check of a JSON report against nodetriage.report/v1 (CONTRACT.md): required keys,
// their types and enumerations. Returns "" when the report conforms, else the first problem with
// its JSON path.
#include "kube/types.h"

#include <nlohmann/json.hpp>
#include <QSet>
#include <QString>

namespace nt::test {

class ReportSchema {
public:
    static QString check(const nlohmann::json &r) {
        ReportSchema s;
        s.run(r);
        return s.m_error;
    }

private:
    using json = nlohmann::json;

    bool fail(const QString &path, const char *what) {
        if (m_error.isEmpty())
            m_error = path + QStringLiteral(": ") + QString::fromLatin1(what);
        return false;
    }
    bool string(const json &o, const char *key, const QString &path, bool optional = false) {
        if (!o.contains(key))
            return optional || fail(path + u'.' + QString::fromLatin1(key), "missing");
        return o[key].is_string() || fail(path + u'.' + QString::fromLatin1(key), "not a string");
    }
    bool oneOf(const json &o, const char *key, const QString &path, const QSet<QString> &allowed) {
        if (!string(o, key, path))
            return false;
        return allowed.contains(QString::fromStdString(o[key].get<std::string>())) ||
               fail(path + u'.' + QString::fromLatin1(key), "not an allowed value");
    }
    bool integer(const json &o, const char *key, const QString &path) {
        return (o.contains(key) && o[key].is_number_integer()) ||
               fail(path + u'.' + QString::fromLatin1(key), "missing or not an integer");
    }
    bool time(const json &o, const char *key, const QString &path) {
        return string(o, key, path) &&
               (nt::parseKubeTime(QString::fromStdString(o[key].get<std::string>())).isValid() ||
                fail(path + u'.' + QString::fromLatin1(key), "not an RFC 3339 time"));
    }
    bool object(const json &o, const char *key, const QString &path) {
        return (o.contains(key) && o[key].is_object()) ||
               fail(path + u'.' + QString::fromLatin1(key), "missing or not an object");
    }
    bool stringArray(const json &o, const char *key, const QString &path) {
        if (!o.contains(key) || !o[key].is_array())
            return fail(path + u'.' + QString::fromLatin1(key), "missing or not an array");
        for (const json &e : o[key]) {
            if (!e.is_string())
                return fail(path + u'.' + QString::fromLatin1(key), "holds a non-string");
        }
        return true;
    }

    void run(const json &r) {
        const QString root = QStringLiteral("$");
        if (!r.is_object()) {
            fail(root, "not an object");
            return;
        }
        const QSet<QString> keys{QStringLiteral("schema"),   QStringLiteral("generatedAt"),
                                 QStringLiteral("tool"),     QStringLiteral("cluster"),
                                 QStringLiteral("window"),   QStringLiteral("steps"),
                                 QStringLiteral("findings"), QStringLiteral("nodes")};
        for (auto it = r.begin(); it != r.end(); ++it) {
            if (!keys.contains(QString::fromStdString(it.key())))
                fail(root + u'.' + QString::fromStdString(it.key()), "not in the schema");
        }
        oneOf(r, "schema", root, {QStringLiteral("nodetriage.report/v1")});
        time(r, "generatedAt", root);
        if (object(r, "tool", root)) {
            string(r["tool"], "name", QStringLiteral("$.tool"));
            string(r["tool"], "version", QStringLiteral("$.tool"));
        }
        if (object(r, "cluster", root)) {
            const json &c = r["cluster"];
            for (const char *k : {"context", "server", "fqdn", "version"})
                string(c, k, QStringLiteral("$.cluster"));
            if (!c.contains("private") || !c["private"].is_boolean())
                fail(QStringLiteral("$.cluster.private"), "missing or not a boolean");
        }
        if (object(r, "window", root)) {
            time(r["window"], "start", QStringLiteral("$.window"));
            time(r["window"], "end", QStringLiteral("$.window"));
            integer(r["window"], "intervalSeconds", QStringLiteral("$.window"));
            integer(r["window"], "samples", QStringLiteral("$.window"));
        }
        steps(r);
        findings(r);
        nodes(r);
    }

    void steps(const json &r) {
        if (!r.contains("steps") || !r["steps"].is_array()) {
            fail(QStringLiteral("$.steps"), "missing or not an array");
            return;
        }
        const QSet<QString> ids{QStringLiteral("node-health"),
                                QStringLiteral("control-plane-connectivity"),
                                QStringLiteral("dns"),
                                QStringLiteral("kubelet"),
                                QStringLiteral("node-problem-detector"),
                                QStringLiteral("disk-iops")};
        const QSet<QString> statuses{QStringLiteral("pass"), QStringLiteral("warn"),
                                     QStringLiteral("fail"), QStringLiteral("skipped"),
                                     QStringLiteral("error")};
        for (const json &s : r["steps"]) {
            const QString p = QStringLiteral("$.steps[]");
            integer(s, "number", p);
            oneOf(s, "id", p, ids);
            string(s, "title", p);
            oneOf(s, "status", p, statuses);
            string(s, "note", p, true);
        }
    }

    void findings(const json &r) {
        if (!r.contains("findings") || !r["findings"].is_array()) {
            fail(QStringLiteral("$.findings"), "missing or not an array");
            return;
        }
        for (const json &f : r["findings"]) {
            const QString p = QStringLiteral("$.findings[]");
            string(f, "id", p);
            integer(f, "step", p);
            oneOf(f, "severity", p,
                  {QStringLiteral("critical"), QStringLiteral("warning"), QStringLiteral("info")});
            string(f, "node", p, true);
            string(f, "object", p, true);
            string(f, "title", p);
            string(f, "detail", p);
            stringArray(f, "evidence", p);
            string(f, "remediation", p);
            stringArray(f, "commands", p);
        }
    }

    void nodes(const json &r) {
        if (!r.contains("nodes") || !r["nodes"].is_array()) {
            fail(QStringLiteral("$.nodes"), "missing or not an array");
            return;
        }
        for (const json &n : r["nodes"]) {
            const QString p = QStringLiteral("$.nodes[]");
            for (const char *k : {"name", "pool", "instanceType", "kubeletVersion"})
                string(n, k, p);
            oneOf(n, "ready", p,
                  {QStringLiteral("True"), QStringLiteral("False"), QStringLiteral("Unknown")});
            if (object(n, "conditions", p)) {
                for (const json &v : n["conditions"]) {
                    if (!v.is_string())
                        fail(p + QStringLiteral(".conditions"), "holds a non-string");
                }
            }
            stringArray(n, "taints", p);
            if (object(n, "latest", p)) {
                for (const json &v : n["latest"]) {
                    if (!v.is_number() && !v.is_null())
                        fail(p + QStringLiteral(".latest"), "holds a non-number");
                }
            }
        }
    }

    QString m_error;
};

} // namespace nt::test
