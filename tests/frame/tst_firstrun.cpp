// The first-run hint: with no usable kubeconfig the window offers the demo cluster (naming where
// it looked) instead of opening it unasked, both offers work from the keyboard, a kubeconfig
// chosen in the hint is checked before it is used, and once taken the hint does not come back.
#include "charts/nodechartspanel.h"
#include "demolauncher.h"
#include "frame/firstrunhint.h"
#include "launchoptions.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "nodespage.h"
#include "nodetablemodel.h"
#include "testsupport.h"
#include "util/settings.h"
#include "util/translations.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;
using namespace nt::ui;

namespace {
constexpr int loadTimeoutMs = 60000;

bool hasChinese(const QString &text) {
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

// NT_SCREENSHOT_DIR=dir keeps a picture of the window for a person to look at, once the charts
// have been redrawn for the space the hint left them.
void keepScreenshot(MainWindow &window, const char *name) {
    const QString dir = qEnvironmentVariable("NT_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QSignalSpy(window.nodesPage()->chartsPanel(), &NodeChartsPanel::refreshed).wait(2000);
    window.grab().save(QDir(dir).filePath(QString::fromLatin1(name)));
}

LaunchOptions windowOptions() {
    LaunchOptions options; // no --kubeconfig, no --demo
    options.simulator = nt::test::simBinary();
    return options;
}
} // namespace

class TestFirstRun : public QObject {
    Q_OBJECT
    QTemporaryDir m_home; // an empty home: no ~/.kube/config
    QTemporaryDir m_config;

    QString homeKubeconfig() const {
        return QDir(m_home.path()).filePath(QStringLiteral(".kube/config"));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid() && m_config.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        qunsetenv("KUBECONFIG");
    }

    void init() {
        Settings settings;
        settings.setFirstRunHintShown(false);
        settings.sync();
        qunsetenv("KUBECONFIG");
    }

    void offersTheDemoFromTheKeyboard() {
        MainWindow window(windowOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.start();

        FirstRunHint *hint = window.firstRunHint();
        QVERIFY(hint->isVisible());
        // Where it looked, named: $KUBECONFIG (unset) and ~/.kube/config with its real path.
        QVERIFY2(hint->text().contains(QStringLiteral("$KUBECONFIG")), qPrintable(hint->text()));
        QVERIFY2(hint->text().contains(QStringLiteral("~/.kube/config")), qPrintable(hint->text()));
        QVERIFY2(hint->text().contains(homeKubeconfig()), qPrintable(hint->text()));
        // Offered, not opened: no simulator was started, no demo banner.
        QVERIFY(!window.demoLauncher());
        QVERIFY(!window.demoBanner()->isVisible());
        QVERIFY(hint->demoButton()->isVisible() && hint->openButton()->isVisible());
        keepScreenshot(window, "firstrun-en.png");

        // The keyboard reaches both offers: the demo button has the focus, Tab goes on to
        // "Open kubeconfig...", Shift+Tab back, and Space presses the focused button.
        QTRY_COMPARE(QApplication::focusWidget(), hint->demoButton());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), hint->openButton());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), hint->demoButton());
        QTest::keyClick(hint->demoButton(), Qt::Key_Space);

        QVERIFY(window.demoLauncher());
        QVERIFY(!hint->isVisible());
        QVERIFY(window.demoBanner()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(window.nodesPage()->model()->rowCount() > 0, loadTimeoutMs);
        QVERIFY(Settings().firstRunHintShown());
    }

    void speaksChinese() {
        QVERIFY(installTranslations(QStringLiteral("zh_CN")).ok());
        MainWindow window(windowOptions());
        window.resize(1200, 800);
        window.show();
        window.start();
        FirstRunHint *hint = window.firstRunHint();
        QVERIFY(hint->isVisible());
        keepScreenshot(window, "firstrun-zh_CN.png");
        const QString text = hint->text();
        const QString demo = hint->demoButton()->text();
        const QString open = hint->openButton()->text();
        QVERIFY(installTranslations(QStringLiteral("en")).ok());
        QVERIFY2(hasChinese(text) && text.contains(homeKubeconfig()), qPrintable(text));
        QVERIFY2(hasChinese(demo) && hasChinese(open), qPrintable(demo + QLatin1Char(' ') + open));
    }

    void rememberedOnceTaken() {
        {
            Settings settings;
            settings.setFirstRunHintShown(true);
        }
        MainWindow window(windowOptions());
        window.show();
        window.start();
        // As before the hint existed: straight to the demo, whose banner says why.
        QVERIFY(!window.firstRunHint()->isVisible());
        QVERIFY(window.demoLauncher());
        QVERIFY(window.demoBanner()->isVisible());
        QVERIFY2(window.demoBanner()->text().contains(homeKubeconfig()),
                 qPrintable(window.demoBanner()->text()));
    }

    void demoOptionSkipsTheHint() {
        LaunchOptions options = windowOptions();
        options.demo = true;
        MainWindow window(options);
        window.show();
        window.start();
        QVERIFY(!window.firstRunHint()->isVisible());
        QVERIFY(window.demoLauncher());
        QVERIFY(!Settings().firstRunHintShown()); // not taken: it still shows next time
    }

    void opensTheKubeconfigChosenInTheHint() {
        nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("healthy")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        // $KUBECONFIG set to a file that is not there: the hint names that path.
        const QString missing = QDir(m_home.path()).filePath(QStringLiteral("gone/kubeconfig"));
        qputenv("KUBECONFIG", missing.toUtf8());
        MainWindow window(windowOptions());
        window.show();
        window.start();
        FirstRunHint *hint = window.firstRunHint();
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(missing), qPrintable(hint->text()));
        QVERIFY(!window.demoLauncher());

        // A file that is not a kubeconfig: one sentence naming it, and the hint stays.
        QFile bad(QDir(m_home.path()).filePath(QStringLiteral("notes.txt")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("apiVersion: v1\nclusters: [unclosed\n");
        bad.close();
        QTest::mouseClick(hint->openButton(), Qt::LeftButton);
        QTRY_VERIFY(hint->fileDialog() && hint->fileDialog()->isVisible());
        hint->fileDialog()->selectFile(bad.fileName());
        QMetaObject::invokeMethod(hint->fileDialog(), &QDialog::accept);
        QTRY_VERIFY(!hint->fileDialog());
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(bad.fileName()), qPrintable(hint->text()));
        QVERIFY(!Settings().firstRunHintShown());

        // The simulator's kubeconfig: the hint goes and the window shows that cluster's nodes.
        QTest::mouseClick(hint->openButton(), Qt::LeftButton);
        QTRY_VERIFY(hint->fileDialog() && hint->fileDialog()->isVisible());
        hint->fileDialog()->selectFile(sim.kubeconfig());
        QMetaObject::invokeMethod(hint->fileDialog(), &QDialog::accept);
        QTRY_VERIFY(!hint->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(window.nodesPage()->model()->rowCount() > 0, loadTimeoutMs);
        QVERIFY(!window.demoLauncher());
        QVERIFY(Settings().firstRunHintShown());
    }
};

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestFirstRun test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_firstrun.moc"
