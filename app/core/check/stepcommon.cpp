#include "check/stepcommon.h"

#include "check/checksteps.h"
#include "kube/kubeclient.h"

namespace nt {

KubeResponse GatherContext::await(QFuture<KubeResponse> future) const {
    if (std::optional<KubeResponse> r = cancel.await(std::move(future)))
        return std::move(*r);
    return canceledResponse();
}

void StepOutcome::finish(int step) {
    if (status == StepStatus::Error)
        return;
    status = StepResult::statusFrom(findings, step);
}

QString isoTime(const QDateTime &t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

QString conditionEvidence(const Condition &c) {
    QString s = c.type + u'=' + c.status;
    if (!c.reason.isEmpty())
        s += QStringLiteral(" reason=") + c.reason;
    if (c.lastTransitionTime.isValid())
        s += QStringLiteral(" lastTransitionTime=") + isoTime(c.lastTransitionTime);
    if (!c.message.isEmpty())
        s += QStringLiteral(" message=\"") + c.message + u'"';
    return s;
}

QString objectRef(const QString &kind, const QString &ns, const QString &name) {
    if (ns.isEmpty())
        return kind.toLower() + u'/' + name;
    return kind.toLower() + u'/' + ns + u'/' + name;
}

QString responseError(const KubeResponse &response) {
    if (!response.errorMessage.isEmpty())
        return response.errorMessage;
    return toString(response.error);
}

QString kubectlDescribe(const QString &kind, const QString &ns, const QString &name) {
    return QStringLiteral("kubectl describe %1 %2 -n %3").arg(kind.toLower(), name, ns);
}

bool nodeIsReady(const Node &node) {
    const Condition *ready = node.condition(QStringLiteral("Ready"));
    return ready && ready->status == u"True";
}

} // namespace nt
