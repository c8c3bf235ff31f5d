#pragma once
// Step 5, Node Problem Detector: the node x condition grid (every condition that is not one of
// the kubelet's five is NPD's or a vendor's, and a problem when True) and the NPD events.
#include "check/stepcommon.h"

#include <optional>

namespace nt {

class KubeClient;

struct StepFiveInput {
    QList<Node> nodes;
    QList<Event> events; // events about nodes (involvedObject.kind=Node)
    bool eventsFailed = false;
    QString eventsError;
    QDateTime now;
    Thresholds thresholds = Thresholds::defaults();
};

// The kubelet's own conditions; everything else on a node is NPD's (or a vendor's).
bool isKubeletCondition(const QString &type);
// Event reasons and sources that come from Node Problem Detector (FACTS.md).
bool isNpdEvent(const Event &event);

StepOutcome judgeStepFive(const StepFiveInput &input);
StepFiveInput gatherStepFive(KubeClient &client, const QList<Node> &nodes);

// GET events about nodes (shared with step 4); nullopt with the reason on failure.
std::optional<QList<Event>> listNodeEvents(KubeClient &client, QString *error,
                                           const GatherContext &ctx = {});

} // namespace nt
