#pragma once
// The report as Markdown for pasting into a ticket: the summary, the findings with their
// evidence and commands, the node table and the engineer's notes; charts are left to the PDF and
// HTML (a ticket field cannot hold them) and the text says so.
#include "reportmodel.h"

#include <QString>

namespace nt::report {

QString markdownReport(const ReportDocument &doc);

} // namespace nt::report
