// nodetriage: the desktop program, and its headless subcommands. `check` and `ssh` run with a
// QCoreApplication only, so they work where there is no display.
#include "check/checkcommand.h"
#include "desktopmain.h"
#include "ssh/sshcommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <cstring>

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("nodetriage"));
    QCoreApplication::setOrganizationName(QStringLiteral("nodetriage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NODETRIAGE_VERSION));

    if (argc > 1 && std::strcmp(argv[1], "check") == 0) {
        QCoreApplication app(argc, argv);
        QTextStream out(stdout);
        QTextStream err(stderr);
        return nt::runCheckCommand(app.arguments().mid(2), out, err);
    }
    if (argc > 1 && std::strcmp(argv[1], "ssh") == 0) {
        QCoreApplication app(argc, argv);
        QTextStream out(stdout);
        QTextStream err(stderr);
        return nt::runSshCommand(app.arguments().mid(2), out, err);
    }
    QApplication app(argc, argv);
    return nt::ui::runDesktop(app.arguments().mid(1));
}
