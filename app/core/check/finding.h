#pragma once
// One finding: what is wrong, where, why we think so, and what to run about it. A value type the
// checks produce and the UI, the summary and the JSON report consume.
#include "check/severity.h"

#include <nlohmann/json_fwd.hpp>
#include <QList>
#include <QString>
#include <QStringList>

namespace nt {

struct FindingDef;

struct Finding {
    QString id; // a catalogue id (findingcatalog.h)
    int step = 0;
    Severity severity = Severity::Info;
    QString node;   // empty for cluster-wide findings
    QString object; // optional "kind/namespace/name"
    QString title;  // translated
    QString detail; // translated, names the values observed
    QStringList evidence;
    QString remediation;  // translated
    QStringList commands; // copy-paste ready; unknown names appear as <PLACEHOLDER>

    // A finding pre-filled from the catalogue (step, severity, title, remedy); an id missing from
    // the catalogue is a programming error and asserts.
    static Finding fromCatalog(const char *id, const QString &node = {});

    // Keys in the order CONTRACT.md lists them, so the file reads top-down like the schema.
    nlohmann::ordered_json toJson() const;
};

// True when a finding of exactly this severity exists (in this step; 0 = any step).
bool hasSeverity(const QList<Finding> &findings, Severity severity, int step = 0);

} // namespace nt
