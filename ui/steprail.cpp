#include "steprail.h"

#include "stepcatalog.h"
#include "statuscolors.h"

#include <QEvent>

namespace nt::ui {

StepRail::StepRail(QWidget *parent) : QListWidget(parent)
{
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
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            Q_EMIT currentStepChanged(row + 1);
    });
    setCurrentRow(0);
}

void StepRail::setStatus(int step, StepStatus status, const QString &detail)
{
    if (step < 1 || step > m_status.size())
        return;
    m_status[step - 1] = status;
    m_detail[step - 1] = detail;
    updateItem(step);
}

StepStatus StepRail::status(int step) const
{
    return step >= 1 && step <= m_status.size() ? m_status.at(step - 1) : StepStatus::NotRun;
}

QString StepRail::stepText(int step) const
{
    const QListWidgetItem *it = item(step - 1);
    return it ? it->text() : QString();
}

void StepRail::setCurrentStep(int step)
{
    if (step >= 1 && step <= count())
        setCurrentRow(step - 1);
}

void StepRail::updateItem(int step)
{
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

QSize StepRail::sizeHint() const
{
    return QSize(fontMetrics().averageCharWidth() * 28, QListWidget::sizeHint().height());
}

void StepRail::changeEvent(QEvent *event)
{
    QListWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        for (int step = 1; step <= count(); ++step)
            updateItem(step);
}

} // namespace nt::ui
