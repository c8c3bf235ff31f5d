#pragma once
// One node as the step-1 table shows it: the parsed Node, where its heartbeat came from, and the
// judgement derived once per refresh (not in data(), which runs for every painted cell).
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
    // Heartbeats older than this (and the node still claims Ready) are worth a look: the node
    // lifecycle controller marks a node Unknown after roughly 40-50 s without one.
    static constexpr qint64 staleHeartbeatSeconds = 120;

    // `lease` is the node's Lease from kube-node-lease when it could be read, else nullptr.
    static NodeRow build(Node node, const Lease *lease, const QDateTime &now);

    // Conditions whose "True" is a problem (all but Ready), in column order.
    static QStringList pressureConditions();
    static QString readyText(const Condition *ready);
};

} // namespace nt::ui
