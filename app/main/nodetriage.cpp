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
    // --help and --version print and exit: they must work without a display (man pages, scripts,
    // the package test), so they get no QApplication and no platform plugin.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0 ||
            std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            QCoreApplication app(argc, argv);
            return nt::ui::runDesktop(app.arguments().mid(1));
        }
    }
    QApplication app(argc, argv);
    return nt::ui::runDesktop(app.arguments().mid(1));
}
