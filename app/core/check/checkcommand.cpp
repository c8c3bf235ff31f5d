#include "check/checkcommand.h"

namespace nt {
int runCheckCommand(const QStringList &, QTextStream &, QTextStream &err)
{
    err << "nodetriage check: not built yet\n";
    return 3;
}
} // namespace nt
