#pragma once
namespace nt::sim {
// Entry point of nodetriage-sim; a QCoreApplication exists already.
int runSimulator();
} // namespace nt::sim
