#pragma once
// Test support shared by every test: the simulator as a child process, paths to our binaries.
#include <QString>
#include <QStringList>

namespace nt::test {
inline QString simBinary() { return QStringLiteral(NT_SIM_BIN); }
inline QString appBinary() { return QStringLiteral(NT_APP_BIN); }
inline QString sourceDir() { return QStringLiteral(NT_SOURCE_DIR); }
} // namespace nt::test
