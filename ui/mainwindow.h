#pragma once
// The main window: context switcher and Refresh in the toolbar, message banners, the step rail
// beside one page per step (step 1 the node table, steps 2-6 and the summary from ui/wizard),
// and a status bar with the API server and Kubernetes version.
#include "check/stepone.h"
#include "launchoptions.h"
#include "noderow.h"
#include "stepstatus.h"

#include <optional>
#include <QMainWindow>

class QComboBox;
class QLabel;
class QStackedWidget;

namespace nt::ui {

class ClusterSession;
class DemoLauncher;
class FirstRunHint;
class MessageBanner;
class NodesPage;
class SshConsoleLauncher;
class StepRail;
class WizardController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(LaunchOptions options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens what the options ask for: the demo, or a kubeconfig context (the demo when there is
    // no usable kubeconfig and none was named). Everything after this is asynchronous.
    void start();

    ClusterSession *session() const { return m_session; }
    DemoLauncher *demoLauncher() const { return m_demo; }
    StepRail *rail() const { return m_rail; }
    NodesPage *nodesPage() const { return m_nodesPage; }
    // Steps 2-6 and the summary.
    WizardController *wizard() const { return m_wizard; }
    QStackedWidget *pages() const { return m_pages; }
    QComboBox *contextCombo() const { return m_contexts; }
    MessageBanner *errorBanner() const { return m_errorBanner; }
    MessageBanner *tlsBanner() const { return m_tlsBanner; }
    MessageBanner *demoBanner() const { return m_demoBanner; }
    FirstRunHint *firstRunHint() const { return m_firstRun; }
    MessageBanner *credentialBanner() const { return m_promptBanner; }
    QLabel *serverLabel() const { return m_serverLabel; }
    QLabel *versionLabel() const { return m_versionLabel; }
    // "sampling 3 nodes every 5 s - last round 12:01:03"
    QLabel *samplingLabel() const { return m_samplingLabel; }

Q_SIGNALS:
    // The node table was filled from a refresh (every successful refresh).
    void nodesShown();
    // A load failed; `message` is what the error banner shows.
    void loadFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createCentralArea();
    void createStatusBar();
    void connectSession();
    void startDemo(const QString &scenario, const QString &whyDemo);
    void openKubeconfig(const QString &path, const QString &context);
    void populateContexts();
    void showError(const QString &message);
    void showStepOne(const StepOneResult &result);
    // File > Export report...: what the window knows (step 1, the nodes, the samples) as a
    // report, through the same writers as `nodetriage check --pdf/--html`.
    void exportReport();
    void onContextChanged(const QString &context, const QString &server, bool insecure);
    void connectSampling();
    void showSamplingState(qint64 lastRoundMs);
    void connectWizard();
    // The nodes whose charts are on screen (step 1's, and step 4's or 6's) get the detailed
    // sampling (disk I/O, PSI).
    void updateSamplingFocus();

    LaunchOptions m_options;
    ClusterSession *m_session = nullptr;
    DemoLauncher *m_demo = nullptr;
    QComboBox *m_contexts = nullptr;
    StepRail *m_rail = nullptr;
    QStackedWidget *m_pages = nullptr;
    NodesPage *m_nodesPage = nullptr;
    WizardController *m_wizard = nullptr;
    SshConsoleLauncher *m_console = nullptr;
    QString m_kubeconfigPath; // as loaded: the wizard's checks open the same file
    QAction *m_exportAction = nullptr;
    std::optional<StepOneResult> m_stepOne; // the last judgement, for the report
    QString m_serverVersion;
    MessageBanner *m_demoBanner = nullptr;
    FirstRunHint *m_firstRun = nullptr;
    MessageBanner *m_tlsBanner = nullptr;
    MessageBanner *m_promptBanner = nullptr;
    MessageBanner *m_errorBanner = nullptr;
    QLabel *m_contextLabel = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_versionLabel = nullptr;
    QLabel *m_updatedLabel = nullptr;
    QLabel *m_samplingLabel = nullptr;
    QString m_shownServer;
    bool m_hasData = false;
    StepStatus m_stepOneStatus = StepStatus::NotRun; // restored when a later refresh fails
    QString m_stepOneDetail;
};

} // namespace nt::ui
