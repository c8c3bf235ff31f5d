#pragma once
// The six steps of the node-health walk-through (GUIDE.md), in one place for the rail, the pages
// and, later, the report. Titles and explanations are our own words, translated with tr().
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace nt::ui {

struct StepInfo {
    int number = 0;      // 1..6, as in the report's "steps[].number"
    QString id;          // CONTRACT.md step id, e.g. "node-health"
    QString title;       // short, for the rail
    QString explanation; // a paragraph, for the step's page
};

class StepCatalog {
    Q_DECLARE_TR_FUNCTIONS(nt::ui::StepCatalog)
public:
    static constexpr int stepCount = 6;
    // Built at call time so the strings follow the installed translator.
    static QList<StepInfo> steps();
    static StepInfo step(int number);
};

} // namespace nt::ui
