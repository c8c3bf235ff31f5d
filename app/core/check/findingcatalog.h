#pragma once
// The finding catalogue: every finding id NodeTriage can report (CONTRACT.md; ids are never
// renamed), with its step, default severity, title, remedy and the rule behind it. Checks, the UI
// and the reports all read it from here.
#include "check/severity.h"

#include <QString>
#include <QStringView>
#include <span>

namespace nt {

struct FindingDef {
    const char *id;
    int step;
    Severity severity;
    const char *title;  // English source, context "Findings"
    const char *remedy; // English source, context "Findings"
    const char *rule;   // the condition and the source of its threshold, "" for plain states

    QString idString() const { return QString::fromLatin1(id); }
    QString trTitle() const;
    QString trRemedy() const;
};

std::span<const FindingDef> findingCatalog();
// nullptr for an id not in the catalogue.
const FindingDef *findingDef(QStringView id);

} // namespace nt
