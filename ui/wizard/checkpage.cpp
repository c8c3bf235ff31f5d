#include "checkpage.h"

#include "charts/nodechartspanel.h"
#include "check/findingcatalog.h"
#include "findingmodel.h"
#include "findingpane.h"
#include "statuscolors.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace nt::ui {

CheckPage::CheckPage(const StepInfo &step, QWidget *parent)
    : QWidget(parent)
    , m_step(step.number)
    , m_elapsed(std::make_unique<QElapsedTimer>()) {
    setObjectName(QStringLiteral("stepPage%1").arg(step.number));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 6);
    layout->setSpacing(6);

    auto *title = new QLabel(tr("%1. %2").arg(QString::number(step.number), step.title), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setWordWrap(true);
    auto *explanation = new QLabel(step.explanation, this);
    explanation->setObjectName(QStringLiteral("stepExplanation"));
    explanation->setWordWrap(true);
    explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A wrapped label asks for a wide minimum; the page should fit any window width.
    explanation->setMinimumWidth(explanation->fontMetrics().averageCharWidth() * 30);

    // Run, progress, Cancel and the status in one row.
    m_run = new QPushButton(tr("&Run step"), this);
    m_run->setObjectName(QStringLiteral("runStep"));
    m_run->setToolTip(tr("Run this step's checks against the cluster (reads only)"));
    m_cancel = new QPushButton(tr("Cance&l"), this);
    m_cancel->setObjectName(QStringLiteral("cancelStep"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("stepProgress"));
    m_progress->setMaximumWidth(m_progress->fontMetrics().averageCharWidth() * 24);
    m_progress->setTextVisible(false);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_status = new QLabel(tr("Not run yet."), this);
    m_status->setObjectName(QStringLiteral("stepStatusText"));
    m_status->setWordWrap(true);
    m_status->setMinimumWidth(m_status->fontMetrics().averageCharWidth() * 20);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_progress);
    runRow->addWidget(m_status, 1);
    connect(m_run, &QPushButton::clicked, this, &CheckPage::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &CheckPage::cancelRequested);
    m_timer = new QTimer(this);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &CheckPage::tick);

    // The checks of the step: one line per finding the step can raise (the catalogue).
    auto *checksLabel = new QLabel(tr("Chec&ks of this step:"), this);
    m_checks = new QListWidget(this);
    m_checks->setObjectName(QStringLiteral("stepChecks"));
    m_checks->setFlow(QListView::LeftToRight);
    m_checks->setWrapping(true);
    m_checks->setResizeMode(QListView::Adjust);
    m_checks->setSpacing(1);
    m_checks->setIconSize(QSize(10, 10));
    m_checks->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_checks->setFocusPolicy(Qt::TabFocus);
    m_checks->setSelectionMode(QAbstractItemView::NoSelection);
    checksLabel->setBuddy(m_checks);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("stepNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setVisible(false);
    m_note->setMinimumWidth(m_note->fontMetrics().averageCharWidth() * 30);

    // Findings beside their evidence and remedy.
    m_model = new FindingModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("findingsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setAccessibleName(tr("Findings"));
    auto *findingsLabel = new QLabel(tr("F&indings:"), this);
    findingsLabel->setBuddy(m_view);
    auto *findingsBox = new QWidget(this);
    auto *findingsLayout = new QVBoxLayout(findingsBox);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addWidget(findingsLabel);
    findingsLayout->addWidget(m_view, 1);
    m_pane = new FindingPane(this);
    // Scrolled rather than squeezed: a long detail or a short window must not make the pane's
    // parts overlap.
    auto *paneScroll = new QScrollArea(this);
    paneScroll->setWidgetResizable(true);
    paneScroll->setFrameShape(QFrame::NoFrame);
    paneScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    paneScroll->setWidget(m_pane);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showFinding(current); });
    // Enter (or a double click) on a finding opens its pane: focus goes to the evidence.
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        showFinding(index);
        m_pane->evidenceView()->setFocus(Qt::OtherFocusReason);
    });

    // Below: the charts (steps 4 and 6) and the notes.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("stepLowerTabs"));
    if (step.number == 4 || step.number == 6) {
        m_charts = new NodeChartsPanel(m_tabs);
        m_charts->setObjectName(QStringLiteral("stepCharts%1").arg(step.number));
        // Scrolled: four charts need more height than a small window has for them, and the
        // findings above must not shrink for that.
        auto *scroll = new QScrollArea(m_tabs);
        m_chartScroll = scroll;
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(m_charts);
        m_tabs->addTab(scroll, tr("Char&ts of the affected node"));
    }
    m_notes = new QPlainTextEdit(m_tabs);
    m_notes->setObjectName(QStringLiteral("stepNotes%1").arg(step.number));
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(m_notes->fontMetrics().height() * 3);
    m_notes->setPlaceholderText(tr("Your notes on this step: what you saw, what you tried. They "
                                   "go into the exported report."));
    m_tabs->addTab(m_notes, tr("N&otes"));

    // Steps with charts: findings beside the pane, the charts below across the whole width
    // (four charts need it). Others: the findings over the notes, the pane at full height.
    QSplitter *split = nullptr;
    if (m_charts) {
        auto *top = new QSplitter(Qt::Horizontal, this);
        top->addWidget(findingsBox);
        top->addWidget(paneScroll);
        top->setStretchFactor(0, 3);
        top->setStretchFactor(1, 2);
        top->setChildrenCollapsible(false);
        split = new QSplitter(Qt::Vertical, this);
        split->addWidget(top);
        split->addWidget(m_tabs);
        split->setStretchFactor(0, 1);
        split->setStretchFactor(1, 1);
    } else {
        auto *left = new QSplitter(Qt::Vertical, this);
        left->addWidget(findingsBox);
        left->addWidget(m_tabs);
        left->setStretchFactor(0, 2);
        left->setStretchFactor(1, 3);
        left->setChildrenCollapsible(false);
        split = new QSplitter(Qt::Horizontal, this);
        split->addWidget(left);
        split->addWidget(paneScroll);
        split->setStretchFactor(0, 3);
        split->setStretchFactor(1, 2);
    }
    split->setChildrenCollapsible(false);

    m_console = new QPushButton(tr("Open SSH co&nsole on the node"), this);
    m_console->setObjectName(QStringLiteral("openConsole"));
    m_console->setToolTip(tr("A terminal on the selected finding's node, with the node-side "
                             "checks beside it"));
    m_console->setEnabled(false);
    connect(m_console, &QPushButton::clicked, this, [this] {
        if (const Finding *f = currentFinding(); f && !f->node.isEmpty())
            Q_EMIT consoleRequested(f->node);
    });
    m_actions = new QHBoxLayout;
    m_actions->addWidget(m_console);
    m_actions->addStretch(1);

    layout->addWidget(title);
    layout->addWidget(explanation);
    layout->addLayout(runRow);
    layout->addWidget(checksLabel);
    layout->addWidget(m_checks);
    layout->addWidget(m_note);
    layout->addWidget(split, 1);
    layout->addLayout(m_actions);
    updateChecks(false);

    setTabOrder(m_run, m_cancel);
    setTabOrder(m_cancel, m_checks);
    setTabOrder(m_checks, m_view);
}

