#include "check/nodevantage.h"

#include "ssh/commandtemplate.h"
#include "ssh/sshclient.h"
#include "ssh/sshconfig.h"

#include <QCoreApplication>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>
#include <QThreadPool>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(NodeVantage)
};

constexpr int kConcurrentNodes = 4;
constexpr int kNodeDeadlineMs = 90000; // connect plus every check of one node
constexpr int kSshStepTimeoutMs = 10000;

QString dnsSentence(const DnsEvidence &e, const QString &server) {
    switch (e.outcome) {
    case DnsEvidence::Outcome::Resolved:
        return Tr::tr("%1 resolves it to %2").arg(server, e.addresses.join(QStringLiteral(", ")));
    case DnsEvidence::Outcome::NxDomain:
        return Tr::tr("%1 answers NXDOMAIN").arg(server);
    case DnsEvidence::Outcome::NoAnswer:
        return Tr::tr("%1 has no address for it").arg(server);
    case DnsEvidence::Outcome::ServerError:
        return Tr::tr("%1 answers %2").arg(server, e.rcode);
    case DnsEvidence::Outcome::ServerUnreachable:
        return Tr::tr("%1 could not be reached: %2").arg(server, e.detail);
    case DnsEvidence::Outcome::ToolMissing:
        return Tr::tr("neither nslookup nor dig is installed: %1").arg(e.detail);
    case DnsEvidence::Outcome::Unknown:
        break;
    }
    return Tr::tr("the lookup's output was not understood");
}

bool dnsConclusive(const DnsEvidence &e) {
    return e.outcome != DnsEvidence::Outcome::ToolMissing &&
           e.outcome != DnsEvidence::Outcome::Unknown;
}

QString tcpSentence(const TcpProbeEvidence &e, const QString &host, int port) {
    const QString where = QStringLiteral("%1:%2").arg(host).arg(port);
    switch (e.outcome) {
    case TcpProbeEvidence::Outcome::Open:
        return Tr::tr("%1 accepts connections").arg(where);
    case TcpProbeEvidence::Outcome::Refused:
        return Tr::tr("%1 refused the connection").arg(where);
    case TcpProbeEvidence::Outcome::TimedOut:
        return Tr::tr("no answer from %1 within 5 s").arg(where);
    case TcpProbeEvidence::Outcome::Unreachable:
        return Tr::tr("no route to %1").arg(where);
    case TcpProbeEvidence::Outcome::NameUnknown:
        return Tr::tr("the node cannot resolve %1").arg(host);
    case TcpProbeEvidence::Outcome::Failed:
        break;
    }
    return Tr::tr("the probe of %1 could not run").arg(where);
}

// One node, start to end, on a pool thread: its own SSH connection, the checks one after the
// other, everything bounded by the node's deadline and cut short by a cancel.
class NodeVisit {
public:
    NodeVisit(const CheckOptions &o, const NodeVantageInput &in, const GatherContext &ctx)
        : m_o(o)
        , m_in(in)
        , m_ctx(ctx)
        , m_deadline(std::chrono::steady_clock::now() +
                     std::chrono::milliseconds(kNodeDeadlineMs)) {}

    NodeVantageResult run(const Node &node) {
        NodeVantageResult r;
        r.node = node.meta.name;
        const QString ip = node.internalIP();
        r.address = ip;
        if (!connect(ip, r))
            return r;
        tunnel(r);
        dns(r);
        tcp(r);
        journal(r);
        m_client.disconnectFromHost();
        return r;
    }

private:
    template <typename T> std::optional<T> await(QFuture<T> future) {
        m_ctx.cancel.wakeOn(future);
        if (!m_ctx.cancel.waitFor([&future] { return future.isFinished(); }, m_deadline)) {
            m_client.cancel(); // interrupts the connect or command in flight
            future.waitForFinished();
            m_timedOut = !m_ctx.canceled();
        }
        if (future.resultCount() == 0)
            return std::nullopt;
        return future.result();
    }

