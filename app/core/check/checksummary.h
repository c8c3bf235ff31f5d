#pragma once
// The human summary `nodetriage check` prints on stdout (unless the JSON report goes there):
// steps with their status, then a short table of findings, worst first.
#include <QTextStream>

namespace nt {

struct CheckReport;

void writeCheckSummary(const CheckReport &report, QTextStream &out);

} // namespace nt
