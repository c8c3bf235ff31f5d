#include "mainwindow.h"

#include "charts/nodechartspanel.h"
#include "check/checkreport.h"
#include "clustersession.h"
#include "console/consolelauncher.h"
#include "demolauncher.h"
#include "exportdialog.h"
#include "frame/aboutdialog.h"
#include "frame/firstrunhint.h"
#include "frame/settingsdialog.h"
#include "messagebanner.h"
#include "metrics/metricstore.h"
#include "nodespage.h"
#include "nodetablemodel.h"
#include "stepcatalog.h"
#include "steprail.h"
#include "wizard/checkpage.h"
#include "wizard/summarypage.h"
#include "wizard/wizardcontroller.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include "util/settings.h"

#include <utility>

namespace nt::ui {

MainWindow::MainWindow(LaunchOptions options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(std::move(options)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("NodeTriage"));
    m_session = new ClusterSession(this);
    createActions();
    createCentralArea();
    createStatusBar();
    connectSession();
    connectSampling();
    connectWizard();
    // The interval from --sampling-interval, else the one chosen in the settings.
    const int interval = m_options.samplingIntervalSeconds > 0
                             ? m_options.samplingIntervalSeconds
                             : Settings().samplingIntervalSeconds();
    SamplingConfig config = m_session->samplingConfig();
    config.intervalMs = interval * 1000;
    m_session->setSamplingConfig(config);
    resize(1280, 800);
    // Where the user left the window last time (screenshots keep the fixed size above).
    if (m_options.screenshot.isEmpty() && m_options.stepsScreenshot.isEmpty()) {
        Settings settings;
        restoreGeometry(settings.windowGeometry());
        restoreState(settings.windowState());
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    auto *toolbar = addToolBar(tr("Cluster"));
    toolbar->setObjectName(QStringLiteral("clusterToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *contextLabel = new QLabel(tr("&Context:"), toolbar);
    contextLabel->setContentsMargins(4, 0, 4, 0);
    m_contexts = new QComboBox(toolbar);
    m_contexts->setObjectName(QStringLiteral("contextCombo"));
    m_contexts->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_contexts->setMinimumContentsLength(16);
    m_contexts->setToolTip(tr("Kubeconfig context: switching reconnects"));
    contextLabel->setBuddy(m_contexts);
    toolbar->addWidget(contextLabel);
    toolbar->addWidget(m_contexts);
    connect(m_contexts, &QComboBox::activated, this, [this](int index) {
        const QString name = m_contexts->itemText(index);
        if (name != m_session->contextName())
            m_session->connectTo(name);
    });

    auto *refresh =
        new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    // F5 only: the platform's Refresh keys include Ctrl+R on GNOME, which runs the shown step.
    refresh->setShortcut(QKeySequence(Qt::Key_F5));
    refresh->setToolTip(tr("Load the nodes again (F5)"));
    connect(refresh, &QAction::triggered, m_session, &ClusterSession::refresh);
    toolbar->addAction(refresh);
    // Enabled only while a load is in flight, so Esc means nothing else meanwhile.
    auto *stop =
        new QAction(style()->standardIcon(QStyle::SP_BrowserStop), tr("&Stop loading"), this);
    stop->setObjectName(QStringLiteral("stopLoadingAction"));
    stop->setShortcut(QKeySequence(Qt::Key_Escape));
    stop->setToolTip(tr("Stop waiting for the API server (Esc)"));
    stop->setEnabled(false);
    connect(stop, &QAction::triggered, m_session, &ClusterSession::cancelRefresh);
    connect(m_session, &ClusterSession::refreshStarted, stop, [stop] { stop->setEnabled(true); });
    connect(m_session, &ClusterSession::refreshFinished, stop, [stop] { stop->setEnabled(false); });
    toolbar->addAction(stop);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(refresh);
    fileMenu->addAction(stop);
    fileMenu->addSeparator();
    m_exportAction = fileMenu->addAction(tr("&Export report…"), this, &MainWindow::exportReport);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(
        tr("Write what was checked and seen as PDF, HTML, JSON or Markdown"));
    m_exportAction->setEnabled(false); // until the nodes have been judged
    fileMenu->addSeparator();
    auto *settingsAction = fileMenu->addAction(tr("&Settings…"), this, [this] {
        Settings settings;
        SettingsDialog dialog(settings, this);
        if (dialog.exec() == QDialog::Accepted && dialog.restartNeeded())
            statusBar()->showMessage(
                tr("The new language or theme applies when NodeTriage starts again."), 10000);
    });
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcuts(
        {QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    settingsAction->setMenuRole(QAction::PreferencesRole);
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto *stepsMenu = menuBar()->addMenu(tr("&Steps"));
    for (const StepInfo &step : StepCatalog::steps()) {
        auto *action =
            stepsMenu->addAction(tr("&%1 %2").arg(QString::number(step.number), step.title));
        action->setObjectName(QStringLiteral("stepAction%1").arg(step.number));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + step.number)));
        const int number = step.number;
        connect(action, &QAction::triggered, this,
                [this, number] { m_rail->setCurrentStep(number); });
    }
    auto *summaryAction = stepsMenu->addAction(tr("&7 Summary"));
    summaryAction->setObjectName(QStringLiteral("stepAction7"));
    summaryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_7));
    connect(summaryAction, &QAction::triggered, this,
            [this] { m_rail->setCurrentStep(StepRail::summaryStep); });
    stepsMenu->addSeparator();
    auto *runThis = stepsMenu->addAction(tr("&Run this step"));
    runThis->setObjectName(QStringLiteral("runStepAction"));
    runThis->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(runThis, &QAction::triggered, this, [this] {
        const int step = m_rail->currentStep();
        if (step >= 2 && step <= 6)
            m_wizard->run({step});
    });
    auto *runAll = stepsMenu->addAction(tr("Run &all steps"));
    runAll->setObjectName(QStringLiteral("runAllAction"));
    runAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(runAll, &QAction::triggered, this, [this] { m_wizard->run({2, 3, 4, 5, 6}); });

    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    auto *about = helpMenu->addAction(tr("&About NodeTriage"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createCentralArea() {
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(4);

    m_demoBanner = new MessageBanner(MessageBanner::Kind::Info, central);
    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_tlsBanner = new MessageBanner(MessageBanner::Kind::Warning, central);
    m_tlsBanner->setObjectName(QStringLiteral("tlsBanner"));
    m_tlsBanner->setClosable(false); // a security fact, not a notification to dismiss
    m_promptBanner = new MessageBanner(MessageBanner::Kind::Info, central);
    m_promptBanner->setObjectName(QStringLiteral("credentialBanner"));
    m_errorBanner = new MessageBanner(MessageBanner::Kind::Error, central);
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    for (MessageBanner *banner : {m_errorBanner, m_tlsBanner, m_promptBanner, m_demoBanner})
        layout->addWidget(banner);
    m_firstRun = new FirstRunHint(central);
    layout->addWidget(m_firstRun);
    connect(m_firstRun, &FirstRunHint::demoRequested, this,
            [this] { startDemo(QString(), QString()); });
    connect(m_firstRun, &FirstRunHint::kubeconfigChosen, this,
            [this](const QString &path) { openKubeconfig(path, QString()); });

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    m_rail = new StepRail(splitter);
    m_pages = new QStackedWidget(splitter);
    m_pages->setObjectName(QStringLiteral("stepPages"));
    m_nodesPage = new NodesPage(m_pages);
    m_pages->addWidget(m_nodesPage);
    m_console = new SshConsoleLauncher(
        m_nodesPage, [this] { return m_session->server(); }, this);
    m_wizard = new WizardController(
        m_rail,
        [this] {
            StepJobRequest request;
            request.kubeconfig = m_kubeconfigPath;
            request.context = m_session->contextName();
            request.dnsServer = m_options.dnsServer;
            request.fqdn = m_options.fqdn;
            request.probeImage = Settings().probeImage();
            return request;
        },
        this);
    if (m_options.checkWindowSeconds > 0)
        m_wizard->setWindowSeconds(m_options.checkWindowSeconds);
    for (CheckPage *page : m_wizard->pages())
        m_pages->addWidget(page);
    m_pages->addWidget(m_wizard->summary());
    splitter->addWidget(m_rail);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    connect(m_rail, &StepRail::currentStepChanged, this,
            [this](int step) { m_pages->setCurrentIndex(step - 1); });
    m_rail->setCurrentStep(1);
    m_rail->setFocus();
}

void MainWindow::createStatusBar() {
    m_contextLabel = new QLabel(statusBar());
    m_serverLabel = new QLabel(statusBar());
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_serverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_versionLabel = new QLabel(statusBar());
    m_versionLabel->setObjectName(QStringLiteral("versionLabel"));
    m_updatedLabel = new QLabel(statusBar());
    m_updatedLabel->setObjectName(QStringLiteral("updatedLabel"));
    statusBar()->addWidget(m_contextLabel);
    statusBar()->addWidget(m_serverLabel, 1);
    m_samplingLabel = new QLabel(statusBar());
    m_samplingLabel->setObjectName(QStringLiteral("samplingLabel"));
    statusBar()->addPermanentWidget(m_samplingLabel);
    statusBar()->addPermanentWidget(m_versionLabel);
    statusBar()->addPermanentWidget(m_updatedLabel);
    m_serverLabel->setText(tr("Not connected"));
}

void MainWindow::connectSession() {
    connect(m_session, &ClusterSession::contextChanged, this, &MainWindow::onContextChanged);
    connect(m_session, &ClusterSession::refreshStarted, this, [this] {
        m_rail->setStatus(1, StepStatus::Running);
        m_updatedLabel->setText(tr("Loading\u2026"));
    });
    connect(m_session, &ClusterSession::serverVersionKnown, this, [this](const QString &version) {
        m_serverVersion = version;
        m_versionLabel->setText(version.isEmpty() ? tr("Kubernetes version unknown")
                                                  : tr("Kubernetes %1").arg(version));
    });
    connect(m_session, &ClusterSession::nodesLoaded, this,
            [this](const QList<NodeRow> &rows, const QDateTime &now) {
                m_nodesPage->setNodes(rows, now);
                m_hasData = true;
                m_errorBanner->hide();
                m_promptBanner->hide();
                m_updatedLabel->setText(
                    tr("Updated %1")
                        .arg(QLocale().toString(now.toLocalTime().time(), QLocale::ShortFormat)));
                Q_EMIT nodesShown();
            });
    connect(m_session, &ClusterSession::stepOneJudged, this, &MainWindow::showStepOne);
    connect(m_session, &ClusterSession::failed, this, &MainWindow::showError);
    connect(m_session, &ClusterSession::credentialPrompt, this, [this](const QString &text) {
        // Plugins print their prompt over several lines; keep them together while it runs.
        const QString shown = m_promptBanner->isVisible()
                                  ? m_promptBanner->text() + QLatin1Char('\n')
                                  : tr("The credential plugin asks:\n");
        m_promptBanner->showMessage(shown + text.trimmed());
    });
}

void MainWindow::connectSampling() {
    connect(m_session, &ClusterSession::samplingStarted, this, [this] {
        m_nodesPage->setStore(m_session->store(), m_session->samplingConfig().intervalMs);
        m_wizard->setStore(m_session->store(), m_session->samplingConfig().intervalMs);
        showSamplingState(0);
    });
    connect(m_session, &ClusterSession::samplingStopped, this, [this] {
        m_nodesPage->setStore(nullptr, m_session->samplingConfig().intervalMs);
        m_wizard->setStore(nullptr, m_session->samplingConfig().intervalMs);
        m_samplingLabel->clear();
    });
    connect(m_session, &ClusterSession::samplingRound, this, [this](const SamplingRound &round) {
        m_nodesPage->samplingRound();
        m_wizard->samplingRound();
        showSamplingState(round.finishedMs);
    });
    // --show-node / --show overview (docs, screenshots): applied to the first node list.
    connect(this, &MainWindow::nodesShown, this, [this] {
        if (!m_options.showNode.isEmpty())
            m_nodesPage->showNodeCharts(std::exchange(m_options.showNode, QString()));
        if (std::exchange(m_options.showOverview, false))
            m_nodesPage->tabs()->setCurrentIndex(1);
    });
    connect(m_nodesPage, &NodesPage::chartNodeChanged, this, &MainWindow::updateSamplingFocus);
}

void MainWindow::updateSamplingFocus() {
    QStringList nodes;
    if (const QString node = m_nodesPage->chartsPanel()->node(); !node.isEmpty())
        nodes << node;
    for (CheckPage *page : m_wizard->pages())
        if (page->charts() && !page->charts()->node().isEmpty() &&
            !nodes.contains(page->charts()->node()))
            nodes << page->charts()->node();
    m_session->setSamplingFocus(nodes);
}

void MainWindow::connectWizard() {
    connect(m_wizard, &WizardController::consoleRequested, this,
            [this](const QString &node) { m_console->openFor(node); });
    connect(m_wizard, &WizardController::exportRequested, this, &MainWindow::exportReport);
    for (CheckPage *page : m_wizard->pages())
        if (page->charts())
            connect(page, &CheckPage::findingChanged, this, &MainWindow::updateSamplingFocus,
                    Qt::QueuedConnection);
    // --show-step N, --run-steps, --steps-screenshot FILE (docs, screenshots, CI).
    connect(this, &MainWindow::nodesShown, this, [this] {
        if (const int step = std::exchange(m_options.showStep, 0); step > 0)
            m_rail->setCurrentStep(step);
        if (std::exchange(m_options.runSteps, false))
            m_wizard->run({2, 3, 4, 5, 6});
    });
    if (!m_options.stepsScreenshot.isEmpty()) {
        connect(m_wizard, &WizardController::stepsFinished, this, [this] {
            // Three sampling rounds later, so that the charts of the affected node (sampled in
            // detail once it is on screen) have something to show; at most 20 s.
            auto rounds = std::make_shared<int>(0);
            auto grabOnce = [this] {
                const QString file = std::exchange(m_options.stepsScreenshot, QString());
                if (file.isEmpty())
                    return;
                const bool saved = grab().save(file);
                QTextStream(stderr) << (saved ? QStringLiteral("saved %1\n").arg(file)
                                              : QStringLiteral("could not save %1\n").arg(file));
                QCoreApplication::exit(saved ? 0 : 1);
            };
            connect(m_session, &ClusterSession::samplingRound, this, [rounds, grabOnce] {
                if (++*rounds == 3)
                    QTimer::singleShot(200, grabOnce);
            });
            QTimer::singleShot(20000, this, grabOnce);
        });
    }
}

void MainWindow::showSamplingState(qint64 lastRoundMs) {
    const int seconds = m_session->samplingConfig().intervalMs / 1000;
    const QString nodes =
        tr("sampling %1 nodes every %2 s")
            .arg(QLocale().toString(m_session->sampledNodes()), QLocale().toString(seconds));
    if (lastRoundMs <= 0) {
        m_samplingLabel->setText(tr("%1 – first round running…").arg(nodes));
        return;
    }
    const QTime last = QDateTime::fromMSecsSinceEpoch(lastRoundMs).toLocalTime().time();
    m_samplingLabel->setText(
        tr("%1 – last round %2").arg(nodes, QLocale().toString(last, QStringLiteral("HH:mm:ss"))));
}

void MainWindow::start() {
    if (m_options.demo) {
        startDemo(m_options.scenario, QString());
        return;
    }
    QString error;
    m_kubeconfigPath = m_options.kubeconfig;
    const bool loaded = m_session->loadKubeconfig(m_options.kubeconfig, &error);
    if (loaded && !m_session->contextNames().isEmpty()) {
        populateContexts();
        m_session->connectTo(m_options.context);
        return;
    }
    if (loaded)
        error = tr("the kubeconfig (%1) has no contexts")
                    .arg(m_session->kubeconfigFiles().join(QDir::listSeparator()));
    if (!m_options.kubeconfig.isEmpty()) {
        // A file the user named: say what is wrong with it rather than hide it behind the demo.
        showError(error);
        return;
    }
    // The first time, offer the demo (or a kubeconfig file) rather than open it unasked.
    if (FirstRunHint::wanted()) {
        m_firstRun->offer(error);
        return;
    }
    startDemo(QString(), error);
}

void MainWindow::startDemo(const QString &scenario, const QString &whyDemo) {
    if (!m_demo) {
        m_demo = new DemoLauncher(this);
        if (!m_options.simulator.isEmpty())
            m_demo->setSimulatorPath(m_options.simulator);
        connect(m_demo, &DemoLauncher::ready, this,
                [this](const QString &kubeconfig) { openKubeconfig(kubeconfig, QString()); });
        connect(m_demo, &DemoLauncher::failed, this, &MainWindow::showError);
    }
    m_demo->start(scenario);
    const QString name = m_demo->scenario();
    m_rail->setStatus(1, StepStatus::Running);
    m_serverLabel->setText(tr("Starting the demo cluster\u2026"));
    if (whyDemo.isEmpty())
        m_demoBanner->showMessage(
            tr("This is the demo cluster: a simulated AKS cluster running on this computer "
               "(scenario \u201c%1\u201d). Nothing here touches a real cluster.")
                .arg(name));
    else
        m_demoBanner->showMessage(
            tr("No usable kubeconfig (%1), so this is the demo cluster: a simulated AKS cluster "
               "running on this computer (scenario \u201c%2\u201d). To open your own cluster, "
               "fetch its credentials (az aks get-credentials) or start with --kubeconfig FILE.")
                .arg(whyDemo, name));
}

void MainWindow::openKubeconfig(const QString &path, const QString &context) {
    QString error;
    if (!m_session->loadKubeconfig(path, &error)) {
        showError(error);
        return;
    }
    m_kubeconfigPath = path;
    populateContexts();
    m_session->connectTo(context);
}

void MainWindow::populateContexts() {
    const QSignalBlocker blocker(m_contexts);
    m_contexts->clear();
    m_contexts->addItems(m_session->contextNames());
    const QString current = m_session->contextName().isEmpty()
                                ? m_session->kubeconfigCurrentContext()
                                : m_session->contextName();
    m_contexts->setCurrentIndex(qMax(0, m_contexts->findText(current)));
}

void MainWindow::onContextChanged(const QString &context, const QString &server, bool insecure) {
    {
        const QSignalBlocker blocker(m_contexts);
        m_contexts->setCurrentIndex(m_contexts->findText(context));
    }
    setWindowTitle(tr("%1 \u2013 NodeTriage").arg(context));
    m_contextLabel->setText(tr("Context: %1").arg(context));
    m_serverLabel->setText(tr("API server: %1").arg(server));
    m_versionLabel->setText(tr("Kubernetes version: loading\u2026"));
    if (insecure)
        m_tlsBanner->showMessage(
            tr("TLS verification is off for context \u201c%1\u201d (insecure-skip-tls-verify): "
               "the API server's identity is not checked, so its answers could come from anyone "
               "on the network path.")
                .arg(context));
    else
        m_tlsBanner->hide();
    // Another cluster's nodes must not stand under this context's name; the same cluster seen
    // through another user can keep its rows until the reload replaces them.
    if (server != m_shownServer && m_hasData) {
        m_nodesPage->clear();
        m_hasData = false;
    }
    // Steps 2-6 ran against one context: another context's verdicts start from "not run".
    m_wizard->reset();
    m_shownServer = server;
}

void MainWindow::showError(const QString &message) {
    // The last good data stays: an outage is exactly when the user wants to read it.
    m_errorBanner->showMessage(message);
    if (!m_hasData)
        m_rail->setStatus(1, StepStatus::NotRun, tr("could not load"));
    else
        m_rail->setStatus(1, m_stepOneStatus, m_stepOneDetail);
    m_updatedLabel->setText(m_hasData ? tr("Showing the last loaded data") : QString());
    {
        // A context that failed to resolve leaves the previous one in use: show that one.
        const QSignalBlocker blocker(m_contexts);
        const int index = m_contexts->findText(m_session->contextName());
        if (index >= 0)
            m_contexts->setCurrentIndex(index);
    }
    Q_EMIT loadFailed(message);
}

void MainWindow::showStepOne(const StepOneResult &result) {
    m_stepOne = result;
    m_exportAction->setEnabled(true);
    StepStatus status = StepStatus::Pass;
    switch (result.status) {
    case nt::StepStatus::Pass:
        status = StepStatus::Pass;
        break;
    case nt::StepStatus::Warn:
        status = StepStatus::Warn;
        break;
    case nt::StepStatus::Fail:
        status = StepStatus::Fail;
        break;
    case nt::StepStatus::Error:
        status = StepStatus::Error;
        break;
    case nt::StepStatus::Skipped:
        status = StepStatus::NotRun;
        break;
    }
    int critical = 0;
    int warnings = 0;
    for (const Finding &f : result.findings) {
        critical += f.severity == Severity::Critical;
        warnings += f.severity == Severity::Warning;
    }
    QString detail;
    if (critical + warnings == 0)
        detail = tr("nodes: %1").arg(QLocale().toString(m_nodesPage->model()->rowCount()));
    else
        detail = tr("critical: %1 \u00b7 warnings: %2")
                     .arg(QLocale().toString(critical), QLocale().toString(warnings));
    m_stepOneStatus = status;
    m_stepOneDetail = detail;
    m_rail->setStatus(1, status, detail);
    m_wizard->setStepOne(status, tr("%1 \u2013 %2").arg(StepStatusText::text(status), detail),
                         result.findings, result.notes.join(u' '));
    m_wizard->summary()->exportButton()->setEnabled(true);
    // The judge's notes are about coverage (what one snapshot cannot tell), not alarms.
    m_nodesPage->setNotes(result.notes);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (m_options.screenshot.isEmpty() && m_options.stepsScreenshot.isEmpty()) {
        Settings settings;
        settings.setWindowLayout(saveGeometry(), saveState());
    }
    if (m_demo)
        m_demo->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::exportReport() {
    if (!m_stepOne)
        return;
    report::ReportInput input;
    CheckReport &r = input.check;
    r.generatedAt = QDateTime::currentDateTimeUtc();
    r.cluster.context = m_session->contextName();
    r.cluster.server = m_session->server();
    r.cluster.version = m_serverVersion;
    const int intervalMs = m_session->samplingConfig().intervalMs;
    r.window.intervalSeconds = intervalMs / 1000;
    r.window.end = r.generatedAt;
    // The window keeps 15 minutes at full resolution: the report's charts cover that.
    r.window.start = r.generatedAt.addSecs(-15 * 60);
    r.steps.append(StepResult::make(1, m_stepOne->status, m_stepOne->notes.join(u' ')));
    r.findings = m_stepOne->findings;
    // Steps 2-6 as the wizard last ran them; the ones not run say so.
    for (int step = 2; step <= 6; ++step) {
        if (const std::optional<StepResult> result = m_wizard->stepResult(step)) {
            r.steps.append(*result);
            r.findings << m_wizard->findings(step);
        } else {
            r.steps.append(StepResult::make(step, nt::StepStatus::Skipped,
                                            tr("Not run in the window (Run step on its page).")));
        }
    }
    const NodeTableModel *model = m_nodesPage->model();
    const std::shared_ptr<MetricStore> store = m_session->store();
    for (int row = 0; row < model->rowCount(); ++row) {
        const Node &node = model->nodeRow(row).node;
        r.nodes.append(node);
        if (!store)
            continue;
        const std::optional<NodeId> id = store->findNode(node.meta.name);
        if (!id)
            continue;
        QMap<QString, double> values;
        for (Metric metric : {Metric::CpuPercent, Metric::MemoryPercent, Metric::PidPercent,
                              Metric::FsPercent, Metric::ReadIops, Metric::WriteIops}) {
            if (const auto v = store->latest(*id, metric))
                values.insert(QString::fromLatin1(metricKey(metric)), double(v->value));
        }
        if (!values.isEmpty())
            r.latest.insert(node.meta.name, values);
    }
    input.store = store;
    input.author = qEnvironmentVariable("USER");
    input.notes = m_wizard->notesText();
    input.actions = m_wizard->actions();
    input.commandLine = QStringLiteral("nodetriage check --context %1 --steps 1-6 --pdf report.pdf")
                            .arg(m_session->contextName());
    ExportDialog dialog(std::move(input), this);
    dialog.exec();
}

} // namespace nt::ui
