#include "check/steptwo.h"

#include "check/nodecommands.h"
#include "kube/kubeclient.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(StepTwo)
};

const QString kNs = QStringLiteral("kube-system");

bool isAgent(const Deployment &d) {
    return d.meta.labels.value(QStringLiteral("app")) == u"konnectivity-agent" ||
           d.meta.labels.value(QStringLiteral("k8s-app")) == u"konnectivity-agent" ||
           d.meta.name == u"konnectivity-agent";
}

bool isLegacy(const Deployment &d) {
    return d.meta.name == u"tunnelfront" || d.meta.name == u"aks-link";
}

bool selects(const QMap<QString, QString> &selector, const Pod &pod) {
    if (selector.isEmpty())
        return false;
    for (auto it = selector.cbegin(); it != selector.cend(); ++it) {
        if (pod.meta.labels.value(it.key()) != it.value())
            return false;
    }
    return true;
}

QString replicaEvidence(const Deployment &d) {
    return QStringLiteral("replicas=%1 ready=%2 updated=%3 available=%4")
        .arg(d.replicas)
        .arg(d.readyReplicas)
        .arg(d.updatedReplicas)
        .arg(d.availableReplicas);
}

QString podEvidence(const Pod &p) {
    QString s = QStringLiteral("pod %1 node=%2 phase=%3 ready=%4 restarts=%5")
                    .arg(p.meta.name, p.nodeName.isEmpty() ? QStringLiteral("-") : p.nodeName,
                         p.phase, p.ready() ? QStringLiteral("true") : QStringLiteral("false"))
                    .arg(p.restarts());
    for (const ContainerStatus &c : p.containers) {
        if (!c.stateReason.isEmpty())
            s += QStringLiteral(" %1=%2").arg(c.name, c.stateReason);
        if (!c.lastTerminationReason.isEmpty())
            s += QStringLiteral(" lastTermination=%1 exitCode=%2 at %3")
                     .arg(c.lastTerminationReason)
                     .arg(c.lastExitCode)
                     .arg(isoTime(c.lastTerminationFinishedAt));
    }
    return s;
}

// The selector kubectl would use for the agent's pods and logs.
QString agentSelector(const Deployment &d) {
    QStringList parts;
    for (auto it = d.selector.cbegin(); it != d.selector.cend(); ++it)
        parts << it.key() + u'=' + it.value();
    return parts.isEmpty() ? QStringLiteral("app=konnectivity-agent") : parts.join(u',');
}

QStringList agentCommands(const Deployment &d, const QList<Node> &nodes) {
    QStringList c;
    c << QStringLiteral("kubectl get deploy %1 -n %2 -o wide")
             .arg(d.meta.name, d.meta.namespaceName)
      << QStringLiteral("kubectl logs -l %1 -n %2 --tail=50 --timestamps")
             .arg(agentSelector(d), d.meta.namespaceName)
      << QStringLiteral("kubectl rollout restart deploy %1 -n %2")
             .arg(d.meta.name, d.meta.namespaceName);
    const AzureNames names = nodes.isEmpty() ? AzureNames{} : AzureNames::forNode(nodes.first());
    c << QStringLiteral("az aks show -g %1 -n %2 --query \"{fqdn:fqdn, privateFqdn:privateFqdn}\"")
             .arg(names.resourceGroup.isEmpty() ? QStringLiteral("<RESOURCE_GROUP>")
                                                : names.resourceGroup,
                  names.clusterName.isEmpty() ? QStringLiteral("<CLUSTER_NAME>")
                                              : names.clusterName);
    c << QStringLiteral(
             "ContainerLogV2 | where ContainerName == \"%1\" | where LogMessage has_any "
             "(\"cannot connect once\", \"error dialing backend\", \"read failure\", "
             "\"write failure\") | project TimeGenerated, PodName, LogMessage | order by "
             "TimeGenerated desc | take 50")
             .arg(d.meta.name);
    return c;
}

// InternalIPs of nodes that are not Ready: failures to dial their kubelets are explained by the
// node, not by the tunnel.
QSet<QString> deadNodeAddresses(const QList<Node> &nodes) {
    QSet<QString> ips;
    for (const Node &n : nodes) {
        if (!nodeIsReady(n) && !n.internalIP().isEmpty())
            ips.insert(n.internalIP());
    }
    return ips;
}

