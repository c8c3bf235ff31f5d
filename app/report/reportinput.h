#pragma once
// What a report is made of: the check's result, the metric history behind it, and what the
// engineer adds (SSH transcript excerpts, notes, actions taken). The window's export and
// `nodetriage check --pdf/--html/--json` both fill one of these and hand it to writeReports().
#include "check/checkreport.h"
#include "metrics/metricstore.h"

#include <memory>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace nt::report {

// One line of an SSH session as the report shows it. The console's SshTranscript entries map
// onto this (kind as a short word: "command", "input", "output", "event").
struct TranscriptLine {
    QDateTime time;
    QString kind;
    QString text;
};

struct TranscriptExcerpt {
    QString session; // "azureuser@10.224.0.4:22"
    QString node;    // the node the session was on, "" when not known
    QList<TranscriptLine> lines;
};

struct ReportAction {
    QDateTime time;
    QString action; // what was done ("Cordoned aks-nodepool1-...-vmss000002")
    QString result; // what came of it
};

enum class PaperSize { A4, Letter };

struct ReportOptions {
    PaperSize paper = PaperSize::A4;
    // Replace IPs, node and cluster names by stable stand-ins (same name, same stand-in, in
    // every format of one export) for sending the report outside the company.
    bool pseudonymise = false;
    // Values that must never appear in any output (the kubeconfig's token, a password typed
    // somewhere...), on top of the secret shapes the redactor always removes.
    QStringList secrets;
};

struct ReportInput {
    CheckReport check;
    // The samples behind the charts; null = no charts (the report says so).
    std::shared_ptr<const MetricStore> store;
    QString author;      // who ran the investigation
    QString commandLine; // how to reproduce the check, for the appendix ("nodetriage check ...")
    QList<TranscriptExcerpt> transcripts;
    QString notes; // the engineer's notes, plain text, paragraphs separated by blank lines
    QList<ReportAction> actions;
};

} // namespace nt::report
