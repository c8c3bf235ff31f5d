#include "check/finding.h"

#include "check/findingcatalog.h"

#include <nlohmann/json.hpp>

namespace nt {

Finding Finding::fromCatalog(const char *id, const QString &node) {
    const FindingDef *def = findingDef(QString::fromLatin1(id));
    Q_ASSERT_X(def, "Finding::fromCatalog", id);
    Finding f;
    f.id = QString::fromLatin1(id);
    f.node = node;
    if (def) {
        f.step = def->step;
        f.severity = def->severity;
        f.title = def->trTitle();
        f.remediation = def->trRemedy();
    }
    return f;
}

nlohmann::ordered_json Finding::toJson() const {
    nlohmann::ordered_json j;
    j["id"] = id.toStdString();
    j["step"] = step;
    j["severity"] = toString(severity).toStdString();
    // Optional in the schema: absent rather than empty strings.
    if (!node.isEmpty())
        j["node"] = node.toStdString();
    if (!object.isEmpty())
        j["object"] = object.toStdString();
    j["title"] = title.toStdString();
    j["detail"] = detail.toStdString();
    j["evidence"] = nlohmann::ordered_json::array();
    for (const QString &e : evidence)
        j["evidence"].push_back(e.toStdString());
    j["remediation"] = remediation.toStdString();
    j["commands"] = nlohmann::ordered_json::array();
    for (const QString &c : commands)
        j["commands"].push_back(c.toStdString());
    return j;
}

bool hasSeverity(const QList<Finding> &findings, Severity severity, int step) {
    for (const Finding &f : findings) {
        if (f.severity == severity && (step == 0 || f.step == step))
            return true;
    }
    return false;
}

} // namespace nt
