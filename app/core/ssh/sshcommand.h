#pragma once
#include <QStringList>
#include <QTextStream>

namespace nt {
// `nodetriage ssh [options] [USER@]HOST [-- COMMAND...]` (CONTRACT.md, docs/ssh.md). With a
// COMMAND: runs it, copies its stdout and stderr byte for byte to ours and returns its exit
// status; 255 when the connection or authentication fails (one line on `err`), as ssh does.
// Without a COMMAND (an interactive session) it says that is not available yet and returns 255.
int runSshCommand(const QStringList &args, QTextStream &out, QTextStream &err);
} // namespace nt