CheckPage::~CheckPage() = default;

const Finding *CheckPage::currentFinding() const {
    return m_model->finding(m_currentRow);
}

QPushButton *CheckPage::addAction(const QString &text, const QString &objectName) {
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    m_actions->insertWidget(m_actions->count() - 1, button);
    return button;
}

void CheckPage::showFinding(const QModelIndex &index) {
    m_currentRow = index.isValid() ? index.row() : -1;
    const Finding *f = currentFinding();
    m_pane->setFinding(f);
    m_console->setEnabled(f && !f->node.isEmpty());
    m_console->setText(f && !f->node.isEmpty() ? tr("Open SSH co&nsole on %1").arg(f->node)
                                               : tr("Open SSH co&nsole on the node"));
    Q_EMIT findingChanged(f);
}

void CheckPage::setRunning(int windowSeconds) {
    m_windowSeconds = windowSeconds;
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setVisible(true);
    if (windowSeconds > 0) {
        m_progress->setRange(0, windowSeconds * 1000);
        m_progress->setValue(0);
    } else {
        m_progress->setRange(0, 0);
    }
    m_progressText.clear();
    m_elapsed->start();
    m_timer->start();
    tick();
}

void CheckPage::tick() {
    const qint64 ms = m_elapsed->elapsed();
    if (m_windowSeconds > 0 && ms < qint64(m_windowSeconds) * 1000) {
        m_progress->setValue(int(ms));
        const int left = int((qint64(m_windowSeconds) * 1000 - ms + 999) / 1000);
        m_status->setText(tr("Sampling the nodes for %1 s (%2 s left), then judging\u2026")
                              .arg(QLocale().toString(m_windowSeconds), QLocale().toString(left)));
        return;
    }
    if (m_windowSeconds > 0 && m_progress->maximum() != 0)
        m_progress->setRange(0, 0);
    m_status->setText(m_progressText.isEmpty() ? tr("Reading the cluster and judging\u2026")
                                               : tr("%1\u2026").arg(m_progressText));
}

