#pragma once
// Step 4, kubelet errors: counter deltas over the sampling window read from the MetricStore
// (runtime operation errors, start errors, PLEG relist p99, evictions, uptime dropping =
// restart), node events (kubelet starts, evictions), pods against capacity and version skew.
#include "check/stepcommon.h"
#include "metrics/metricstore.h"

#include <QHash>

namespace nt {

struct StepFourInput {
    QList<Node> nodes;
    const MetricStore *store = nullptr;
    qint64 fromMs = 0, toMs = 0;           // the window
    QHash<QString, QString> metricsErrors; // node -> why /metrics could not be read
    QList<Event> events;                   // events about nodes
    bool eventsFailed = false;
    QString eventsError;
    QString serverVersion; // gitVersion, "" when unknown
    QDateTime now;
    Thresholds thresholds = Thresholds::defaults();
};

// Values of one node's metric in the window, oldest first (bucket means).
QList<double> windowValues(const MetricStore &store, const QString &node, Metric metric,
                           qint64 fromMs, qint64 toMs);
// True when at least `share` of the values (and at least minCount of them) pass `over`.
bool sustained(const QList<double> &values, double over, const Thresholds &t);
// "v1.30.4" -> {1, 30}; {0, -1} when not a version.
QPair<int, int> majorMinor(const QString &version);

StepOutcome judgeStepFour(const StepFourInput &input);

} // namespace nt
