#include "noderow.h"

#include "check/thresholds.h"

namespace nt::ui {

namespace {
const QString unreachableKey = QStringLiteral("node.kubernetes.io/unreachable");
const QString notReadyKey = QStringLiteral("node.kubernetes.io/not-ready");
const QString unschedulableKey = QStringLiteral("node.kubernetes.io/unschedulable");
} // namespace

QStringList NodeRowBuilder::pressureConditions()
{
    return {QStringLiteral("MemoryPressure"), QStringLiteral("DiskPressure"),
            QStringLiteral("PIDPressure"), QStringLiteral("NetworkUnavailable")};
}

QString NodeRowBuilder::readyText(const Condition *ready)
{
    if (!ready)
        return tr("\u2014", "Ready condition absent");
    if (ready->status == QLatin1String("True"))
        return tr("Ready");
    if (ready->status == QLatin1String("False"))
        return tr("NotReady");
    return tr("Unknown", "Ready condition status");
}

qint64 NodeRowBuilder::staleAfterSeconds(const NodeRow &row)
{
    const Thresholds &t = Thresholds::defaults();
    return row.heartbeatFromLease ? t.leaseStaleSeconds : t.statusHeartbeatStaleSeconds;
}

void NodeRowBuilder::applyFindings(NodeRow &row, const QList<Finding> &findings)
{
    row.health = StepStatus::Pass;
    row.problems.clear();
    for (const Finding &f : findings) {
        if (f.node != row.name() || f.severity == Severity::Info)
            continue;
        row.health = StepStatusText::worst(
            row.health, f.severity == Severity::Critical ? StepStatus::Fail : StepStatus::Warn);
        const QString line = f.detail.isEmpty() ? f.title : tr("%1: %2").arg(f.title, f.detail);
        if (!row.problems.contains(line))
            row.problems.append(line);
    }
}

NodeRow NodeRowBuilder::build(Node node, const Lease *lease, const QDateTime &now)
{
    NodeRow row;
    row.node = std::move(node);
    const Node &n = row.node;
    const Condition *ready = n.condition(QStringLiteral("Ready"));
    row.readyText = readyText(ready);

    if (lease && lease->renewTime.isValid()) {
        row.heartbeat = lease->renewTime;
        row.heartbeatFromLease = true;
    } else if (ready) {
        row.heartbeat = ready->lastHeartbeatTime;
    }

    auto raise = [&row](StepStatus status, const QString &problem) {
        row.health = StepStatusText::worst(row.health, status);
        row.problems.append(problem);
    };

    if (!ready) {
        raise(StepStatus::Warn, tr("The node reports no Ready condition."));
    } else if (ready->status == QLatin1String("False")) {
        raise(StepStatus::Fail, tr("NotReady: %1").arg(ready->message.isEmpty() ? ready->reason
                                                                               : ready->message));
    } else if (ready->status != QLatin1String("True")) {
        raise(StepStatus::Fail, tr("The kubelet stopped reporting (Ready is %1): %2")
                                    .arg(ready->status, ready->message));
    }

    for (const QString &type : pressureConditions()) {
        const Condition *c = n.condition(type);
        if (!c || c->status != QLatin1String("True"))
            continue;
        const StepStatus severity = type == QLatin1String("NetworkUnavailable") ? StepStatus::Fail
                                                                               : StepStatus::Warn;
        raise(severity, tr("%1: %2").arg(type, c->message.isEmpty() ? c->reason : c->message));
    }

    bool cordoned = n.unschedulable;
    QStringList others;
    for (const Taint &taint : n.taints) {
        if (taint.key == unreachableKey) {
            if (!row.taintWords.contains(tr("unreachable")))
                row.taintWords.prepend(tr("unreachable"));
        } else if (taint.key == notReadyKey) {
            if (!row.taintWords.contains(tr("not-ready")))
                row.taintWords.append(tr("not-ready"));
        } else if (taint.key == unschedulableKey) {
            cordoned = true;
        } else if (!others.contains(taint.key)) {
            others.append(taint.key);
        }
    }
    if (cordoned) {
        row.taintWords.append(tr("cordoned"));
        raise(StepStatus::Warn, tr("Cordoned (SchedulingDisabled): no new pods are placed here."));
    }
    const bool isReady = ready && ready->status == QLatin1String("True");
    if (isReady && !row.taintWords.isEmpty() && !cordoned)
        raise(StepStatus::Warn, tr("Ready, but still tainted %1.").arg(row.taintWords.join(QStringLiteral(", "))));
    row.taintWords.append(others);

    if (isReady && row.heartbeat.isValid() && now.isValid()) {
        const qint64 age = row.heartbeat.secsTo(now);
        if (age > staleAfterSeconds(row))
            raise(StepStatus::Warn, tr("Last heartbeat %1 s ago although the node is Ready.")
                                        .arg(QLocale().toString(age)));
    }

    row.searchText = QStringList{n.meta.name, n.pool(), n.instanceType(), n.kubeletVersion,
                                 row.readyText, row.taintWords.join(QLatin1Char(' '))}
                         .join(QLatin1Char(' '))
                         .toLower();
    return row;
}

} // namespace nt::ui
