#include "desktopmain.h"

#include "clustersession.h"
#include "launchoptions.h"
#include "frame/theme.h"
#include "mainwindow.h"
#include "util/settings.h"

#include <QApplication>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace nt::ui {

namespace {
// --screenshot FILE: grab the window after the first successful load and quit, for docs and CI.
// A failure quits too, with status 1, so a script never hangs on a window nobody sees.
void saveScreenshot(MainWindow *window, const QString &file, int delayMs) {
    // Queued (and, after sampling rounds, one chart frame later): the layout requests and the
    // coalesced chart updates posted by the last update run first.
    QTimer::singleShot(delayMs, window, [window, file] {
        const bool saved = window->grab().save(file);
        QTextStream(stderr) << (saved ? QStringLiteral("saved %1\n").arg(file)
                                      : QStringLiteral("could not save %1\n").arg(file));
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

void arrangeScreenshot(MainWindow *window, const QString &file, int afterRounds) {
    if (afterRounds > 0) {
        auto rounds = std::make_shared<int>(0);
        QObject::connect(window->session(), &ClusterSession::samplingRound, window,
                         [window, file, afterRounds, rounds] {
                             if (++*rounds == afterRounds)
                                 saveScreenshot(window, file, 100);
                         });
    } else {
        QObject::connect(window, &MainWindow::nodesShown, window,
                         [window, file] { saveScreenshot(window, file, 0); });
    }
    QObject::connect(window, &MainWindow::loadFailed, window, [](const QString &message) {
        QTextStream(stderr) << message << '\n';
        QCoreApplication::exit(1);
    });
}
} // namespace

int runDesktop(const QStringList &args) {
    Result<LaunchOptions> options = LaunchOptions::parse(args);
    if (!options) {
        QTextStream(stderr) << options.error() << '\n'
                            << LaunchOptions::tr("Try 'nodetriage --help'.") << '\n';
        return 3;
    }
    if (options->showHelp) {
        QTextStream(stdout) << LaunchOptions::helpText();
        return 0;
    }
    if (options->showVersion) {
        QTextStream(stdout) << QCoreApplication::applicationName() << ' '
                            << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance())) {
        const QString theme =
            options->theme.isEmpty() ? nt::Settings().theme() : options->theme;
        applyTheme(*app, themeFromString(theme));
    }
    MainWindow window(options.value());
    if (!options->screenshot.isEmpty())
        arrangeScreenshot(&window, options->screenshot, options->screenshotAfterRounds);
    window.show();
    window.start();
    return QApplication::exec();
}

} // namespace nt::ui
