#include "check/checksteps.h"

#include <QCoreApplication>

namespace nt {
namespace {

const StepDef kSteps[] = {
    {1, "node-health", QT_TRANSLATE_NOOP("Steps", "Worker node health")},
    {2, "control-plane-connectivity",
     QT_TRANSLATE_NOOP("Steps", "Control plane to node connectivity")},
    {3, "dns", QT_TRANSLATE_NOOP("Steps", "DNS resolution")},
    {4, "kubelet", QT_TRANSLATE_NOOP("Steps", "Kubelet errors")},
    {5, "node-problem-detector", QT_TRANSLATE_NOOP("Steps", "Node Problem Detector")},
    {6, "disk-iops", QT_TRANSLATE_NOOP("Steps", "Disk IOPS throttling")},
};

} // namespace

QString StepDef::trTitle() const {
    return QCoreApplication::translate("Steps", title);
}

std::span<const StepDef> stepCatalog() {
    return kSteps;
}

const StepDef *stepDef(int number) {
    for (const StepDef &s : kSteps) {
        if (s.number == number)
            return &s;
    }
    return nullptr;
}

StepResult StepResult::make(int number, StepStatus status, const QString &note) {
    StepResult r;
    r.number = number;
    if (const StepDef *def = stepDef(number)) {
        r.id = QString::fromLatin1(def->id);
        r.title = def->trTitle();
    }
    r.status = status;
    r.note = note;
    return r;
}

StepStatus StepResult::statusFrom(const QList<Finding> &findings, int number) {
    if (hasSeverity(findings, Severity::Critical, number))
        return StepStatus::Fail;
    if (hasSeverity(findings, Severity::Warning, number))
        return StepStatus::Warn;
    return StepStatus::Pass;
}

} // namespace nt
