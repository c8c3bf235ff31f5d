#pragma once
// The wizard rail: the six steps as a vertical list, each with a coloured status marker and the
// status in words (colour alone is not enough for everyone), then the summary. Selecting a
// row shows its page.
#include "stepstatus.h"

#include <QListWidget>

namespace nt::ui {

class StepRail : public QListWidget {
    Q_OBJECT
public:
    explicit StepRail(QWidget *parent = nullptr);

    // `step` is 1-based. `detail` is a few words after the status, e.g. "2 of 12 nodes".
    void setStatus(int step, StepStatus status, const QString &detail = {});
    StepStatus status(int step) const;
    // The step's row text as shown ("1. Node health" and the status line), for tests and a11y.
    QString stepText(int step) const;

    // 1..6, or summaryStep for the summary row below the steps.
    static constexpr int summaryStep = 7;
    int currentStep() const { return currentRow() + 1; }
    void setCurrentStep(int step);

    QSize sizeHint() const override;

Q_SIGNALS:
    void currentStepChanged(int step);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateItem(int step);
    void updateSummaryItem();

    QList<StepStatus> m_status;
    QStringList m_detail;
};

} // namespace nt::ui
