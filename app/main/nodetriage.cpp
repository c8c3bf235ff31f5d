// nodetriage: the desktop program, and its headless subcommands. `check` and `ssh` run with a
// QCoreApplication only, so they work where there is no display.
#include "check/checkcommand.h"
#include "desktopmain.h"
#include "reportexport.h"
#include "ssh/sshcommand.h"
#include "util/settings.h"
#include "util/translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QTextStream>
#include <cstring>
#include <memory>

namespace {

// The value of --lang (either "--lang X" or "--lang=X"), "" when not given. Read before any
// parser runs, because the translations must be in place before the first message is printed.
QString languageArgument(const QStringList &args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--")
            break;
        if (args[i] == u"--lang" && i + 1 < args.size())
            return args[i + 1];
        if (args[i].startsWith(u"--lang="))
            return args[i].mid(7);
    }
    return {};
}

// Installs the language asked for (or the system's); false after printing why it cannot.
bool setUpLanguage(const QStringList &args)
{
    // --lang, else the language chosen in the settings dialog, else the system's.
    QString requested = languageArgument(args);
    if (requested.isEmpty())
        requested = nt::Settings().language();
    const nt::Result<QString> language =
        nt::resolveLanguage(requested, QLocale::system().name());
    if (!language) {
        QTextStream(stderr) << language.error() << '\n';
        return false;
    }
    const nt::Result<bool> installed = nt::installTranslations(language.value());
    if (!installed) {
        QTextStream(stderr) << installed.error() << '\n';
        return false;
    }
    return true;
}

constexpr int kCannotRun = 3; // CONTRACT.md: bad arguments

// `check --pdf/--html` lays text out with real fonts, which takes a QGuiApplication; on the
// offscreen platform unless one is chosen, so it still runs where there is no display.
bool wantsRendering(int argc, char **argv)
{
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0)
            return false;
        for (const char *option : {"--pdf", "--html"}) {
            const size_t n = std::strlen(option);
            if (std::strncmp(argv[i], option, n) == 0 && (argv[i][n] == 0 || argv[i][n] == '='))
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("nodetriage"));
    QCoreApplication::setOrganizationName(QStringLiteral("nodetriage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NODETRIAGE_VERSION));

    if (argc > 1 && std::strcmp(argv[1], "check") == 0) {
        std::unique_ptr<QCoreApplication> app;
        if (wantsRendering(argc, argv)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            app = std::make_unique<QGuiApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        if (!setUpLanguage(app->arguments()))
            return kCannotRun;
        nt::report::installCheckReportWriter();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return nt::runCheckCommand(app->arguments().mid(2), out, err);
    }
    if (argc > 1 && std::strcmp(argv[1], "ssh") == 0) {
        QCoreApplication app(argc, argv);
        if (!setUpLanguage(app.arguments()))
            return 255; // as ssh(1) does for its own errors
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
            if (!setUpLanguage(app.arguments()))
                return kCannotRun;
            return nt::ui::runDesktop(app.arguments().mid(1));
        }
    }
    QApplication app(argc, argv);
    if (!setUpLanguage(app.arguments()))
        return kCannotRun;
    return nt::ui::runDesktop(app.arguments().mid(1));
}