    bool connect(const QString &ip, NodeVantageResult &r) {
        const auto fail = [&](const QString &why) {
            r.error =
                Tr::tr("Node %1 (%2) could not be reached over SSH: %3")
                    .arg(r.node, r.address.isEmpty() ? Tr::tr("no InternalIP") : r.address, why);
            return false;
        };
        if (ip.isEmpty())
            return fail(Tr::tr("it has no InternalIP address"));
        const Result<SshConfig> config =
            SshConfig::load(m_o.sshConfig.isEmpty() ? SshConfig::defaultPath() : m_o.sshConfig);
        if (!config)
            return fail(config.error());
        SshOverrides overrides;
        overrides.user = m_o.sshUser;
        overrides.port = m_o.sshPort;
        if (!m_o.sshKey.isEmpty())
            overrides.identityFiles << m_o.sshKey;
        if (!m_o.sshJump.isEmpty())
            overrides.proxyJump = m_o.sshJump;
        overrides.knownHostsFile = m_o.knownHosts;
        SshEndpoint endpoint;
        endpoint.host = ip;
        Result<SshConnectOptions> options = config->connectOptions(endpoint, overrides);
        if (!options)
            return fail(options.error());
        // The command line never trusts a key it does not know, whatever the config says.
        options->unknownHostKey = UnknownHostKeyPolicy::Refuse;
        options->timeoutMs = kSshStepTimeoutMs;
        // Nobody to ask: an encrypted key needs the agent.
        options->callbacks.passphrase = [](const QString &, int) {
            return std::optional<QByteArray>();
        };
        options->callbacks.password = [](const QString &, int) {
            return std::optional<QByteArray>();
        };
        r.address = options->target.display();
        const std::optional<SshStatus> status = await(m_client.connectToHost(*options));
        if (m_ctx.canceled())
            return fail(Tr::tr("the check was cancelled"));
        if (!status)
            return fail(Tr::tr("no answer within %1 s").arg(kNodeDeadlineMs / 1000));
        if (!status->ok())
            return fail(status->message);
        return true;
    }

    // Runs a rendered command; an unusable one (should not happen: the values were validated)
    // is a check that did not run.
    std::optional<SshExecResult> exec(const Result<QString> &command, NodeCheckRun &run) {
        if (!command) {
            run.verdict.inconclusive = true;
            run.verdict.verdict = command.error();
            return std::nullopt;
        }
        if (m_ctx.canceled() || m_timedOut)
            return std::nullopt;
        run.ran = true;
        run.command = *command;
        std::optional<SshExecResult> result = await(m_client.exec(*command));
        if (!result) {
            run.verdict.inconclusive = true;
            run.verdict.verdict =
                m_timedOut ? Tr::tr("no answer within the node's %1 s").arg(kNodeDeadlineMs / 1000)
                           : Tr::tr("cancelled");
            return std::nullopt;
        }
        if (!result->ok()) {
            run.verdict.inconclusive = true;
            run.verdict.verdict = result->status.message;
            return std::nullopt;
        }
        return result;
    }

    Result<QString> render(const char *id, const QHash<QString, QString> &args = {}) {
        const CommandTemplate *t = CommandTemplate::find(QString::fromLatin1(id));
        if (!t)
            return Error{Tr::tr("no command template %1").arg(QString::fromLatin1(id))};
        return t->render(args);
    }

    void tunnel(NodeVantageResult &r) {
        const auto result = exec(render("tunnel-containers"), r.tunnel);
        if (!result)
            return;
        r.tunnel.verdict = NodeCheck::find(QStringLiteral("tunnel-containers"))->evaluate(*result);
        r.tunnelEvidence =
            parseTunnelContainers(result->stdOut, result->stdErr, result->exitStatus);
        if (r.tunnelEvidence.problem) {
            // Say which tool, never a finding made of a missing tool.
            r.tunnel.verdict.inconclusive = true;
            r.tunnel.verdict.problem = false;
            r.tunnel.verdict.verdict =
                Tr::tr("the container runtime could not be asked (%1: %2)")
                    .arg(r.tunnelEvidence.problem->tool.isEmpty() ? QStringLiteral("crictl/docker")
                                                                  : r.tunnelEvidence.problem->tool,
                         r.tunnelEvidence.problem->detail);
            return;
        }
        for (const TunnelContainer &c : std::as_const(r.tunnelEvidence.containers)) {
            if (c.id.isEmpty())
                continue;
            const char *logs =
                r.tunnelEvidence.runtime == u"docker" ? "docker-logs" : "container-logs";
            const auto log =
                exec(render(logs, {{QStringLiteral("container"), c.id}}), r.tunnelLogs);
            if (log)
                r.tunnelLogs.verdict =
                    NodeCheck::find(QStringLiteral("tunnel-logs"))->evaluate(*log);
            break;
        }
    }

