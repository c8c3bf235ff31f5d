#include "check/stepfive.h"

#include "check/nodecommands.h"
#include "kube/kubeclient.h"

#include <QCoreApplication>
#include <QMap>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(StepFive)
};

// Above this many nodes without NPD conditions, one cluster-wide finding names them instead of
// one finding per node.
constexpr int kNotDetectedPerNode = 20;

} // namespace

bool isKubeletCondition(const QString &type) {
    static const QStringList kubelet{QStringLiteral("Ready"), QStringLiteral("MemoryPressure"),
                                     QStringLiteral("DiskPressure"), QStringLiteral("PIDPressure"),
                                     QStringLiteral("NetworkUnavailable")};
    return kubelet.contains(type);
}

bool isNpdEvent(const Event &e) {
    static const QStringList sources{
        QStringLiteral("kernel-monitor"),        QStringLiteral("system-log-monitor"),
        QStringLiteral("custom-plugin-monitor"), QStringLiteral("systemd-monitor"),
        QStringLiteral("abrt-adaptor"),          QStringLiteral("node-problem-detector")};
    // AKS NPD events [MicrosoftDocs/azure-aks-docs node-problem-detector.md].
    static const QStringList reasons{QStringLiteral("EgressBlocked"),
                                     QStringLiteral("FilesystemCorruptionDetected"),
                                     QStringLiteral("KubeletIsDown"),
                                     QStringLiteral("ContainerRuntimeIsDown"),
                                     QStringLiteral("FreezeScheduled"),
                                     QStringLiteral("RebootScheduled"),
                                     QStringLiteral("RedeployScheduled"),
                                     QStringLiteral("TerminateScheduled"),
                                     QStringLiteral("PreemptScheduled"),
                                     QStringLiteral("DNSProblem"),
                                     QStringLiteral("OOMKilling"),
                                     QStringLiteral("TaskHung"),
                                     QStringLiteral("UnregisterNetDevice"),
                                     QStringLiteral("KernelOops"),
                                     QStringLiteral("KubeletRPCDeadlineExceeded"),
                                     QStringLiteral("CNICannotStatFS"),
                                     QStringLiteral("PLEGUnhealthy"),
                                     QStringLiteral("DockerHung")};
    return sources.contains(e.source) || reasons.contains(e.reason);
}

StepOutcome judgeStepFive(const StepFiveInput &in) {
    StepOutcome out;
    QStringList withoutNpd;
    QHash<QString, const Node *> byName;
    for (const Node &node : in.nodes) {
        byName.insert(node.meta.name, &node);
        bool any = false;
        for (const Condition &c : node.conditions) {
            if (isKubeletCondition(c.type))
                continue;
            any = true;
            if (c.status != u"True")
                continue;
            const NodeCommands cmd(node);
            Finding f = Finding::fromCatalog("npd.condition", node.meta.name);
            f.detail = Tr::tr("%1 is True since %2: %3")
                           .arg(c.type, isoTime(c.lastTransitionTime),
                                c.message.isEmpty() ? c.reason : c.message);
            f.evidence << conditionEvidence(c);
            f.commands << cmd.describe() << cmd.events();
            if (c.type.endsWith(u"Scheduled")) {
                const AzureNames names = AzureNames::forNode(node);
                f.commands << QStringLiteral(
                                  "az vmss get-instance-view -g %1 -n %2 --instance-id %3")
                                  .arg(names.nodeResourceGroup.isEmpty()
                                           ? QStringLiteral("<NODE_RESOURCE_GROUP>")
                                           : names.nodeResourceGroup,
                                       names.scaleSet.isEmpty() ? QStringLiteral("<VMSS>")
                                                                : names.scaleSet,
                                       names.instanceId.isEmpty() ? QStringLiteral("<INSTANCE_ID>")
                                                                  : names.instanceId);
            } else
                f.commands << cmd.restartVm();
            out.findings << f;
        }
        if (!any)
            withoutNpd << node.meta.name;
    }
    if (!withoutNpd.isEmpty() && withoutNpd.size() <= kNotDetectedPerNode) {
        for (const QString &name : withoutNpd) {
            Finding f = Finding::fromCatalog("npd.not-detected", name);
            f.detail = Tr::tr("Node %1 carries only the kubelet's conditions.").arg(name);
            f.commands << NodeCommands(*byName.value(name)).describe();
            out.findings << f;
        }
    } else if (!withoutNpd.isEmpty()) {
        Finding f = Finding::fromCatalog("npd.not-detected");
        f.detail = Tr::tr("%1 of %2 nodes carry only the kubelet's conditions.")
                       .arg(withoutNpd.size())
                       .arg(in.nodes.size());
        f.evidence = withoutNpd.mid(0, kNotDetectedPerNode);
        out.findings << f;
    }

    if (in.eventsFailed) {
        out.notes << Tr::tr("Node events could not be read, so NPD events were not checked: %1")
                         .arg(in.eventsError);
    } else {
        // One finding per node and reason, newest occurrence first in the evidence.
        QMap<QPair<QString, QString>, QList<const Event *>> grouped;
        for (const Event &e : in.events) {
            if (e.type != u"Warning" || !isNpdEvent(e))
                continue;
            const QDateTime last = e.lastTimestamp.isValid() ? e.lastTimestamp : e.firstTimestamp;
            if (last.isValid() && in.now.isValid() &&
                last.secsTo(in.now) > in.thresholds.npdEventLookbackSeconds)
                continue;
            grouped[qMakePair(e.involvedName, e.reason)] << &e;
        }
        for (auto it = grouped.cbegin(); it != grouped.cend(); ++it) {
            Finding f = Finding::fromCatalog("npd.event", it.key().first);
            int count = 0;
            for (const Event *e : it.value()) {
                count += qMax(1, e->count);
                f.evidence << QStringLiteral("%1 %2 %3 x%4: %5")
                                  .arg(isoTime(e->lastTimestamp.isValid() ? e->lastTimestamp
                                                                          : e->firstTimestamp),
                                       e->reason, e->source)
                                  .arg(e->count)
                                  .arg(e->message);
            }
            f.detail = Tr::tr("%1 reported %2 times in the last hour: %3")
                           .arg(it.key().second)
                           .arg(count)
                           .arg(it.value().first()->message);
            if (const Node *n = byName.value(it.key().first))
                f.commands << NodeCommands(*n).events();
            out.findings << f;
        }
    }
    out.finish(5);
    return out;
}

std::optional<QList<Event>> listNodeEvents(KubeClient &client, QString *error,
                                           const GatherContext &ctx) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("fieldSelector"), QStringLiteral("involvedObject.kind=Node"));
    const TypedList<Event> events =
        ctx.await(client.listAs<Event>(QStringLiteral("/api/v1/events"), &Event::fromJson, q));
    if (!events.ok()) {
        *error = responseError(events.status);
        return std::nullopt;
    }
    return QList<Event>(events.items.begin(), events.items.end());
}

StepFiveInput gatherStepFive(KubeClient &client, const QList<Node> &nodes) {
    StepFiveInput in;
    in.nodes = nodes;
    in.now = QDateTime::currentDateTimeUtc();
    if (auto events = listNodeEvents(client, &in.eventsError))
        in.events = *events;
    else
        in.eventsFailed = true;
    return in;
}

} // namespace nt