bool explainedByDeadNode(QStringView line, const QSet<QString> &dead) {
    static const QRegularExpression dial(QStringLiteral(R"(dial tcp ([0-9a-fA-F.:\[\]]+):10250)"));
    const QRegularExpressionMatch m = dial.match(line.toString());
    return m.hasMatch() && dead.contains(m.captured(1));
}

void judgeAgent(const Deployment &d, const StepTwoInput &in, StepOutcome &out) {
    const QString object =
        objectRef(QStringLiteral("deployment"), d.meta.namespaceName, d.meta.name);
    QList<Pod> pods;
    for (const Pod &p : in.agentPods) {
        if (selects(d.selector, p))
            pods << p;
    }
    if (d.readyReplicas < d.replicas) {
        Finding f = Finding::fromCatalog("connectivity.agent-unavailable");
        f.object = object;
        f.detail = Tr::tr("%1 of %2 konnectivity agent replicas are ready, %3 available.")
                       .arg(d.readyReplicas)
                       .arg(d.replicas)
                       .arg(d.availableReplicas);
        f.evidence << replicaEvidence(d);
        for (const Condition &c : d.conditions)
            f.evidence << conditionEvidence(c);
        for (const Pod &p : pods)
            f.evidence << podEvidence(p);
        f.commands = agentCommands(d, in.nodes);
        out.findings << f;
    }
    const QSet<QString> dead = deadNodeAddresses(in.nodes);
    const Thresholds &t = Thresholds::defaults();
    // Restarts and log failures are the deployment's problem (the fix is a rollout restart after
    // the egress fix), so one finding each names every pod concerned.
    Finding restarting = Finding::fromCatalog("connectivity.agent-restarting");
    restarting.object = object;
    QStringList restartingPods;
    Finding logErrors = Finding::fromCatalog("connectivity.agent-log-errors");
    logErrors.object = object;
    QStringList failingPods;
    int failureLines = 0;
    for (const Pod &p : pods) {
        const QString podObject =
            objectRef(QStringLiteral("pod"), p.meta.namespaceName, p.meta.name);
        bool crashLoop = false;
        QDateTime lastTermination;
        for (const ContainerStatus &c : p.containers) {
            crashLoop = crashLoop || c.stateReason == u"CrashLoopBackOff";
            if (c.lastTerminationFinishedAt > lastTermination)
                lastTermination = c.lastTerminationFinishedAt;
        }
        const bool recent = !lastTermination.isValid() ||
                            lastTermination.secsTo(in.now) <= t.agentRestartWindowSeconds;
        if (crashLoop || (p.restarts() >= t.agentRestartsWarn && recent)) {
            restartingPods << (crashLoop ? Tr::tr("%1 (%2 restarts, CrashLoopBackOff)")
                                         : Tr::tr("%1 (%2 restarts)"))
                                  .arg(p.meta.name)
                                  .arg(p.restarts());
            restarting.evidence << podEvidence(p);
            restarting.commands << QStringLiteral("kubectl logs %1 -n %2 --previous --tail=50")
                                       .arg(p.meta.name, p.meta.namespaceName);
        }
        const auto log = in.logs.constFind(p.meta.name);
        if (log == in.logs.cend())
            continue;
        if (log->failed) {
            if (log->error.contains(u"error dialing backend")) {
                Finding f = Finding::fromCatalog("connectivity.logs-unreachable", p.nodeName);
                f.object = podObject;
                f.detail = Tr::tr("Reading the log of %1 failed: the API server could not dial the "
                                  "kubelet of node %2, so kubectl logs, exec and port-forward fail "
                                  "there too.")
                               .arg(p.meta.name, p.nodeName);
                f.evidence << log->error;
                f.commands << QStringLiteral("kubectl logs %1 -n %2 --tail=50")
                                  .arg(p.meta.name, p.meta.namespaceName)
                           << agentCommands(d, in.nodes);
                out.findings << f;
            } else {
                out.notes
                    << Tr::tr("The log of %1 could not be read: %2").arg(p.meta.name, log->error);
            }
            continue;
        }
        QStringList failures;
        int explained = 0;
        bool connected = false;
        for (QStringView line : QStringView(log->text).split(u'\n', Qt::SkipEmptyParts)) {
            switch (classifyAgentLogLine(line)) {
            case AgentLogClass::Failure:
                if (explainedByDeadNode(line, dead))
                    ++explained;
                else
                    failures << line.toString();
                break;
            case AgentLogClass::Connected:
                connected = true;
                break;
            default:
                break;
            }
        }
        if (explained > 0)
            out.notes << Tr::tr(
                             "%1 log lines of %2 are failures to dial the kubelet of a node that "
                             "is not Ready; step 1 reports that node.")
                             .arg(explained)
                             .arg(p.meta.name);
        if (!failures.isEmpty()) {
            failureLines += int(failures.size());
            failingPods << (connected ? Tr::tr("%1 (%2 failure lines)")
                                      : Tr::tr("%1 (%2 failure lines, never connected)"))
                               .arg(p.meta.name)
                               .arg(failures.size());
            for (const QString &line : failures.mid(qMax<qsizetype>(0, failures.size() - 5)))
                logErrors.evidence << p.meta.name + QStringLiteral(": ") + line;
        }
    }
    if (!restartingPods.isEmpty()) {
        restarting.detail = Tr::tr("Agent pods keep restarting: %1.")
                                .arg(restartingPods.join(QStringLiteral(", ")));
        restarting.commands << agentCommands(d, in.nodes);
        out.findings << restarting;
    }
    if (!failingPods.isEmpty()) {
        logErrors.detail = Tr::tr("%1 connection failures in the last %2 log lines of %3.")
                               .arg(failureLines)
                               .arg(t.agentLogTailLines)
                               .arg(failingPods.join(QStringLiteral(", ")));
        logErrors.commands = agentCommands(d, in.nodes);
        out.findings << logErrors;
    }
}

} // namespace

