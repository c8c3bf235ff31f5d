#include "check/finding.h"

#include "check/findingcatalog.h"

#include <nlohmann/json.hpp>

namespace nt {

Finding Finding::fromCatalog(const char *id, const QString &node)
{
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

nlohmann::json Finding::toJson() const
{
    nlohmann::json j = {
        {"id", id.toStdString()},
        {"step", step},
        {"severity", toString(severity).toStdString()},
        {"title", title.toStdString()},
        {"detail", detail.toStdString()},
        {"remediation", remediation.toStdString()},
    };
    // Optional in the schema: absent rather than empty strings.
    if (!node.isEmpty())
        j["node"] = node.toStdString();
    if (!object.isEmpty())
        j["object"] = object.toStdString();
    nlohmann::json ev = nlohmann::json::array();
    for (const QString &e : evidence)
        ev.push_back(e.toStdString());
    j["evidence"] = std::move(ev);
    nlohmann::json cmds = nlohmann::json::array();
    for (const QString &c : commands)
        cmds.push_back(c.toStdString());
    j["commands"] = std::move(cmds);
    return j;
}

bool hasSeverity(const QList<Finding> &findings, Severity severity, int step)
{
    for (const Finding &f : findings) {
        if (f.severity == severity && (step == 0 || f.step == step))
            return true;
    }
    return false;
}

} // namespace nt
