// The real window on the real simulator: loading the nodes, the rail, switching contexts,
// errors that keep the last data, and the demo cluster started by the window itself.
#include "clustersession.h"
#include "demolauncher.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "nodespage.h"
#include "nodetablemodel.h"
#include "steprail.h"
#include "testsupport.h"
#include "util/settings.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

using nt::ui::LaunchOptions;
using nt::ui::MainWindow;
using nt::ui::NodeTableModel;
using nt::ui::StepStatus;

namespace {
constexpr int loadTimeoutMs = 30000;

LaunchOptions kubeconfigOptions(const QString &kubeconfig, const QString &context = {})
{
    LaunchOptions options;
    options.kubeconfig = kubeconfig;
    options.context = context;
    return options;
}

// Rows whose Ready cell says the node is not Ready.
QStringList notReadyNodes(const NodeTableModel *model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString ready = model->index(row, NodeTableModel::ReadyColumn).data().toString();
        if (ready == QLatin1String("Unknown") || ready == QLatin1String("NotReady"))
            names << model->index(row, NodeTableModel::NameColumn).data().toString();
    }
    return names;
}

// A port on 127.0.0.1 where nothing listens (bound, then released).
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return file.fileName();
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsScenarioNodes();
    void switchesContext();
    void errorKeepsLastData();
    void stopLoadingKeepsLastData();
    void unreachableServer();
    void badKubeconfig();
    void demoFromOption();
    void demoWithoutKubeconfig();
};

void TestMainWindow::initTestCase()
{
    // A kubeconfig from the developer's own $KUBECONFIG must never leak into these tests.
    qunsetenv("KUBECONFIG");
}

void TestMainWindow::showsScenarioNodes()
{
    nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    MainWindow window(kubeconfigOptions(sim.kubeconfig()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.start();

    const NodeTableModel *model = window.nodesPage()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, loadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!notReadyNodes(model).isEmpty(), loadTimeoutMs);
    QVERIFY(!window.errorBanner()->isVisible());
    QVERIFY(window.serverLabel()->text().contains(QStringLiteral("127.0.0.1")));
    QTRY_VERIFY_WITH_TIMEOUT(window.versionLabel()->text().contains(QStringLiteral("v1.")),
                             loadTimeoutMs);
    QCOMPARE(window.nodesPage()->view()->model()->rowCount(), model->rowCount());

    // The rail: six steps and the summary, step 1 selected and judged from the nodes (a dead node
    // fails it).
    const QStringList titles{QStringLiteral("Node health"), QStringLiteral("connectivity"),
                             QStringLiteral("DNS resolution"), QStringLiteral("Kubelet errors"),
                             QStringLiteral("Node Problem Detector"),
                             QStringLiteral("Disk IOPS throttling")};
    QCOMPARE(window.rail()->count(), 7);
    for (int step = 1; step <= 6; ++step)
        QVERIFY2(window.rail()->stepText(step).contains(titles.at(step - 1)),
                 qPrintable(window.rail()->stepText(step)));
    QCOMPARE(window.rail()->currentStep(), 1);
    QCOMPARE(window.rail()->status(1), StepStatus::Fail);
    QCOMPARE(window.rail()->status(2), StepStatus::NotRun);
    QCOMPARE(window.pages()->count(), 7);

    // Ctrl+N reaches every step from the keyboard.
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.pages()->currentIndex(), 3);
    QCOMPARE(window.rail()->currentStep(), 4);
    QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
    QCOMPARE(window.pages()->currentIndex(), 6);
    QCOMPARE(window.pages()->currentWidget()->objectName(), QStringLiteral("summaryPage"));
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window.pages()->currentIndex(), 0);
}

void TestMainWindow::switchesContext()
{
    nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("notready-unreachable")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    MainWindow window(kubeconfigOptions(sim.kubeconfig(), QStringLiteral("sim")));
    window.show();
    window.start();
    const NodeTableModel *model = window.nodesPage()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, loadTimeoutMs);

    QComboBox *contexts = window.contextCombo();
    QCOMPARE(contexts->currentText(), QStringLiteral("sim"));
    const int token = contexts->findText(QStringLiteral("sim-token"));
    QVERIFY2(token >= 0, "the simulator's kubeconfig has a sim-token context");
    QSignalSpy loaded(&window, &MainWindow::nodesShown);
    contexts->setCurrentIndex(token);
    Q_EMIT contexts->activated(token);
    QCOMPARE(window.session()->contextName(), QStringLiteral("sim-token"));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, loadTimeoutMs);
    QVERIFY(model->rowCount() > 0);
    QVERIFY(!notReadyNodes(model).isEmpty());
    QVERIFY(window.windowTitle().contains(QStringLiteral("sim-token")));
    QVERIFY(!window.errorBanner()->isVisible());

    // F5 / Refresh loads again.
    auto *refresh = window.findChild<QAction *>(QStringLiteral("refreshAction"));
    QVERIFY(refresh);
    QCOMPARE(refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
    refresh->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, loadTimeoutMs);
}

void TestMainWindow::errorKeepsLastData()
{
    auto sim = std::make_unique<nt::test::SimProcess>(
        QStringList{QStringLiteral("--scenario"), QStringLiteral("healthy")});
    QVERIFY2(sim->start(), qPrintable(sim->errorString()));
    MainWindow window(kubeconfigOptions(sim->kubeconfig()));
    window.show();
    window.start();
    const NodeTableModel *model = window.nodesPage()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, loadTimeoutMs);
    const int rows = model->rowCount();

    // The API server goes away: the banner says so and the table keeps what it showed.
    sim.reset();
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.session()->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, loadTimeoutMs);
    QVERIFY(window.errorBanner()->isVisible());
    QVERIFY(!window.errorBanner()->text().isEmpty());
    QCOMPARE(model->rowCount(), rows);
}

