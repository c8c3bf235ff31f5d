#pragma once
#include <QStringList>
#include <QTextStream>

namespace nt {
// `nodetriage check [options]` (CONTRACT.md). Returns the exit status: 0 nothing above info,
// 1 warnings, 2 a critical finding, 3 the check could not run (one line on `err` saying why).
int runCheckCommand(const QStringList &args, QTextStream &out, QTextStream &err);
} // namespace nt
