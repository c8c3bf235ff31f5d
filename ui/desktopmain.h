#pragma once
#include <QStringList>

namespace nt::ui {
// The desktop program: `args` are the command-line arguments after the program name
// (e.g. "--demo", "healthy", "--kubeconfig", FILE, "--context", NAME, "--lang", CODE).
// A QApplication exists already. Returns the exit status.
int runDesktop(const QStringList &args);
} // namespace nt::ui
