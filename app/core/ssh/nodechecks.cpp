#include "ssh/nodechecks.h"

#include "ssh/nodecheckparsers.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QLocale>

namespace nt {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(NodeCheck)
};

NodeCheckVerdict tunnel(const SshExecResult &r) {
    const auto e = parseTunnelContainers(r.stdOut, r.stdErr, r.exitStatus);
    NodeCheckVerdict v;
    if (e.problem) {
        v.inconclusive = true;
        v.verdict = Tr::tr("The container runtime did not answer: %1").arg(e.problem->detail);
        return v;
    }
    for (const TunnelContainer &c : e.containers)
        v.details << Tr::tr("%1 %2 (%3) %4").arg(c.name, c.id, c.image, c.state);
    const QString flavour = e.flavour();
    if (flavour.isEmpty()) {
        v.problem = true;
        v.verdict = Tr::tr("No konnectivity, tunnelfront or aks-link container on this node (%1)")
                        .arg(e.runtime);
        return v;
    }
    const bool running = std::any_of(e.containers.cbegin(), e.containers.cend(),
                                     [](const TunnelContainer &c) { return c.running; });
    v.problem = !running;
    v.verdict = running ? Tr::tr("The %1 tunnel container is running").arg(flavour)
                        : Tr::tr("The %1 tunnel container is not running").arg(flavour);
    return v;
}

NodeCheckVerdict logs(const SshExecResult &r) {
    NodeCheckVerdict v;
    const QString text = QString::fromUtf8(r.stdOut + r.stdErr);
    // The failure lines of kubernetes-sigs/apiserver-network-proxy's agent (FACTS.md).
    static const char *const failures[] = {"cannot connect once", "could not read stream",
                                           "connection read failure", "conn write failure",
                                           "error dialing backend"};
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        for (const char *f : failures) {
            if (line.contains(QLatin1String(f))) {
                v.details << line.trimmed();
                break;
            }
        }
    }
    if (r.exitStatus != 0 && v.details.isEmpty()) {
        v.inconclusive = true;
        v.verdict = Tr::tr("The logs could not be read: %1")
                        .arg(QString::fromUtf8(r.stdErr).section(QLatin1Char('\n'), 0, 0));
        return v;
    }
    v.problem = !v.details.isEmpty();
    v.verdict = v.problem ? QCoreApplication::translate(
                                "NodeCheck", "%n tunnel failure line(s) in the last 200 log lines",
                                nullptr, int(v.details.size()))
                          : Tr::tr("No tunnel failure in the last 200 log lines");
    return v;
}

NodeCheckVerdict dns(const SshExecResult &r, const QString &which) {
    const auto e = parseDnsLookup(r.stdOut, r.stdErr, r.exitStatus);
    NodeCheckVerdict v;
    switch (e.outcome) {
    case DnsEvidence::Outcome::Resolved:
        v.verdict = Tr::tr("The API server name resolves (%1) to %2")
                        .arg(which, e.addresses.join(QStringLiteral(", ")));
        break;
    case DnsEvidence::Outcome::NxDomain:
        v.problem = true;
        v.verdict = Tr::tr("The API server name does not exist (NXDOMAIN) for %1").arg(which);
        break;
    case DnsEvidence::Outcome::NoAnswer:
        v.problem = true;
        v.verdict = Tr::tr("%1 has no address for the API server name").arg(which);
        break;
    case DnsEvidence::Outcome::ServerError:
        v.problem = true;
        v.verdict = Tr::tr("%1 answered %2 for the API server name").arg(which, e.rcode);
        break;
    case DnsEvidence::Outcome::ServerUnreachable:
        v.problem = true;
        v.verdict = Tr::tr("%1 could not be reached: %2").arg(which, e.detail);
        break;
    case DnsEvidence::Outcome::ToolMissing:
        v.inconclusive = true;
        v.verdict = Tr::tr("Neither nslookup nor dig is installed on the node: %1").arg(e.detail);
        break;
    case DnsEvidence::Outcome::Unknown:
        v.inconclusive = true;
        v.verdict = Tr::tr("The lookup's output was not understood");
        break;
    }
    if (!e.server.isEmpty())
        v.details << Tr::tr("server %1").arg(e.server);
    if (!e.canonicalName.isEmpty())
        v.details << Tr::tr("canonical name %1").arg(e.canonicalName);
    return v;
}