void CheckPage::setProgressText(const QString &text) {
    m_progressText = text;
}

void CheckPage::setResult(StepStatus status, QList<Finding> findings, const QString &note) {
    m_timer->stop();
    m_progress->setVisible(false);
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    m_model->setFindings(std::move(findings));
    int problems = 0;
    for (const Finding &f : m_model->findings())
        problems += f.severity != Severity::Info;
    QString text = tr("%1: %n finding(s)", nullptr, int(m_model->rowCount()))
                       .arg(StepStatusText::text(status));
    if (problems > 0)
        text += tr(", %n that need attention", nullptr, problems);
    m_status->setText(
        text +
        tr(" (checked %1).").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    updateChecks(true);
    if (m_model->rowCount() == 0)
        m_pane->setEmptyText(tr("Nothing found"),
                             tr("Every check of this step came out clear; the note above says "
                                "what could not be checked."));
    else
        m_pane->setEmptyText({}, {});
    if (m_model->rowCount() > 0) {
        m_view->selectRow(0);
    } else {
        showFinding({});
    }
}

void CheckPage::setStopped(StepStatus status, const QString &message) {
    m_timer->stop();
    m_progress->setVisible(false);
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    m_status->setText(message);
    if (status == StepStatus::NotRun && m_model->rowCount() == 0)
        updateChecks(false);
}

void CheckPage::updateChecks(bool ran) {
    m_checks->clear();
    for (const FindingDef &def : findingCatalog()) {
        if (def.step != m_step)
            continue;
        int count = 0;
        Severity worst = Severity::Info;
        for (const Finding &f : m_model->findings()) {
            if (f.id != QLatin1String(def.id))
                continue;
            ++count;
            if (int(f.severity) > int(worst))
                worst = f.severity;
        }
        StepStatus state = StepStatus::NotRun;
        QString text = def.trTitle();
        if (ran && count == 0) {
            state = StepStatus::Pass;
        } else if (count > 0) {
            state = worst == Severity::Critical  ? StepStatus::Fail
                    : worst == Severity::Warning ? StepStatus::Warn
                                                 : StepStatus::Pass;
            text = tr("%1 (%2)").arg(text, QLocale().toString(count));
        }
        auto *item =
            new QListWidgetItem(StatusColors::markerIcon(state, palette(), 10), text, m_checks);
        item->setData(Qt::UserRole, def.idString());
        item->setToolTip(
            ran ? (count == 0 ? tr("Nothing found") : tr("Found %n time(s)", nullptr, count))
                : tr("Not run yet"));
    }
    fitChecks();
}

void CheckPage::fitChecks() {
    // As many lines as the flow needs at this width: items laid out left to right, wrapped.
    const int width = qMax(1, m_checks->viewport()->width());
    int lines = 1, x = 0;
    const int lineHeight = m_checks->fontMetrics().height() + 4 + 2 * m_checks->spacing();
    for (int i = 0; i < m_checks->count(); ++i) {
        const int w = m_checks->fontMetrics().horizontalAdvance(m_checks->item(i)->text()) +
                      m_checks->iconSize().width() + 28 + 2 * m_checks->spacing();
        if (x > 0 && x + w > width) {
            ++lines;
            x = 0;
        }
        x += w;
    }
    m_checks->setFixedHeight(lines * lineHeight + 2 * m_checks->frameWidth() + 2);
}

void CheckPage::scrollChartsToEnd() {
    if (!m_chartScroll)
        return;
    // After the layout has given the charts their height.
    QTimer::singleShot(0, m_chartScroll, [scroll = m_chartScroll] {
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    });
}

void CheckPage::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    fitChecks();
}

} // namespace nt::ui
