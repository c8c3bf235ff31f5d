#pragma once
// The verdict of a step, and of one node within step 1. Same words as the report's
// "steps[].status" so the window and `nodetriage check` never disagree on naming.
#include <QCoreApplication>
#include <QString>

namespace nt::ui {

// Error: the step could not run (a gather failed); its checks were not judged.
enum class StepStatus { NotRun, Running, Pass, Warn, Fail, Error };

class StepStatusText {
    Q_DECLARE_TR_FUNCTIONS(nt::ui::StepStatusText)
public:
    static QString text(StepStatus status);
    // Orders statuses by how much attention they need (Fail highest), for sorting and worst-of.
    static int rank(StepStatus status);
    static StepStatus worst(StepStatus a, StepStatus b) { return rank(a) >= rank(b) ? a : b; }
};

} // namespace nt::ui
