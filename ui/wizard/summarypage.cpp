#include "summarypage.h"

#include "findingmodel.h"
#include "findingpane.h"
#include "statuscolors.h"
#include "stepcatalog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace nt::ui {

SummaryPage::SummaryPage(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("summaryPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 6);
    layout->setSpacing(6);

    auto *title = new QLabel(tr("Summary"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_headline = new QLabel(tr("Run the steps to see what is wrong, worst first."), this);
    m_headline->setObjectName(QStringLiteral("summaryHeadline"));
    m_headline->setWordWrap(true);

    m_runAll = new QPushButton(tr("Run &all steps"), this);
    m_runAll->setObjectName(QStringLiteral("runAllSteps"));
    m_runAll->setToolTip(tr("Run steps 2 to 6 in one pass over a common sampling window (reads "
                            "only; the DNS probe pod is not created)"));
    m_export = new QPushButton(tr("&Export report\u2026"), this);
    m_export->setObjectName(QStringLiteral("summaryExport"));
    m_export->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runAll);
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    connect(m_runAll, &QPushButton::clicked, this, &SummaryPage::runAllRequested);
    connect(m_export, &QPushButton::clicked, this, &SummaryPage::exportRequested);

    m_steps = new QStandardItemModel(0, 3, this);
    m_steps->setHorizontalHeaderLabels({tr("Step"), tr("Status"), tr("Note")});
    for (const StepInfo &step : StepCatalog::steps()) {
        auto *name = new QStandardItem(tr("%1. %2").arg(QString::number(step.number), step.title));
        name->setData(step.number, Qt::UserRole);
        auto *status = new QStandardItem(StepStatusText::text(StepStatus::NotRun));
        status->setIcon(StatusColors::markerIcon(StepStatus::NotRun, palette(), 12));
        m_steps->appendRow({name, status, new QStandardItem});
    }
    for (int r = 0; r < m_steps->rowCount(); ++r)
        for (int c = 0; c < m_steps->columnCount(); ++c)
            m_steps->item(r, c)->setEditable(false);
    m_stepsView = new QTableView(this);
    m_stepsView->setObjectName(QStringLiteral("summarySteps"));
    m_stepsView->setModel(m_steps);
    m_stepsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stepsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_stepsView->setTabKeyNavigation(false);
    m_stepsView->verticalHeader()->hide();
    m_stepsView->horizontalHeader()->setStretchLastSection(true);
    m_stepsView->setWordWrap(true);
    auto *stepsLabel = new QLabel(tr("S&teps:"), this);
    stepsLabel->setBuddy(m_stepsView);
    connect(m_stepsView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT stepActivated(m_steps->item(index.row(), 0)->data(Qt::UserRole).toInt());
    });

    m_model = new FindingModel(this);
    m_model->setShowStep(true);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("summaryFindings"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(false);
    auto *findingsLabel = new QLabel(tr("F&indings of all steps, worst first:"), this);
    findingsLabel->setBuddy(m_view);
    m_pane = new FindingPane(this);
    auto showFinding = [this](const QModelIndex &index) {
        m_pane->setFinding(index.isValid() ? m_model->finding(index.row()) : nullptr);
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, showFinding);
    connect(m_view, &QAbstractItemView::activated, this, [this, showFinding](const QModelIndex &i) {
        showFinding(i);
        m_pane->evidenceView()->setFocus(Qt::OtherFocusReason);
    });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(stepsLabel);
    leftLayout->addWidget(m_stepsView, 2);
    leftLayout->addWidget(findingsLabel);
    leftLayout->addWidget(m_view, 3);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_pane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    layout->addWidget(title);
    layout->addWidget(m_headline);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
}

void SummaryPage::setStep(int step, StepStatus status, const QString &statusLine,
                          const QString &note) {
    const int row = step - 1;
    if (row < 0 || row >= m_steps->rowCount())
        return;
    QStandardItem *item = m_steps->item(row, 1);
    item->setText(statusLine);
    item->setIcon(StatusColors::markerIcon(status, palette(), 12));
    item->setData(int(status), Qt::UserRole);
    m_steps->item(row, 2)->setText(note);
    m_steps->item(row, 2)->setToolTip(note);
    m_stepsView->resizeColumnToContents(0);
    m_stepsView->resizeColumnToContents(1);
}

void SummaryPage::setFindings(QList<Finding> findings) {
    m_model->setFindings(std::move(findings));
    int critical = 0, warnings = 0;
    for (const Finding &f : m_model->findings()) {
        critical += f.severity == Severity::Critical;
        warnings += f.severity == Severity::Warning;
    }
    if (m_model->rowCount() == 0)
        m_headline->setText(tr("No findings so far."));
    else
        m_headline->setText(tr("%1 critical, %2 warnings; the worst first below.")
                                .arg(QLocale().toString(critical), QLocale().toString(warnings)));
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
    else
        m_pane->setFinding(nullptr);
}

} // namespace nt::ui
