#include "check/checkreport.h"

#include <nlohmann/json.hpp>
#include <QUrl>

namespace nt {
namespace {

std::string utf8(const QString &s) {
    return s.toStdString();
}

std::string isoUtc(const QDateTime &t) {
    return t.isValid() ? utf8(t.toUTC().toString(Qt::ISODate)) : std::string();
}

nlohmann::ordered_json nodeJson(const Node &node, const QMap<QString, double> &latest) {
    nlohmann::ordered_json conditions = nlohmann::ordered_json::object();
    for (const Condition &c : node.conditions)
        conditions[utf8(c.type)] = utf8(c.status);
    nlohmann::ordered_json taints = nlohmann::ordered_json::array();
    for (const Taint &t : node.taints)
        taints.push_back(utf8(t.toString()));
    // A metric not measured is absent, never 0.
    nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
    for (auto it = latest.cbegin(); it != latest.cend(); ++it)
        metrics[utf8(it.key())] = it.value();
    const Condition *ready = node.condition(QStringLiteral("Ready"));
    // A node without a Ready condition is what the node controller calls Unknown.
    const QString readyStatus =
        ready && !ready->status.isEmpty() ? ready->status : QStringLiteral("Unknown");
    return {
        {"name", utf8(node.meta.name)},
        {"pool", utf8(node.pool())},
        {"instanceType", utf8(node.instanceType())},
        {"kubeletVersion", utf8(node.kubeletVersion)},
        {"ready", utf8(readyStatus)},
        {"conditions", std::move(conditions)},
        {"taints", std::move(taints)},
        {"latest", std::move(metrics)},
    };
}

} // namespace

QString ClusterInfo::fqdn() const {
    return apiFqdn.isEmpty() ? QUrl(server).host() : apiFqdn;
}

bool ClusterInfo::isPrivate() const {
    return fqdn().contains(QStringLiteral(".privatelink."), Qt::CaseInsensitive);
}

nlohmann::ordered_json CheckReport::toJson() const {
    // User info (https://user:password@host) and query strings never leave the program.
    const QString server =
        QUrl(cluster.server)
            .adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
            .toString();
    nlohmann::ordered_json stepList = nlohmann::ordered_json::array();
    for (const StepResult &s : steps) {
        nlohmann::ordered_json j = {{"number", s.number},
                                    {"id", utf8(s.id)},
                                    {"title", utf8(s.title)},
                                    {"status", utf8(toString(s.status))}};
        if (!s.note.isEmpty())
            j["note"] = utf8(s.note);
        stepList.push_back(std::move(j));
    }
    nlohmann::ordered_json findingList = nlohmann::ordered_json::array();
    for (const Finding &f : findings)
        findingList.push_back(f.toJson());
    nlohmann::ordered_json nodeList = nlohmann::ordered_json::array();
    for (const Node &n : nodes)
        nodeList.push_back(nodeJson(n, latest.value(n.meta.name)));

    return {
        {"schema", kSchema},
        {"generatedAt", isoUtc(generatedAt)},
        {"tool", {{"name", "nodetriage"}, {"version", NODETRIAGE_VERSION}}},
        {"cluster",
         {{"context", utf8(cluster.context)},
          {"server", utf8(server)},
          {"fqdn", utf8(cluster.fqdn())},
          {"version", utf8(cluster.version)},
          {"private", cluster.isPrivate()}}},
        {"window",
         {{"start", isoUtc(window.start)},
          {"end", isoUtc(window.end)},
          {"intervalSeconds", window.intervalSeconds},
          {"samples", window.samples}}},
        {"steps", std::move(stepList)},
        {"findings", std::move(findingList)},
        {"nodes", std::move(nodeList)},
    };
}

int CheckReport::exitCode() const {
    if (hasSeverity(findings, Severity::Critical))
        return 2;
    if (hasSeverity(findings, Severity::Warning))
        return 1;
    return 0;
}

} // namespace nt