    void dns(NodeVantageResult &r) {
        if (m_in.fqdn.isEmpty())
            return;
        const bool custom = !m_o.nodeDnsServer.isEmpty();
        const QString server =
            custom ? QStringLiteral("%1:%2").arg(m_o.nodeDnsServer).arg(m_o.nodeDnsPort)
                   : QString();
        const QHash<QString, QString> host{{QStringLiteral("host"), m_in.fqdn}};
        struct Lookup {
            NodeCheckRun *run;
            DnsEvidence *evidence;
            const char *templateId;
            QString label;
        };
        const Lookup lookups[] = {
            {&r.dnsNode, &r.dnsNodeEvidence, "dns-node-resolver",
             custom ? Tr::tr("%1 (--node-dns-server, instead of the node's resolver)").arg(server)
                    : Tr::tr("the node's resolver")},
            {&r.dnsUpstream, &r.dnsUpstreamEvidence, "dns-azure-resolver",
             custom ? Tr::tr("%1 (--node-dns-server, instead of 168.63.129.16)").arg(server)
                    : Tr::tr("Azure DNS 168.63.129.16")}};
        r.dnsServerLabel = lookups[0].label;
        for (const Lookup &l : lookups) {
            const auto result =
                exec(custom ? renderDnsServerLookup(m_in.fqdn, m_o.nodeDnsServer, m_o.nodeDnsPort)
                            : render(l.templateId, host),
                     *l.run);
            if (!result)
                continue;
            *l.evidence = parseDnsLookup(result->stdOut, result->stdErr, result->exitStatus);
            l.run->verdict.verdict = dnsSentence(*l.evidence, l.label);
            l.run->verdict.inconclusive = !dnsConclusive(*l.evidence);
            l.run->verdict.problem =
                dnsConclusive(*l.evidence) && l.evidence->outcome != DnsEvidence::Outcome::Resolved;
        }
    }

    void tcp(NodeVantageResult &r) {
        const auto probe = [&](NodeCheckRun &run, int port) {
            const auto result = exec(renderTcpProbe(m_in.apiHost, port), run);
            if (!result)
                return;
            const TcpProbeEvidence e =
                parseTcpProbe(result->stdOut, result->stdErr, result->exitStatus);
            run.verdict.verdict = tcpSentence(e, m_in.apiHost, port);
            run.verdict.inconclusive = e.outcome == TcpProbeEvidence::Outcome::Failed;
            run.verdict.problem =
                !run.verdict.inconclusive && e.outcome != TcpProbeEvidence::Outcome::Open;
            if (!e.detail.isEmpty())
                run.verdict.details << e.detail;
        };
        if (m_in.apiHost.isEmpty())
            return;
        probe(r.tcpApi, m_in.apiPort);
        // tunnelfront reaches the API server's tunnel on 9000.
        if (r.tunnelEvidence.flavour() == u"tunnelfront")
            probe(r.tcpTunnel, 9000);
    }

    void journal(NodeVantageResult &r) {
        const auto result = exec(
            render("kubelet-journal-since",
                   {{QStringLiteral("since"),
                     QStringLiteral("-%1 min").arg(std::clamp(m_in.journalMinutes, 1, 9999))}}),
            r.journal);
        if (result)
            r.journal.verdict =
                NodeCheck::find(QStringLiteral("kubelet-journal"))->evaluate(*result);
    }

    const CheckOptions &m_o;
    const NodeVantageInput &m_in;
    const GatherContext &m_ctx;
    std::chrono::steady_clock::time_point m_deadline;
    SshClient m_client;
    bool m_timedOut = false;
};

QString runLine(const QString &node, const QString &what, const NodeCheckRun &run) {
    return Tr::tr("%1 over SSH, %2: %3 [%4]").arg(node, what, run.verdict.verdict, run.command);
}

} // namespace

QList<Node> nodesToVisit(const QList<Node> &nodes, const QList<Finding> &findings, int cap) {
    QSet<QString> affected;
    for (const Finding &f : findings) {
        if (f.severity != Severity::Info && !f.node.isEmpty())
            affected.insert(f.node);
    }
    QList<Node> out;
    for (int pass = 0; pass < 2 && out.size() < cap; ++pass) {
        for (const Node &n : nodes) {
            if (out.size() >= cap)
                break;
            if (n.internalIP().isEmpty() || affected.contains(n.meta.name) != (pass == 0))
                continue;
            out << n;
        }
    }
    return out;
}

QList<NodeVantageResult> runNodeVantage(const CheckOptions &options, const NodeVantageInput &input,
                                        const GatherContext &ctx, QStringList *warnings) {
    QThreadPool pool;
    pool.setMaxThreadCount(kConcurrentNodes);
    QList<QFuture<NodeVantageResult>> running;
    for (const Node &node : input.nodes)
        running << QtConcurrent::run(&pool, [&options, &input, &ctx, node] {
            NodeVisit visit(options, input, ctx);
            return visit.run(node);
        });
    QList<NodeVantageResult> results;
    for (QFuture<NodeVantageResult> &f : running) {
        f.waitForFinished(); // each visit is bounded by its deadline and ends on a cancel
        NodeVantageResult r = f.result();
        if (!r.reached())
            *warnings << r.error;
        else if (r.tunnel.ran && r.tunnel.verdict.inconclusive)
            *warnings << Tr::tr("Node %1: %2.").arg(r.node, r.tunnel.verdict.verdict);
        results << std::move(r);
    }
    return results;
}

