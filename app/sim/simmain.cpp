#include "simmain.h"

namespace nt::sim {
int runSimulator() { return 3; }
} // namespace nt::sim
