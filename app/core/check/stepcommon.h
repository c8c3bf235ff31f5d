#pragma once
// What steps 2-6 share: the outcome of one step, what every gather may read about the run, and
// small formatting helpers for evidence. Each step is a gather (API calls, blocking: the CLI's
// thread has nothing else to do) and a judge (a pure function from typed input to findings).
#include "check/checkcancel.h"
#include "check/finding.h"
#include "check/severity.h"
#include "check/thresholds.h"
#include "kube/types.h"

#include <functional>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace nt {

struct KubeResponse;

// What a gather may use besides the client: the cancel it honours (every wait on the client goes
// through await(), so a cancel ends the gather at once) and where to say which check it is on.
struct GatherContext {
    CheckCancel cancel; // default: one nobody cancels
    std::function<void(const QString &check)> onCheck;

    bool canceled() const { return cancel.isCanceled(); }
    // Tells the progress callback that `check` (translated, e.g. "Reading the agents' logs")
    // starts now.
    void announce(const QString &check) const {
        if (onCheck)
            onCheck(check);
    }
    // The answer, or a failed response of kind Canceled once cancelled.
    KubeResponse await(QFuture<KubeResponse> future) const;
    template <typename T> TypedList<T> await(QFuture<TypedList<T>> future) const {
        if (std::optional<TypedList<T>> r = cancel.await(std::move(future)))
            return std::move(*r);
        TypedList<T> failed;
        failed.status = canceledResponse();
        return failed;
    }
};

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
