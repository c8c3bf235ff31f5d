#include "ssh/commandtemplate.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace nt {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("Ssh", text);
}

QString kindName(CommandArgKind kind) {
    switch (kind) {
    case CommandArgKind::Fqdn:
        return tr("host name");
    case CommandArgKind::NodeName:
        return tr("node name");
    case CommandArgKind::ContainerId:
        return tr("container id");
    }
    return {};
}

} // namespace

CommandTemplate::CommandTemplate(QString id, QString pattern, QList<Slot> params)
    : m_id(std::move(id))
    , m_pattern(std::move(pattern))
    , m_slots(std::move(params)) {}

bool CommandTemplate::isValid(CommandArgKind kind, const QString &value) {
    // Anchored with \A...\z, not ^...$: a trailing newline must not slip through.
    static const QRegularExpression fqdn(
        QStringLiteral("\\A(?=.{1,253}\\.?\\z)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?\\z"));
    static const QRegularExpression nodeName(
        QStringLiteral("\\A(?=.{1,253}\\z)[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?"
                       "(?:\\.[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?)*\\z"));
    static const QRegularExpression containerId(QStringLiteral("\\A[0-9a-f]{12,64}\\z"));
    switch (kind) {
    case CommandArgKind::Fqdn:
        return fqdn.match(value).hasMatch();
    case CommandArgKind::NodeName:
        return nodeName.match(value).hasMatch();
    case CommandArgKind::ContainerId:
        return containerId.match(value).hasMatch();
    }
    return false;
}

QString CommandTemplate::shellQuote(const QString &value) {
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

Result<QString> CommandTemplate::render(const QHash<QString, QString> &arguments) const {
    QString command = m_pattern;
    for (auto it = arguments.cbegin(); it != arguments.cend(); ++it) {
        const bool known = std::any_of(m_slots.cbegin(), m_slots.cend(),
                                       [&](const Slot &slot) { return slot.name == it.key(); });
        if (!known)
            return Error{tr("The command '%1' has no argument '%2'").arg(m_id, it.key())};
    }
    for (const Slot &slot : m_slots) {
        const auto it = arguments.constFind(slot.name);
        if (it == arguments.cend())
            return Error{tr("The command '%1' needs its argument '%2'").arg(m_id, slot.name)};
        if (!isValid(slot.kind, *it))
            return Error{tr("Refused to run '%1' on the node: %2 is not a valid %3")
                             .arg(m_id, shellQuote(*it), kindName(slot.kind))};
        command.replace(QLatin1Char('{') + slot.name + QLatin1Char('}'), shellQuote(*it));
    }
    return command;
}

const QList<CommandTemplate> &CommandTemplate::catalogue() {
    // The node-side checks of issue 4 will grow this list; each entry is reviewed like code.
    static const QList<CommandTemplate> templates = {
        {QStringLiteral("resolve"),
         QStringLiteral("getent hosts {host}"),
         {{QStringLiteral("host"), CommandArgKind::Fqdn}}},
        {QStringLiteral("hostname"), QStringLiteral("hostname"), {}},
        {QStringLiteral("kubelet-status"),
         QStringLiteral("systemctl status kubelet --no-pager --lines=50"),
         {}},
        {QStringLiteral("kubelet-journal"),
         QStringLiteral("journalctl -u kubelet --no-pager --since '-15 min'"),
         {}},
        {QStringLiteral("node-describe"),
         QStringLiteral("kubectl describe node {node}"),
         {{QStringLiteral("node"), CommandArgKind::NodeName}}},
        {QStringLiteral("container-logs"),
         QStringLiteral("crictl logs --tail 200 {container}"),
         {{QStringLiteral("container"), CommandArgKind::ContainerId}}},
        {QStringLiteral("container-inspect"),
         QStringLiteral("crictl inspect {container}"),
         {{QStringLiteral("container"), CommandArgKind::ContainerId}}},
    };
    return templates;
}

const CommandTemplate *CommandTemplate::find(const QString &id) {
    for (const CommandTemplate &t : catalogue()) {
        if (t.id() == id)
            return &t;
    }
    return nullptr;
}

} // namespace nt
