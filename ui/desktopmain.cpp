#include "desktopmain.h"

namespace nt::ui {
int runDesktop(const QStringList &) { return 0; }
} // namespace nt::ui
