#pragma once
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <memory>

namespace nt {

struct CheckOptions;
struct CheckReport;
class MetricStore;

// Writes the --json/--pdf/--html outputs of a finished check ("-" for JSON = `out`); returns ""
// or one sentence naming the file that could not be written. The report library installs one
// at start (ntcore cannot depend on it); without one JSON is written here and PDF/HTML refused.
using CheckReportWriter = std::function<QString(
    const CheckReport &report, std::shared_ptr<const MetricStore> store,
    const CheckOptions &options, const QStringList &args, QTextStream &out)>;
void setCheckReportWriter(CheckReportWriter writer);
// `nodetriage check [options]` (CONTRACT.md). Returns the exit status: 0 nothing above info,
// 1 warnings, 2 a critical finding, 3 the check could not run (one line on `err` saying why).
int runCheckCommand(const QStringList &args, QTextStream &out, QTextStream &err);
} // namespace nt