void addNodeVantageToStepTwo(const QList<NodeVantageResult> &results, StepOutcome &out) {
    for (const NodeVantageResult &r : results) {
        if (!r.reached()) {
            out.notes << r.error;
            continue;
        }
        QStringList evidence;
        for (const NodeCheckRun *run : {&r.tcpApi, &r.tcpTunnel}) {
            if (run->ran && run->verdict.problem)
                evidence << runLine(r.node, Tr::tr("TCP probe"), *run) << run->verdict.details;
        }
        if (!evidence.isEmpty()) {
            Finding f = Finding::fromCatalog("connectivity.node-apiserver-unreachable", r.node);
            f.detail = Tr::tr("From node %1 the API server cannot be reached: %2")
                           .arg(r.node, r.tcpApi.verdict.problem ? r.tcpApi.verdict.verdict
                                                                 : r.tcpTunnel.verdict.verdict);
            f.evidence = evidence;
            f.commands << r.tcpApi.command;
            if (r.tcpTunnel.ran)
                f.commands << r.tcpTunnel.command;
            out.findings << f;
        } else if (r.tcpApi.ran) {
            out.notes << runLine(r.node, Tr::tr("TCP probe"), r.tcpApi) + u'.';
        }
        if (r.tunnel.ran)
            out.notes << runLine(r.node, Tr::tr("tunnel containers"), r.tunnel) + u'.';
        if (r.tunnelLogs.ran && r.tunnelLogs.verdict.problem) {
            // The node's own view of the agent's failures: evidence of the step's findings.
            for (Finding &f : out.findings) {
                if (f.id.startsWith(u"connectivity.agent"))
                    f.evidence << runLine(r.node, Tr::tr("tunnel logs"), r.tunnelLogs)
                               << r.tunnelLogs.verdict.details.mid(0, 5);
            }
        }
    }
    out.finish(2);
}

void addNodeVantageToStepThree(const QList<NodeVantageResult> &results, StepThreeInput &in) {
    const auto vantage = [&results](NodeCheckRun NodeVantageResult::*run,
                                    DnsEvidence NodeVantageResult::*evidence) {
        DnsVantage v;
        QStringList failed, resolved, why;
        for (const NodeVantageResult &r : results) {
            const NodeCheckRun &c = r.*run;
            if (!r.reached()) {
                why << r.error;
                continue;
            }
            if (!c.ran || c.verdict.inconclusive) {
                why << Tr::tr("%1: %2").arg(r.node, c.verdict.verdict);
                continue;
            }
            const DnsEvidence &e = r.*evidence;
            const QString line = Tr::tr("over SSH on %1: %2").arg(r.node, c.verdict.verdict);
            if (e.outcome == DnsEvidence::Outcome::Resolved) {
                resolved << line;
                for (const QString &a : e.addresses) {
                    if (!v.addresses.contains(a))
                        v.addresses << a;
                }
            } else {
                failed << line;
            }
        }
        if (failed.isEmpty() && resolved.isEmpty()) {
            v.why = why.isEmpty() ? Tr::tr("no node was visited") : why.join(QStringLiteral("; "));
            return v;
        }
        v.ran = true;
        // One node that cannot resolve is the finding; the ones that can are its contrast.
        v.resolved = failed.isEmpty();
        v.detail = (failed + resolved).join(QStringLiteral("; "));
        return v;
    };
    const DnsVantage node =
        vantage(&NodeVantageResult::dnsNode, &NodeVantageResult::dnsNodeEvidence);
    if (node.ran)
        in.node = node;
    else if (!in.node.ran)
        in.node.why = node.why;
    in.upstream = vantage(&NodeVantageResult::dnsUpstream, &NodeVantageResult::dnsUpstreamEvidence);
}

void addNodeVantageToStepFour(const QList<NodeVantageResult> &results, StepOutcome &out) {
    for (const NodeVantageResult &r : results) {
        if (!r.reached() || !r.journal.ran)
            continue;
        const QString line = runLine(r.node, Tr::tr("kubelet journal"), r.journal);
        bool used = false;
        for (Finding &f : out.findings) {
            if (f.node == r.node && f.id.startsWith(u"kubelet.")) {
                f.evidence << line << r.journal.verdict.details.mid(0, 5);
                used = true;
            }
        }
        if (!used)
            out.notes << line + u'.';
    }
}

} // namespace nt
