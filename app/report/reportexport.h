#pragma once
// One export: the redactor set up from the input, the document built once, and every requested
// format written from it. The window's export dialog and `nodetriage check --pdf/--html/--json`
// both call writeReports(), so the same input gives the same files.
#include "reportinput.h"

#include <atomic>
#include <functional>
#include <QString>
#include <QStringList>
#include <string>

namespace nt::report {

class Redactor;

struct ReportFiles {
    QString pdf, html, json, markdown; // "" = not wanted
};

// Progress of an export: `done` of `total` steps, and what is being done.
using ReportProgress = std::function<void(int done, int total, const QString &what)>;

// The redactor for this input: the cluster, API server and node names (in a stable order) as
// names to pseudonymise, the options' secrets as values to remove.
Redactor makeRedactor(const ReportInput &input, const ReportOptions &options);

// nodetriage.report/v1 (CONTRACT.md) from CheckReport::toJson(), every string through the
// redactor: the same facts as the other formats, with the same names.
std::string jsonReport(const CheckReport &report, const Redactor &redactor);

// Writes the requested files; returns "" or the first error as one sentence naming the file.
// `cancel`, when set during the export, stops it with nothing half-written.
QString writeReports(const ReportInput &input, const ReportFiles &files,
                     const ReportOptions &options, const ReportProgress &progress = {},
                     const std::atomic_bool *cancel = nullptr);

// The secrets a kubeconfig context holds (token, client key and certificate), to register with
// ReportOptions::secrets; empty when the kubeconfig cannot be read.
QStringList kubeconfigSecrets(const QString &kubeconfig, const QString &context);

// Connects `nodetriage check --pdf/--html/--json` to writeReports() (ntcore cannot link the
// report library; the executable installs this at start).
void installCheckReportWriter();

} // namespace nt::report
