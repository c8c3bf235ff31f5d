#pragma once
// Drives steps 2-6 of the wizard and the summary: runs core's checks on a worker (StepJob) for
// the window's context, shows each step's verdict on the rail and its page, keeps the findings,
// notes and actions of the investigation for the report, and sends the few changes the pages
// offer (rollout restart, deleting a pod, the DNS probe pod) only after ApiCallDialog's OK.
#include "apicall.h"
#include "apicalldialog.h"
#include "check/checkreport.h"
#include "reportinput.h"
#include "stepjob.h"
#include "stepstatus.h"

#include <functional>
#include <memory>
#include <optional>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace nt {
class KubeClient;
class MetricStore;
} // namespace nt

namespace nt::ui {

class CheckPage;
class StepRail;
class SummaryPage;

class WizardController : public QObject {
    Q_OBJECT
public:
    // `requestBase` gives the kubeconfig, context and step-3 settings of the current cluster
    // (steps, window and allowChanges are filled in here).
    WizardController(StepRail *rail, std::function<StepJobRequest()> requestBase,
                     QObject *parent = nullptr);
    ~WizardController() override;

    // Pages for steps 2..6 (index 0 = step 2) and the summary; the caller puts them in its stack.
    const QList<CheckPage *> &pages() const { return m_pages; }
    CheckPage *page(int step) const;
    SummaryPage *summary() const { return m_summary; }

    // The sampling window steps 4 and 6 judge over, in seconds (the window's --check-window).
    void setWindowSeconds(int seconds) { m_windowSeconds = seconds; }
    // The window's metric store, for the charts of steps 4 and 6 (null: none).
    void setStore(std::shared_ptr<MetricStore> store, int intervalMs);
    void samplingRound();

    // Step 1 as the window judged it, for the summary and the report.
    void setStepOne(StepStatus status, const QString &statusLine, const QList<Finding> &findings,
                    const QString &note);

    // Runs `steps` (2..6) in one pass. `allowChanges` only after the probe pod was confirmed.
    void run(const QList<int> &steps, bool allowChanges = false);
    void cancel();
    bool isRunning() const { return m_job != 0; }
    // A different cluster: results, running job and the action client are dropped.
    void reset();

    // What the report needs: every step run here, its findings, the notes and the actions.
    std::optional<StepResult> stepResult(int step) const;
    QList<Finding> findings(int step) const;
    QString notesText() const;
    QList<report::ReportAction> actions() const { return m_actions; }
    // The dialog of the pending change (null: none open), for tests.
    ApiCallDialog *pendingDialog() const { return m_dialog; }
    // The calls of the last confirmed change as they were shown.
    QList<ApiCall> lastShownCalls() const { return m_shownCalls; }

Q_SIGNALS:
    // A run of these steps finished (or could not run / was cancelled).
    void stepsFinished(const QList<int> &steps);
    void consoleRequested(const QString &node);
    void exportRequested();
    // A change confirmed by the user was answered (ok or not); `message` as the page shows it.
    void changeFinished(bool ok, const QString &message);

private:
    void createPages();
    void applyResult(quint64 job, const QList<int> &steps, const StepJobResult &result);
    void setStepState(int step, StepStatus status, const QString &detail);
    void updateSummary();
    void confirmChange(CheckPage *page, const QString &what, const QList<ApiCall> &calls,
                       const QString &okText, std::function<void()> onOk);
    void sendChange(CheckPage *page, const ApiCall &call, const QString &description);
    void runProbePod();
    void showChartFor(CheckPage *page, const Finding *finding);
    KubeClient *actionClient(QString *error);

    StepRail *m_rail;
    std::function<StepJobRequest()> m_requestBase;
    QList<CheckPage *> m_pages;
    SummaryPage *m_summary = nullptr;
    int m_windowSeconds = 20;
    int m_intervalMs = 5000;
    std::shared_ptr<MetricStore> m_store;
    quint64 m_job = 0;
    std::shared_ptr<StepJobControl> m_control; // of the running job
    quint64 m_lastJob = 0;
    QList<int> m_running;
    QHash<int, StepResult> m_results;
    QHash<int, QList<Finding>> m_findings;
    QHash<int, StepStatus> m_status;
    QHash<int, QString> m_detail;
    QHash<QString, Node> m_nodes; // from the last run, for the charts' instance type and cap
    QList<report::ReportAction> m_actions;
    QList<ApiCall> m_shownCalls;
    QPointer<ApiCallDialog> m_dialog;
    std::unique_ptr<KubeClient> m_actionClient;
};

} // namespace nt::ui
