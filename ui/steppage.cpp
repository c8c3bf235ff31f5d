#include "steppage.h"

#include "statuscolors.h"

#include <QLabel>
#include <QVBoxLayout>

namespace nt::ui {

StepPage::StepPage(const StepInfo &step, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("stepPage%1").arg(step.number));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(12);

    auto *title = new QLabel(tr("%1. %2").arg(QString::number(step.number), step.title), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setWordWrap(true);

    auto *explanation = new QLabel(step.explanation, this);
    explanation->setWordWrap(true);
    explanation->setMaximumWidth(explanation->fontMetrics().averageCharWidth() * 90);
    explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *later = new QLabel(tr("Coming in a later version."), this);
    later->setObjectName(QStringLiteral("comingLater"));
    QFont laterFont = later->font();
    laterFont.setItalic(true);
    later->setFont(laterFont);
    QPalette laterPalette = later->palette();
    laterPalette.setColor(QPalette::WindowText, StatusColors::quietText(palette()));
    later->setPalette(laterPalette);

    layout->addWidget(title);
    layout->addWidget(explanation);
    layout->addWidget(later);
    layout->addStretch(1);
}

} // namespace nt::ui