AgentLogClass classifyAgentLogLine(QStringView line) {
    // Order matters: a failure line may also mention the server it was connecting to.
    if (line.contains(u"remote connection EOF"))
        return AgentLogClass::Noise;
    static const char16_t *const failures[] = {u"cannot connect once", u"could not read stream",
                                               u"connection read failure", u"conn write failure",
                                               u"error dialing backend"};
    for (const char16_t *f : failures) {
        if (line.contains(QStringView(f), Qt::CaseInsensitive))
            return AgentLogClass::Failure;
    }
    if (line.contains(u"\"Connect to\"") || line.contains(u"Start serving"))
        return AgentLogClass::Connected;
    if (line.contains(u" set to "))
        return AgentLogClass::Startup;
    return AgentLogClass::Other;
}

StepOutcome judgeStepTwo(const StepTwoInput &in) {
    StepOutcome out;
    for (const Deployment &d : in.legacy) {
        Finding f = Finding::fromCatalog("connectivity.legacy-tunnel");
        f.object = objectRef(QStringLiteral("deployment"), d.meta.namespaceName, d.meta.name);
        f.detail = Tr::tr("The cluster tunnels API server traffic through the legacy %1 (%2).")
                       .arg(d.meta.name, replicaEvidence(d));
        f.evidence << replicaEvidence(d);
        for (const Pod &p : in.legacyPods) {
            if (selects(d.selector, p))
                f.evidence << podEvidence(p);
        }
        f.commands << QStringLiteral("kubectl get deploy %1 -n %2 -o wide")
                          .arg(d.meta.name, d.meta.namespaceName)
                   << QStringLiteral("kubectl logs deploy/%1 -n %2 --tail=50")
                          .arg(d.meta.name, d.meta.namespaceName)
                   << QStringLiteral("ContainerLogV2 | where ContainerName has \"%1\" | project "
                                     "TimeGenerated, PodName, LogMessage | order by TimeGenerated "
                                     "desc | take 50")
                          .arg(d.meta.name);
        out.findings << f;
        if (d.readyReplicas < d.replicas) {
            Finding u = Finding::fromCatalog("connectivity.agent-unavailable");
            u.object = f.object;
            u.detail = Tr::tr("%1 of %2 %3 replicas are ready.")
                           .arg(d.readyReplicas)
                           .arg(d.replicas)
                           .arg(d.meta.name);
            u.evidence = f.evidence;
            u.commands = f.commands;
            out.findings << u;
        }
    }
    if (in.agents.isEmpty() && in.legacy.isEmpty()) {
        if (in.vnetIntegrated) {
            Finding f = Finding::fromCatalog("connectivity.not-deployed-expected");
            f.detail = Tr::tr("No konnectivity agent runs, as expected with API server VNet "
                              "integration: the API server reaches the nodes directly.");
            out.findings << f;
        } else if (in.aks) {
            Finding f = Finding::fromCatalog("connectivity.agent-missing");
            f.object =
                objectRef(QStringLiteral("deployment"), kNs, QStringLiteral("konnectivity-agent"));
            f.detail = Tr::tr("No konnectivity-agent deployment (label app or k8s-app "
                              "konnectivity-agent) and no legacy tunnel in kube-system.");
            f.evidence << Tr::tr(
                "kube-system has no deployment labelled app=konnectivity-agent or "
                "k8s-app=konnectivity-agent, and none named tunnelfront or aks-link");
            f.commands << QStringLiteral("kubectl get deploy -n kube-system")
                       << QStringLiteral(
                              "kubectl get events -n kube-system --sort-by=.lastTimestamp");
            out.findings << f;
        } else {
            out.notes << Tr::tr(
                "No konnectivity agent or legacy tunnel: this does not look like an "
                "AKS cluster, so none is expected.");
        }
    }
    for (const Deployment &d : in.agents)
        judgeAgent(d, in, out);
    out.finish(2);
    return out;
}

