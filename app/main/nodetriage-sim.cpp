#include "simmain.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nodetriage-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NODETRIAGE_VERSION));
    return nt::sim::runSimulator();
}