NodeCheckVerdict tcp(const SshExecResult &r, int port) {
    const auto e = parseTcpProbe(r.stdOut, r.stdErr, r.exitStatus);
    NodeCheckVerdict v;
    v.problem = e.outcome != TcpProbeEvidence::Outcome::Open;
    switch (e.outcome) {
    case TcpProbeEvidence::Outcome::Open:
        v.verdict = Tr::tr("The API server accepts connections on port %1").arg(port);
        break;
    case TcpProbeEvidence::Outcome::Refused:
        v.verdict = Tr::tr("The API server refused the connection on port %1").arg(port);
        break;
    case TcpProbeEvidence::Outcome::TimedOut:
        v.verdict = Tr::tr("No answer from the API server on port %1 within 5 s (a firewall or "
                           "NSG dropping egress?)")
                        .arg(port);
        break;
    case TcpProbeEvidence::Outcome::Unreachable:
        v.verdict = Tr::tr("No route to the API server for port %1").arg(port);
        break;
    case TcpProbeEvidence::Outcome::NameUnknown:
        v.verdict = Tr::tr("The node cannot resolve the API server name");
        break;
    case TcpProbeEvidence::Outcome::Failed:
        v.problem = false;
        v.inconclusive = true;
        v.verdict = Tr::tr("The probe could not run");
        break;
    }
    if (!e.detail.isEmpty())
        v.details << e.detail;
    return v;
}

NodeCheckVerdict journal(const SshExecResult &r) {
    const auto e = parseKubeletJournal(r.stdOut, r.stdErr, r.exitStatus);
    NodeCheckVerdict v;
    if (e.problem) {
        v.inconclusive = true;
        v.verdict = Tr::tr("The kubelet journal could not be read: %1").arg(e.problem->detail);
        return v;
    }
    if (e.noEntries || e.lines == 0) {
        v.verdict = Tr::tr("No kubelet journal entries in that time");
        return v;
    }
    v.problem = e.errorLines > 0 || e.restarts > 1;
    v.verdict = Tr::tr("%1 kubelet journal lines, %2 errors, %3 start(s)")
                    .arg(QLocale().toString(e.lines), QLocale().toString(e.errorLines),
                         QLocale().toString(e.restarts));
    v.details = e.lastErrors;
    return v;
}

NodeCheckVerdict procDisk(const SshExecResult &r) {
    const auto e = parseProcDisk(r.stdOut, r.stdErr, r.exitStatus);
    NodeCheckVerdict v;
    for (const DiskStats &disk : e.disks) {
        if (disk.readsCompleted + disk.writesCompleted == 0)
            continue;
        v.details << Tr::tr("%1: %2 reads, %3 writes, %4 in flight, %5 ms doing I/O")
                         .arg(disk.device, QLocale().toString(disk.readsCompleted),
                              QLocale().toString(disk.writesCompleted),
                              QLocale().toString(disk.inFlight),
                              QLocale().toString(disk.msDoingIo));
    }
    QStringList parts;
    if (e.cpu)
        parts << Tr::tr("iowait %1% of CPU time since boot")
                     .arg(QLocale().toString(e.cpu->iowaitShare() * 100, 'f', 1));
    if (e.ioSome)
        parts << Tr::tr("I/O pressure some avg10 %1%, avg60 %2%")
                     .arg(QLocale().toString(e.ioSome->avg10, 'f', 2),
                          QLocale().toString(e.ioSome->avg60, 'f', 2));
    if (!e.problems.isEmpty())
        parts << Tr::tr("missing: %1").arg(e.problems.join(QStringLiteral(", ")));
    // A one-off reading is a snapshot: it flags only stalls that are high right now. The disk
    // step's rates come from two samples (the sampling engine).
    v.problem = e.ioSome && e.ioSome->avg60 >= 10.0;
    v.inconclusive = e.disks.isEmpty();
    v.verdict = parts.join(QStringLiteral("; "));
    return v;
}

} // namespace

QString NodeCheck::title() const {
    if (id == QLatin1String("tunnel-containers"))
        return Tr::tr("Tunnel containers");
    if (id == QLatin1String("tunnel-logs"))
        return Tr::tr("Tunnel container logs");
    if (id == QLatin1String("dns-node"))
        return Tr::tr("Resolve API server (node's resolver)");
    if (id == QLatin1String("dns-azure"))
        return Tr::tr("Resolve API server (168.63.129.16)");
    if (id == QLatin1String("tcp-443"))
        return Tr::tr("Probe API server :443");
    if (id == QLatin1String("tcp-9000"))
        return Tr::tr("Probe API server :9000 (tunnelfront)");
    if (id == QLatin1String("kubelet-journal"))
        return Tr::tr("Kubelet journal since...");
    if (id == QLatin1String("proc-disk"))
        return Tr::tr("Disk readings (/proc)");
    return id;
}

