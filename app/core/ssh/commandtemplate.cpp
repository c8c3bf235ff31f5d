#include "ssh/commandtemplate.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace nt {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Ssh)
};

QString kindName(CommandArgKind kind) {
    switch (kind) {
    case CommandArgKind::Fqdn:
        return Tr::tr("host name");
    case CommandArgKind::NodeName:
        return Tr::tr("node name");
    case CommandArgKind::ContainerId:
        return Tr::tr("container id");
    case CommandArgKind::Since:
        return Tr::tr("journal start time (YYYY-MM-DD HH:MM[:SS] or -N min|h|d)");
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
    static const QRegularExpression since(
        QStringLiteral("\\A(?:\\d{4}-\\d{2}-\\d{2}(?: \\d{2}:\\d{2}(?::\\d{2})?)?"
                       "|-\\d{1,4} ?(?:min|h|d))\\z"));
    switch (kind) {
    case CommandArgKind::Fqdn:
        return fqdn.match(value).hasMatch();
    case CommandArgKind::NodeName:
        return nodeName.match(value).hasMatch();
    case CommandArgKind::ContainerId:
        return containerId.match(value).hasMatch();
    case CommandArgKind::Since:
        return since.match(value).hasMatch();
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
            return Error{Tr::tr("The command '%1' has no argument '%2'").arg(m_id, it.key())};
    }
    for (const Slot &slot : m_slots) {
        const auto it = arguments.constFind(slot.name);
        if (it == arguments.cend())
            return Error{Tr::tr("The command '%1' needs its argument '%2'").arg(m_id, slot.name)};
        if (!isValid(slot.kind, *it))
            return Error{Tr::tr("Refused to run '%1' on the node: %2 is not a valid %3")
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
        // The node-side checks of the console (issue 4). crictl on containerd nodes, docker on
        // the old ones; the tunnel's container is konnectivity-agent, tunnel-front (pod
        // tunnelfront-*) or aks-link.
        {QStringLiteral("tunnel-containers"),
         QStringLiteral("if command -v crictl >/dev/null 2>&1; then crictl ps -a --name "
                        "'konnectivity|tunnelfront|tunnel-front|aks-link'; else docker ps -a "
                        "--filter name=konnectivity --filter name=tunnelfront --filter "
                        "name=tunnel-front --filter name=aks-link; fi"),
         {}},
        {QStringLiteral("docker-logs"),
         QStringLiteral("docker logs --tail 200 {container}"),
         {{QStringLiteral("container"), CommandArgKind::ContainerId}}},
        {QStringLiteral("dns-node-resolver"),
         QStringLiteral("if command -v nslookup >/dev/null 2>&1; then nslookup {host}; "
                        "else dig {host}; fi"),
         {{QStringLiteral("host"), CommandArgKind::Fqdn}}},
        {QStringLiteral("dns-azure-resolver"),
         QStringLiteral("if command -v nslookup >/dev/null 2>&1; then nslookup {host} "
                        "168.63.129.16; else dig @168.63.129.16 {host}; fi"),
         {{QStringLiteral("host"), CommandArgKind::Fqdn}}},
        // bash opens /dev/tcp/HOST/PORT itself; the host is $0 of the inner script, never
        // spliced into it.
        {QStringLiteral("tcp-probe-443"),
         QStringLiteral("timeout 5 bash -c 'exec 3<>\"/dev/tcp/$0/443\"' {host}; "
                        "echo \"probe-exit=$?\""),
         {{QStringLiteral("host"), CommandArgKind::Fqdn}}},
        {QStringLiteral("tcp-probe-9000"),
         QStringLiteral("timeout 5 bash -c 'exec 3<>\"/dev/tcp/$0/9000\"' {host}; "
                        "echo \"probe-exit=$?\""),
         {{QStringLiteral("host"), CommandArgKind::Fqdn}}},
        {QStringLiteral("kubelet-journal-since"),
         QStringLiteral("journalctl -u kubelet --no-pager --since {since}"),
         {{QStringLiteral("since"), CommandArgKind::Since}}},
        {QStringLiteral("proc-disk"),
         QStringLiteral("cat /proc/diskstats; echo '--- /proc/stat'; grep '^cpu ' /proc/stat; "
                        "echo '--- /proc/pressure/io'; cat /proc/pressure/io"),
         {}},
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
