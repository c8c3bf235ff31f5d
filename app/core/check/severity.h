#pragma once
// Severities of findings and statuses of steps, with the exact spellings of the JSON report
// (CONTRACT.md, nodetriage.report/v1).
#include <QString>

namespace nt {

enum class Severity { Info, Warning, Critical };

enum class StepStatus { Pass, Warn, Fail, Skipped, Error };

inline QString toString(Severity s) {
    switch (s) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

inline QString toString(StepStatus s) {
    switch (s) {
    case StepStatus::Pass:
        return QStringLiteral("pass");
    case StepStatus::Warn:
        return QStringLiteral("warn");
    case StepStatus::Fail:
        return QStringLiteral("fail");
    case StepStatus::Skipped:
        return QStringLiteral("skipped");
    case StepStatus::Error:
        return QStringLiteral("error");
    }
    return {};
}

} // namespace nt
