#pragma once
// Step 1's usage findings from the samples of the window: node.cpu-high, node.memory-high,
// node.pids-high and node.fs-high, each sustained over the window (or, with one snapshot, the one
// value). A node that reported nothing gets no finding (and no 0).
#include "check/stepcommon.h"
#include "metrics/metricstore.h"

namespace nt {

QList<Finding> judgeUsage(const QList<Node> &nodes, const MetricStore &store, qint64 fromMs,
                          qint64 toMs, const Thresholds &t = Thresholds::defaults());

// node.readiness-flapping from the node controller's and the kubelet's Ready events (NodeReady,
// NodeNotReady) when the window's own looks saw too few changes: a window of seconds cannot see
// a node that flaps every minute or two, its events over the last 15 minutes can. Nodes that
// already have the finding are skipped.
QList<Finding> judgeFlapEvents(const QList<Node> &nodes, const QList<Event> &events,
                               const QDateTime &now, const QList<Finding> &already,
                               const Thresholds &t = Thresholds::defaults());

} // namespace nt
