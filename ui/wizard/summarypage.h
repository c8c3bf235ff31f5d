#pragma once
// The last page of the wizard: every step's status and note, the findings of all steps worst
// first (with the same evidence and remedy pane), "Run all steps" and "Export report".
#include "check/finding.h"
#include "stepstatus.h"

#include <QWidget>

class QPushButton;
class QStandardItemModel;
class QTableView;
class QLabel;

namespace nt::ui {

class FindingModel;
class FindingPane;

class SummaryPage : public QWidget {
    Q_OBJECT
public:
    explicit SummaryPage(QWidget *parent = nullptr);

    void setStep(int step, StepStatus status, const QString &statusLine, const QString &note);
    void setFindings(QList<Finding> findings);

    QTableView *stepsView() const { return m_stepsView; }
    QStandardItemModel *stepsModel() const { return m_steps; }
    QTableView *findingsView() const { return m_view; }
    FindingModel *model() const { return m_model; }
    FindingPane *pane() const { return m_pane; }
    QPushButton *runAllButton() const { return m_runAll; }
    QPushButton *exportButton() const { return m_export; }

Q_SIGNALS:
    void runAllRequested();
    void exportRequested();
    // A step row activated (Enter / double click): go to its page.
    void stepActivated(int step);

private:
    QStandardItemModel *m_steps = nullptr;
    QTableView *m_stepsView = nullptr;
    FindingModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    FindingPane *m_pane = nullptr;
    QPushButton *m_runAll = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_headline = nullptr;
};

} // namespace nt::ui
