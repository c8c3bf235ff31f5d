#pragma once
// Step 1, worker node health, as a pure function: Kubernetes objects and observations in,
// findings and notes out. No network, no clock: the caller passes `now` (the API server's time
// when it sent one), so the judge is testable with fixtures and repeatable.
#include "check/finding.h"
#include "check/severity.h"
#include "check/thresholds.h"
#include "kube/types.h"

#include <optional>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

namespace nt {

// One look at a node's Ready condition during the sampling window.
struct ReadinessSample {
    QDateTime at;
    QString status;           // "True" / "False" / "Unknown", "" when absent
    QDateTime lastTransition; // lets us see flaps that happened between two looks
};
// Samples per node name, oldest first. Empty when only one snapshot was taken.
using ReadinessHistory = QHash<QString, QList<ReadinessSample>>;

struct StepOneInput {
    QList<Node> nodes;
    // nullopt: the Leases could not be read at all (403/404/old server); leasesError says why.
    std::optional<QList<Lease>> leases;
    QString leasesError;
    QDateTime now;
    ReadinessHistory readiness;
    Thresholds thresholds = Thresholds::defaults();
};

struct StepOneResult {
    QList<Finding> findings;
    QStringList notes; // translated; what could not be judged and why
    StepStatus status = StepStatus::Pass;
};

StepOneResult judgeStepOne(const StepOneInput &input);

// Ready changes seen in the history within the window ending at `now` (a lower bound: two looks
// with the same status but a moved lastTransitionTime count as two changes).
int readinessChanges(const QList<ReadinessSample> &samples, const QDateTime &now,
                     int windowSeconds);

} // namespace nt