// A node list that hangs: Stop (Esc) ends the wait at once with one message naming the server,
// and the next refresh loads the nodes.
void TestMainWindow::stopLoadingKeepsLastData()
{
    nt::test::SimProcess sim(
        {QStringLiteral("--scenario"), QStringLiteral("healthy"), QStringLiteral("--fault"),
         QStringLiteral(R"({"path":"/api/v1/nodes","delayMs":60000,"count":1})")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    MainWindow window(kubeconfigOptions(sim.kubeconfig()));
    window.show();
    auto *stop = window.findChild<QAction *>(QStringLiteral("stopLoadingAction"));
    QVERIFY(stop);
    QVERIFY(!stop->isEnabled());
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.start(); // the first node list is delayed by a minute
    QTRY_VERIFY_WITH_TIMEOUT(stop->isEnabled(), loadTimeoutMs);
    QVERIFY(window.session()->isRefreshing());
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 2000);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("Stopped loading")) &&
                 message.contains(QStringLiteral("127.0.0.1")),
             qPrintable(message));
    QVERIFY(window.errorBanner()->isVisible());
    QVERIFY(!stop->isEnabled());
    QVERIFY(!window.session()->isRefreshing());

    const NodeTableModel *model = window.nodesPage()->model();
    window.session()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, loadTimeoutMs);
    QCOMPARE(failed.size(), 1); // the stopped list's late answer changes nothing
}

void TestMainWindow::unreachableServer()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint16 port = closedPort();
    const QString kubeconfig = writeFile(dir, QStringLiteral("config"), QStringLiteral(R"(apiVersion: v1
kind: Config
current-context: closed
clusters:
- name: closed
  cluster:
    server: https://127.0.0.1:%1
    insecure-skip-tls-verify: true
users:
- name: someone
  user:
    token: not-a-real-token
contexts:
- name: closed
  context: {cluster: closed, user: someone}
)").arg(port).toUtf8());
    MainWindow window(kubeconfigOptions(kubeconfig));
    window.show();
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, loadTimeoutMs);
    QVERIFY(window.errorBanner()->isVisible());
    const QString message = window.errorBanner()->text();
    qInfo("error banner: %s", qPrintable(message));
    QVERIFY2(message.contains(QString::number(port)), qPrintable(message));
    QCOMPARE(message, failed.first().first().toString());
    // TLS verification off is a warning of its own, shown whether or not the server answers.
    QVERIFY(window.tlsBanner()->isVisible());
    QVERIFY(window.tlsBanner()->text().contains(QStringLiteral("insecure-skip-tls-verify")));
    QCOMPARE(window.nodesPage()->model()->rowCount(), 0);
}

void TestMainWindow::badKubeconfig()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString kubeconfig = writeFile(dir, QStringLiteral("broken"),
                                         "apiVersion: v1\nclusters:\n- name: [unclosed\n");
    MainWindow window(kubeconfigOptions(kubeconfig));
    window.show();
    window.start();
    // Loading a file is synchronous and quick; the banner names the file (file:line).
    QVERIFY(window.errorBanner()->isVisible());
    qInfo("error banner: %s", qPrintable(window.errorBanner()->text()));
    QVERIFY2(window.errorBanner()->text().contains(kubeconfig), qPrintable(window.errorBanner()->text()));
    QVERIFY(!window.demoLauncher());
}

void TestMainWindow::demoFromOption()
{
    LaunchOptions options;
    options.demo = true;
    options.scenario = QStringLiteral("healthy");
    options.simulator = nt::test::simBinary();
    auto window = std::make_unique<MainWindow>(options);
    window->show();
    window->start();
    QVERIFY(window->demoLauncher());
    const NodeTableModel *model = window->nodesPage()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, loadTimeoutMs);
    QVERIFY(notReadyNodes(model).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(window->rail()->status(1), StepStatus::Pass, loadTimeoutMs);
    QVERIFY(window->demoBanner()->isVisible());
    QVERIFY(window->demoBanner()->text().contains(QStringLiteral("healthy")));
    QVERIFY(window->demoLauncher()->isRunning());

    // Closing the window stops the simulator.
    QPointer<nt::ui::DemoLauncher> launcher = window->demoLauncher();
    window->close();
    QVERIFY(!launcher->isRunning());
}

void TestMainWindow::demoWithoutKubeconfig()
{
    // No --kubeconfig, no $KUBECONFIG, an empty home, and the first-run hint already taken
    // (tests/frame/tst_firstrun covers the hint): the window opens the demo.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray oldHome = qgetenv("HOME");
    const QByteArray oldConfig = qgetenv("XDG_CONFIG_HOME");
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", home.path().toUtf8());
    nt::Settings().setFirstRunHintShown(true);
    LaunchOptions options;
    options.simulator = nt::test::simBinary();
    MainWindow window(options);
    window.show();
    window.start();
    qputenv("HOME", oldHome);
    qputenv("XDG_CONFIG_HOME", oldConfig);
    QVERIFY(window.demoLauncher());
    QCOMPARE(window.demoLauncher()->scenario(), nt::ui::DemoLauncher::defaultScenario());
    QVERIFY(window.demoBanner()->isVisible());
    QVERIFY(window.demoBanner()->text().contains(QStringLiteral("demo cluster")));
    QTRY_VERIFY_WITH_TIMEOUT(!notReadyNodes(window.nodesPage()->model()).isEmpty(), loadTimeoutMs);
}

int main(int argc, char **argv)
{
    // Pinned like hotspot's test mains, so the test also runs by hand without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestMainWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