std::optional<StepTwoInput> gatherStepTwo(KubeClient &client, const QList<Node> &nodes,
                                          QString *error, const GatherContext &ctx) {
    StepTwoInput in;
    in.nodes = nodes;
    in.aks = std::any_of(nodes.cbegin(), nodes.cend(), [](const Node &n) {
        return !n.pool().isEmpty() || n.providerID.startsWith(u"azure://");
    });
    const QString base = QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments");
    ctx.announce(Tr::tr("Listing the konnectivity agent and legacy tunnel deployments"));
    const TypedList<Deployment> deployments =
        ctx.await(client.listAs<Deployment>(base, &Deployment::fromJson));
    if (!deployments.ok()) {
        *error = responseError(deployments.status);
        return std::nullopt;
    }
    for (const Deployment &d : deployments.items) {
        if (isAgent(d))
            in.agents << d;
        else if (isLegacy(d))
            in.legacy << d;
    }
    in.now = QDateTime::currentDateTimeUtc();
    if (in.agents.isEmpty() && in.legacy.isEmpty())
        return in;
    ctx.announce(Tr::tr("Listing the agents' pods"));
    const TypedList<Pod> pods = ctx.await(
        client.listAs<Pod>(QStringLiteral("/api/v1/namespaces/kube-system/pods"), &Pod::fromJson));
    if (!pods.ok()) {
        *error = responseError(pods.status);
        return std::nullopt;
    }
    for (const Pod &p : pods.items) {
        for (const Deployment &d : in.agents) {
            if (selects(d.selector, p))
                in.agentPods << p;
        }
        for (const Deployment &d : in.legacy) {
            if (selects(d.selector, p))
                in.legacyPods << p;
        }
    }
    LogOptions opts;
    opts.tailLines = Thresholds::defaults().agentLogTailLines;
    opts.timestamps = true;
    if (!in.agentPods.isEmpty())
        ctx.announce(
            Tr::tr("Reading the last %1 log lines of each agent pod").arg(*opts.tailLines));
    QList<QPair<QString, QFuture<KubeResponse>>> pending;
    for (const Pod &p : in.agentPods) {
        LogOptions o = opts;
        if (p.containerNames.size() > 1)
            o.container = p.containerNames.contains(QStringLiteral("konnectivity-agent"))
                              ? QStringLiteral("konnectivity-agent")
                              : p.containerNames.first();
        pending << qMakePair(p.meta.name, client.podLogs(kNs, p.meta.name, o));
    }
    for (auto &[name, future] : pending) {
        const KubeResponse r = ctx.await(future);
        if (ctx.canceled()) {
            *error = responseError(r);
            return std::nullopt;
        }
        PodLog log;
        if (r.ok()) {
            log.text = QString::fromUtf8(r.body);
        } else {
            log.failed = true;
            log.error = responseError(r);
            if (!r.serverMessage.isEmpty() && !log.error.contains(r.serverMessage))
                log.error += QStringLiteral(" (") + r.serverMessage + u')';
        }
        in.logs.insert(name, log);
    }
    return in;
}

} // namespace nt
