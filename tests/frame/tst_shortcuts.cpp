// The window's keyboard shortcuts that docs/window.md lists: the steps (Ctrl+1..7), run all
// steps, refresh, export and the SSH console exist with those keys, and pressing a step's keys
// really switches the step.
#include "launchoptions.h"
#include "mainwindow.h"
#include "steprail.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QHash>
#include <QKeySequence>
#include <QTemporaryDir>
#include <QTest>

using namespace nt::ui;

class TestShortcuts : public QObject {
    Q_OBJECT
    QTemporaryDir m_config;

    static QKeySequence keysOf(const MainWindow &window, const char *name) {
        const auto *action = window.findChild<QAction *>(QString::fromLatin1(name));
        return action ? action->shortcut() : QKeySequence();
    }

private slots:
    void initTestCase() { qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8()); }

    void documentedShortcutsExist_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QKeySequence>("keys");
        for (int step = 1; step <= 7; ++step)
            QTest::addRow("step %d", step) << QStringLiteral("stepAction%1").arg(step)
                                           << QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + step));
        QTest::addRow("run all steps")
            << QStringLiteral("runAllAction") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
        QTest::addRow("refresh") << QStringLiteral("refreshAction") << QKeySequence(Qt::Key_F5);
        QTest::addRow("run this step")
            << QStringLiteral("runStepAction") << QKeySequence(Qt::CTRL | Qt::Key_R);
        QTest::addRow("export") << QStringLiteral("exportAction")
                                << QKeySequence(Qt::CTRL | Qt::Key_E);
        QTest::addRow("ssh console")
            << QStringLiteral("openSshConsole") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
        QTest::addRow("settings") << QStringLiteral("settingsAction")
                                  << QKeySequence(Qt::CTRL | Qt::Key_Comma);
    }

    void documentedShortcutsExist() {
        QFETCH(QString, action);
        QFETCH(QKeySequence, keys);
        MainWindow window{LaunchOptions()};
        const auto *found = window.findChild<QAction *>(action);
        QVERIFY2(found, qPrintable(action));
        QVERIFY2(
            found->shortcuts().contains(keys),
            qPrintable(found->shortcut().toString() + QStringLiteral(" != ") + keys.toString()));
    }

    // Two actions on the same keys make Qt fire neither ("ambiguous shortcut").
    void noTwoActionsShareKeys() {
        MainWindow window{LaunchOptions()};
        QHash<QString, QString> owner;
        for (const QAction *action : window.findChildren<QAction *>()) {
            for (const QKeySequence &keys : action->shortcuts()) {
                const QString text = keys.toString();
                QVERIFY2(!owner.contains(text),
                         qPrintable(QStringLiteral("%1: %2 and %3")
                                        .arg(text, owner.value(text), action->text())));
                owner.insert(text, action->text());
            }
        }
        QVERIFY(owner.size() >= 12);
    }

    void stepKeysSwitchTheStep() {
        MainWindow window{LaunchOptions()};
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.rail()->currentStep(), 3);
        QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(window.rail()->currentStep(), int(StepRail::summaryStep));
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.rail()->currentStep(), 1);
    }
};

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestShortcuts test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_shortcuts.moc"
