#pragma once
// One node as the step-1 table shows it: the parsed Node, where its heartbeat came from, and the
// judgement derived once per refresh (not in data(), which runs for every painted cell).
#include "check/finding.h"
#include "kube/types.h"
#include "stepstatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace nt::ui {

struct NodeRow {
    Node node;
    QDateTime heartbeat;             // Lease renewTime, else Ready lastHeartbeatTime
    bool heartbeatFromLease = false;
    StepStatus health = StepStatus::Pass;
    QStringList problems;            // translated sentences: Ready, conditions, taints, heartbeat
    QStringList taintWords;          // unreachable, not-ready, cordoned, then other taint keys
    QString readyText;               // Ready / NotReady / Unknown
    QString searchText;              // lower-case text the filter box matches against

    const QString &name() const { return node.meta.name; }
    QString pool() const { return node.pool(); }
};

class NodeRowBuilder {
    Q_DECLARE_TR_FUNCTIONS(nt::ui::NodeRowBuilder)
public:
    // Seconds after which the row's heartbeat is stale: the Lease and the Ready condition are
    // renewed at different rates (check/thresholds.h has both, with their sources).
    static qint64 staleAfterSeconds(const NodeRow &row);

    // `lease` is the node's Lease from kube-node-lease when it could be read, else nullptr.
    static NodeRow build(Node node, const Lease *lease, const QDateTime &now);

    // Conditions whose "True" is a problem (all but Ready), in column order.
    static QStringList pressureConditions();
    static QString readyText(const Condition *ready);
    // Replaces the row's own judgement with the step-1 judge's findings for this node, so the
    // table, the rail and `nodetriage check` agree on what is a problem.
    static void applyFindings(NodeRow &row, const QList<Finding> &findings);
};

} // namespace nt::ui
