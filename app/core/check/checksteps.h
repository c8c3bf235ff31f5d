#pragma once
// The six steps of the guide (GUIDE.md) with their report ids, and the result of running one.
#include "check/finding.h"
#include "check/severity.h"

#include <QList>
#include <QString>
#include <span>

namespace nt {

struct StepDef {
    int number;
    const char *id;    // report id, CONTRACT.md
    const char *title; // English source, context "Steps"
    QString trTitle() const;
};

std::span<const StepDef> stepCatalog();
const StepDef *stepDef(int number); // nullptr outside 1..6

struct StepResult {
    int number = 0;
    QString id;
    QString title;
    StepStatus status = StepStatus::Skipped;
    QString note;

    static StepResult make(int number, StepStatus status, const QString &note = {});
    // fail with a critical finding of the step, warn with a warning, else pass.
    static StepStatus statusFrom(const QList<Finding> &findings, int number);
};

} // namespace nt
