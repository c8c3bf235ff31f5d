#include "stepstatus.h"

namespace nt::ui {

QString StepStatusText::text(StepStatus status) {
    switch (status) {
    case StepStatus::NotRun:
        return tr("not run");
    case StepStatus::Running:
        return tr("running\u2026");
    case StepStatus::Pass:
        return tr("pass");
    case StepStatus::Warn:
        return tr("warning");
    case StepStatus::Fail:
        return tr("fail");
    case StepStatus::Error:
        return tr("could not run");
    }
    return {};
}

int StepStatusText::rank(StepStatus status) {
    switch (status) {
    case StepStatus::NotRun:
        return 0;
    case StepStatus::Running:
        return 1;
    case StepStatus::Pass:
        return 2;
    case StepStatus::Error:
        return 3;
    case StepStatus::Warn:
        return 4;
    case StepStatus::Fail:
        return 5;
    }
    return 0;
}

} // namespace nt::ui