QHash<QString, QString> NodeCheck::arguments(const NodeCheckInput &input) const {
    if (templateId == QLatin1String("container-logs"))
        return {{QStringLiteral("container"), input.containerId}};
    if (templateId.startsWith(QLatin1String("dns-")) ||
        templateId.startsWith(QLatin1String("tcp-probe")))
        return {{QStringLiteral("host"), input.apiServerFqdn}};
    if (templateId == QLatin1String("kubelet-journal-since"))
        return {{QStringLiteral("since"), input.since}};
    return {};
}

NodeCheckVerdict NodeCheck::evaluate(const SshExecResult &r) const {
    if (!r.ok()) {
        NodeCheckVerdict v;
        v.inconclusive = true;
        v.verdict = r.status.message;
        return v;
    }
    if (id == QLatin1String("tunnel-containers"))
        return tunnel(r);
    if (id == QLatin1String("tunnel-logs"))
        return logs(r);
    if (id == QLatin1String("dns-node"))
        return dns(r, Tr::tr("the node's resolver"));
    if (id == QLatin1String("dns-azure"))
        return dns(r, Tr::tr("Azure DNS 168.63.129.16"));
    if (id == QLatin1String("tcp-443"))
        return tcp(r, 443);
    if (id == QLatin1String("tcp-9000"))
        return tcp(r, 9000);
    if (id == QLatin1String("kubelet-journal"))
        return journal(r);
    return procDisk(r);
}

const QList<NodeCheck> &NodeCheck::all() {
    static const QList<NodeCheck> checks = {
        {QStringLiteral("tunnel-containers"), QStringLiteral("tunnel-containers"), 2},
        {QStringLiteral("tunnel-logs"), QStringLiteral("container-logs"), 2},
        {QStringLiteral("dns-node"), QStringLiteral("dns-node-resolver"), 3},
        {QStringLiteral("dns-azure"), QStringLiteral("dns-azure-resolver"), 3},
        {QStringLiteral("tcp-443"), QStringLiteral("tcp-probe-443"), 2},
        {QStringLiteral("tcp-9000"), QStringLiteral("tcp-probe-9000"), 2},
        {QStringLiteral("kubelet-journal"), QStringLiteral("kubelet-journal-since"), 4},
        {QStringLiteral("proc-disk"), QStringLiteral("proc-disk"), 6},
    };
    return checks;
}

const NodeCheck *NodeCheck::find(const QString &id) {
    for (const NodeCheck &c : all()) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

namespace {

// Dotted numbers and port digits pass the Fqdn validator (labels of letters and digits); they
// are checked as an address and a number first.
const CommandTemplate &dnsServerLookup() {
    static const CommandTemplate t(
        QStringLiteral("dns-server-lookup"),
        QStringLiteral("if command -v nslookup >/dev/null 2>&1; then nslookup -port={port} {host} "
                       "{server}; else dig -p {port} @{server} {host}; fi"),
        {{QStringLiteral("host"), CommandArgKind::Fqdn},
         {QStringLiteral("server"), CommandArgKind::Fqdn},
         {QStringLiteral("port"), CommandArgKind::Fqdn}});
    return t;
}

const CommandTemplate &tcpProbePort() {
    // As tcp-probe-443: the host and port are $0 and $1 of the inner script, never spliced in.
    static const CommandTemplate t(
        QStringLiteral("tcp-probe-port"),
        QStringLiteral("timeout 5 bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' {host} {port}; "
                       "echo \"probe-exit=$?\""),
        {{QStringLiteral("host"), CommandArgKind::Fqdn},
         {QStringLiteral("port"), CommandArgKind::Fqdn}});
    return t;
}

} // namespace

Result<QString> renderDnsServerLookup(const QString &host, const QString &server, int port) {
    const QHostAddress address(server);
    if (address.protocol() != QAbstractSocket::IPv4Protocol || address.toString() != server)
        return Error{Tr::tr("The DNS server must be an IPv4 address, not \"%1\"").arg(server)};
    if (port < 1 || port > 65535)
        return Error{Tr::tr("The DNS server's port must be from 1 to 65535, not %1").arg(port)};
    return dnsServerLookup().render({{QStringLiteral("host"), host},
                                     {QStringLiteral("server"), server},
                                     {QStringLiteral("port"), QString::number(port)}});
}

Result<QString> renderTcpProbe(const QString &host, int port) {
    if (port < 1 || port > 65535)
        return Error{Tr::tr("The port to probe must be from 1 to 65535, not %1").arg(port)};
    return tcpProbePort().render(
        {{QStringLiteral("host"), host}, {QStringLiteral("port"), QString::number(port)}});
}

} // namespace nt
