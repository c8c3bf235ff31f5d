#include "steprail.h"

#include "statuscolors.h"
#include "stepcatalog.h"

#include <QEvent>

namespace nt::ui {

StepRail::StepRail(QWidget *parent)
    : QListWidget(parent) {
    setObjectName(QStringLiteral("stepRail"));
    setAccessibleName(tr("Steps"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(16, 16));
    setSpacing(2);
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (const StepInfo &step : StepCatalog::steps()) {
        auto *item = new QListWidgetItem(this);
        item->setData(Qt::UserRole, step.number);
        m_status.append(StepStatus::NotRun);
        m_detail.append(QString());
        updateItem(step.number);
    }
    auto *summary = new QListWidgetItem(this);
    summary->setData(Qt::UserRole, summaryStep);
    updateSummaryItem();
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            Q_EMIT currentStepChanged(row + 1);
    });
    setCurrentRow(0);
}

void StepRail::setStatus(int step, StepStatus status, const QString &detail) {
    if (step < 1 || step > m_status.size())
        return;
    m_status[step - 1] = status;
    m_detail[step - 1] = detail;
    updateItem(step);
}

StepStatus StepRail::status(int step) const {
    return step >= 1 && step <= m_status.size() ? m_status.at(step - 1) : StepStatus::NotRun;
}

QString StepRail::stepText(int step) const {
    const QListWidgetItem *it = item(step - 1);
    return it ? it->text() : QString();
}

void StepRail::updateSummaryItem() {
    QListWidgetItem *it = item(summaryStep - 1);
    if (!it)
        return;
    it->setText(tr("Summary\nall steps, export"));
    it->setIcon(QIcon());
    it->setToolTip(tr("Every step's status and the findings of all steps, worst first"));
    it->setData(Qt::AccessibleTextRole, tr("Summary of all steps"));
}

void StepRail::setCurrentStep(int step) {
    if (step >= 1 && step <= count())
        setCurrentRow(step - 1);
}

void StepRail::updateItem(int step) {
    QListWidgetItem *it = item(step - 1);
    if (!it)
        return;
    const StepInfo info = StepCatalog::step(step);
    const StepStatus status = m_status.at(step - 1);
    QString statusLine = StepStatusText::text(status);
    if (!m_detail.at(step - 1).isEmpty())
        statusLine = tr("%1 \u2013 %2").arg(statusLine, m_detail.at(step - 1));
    it->setText(tr("%1. %2\n%3").arg(QString::number(step), info.title, statusLine));
    it->setIcon(StatusColors::markerIcon(status, palette(), iconSize().width()));
    it->setToolTip(info.explanation);
    it->setData(Qt::AccessibleTextRole,
                tr("Step %1, %2: %3").arg(QString::number(step), info.title, statusLine));
}

QSize StepRail::sizeHint() const {
    // Wide enough for the longest line of any row, so nothing needs to wrap (Chinese titles
    // are wider than averageCharWidth suggests), within a sensible bound.
    int widest = 0;
    for (int row = 0; row < count(); ++row)
        for (const QString &line : item(row)->text().split(u'\n'))
            widest = qMax(widest, fontMetrics().horizontalAdvance(line));
    const int chrome = iconSize().width() + 6 * spacing() + 4 * frameWidth() + 24;
    const int width = qBound(fontMetrics().averageCharWidth() * 20, widest + chrome,
                             fontMetrics().averageCharWidth() * 44);
    return QSize(width, QListWidget::sizeHint().height());
}

void StepRail::resizeEvent(QResizeEvent *event) {
    QListWidget::resizeEvent(event);
    // Wrapped rows must get their height for the new width, or their last line is cut.
    scheduleDelayedItemsLayout();
}

void StepRail::changeEvent(QEvent *event) {
    QListWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        for (int step = 1; step < summaryStep; ++step)
            updateItem(step);
}

} // namespace nt::ui
