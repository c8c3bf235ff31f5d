#pragma once
// The report as a document: what each writer (PDF, HTML, Markdown) lays out, in reading order.
// Built once per export from a ReportInput, with every string already through the Redactor, so
// the writers cannot leak what the model does not hold and all formats say the same thing.
#include "check/checksteps.h"
#include "check/finding.h"
#include "metrics/decimation.h"
#include "reportinput.h"

#include <atomic>
#include <cmath>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

namespace nt::report {

class Redactor;

// The translation context of the report's texts outside a class (the writers' headings, labels,
// what each step checks): ReportText::tr() is what lupdate files and what the runtime looks up,
// the same context at both ends. Classes with their own texts (PdfReport, Redactor, Builder)
// declare their own with Q_DECLARE_TR_FUNCTIONS.
struct ReportText {
    Q_DECLARE_TR_FUNCTIONS(nt::report)
};

struct ChartSeries {
    QString label;                  // the node (pseudonymised when asked)
    bool peer = false;              // a healthy node drawn for comparison
    std::vector<ChartPoint> points; // min/max decimated, time order
};

struct ReportChart {
    QString title; // "CPU use"
    QString unit;  // shown on the axis: "%", "IOPS", "s"
    qint64 fromMs = 0, toMs = 0;
    double yMax = 0;                 // 0 = from the data
    double threshold = std::nan(""); // the line the check judges against; NaN = none
    QList<ChartSeries> series;
    QString caption; // which nodes, what is missing
    bool hasData() const;
};

struct StepSection {
    StepResult result;
    QString anchor;          // "step-1", the target of the table of contents
    QString checked;         // what the step looks at, one paragraph
    QList<Finding> findings; // worst first
    QList<ReportChart> charts;
    QString chartNote; // why there is no chart, when there is none
};

struct NodeRow {
    QString name, pool, instanceType, kubeletVersion, ready;
    QStringList problems;      // conditions other than Ready that are True, cordon, taints
    QString cpu, memory, disk; // latest values, "" when not measured
    Severity worst = Severity::Info;
    int findings = 0;
};

struct PoolRow {
    QString pool, instanceType;
    int nodes = 0, notReady = 0, withFindings = 0;
};

struct ReportDocument {
    QString title;
    QString context, server, fqdn, kubernetesVersion;
    bool privateCluster = false;
    QString author;
    QDateTime generatedAt, windowStart, windowEnd;
    int intervalSeconds = 0, samples = 0;
    bool pseudonymised = false;

    QString verdict; // the summary's opening paragraph
    int critical = 0, warnings = 0, infos = 0;
    QList<StepResult> steps;
    QList<Finding> keyFindings; // warning and critical, worst first
    QList<StepSection> sections;

    QList<NodeRow> nodes; // the nodes that matter (all of them on small clusters)
    int totalNodes = 0;
    bool nodesAbridged = false; // true when `nodes` leaves healthy nodes out
    QList<PoolRow> pools;

    QList<TranscriptExcerpt> transcripts;
    QStringList notes; // paragraphs
    QList<ReportAction> actions;
    QString commandLine;
    QStringList reproduce; // commands from the findings, once each, in report order
};

// Up to this many nodes the node table lists every node; above, the affected ones and one row
// per pool (the JSON keeps every node).
inline constexpr int kFullNodeTableLimit = 200;

// Builds the document; `cancel`, when given and set, stops early (the result is then partial).
ReportDocument buildReport(const ReportInput &input, const Redactor &redactor,
                           const std::atomic_bool *cancel = nullptr);

// Translated display strings shared by the writers.
QString severityLabel(Severity s);
QString statusLabel(StepStatus s);
QString formatTime(const QDateTime &t); // "2026-11-28 09:14:49 UTC"
int severityRank(Severity s);           // critical 0, warning 1, info 2

} // namespace nt::report
