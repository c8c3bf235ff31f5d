#pragma once
// The page of one of steps 2-6: what the step is about (our words), "Run step" with its
// progress and Cancel, the checks the step makes with their state, the findings (severity,
// node or object, title) beside the evidence and remedy pane, the step's charts where it has
// any, its actions (SSH console on the affected node, changes behind a confirmation) and the
// engineer's notes for the report.
#include "check/finding.h"
#include "stepcatalog.h"
#include "stepstatus.h"

#include <memory>
#include <QWidget>

class QElapsedTimer;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QHBoxLayout;
class QTabWidget;
class QTableView;
class QTimer;

namespace nt::ui {

class FindingModel;
class FindingPane;
class NodeChartsPanel;

class CheckPage : public QWidget {
    Q_OBJECT
public:
    explicit CheckPage(const StepInfo &step, QWidget *parent = nullptr);
    ~CheckPage() override;

    int step() const { return m_step; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    QListWidget *checksList() const { return m_checks; }
    QTableView *findingsView() const { return m_view; }
    FindingModel *model() const { return m_model; }
    FindingPane *pane() const { return m_pane; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QTabWidget *lowerTabs() const { return m_tabs; }
    // Steps 4 and 6: the affected node's charts (null on other steps).
    NodeChartsPanel *charts() const { return m_charts; }
    QPushButton *consoleButton() const { return m_console; }
    // Step 6: the disk chart is the last of the node's charts; show it.
    void scrollChartsToEnd();
    // The finding the pane shows (null: none).
    const Finding *currentFinding() const;

    // A button in the actions row (mutating actions, which the owner guards with a
    // confirmation). Enabled when `needsFinding` is false or a finding is selected.
    QPushButton *addAction(const QString &text, const QString &objectName);

    // Running: the Run button off, Cancel on, progress over `windowSeconds` of sampling (0: no
    // window, the bar is busy until the answer).
    void setRunning(int windowSeconds);
    // What the running check is doing now (from core's progress), after the countdown.
    void setProgressText(const QString &text);
    void setResult(StepStatus status, QList<Finding> findings, const QString &note);
    // Could not run, or cancelled: `message` in the status line; earlier findings stay.
    void setStopped(StepStatus status, const QString &message);

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    void consoleRequested(const QString &node);
    void findingChanged(const nt::Finding *finding);

private:
    void showFinding(const QModelIndex &index);
    void updateChecks(bool ran);
    void tick();
    void fitChecks();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int m_step = 0;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_note = nullptr;
    QListWidget *m_checks = nullptr;
    QTableView *m_view = nullptr;
    FindingModel *m_model = nullptr;
    FindingPane *m_pane = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QTabWidget *m_tabs = nullptr;
    NodeChartsPanel *m_charts = nullptr;
    QScrollArea *m_chartScroll = nullptr;
    QPushButton *m_console = nullptr;
    QHBoxLayout *m_actions = nullptr;
    QTimer *m_timer = nullptr;
    std::unique_ptr<QElapsedTimer> m_elapsed;
    int m_windowSeconds = 0;
    int m_currentRow = -1;
    QString m_progressText;
};

} // namespace nt::ui
