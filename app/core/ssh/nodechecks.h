#pragma once
// The console's one-click node-side checks: which CommandTemplate each runs, what argument it
// needs, and the verdict its parsed evidence gives. The console panel and (later) `check
// --ssh-*` use this list; the command lines themselves live only in CommandTemplate.
#include "ssh/sshtypes.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace nt {

struct NodeCheckInput {
    QString apiServerFqdn; // the cluster's API server FQDN (e.g. x.hcp.eastus.azmk8s.io)
    QString containerId;   // a tunnel container, from the tunnel-containers result
    QString since;         // journal start, "2026-11-28 09:00" or "-15 min"
};

struct NodeCheckVerdict {
    bool problem = false;      // true: evidence of a fault for the step
    bool inconclusive = false; // the command could not answer (tool missing, no daemon)
    QString verdict;           // one sentence
    QStringList details;       // facts, one per line
};

struct NodeCheck {
    QString id;            // "tunnel-containers"
    QString templateId;    // the CommandTemplate it renders
    int step = 0;          // the guide's step it gives evidence for (2 connectivity, 3 DNS, ...)
    QString title() const; // translated button text

    // The arguments for the template, taken from `input`.
    QHash<QString, QString> arguments(const NodeCheckInput &input) const;
    NodeCheckVerdict evaluate(const SshExecResult &result) const;

    static const QList<NodeCheck> &all();
    static const NodeCheck *find(const QString &id);
};

} // namespace nt
