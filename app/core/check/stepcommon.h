#pragma once
// What steps 2-6 share: the outcome of one step, what every gather may read about the run, and
// small formatting helpers for evidence. Each step is a gather (API calls, blocking: the CLI's
// thread has nothing else to do) and a judge (a pure function from typed input to findings).
#include "check/finding.h"
#include "check/severity.h"
#include "check/thresholds.h"
#include "kube/types.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace nt {

struct KubeResponse;

struct StepOutcome {
    QList<Finding> findings;
    QStringList notes; // translated; what could not be checked and why
    StepStatus status = StepStatus::Pass;
    // Sets status from the findings (fail / warn / pass), keeping Error when set.
    void finish(int step);
};

// RFC 3339 UTC, "-" when unknown.
QString isoTime(const QDateTime &t);
// "type=status reason=... lastTransitionTime=... message=\"...\"".
QString conditionEvidence(const Condition &c);
// "deployment/kube-system/konnectivity-agent": the finding's object (kind lower-case).
QString objectRef(const QString &kind, const QString &ns, const QString &name);
// The one sentence a failed request carries (the client's message, else its error kind).
QString responseError(const KubeResponse &response);
// "kubectl ... -n NS" helpers with real names.
QString kubectlDescribe(const QString &kind, const QString &ns, const QString &name);
// True when a node is Ready=True.
bool nodeIsReady(const Node &node);

} // namespace nt
