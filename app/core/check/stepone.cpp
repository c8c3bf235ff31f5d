#include "check/stepone.h"

#include "check/checksteps.h"
#include "check/nodecommands.h"

#include <QCoreApplication>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(StepOne)
};

QString isoTime(const QDateTime &t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

// A short age for details: "45 s", "12 min", "3 h", "4 d".
QString age(qint64 seconds) {
    if (seconds < 120)
        return Tr::tr("%1 s").arg(seconds);
    if (seconds < 2 * 3600)
        return Tr::tr("%1 min").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return Tr::tr("%1 h").arg(seconds / 3600);
    return Tr::tr("%1 d").arg(seconds / 86400);
}

QString conditionEvidence(const Condition &c) {
    QString s = c.type + u'=' + c.status;
    if (!c.reason.isEmpty())
        s += QStringLiteral(" reason=") + c.reason;
    if (c.lastTransitionTime.isValid())
        s += QStringLiteral(" lastTransitionTime=") + isoTime(c.lastTransitionTime);
    if (c.lastHeartbeatTime.isValid())
        s += QStringLiteral(" lastHeartbeatTime=") + isoTime(c.lastHeartbeatTime);
    if (!c.message.isEmpty())
        s += QStringLiteral(" message=\"") + c.message + u'"';
    return s;
}

// "since <time> (<age>)" for a condition, or "" when the transition time is unknown.
QString sinceText(const Condition &c, const QDateTime &now) {
    if (!c.lastTransitionTime.isValid())
        return {};
    return Tr::tr(" since %1 (%2)")
        .arg(isoTime(c.lastTransitionTime), age(qMax<qint64>(0, c.lastTransitionTime.secsTo(now))));
}

class NodeJudge {
public:
    NodeJudge(const StepOneInput &in, const QHash<QString, const Lease *> &leases,
              StepOneResult &out)
        : m_in(in)
        , m_leases(leases)
        , m_out(out) {}

    // Nodes judged from the Ready condition although leases were listed.
    const QStringList &missingLeases() const { return m_missingLeases; }

    void judge(const Node &node) {
        const NodeCommands cmd(node);
        const Condition *ready = node.condition(QStringLiteral("Ready"));
        const Heartbeat beat = heartbeatOf(node, ready);
        if (!ready) {
            m_out.notes << Tr::tr(
                               "Node %1 has no Ready condition yet; its readiness was not judged.")
                               .arg(node.meta.name);
        } else if (ready->status == u"False" || ready->status == u"Unknown") {
            const bool unknown = ready->status == u"Unknown";
            Finding f =
                Finding::fromCatalog(unknown ? "node.unknown" : "node.not-ready", node.meta.name);
            f.detail = (unknown ? Tr::tr("Ready is Unknown%1: %2") : Tr::tr("Ready is False%1: %2"))
                           .arg(sinceText(*ready, m_in.now),
                                ready->message.isEmpty() ? ready->reason : ready->message);
            f.evidence << conditionEvidence(*ready);
            if (beat.last.isValid())
                f.evidence << beat.evidence(m_in.now);
            f.commands << cmd.describe() << cmd.events() << cmd.restartVm();
            m_out.findings << f;
        } else if (ready->status != u"True") {
            m_out.notes << Tr::tr(
                               "Node %1 reports Ready status \"%2\", which is not one Kubernetes "
                               "defines; its readiness was not judged.")
                               .arg(node.meta.name, ready->status);
        }

        pressure(node, cmd, "MemoryPressure", "node.memory-pressure");
        pressure(node, cmd, "DiskPressure", "node.disk-pressure");
        pressure(node, cmd, "PIDPressure", "node.pid-pressure");
        pressure(node, cmd, "NetworkUnavailable", "node.network-unavailable");
        taints(node, cmd);
        if (node.unschedulable) {
            Finding f = Finding::fromCatalog("node.cordoned", node.meta.name);
            f.detail = Tr::tr("The node is marked unschedulable: no new pods are placed on it.");
            f.evidence << QStringLiteral("spec.unschedulable=true");
            f.commands << cmd.describe() << cmd.uncordon();
            m_out.findings << f;
        }
        // Ready Unknown already says the kubelet stopped reporting (its heartbeat is evidence
        // there); a stale heartbeat is news when Ready still claims otherwise.
        if (beat.stale(m_in.now) && !(ready && ready->status == u"Unknown"))
            staleHeartbeat(node, cmd, beat);
        flapping(node, cmd);
    }

private:
    void pressure(const Node &node, const NodeCommands &cmd, const char *type, const char *id) {
        const Condition *c = node.condition(QString::fromLatin1(type));
        if (!c || c->status != u"True")
            return;
        Finding f = Finding::fromCatalog(id, node.meta.name);
        f.detail = Tr::tr("%1 is True%2: %3")
                       .arg(c->type, sinceText(*c, m_in.now),
                            c->message.isEmpty() ? c->reason : c->message);
        f.evidence << conditionEvidence(*c);
        f.commands << cmd.describe() << cmd.pods() << cmd.events();
        m_out.findings << f;
    }

    void taints(const Node &node, const NodeCommands &cmd) {
        QStringList names;
        QStringList evidence;
        for (const Taint &t : node.taints) {
            if (t.key != u"node.kubernetes.io/unreachable" &&
                t.key != u"node.kubernetes.io/not-ready")
                continue;
            names << t.toString();
            evidence << t.toString() + (t.timeAdded.isValid()
                                            ? QStringLiteral(" timeAdded=") + isoTime(t.timeAdded)
                                            : QString());
        }
        if (names.isEmpty())
            return;
        Finding f = Finding::fromCatalog("node.unreachable-taint", node.meta.name);
        f.detail = Tr::tr("The node carries %1.").arg(names.join(QStringLiteral(", ")));
        f.evidence = evidence;
        f.commands << cmd.describe() << cmd.events();
        m_out.findings << f;
    }

    struct Heartbeat {
        QDateTime last;
        QString source;
        int limit = 0;
        bool stale(const QDateTime &now) const {
            return last.isValid() && last.secsTo(now) > limit;
        }
        QString evidence(const QDateTime &now) const {
            return source + u'=' + isoTime(last) + QStringLiteral(" now=") + isoTime(now);
        }
    };

    // The freshest heartbeat source we have: the Lease, else the Ready condition's.
    Heartbeat heartbeatOf(const Node &node, const Condition *ready) {
        Heartbeat beat;
        if (const Lease *lease = m_leases.value(node.meta.name);
            lease && lease->renewTime.isValid()) {
            beat.last = lease->renewTime;
            beat.source = QStringLiteral("Lease kube-node-lease/") + node.meta.name +
                          QStringLiteral(" spec.renewTime");
            beat.limit = m_in.thresholds.leaseStaleSeconds;
        } else if (ready && ready->lastHeartbeatTime.isValid()) {
            beat.last = ready->lastHeartbeatTime;
            beat.source = QStringLiteral("Ready condition lastHeartbeatTime");
            beat.limit = m_in.thresholds.statusHeartbeatStaleSeconds;
            if (m_in.leases)
                m_missingLeases << node.meta.name;
        }
        return beat;
    }

    void staleHeartbeat(const Node &node, const NodeCommands &cmd, const Heartbeat &beat) {
        const qint64 seconds = beat.last.secsTo(m_in.now);
        Finding f = Finding::fromCatalog("node.heartbeat-stale", node.meta.name);
        f.detail = Tr::tr("Last heartbeat %1 ago (%2), more than the %3 allowed.")
                       .arg(age(seconds), beat.source, age(beat.limit));
        f.evidence << beat.evidence(m_in.now);
        f.commands << cmd.lease() << cmd.describe();
        m_out.findings << f;
    }

    void flapping(const Node &node, const NodeCommands &cmd) {
        const auto it = m_in.readiness.constFind(node.meta.name);
        if (it == m_in.readiness.constEnd())
            return;
        const int changes = readinessChanges(*it, m_in.now, m_in.thresholds.flapWindowSeconds);
        if (changes <= m_in.thresholds.flapMaxChanges)
            return;
        Finding f = Finding::fromCatalog("node.readiness-flapping", node.meta.name);
        f.detail = Tr::tr("Ready changed at least %1 times in the last %2.")
                       .arg(changes)
                       .arg(age(m_in.thresholds.flapWindowSeconds));
        for (const ReadinessSample &s : *it)
            f.evidence << isoTime(s.at) + QStringLiteral(" Ready=") + s.status;
        f.commands << cmd.events() << cmd.describe();
        m_out.findings << f;
    }

    const StepOneInput &m_in;
    const QHash<QString, const Lease *> &m_leases;
    StepOneResult &m_out;
    QStringList m_missingLeases;
};

} // namespace

