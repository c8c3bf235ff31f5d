#pragma once
// Step 6, disk IOPS throttling: each node's IOPS and MB/s over the window against the effective
// cap (disklimits.h), the disk's queue, CPU iowait and I/O pressure-stall, all sustained rather
// than one blip. Reads the MetricStore the window filled.
#include "check/stepcommon.h"
#include "metrics/metricstore.h"

#include <QHash>

namespace nt {

struct StepSixInput {
    QList<Node> nodes;
    const MetricStore *store = nullptr;
    qint64 fromMs = 0, toMs = 0;
    QHash<QString, QString> ioErrors; // node -> why its disk counters could not be read
    Thresholds thresholds = Thresholds::defaults();
};

StepOutcome judgeStepSix(const StepSixInput &input);

} // namespace nt