int readinessChanges(const QList<ReadinessSample> &samples, const QDateTime &now,
                     int windowSeconds) {
    const QDateTime from = now.addSecs(-windowSeconds);
    int changes = 0;
    for (qsizetype i = 1; i < samples.size(); ++i) {
        const ReadinessSample &a = samples[i - 1];
        const ReadinessSample &b = samples[i];
        if (b.at < from)
            continue;
        if (a.status != b.status)
            ++changes;
        else if (a.lastTransition.isValid() && b.lastTransition.isValid() &&
                 a.lastTransition != b.lastTransition)
            changes += 2; // went away and came back between the two looks
    }
    return changes;
}

StepOneResult judgeStepOne(const StepOneInput &input) {
    StepOneResult out;
    QHash<QString, const Lease *> leases;
    if (input.leases) {
        leases.reserve(input.leases->size());
        for (const Lease &l : *input.leases)
            leases.insert(l.meta.name, &l);
    } else {
        out.notes
            << Tr::tr("Node leases could not be read (%1); heartbeats were judged from the Ready "
                      "condition's lastHeartbeatTime, which the kubelet refreshes only every "
                      "5 minutes when nothing changes.")
                   .arg(input.leasesError.isEmpty() ? Tr::tr("no reason given")
                                                    : input.leasesError);
    }

    NodeJudge judge(input, leases, out);
    int withoutPool = 0;
    for (const Node &node : input.nodes) {
        judge.judge(node);
        if (node.pool().isEmpty())
            ++withoutPool;
    }

    if (input.nodes.isEmpty())
        out.notes << Tr::tr("The cluster has no nodes.");
    if (withoutPool > 0)
        out.notes << Tr::tr(
                         "%1 of %2 nodes carry no node pool label (kubernetes.azure.com/agentpool "
                         "or agentpool); their pool is shown as unknown.")
                         .arg(withoutPool)
                         .arg(input.nodes.size());
    if (!judge.missingLeases().isEmpty())
        out.notes
            << Tr::tr("%1 nodes have no Lease in kube-node-lease (first: %2); their heartbeat was "
                      "judged from the Ready condition.")
                   .arg(judge.missingLeases().size())
                   .arg(judge.missingLeases().first());
    bool observed = false;
    for (const QList<ReadinessSample> &samples : input.readiness) {
        if (samples.size() > 1) {
            observed = true;
            break;
        }
    }
    if (!observed)
        out.notes << Tr::tr("Readiness flapping needs observation over time (--duration above 0); "
                            "this run took one snapshot.");
    out.status = StepResult::statusFrom(out.findings, 1);
    return out;
}

} // namespace nt
