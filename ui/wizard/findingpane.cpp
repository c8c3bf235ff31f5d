#include "findingpane.h"

#include "findingmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nt::ui {

namespace {
QLabel *heading(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}
} // namespace

FindingPane::FindingPane(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("findingPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("findingTitle"));
    m_title->setWordWrap(true);
    m_title->setMinimumWidth(fontMetrics().averageCharWidth() * 20);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_where = new QLabel(this);
    m_where->setWordWrap(true);
    m_where->setMinimumWidth(fontMetrics().averageCharWidth() * 20);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QLabel(this);
    m_detail->setWordWrap(true);
    m_detail->setMinimumWidth(fontMetrics().averageCharWidth() * 20);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *evidenceLabel = heading(tr("E&vidence"), this);
    m_evidence = new QPlainTextEdit(this);
    m_evidence->setObjectName(QStringLiteral("evidenceView"));
    m_evidence->setReadOnly(true);
    m_evidence->setFont(mono);
    m_evidence->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_evidence->setTabChangesFocus(true);
    m_evidence->setMinimumHeight(m_evidence->fontMetrics().height() * 3);
    evidenceLabel->setBuddy(m_evidence);

    auto *remedyHeading = heading(tr("What to do"), this);
    m_remedy = new QLabel(this);
    m_remedy->setObjectName(QStringLiteral("remedyLabel"));
    m_remedy->setWordWrap(true);
    m_remedy->setMinimumWidth(fontMetrics().averageCharWidth() * 20);
    m_remedy->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_commandsLabel = heading(tr("Co&mmands"), this);
    m_commands = new QListWidget(this);
    m_commands->setObjectName(QStringLiteral("commandList"));
    m_commands->setFont(mono);
    m_commands->setWordWrap(true);
    m_commands->setMaximumHeight(m_commands->fontMetrics().height() * 8);
    m_commands->setMinimumHeight(m_commands->fontMetrics().height() * 4);
    m_commandsLabel->setBuddy(m_commands);
    m_copy = new QPushButton(tr("Cop&y command"), this);
    m_copy->setObjectName(QStringLiteral("copyCommand"));
    m_copyAll = new QPushButton(tr("Copy all comman&ds"), this);
    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(m_copy);
    copyRow->addWidget(m_copyAll);
    copyRow->addStretch(1);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(commandToCopy()); });
    connect(m_copyAll, &QPushButton::clicked, this, [this] {
        QStringList all;
        for (int i = 0; i < m_commands->count(); ++i)
            all << m_commands->item(i)->text();
        QApplication::clipboard()->setText(all.join(u'\n'));
    });
    connect(m_commands, &QListWidget::itemActivated, this,
            [](QListWidgetItem *item) { QApplication::clipboard()->setText(item->text()); });

    layout->addWidget(m_title);
    layout->addWidget(m_where);
    layout->addWidget(m_detail);
    layout->addWidget(evidenceLabel);
    layout->addWidget(m_evidence, 1);
    layout->addWidget(remedyHeading);
    layout->addWidget(m_remedy);
    layout->addWidget(m_commandsLabel);
    layout->addWidget(m_commands);
    layout->addLayout(copyRow);
    setFinding(nullptr);
}

void FindingPane::setEmptyText(const QString &title, const QString &text) {
    m_emptyTitle = title;
    m_emptyText = text;
    if (!m_hasFinding)
        setFinding(nullptr);
}

QString FindingPane::commandToCopy() const {
    const QListWidgetItem *item = m_commands->currentItem();
    if (!item && m_commands->count() > 0)
        item = m_commands->item(0);
    return item ? item->text() : QString();
}

void FindingPane::setFinding(const Finding *f) {
    m_hasFinding = f != nullptr;
    m_commands->clear();
    if (!f) {
        m_title->setText(m_emptyTitle.isEmpty() ? tr("No finding selected") : m_emptyTitle);
        m_where->setText(m_emptyText.isEmpty()
                             ? tr("Pick a finding in the list (arrow keys, then Enter) to see "
                                  "what was seen, what to do, and the commands to run.")
                             : m_emptyText);
        m_detail->clear();
        m_evidence->clear();
        m_remedy->clear();
    } else {
        m_title->setText(f->title);
        m_where->setText(
            tr("%1 \u00b7 %2 \u00b7 %3")
                .arg(FindingModel::severityText(f->severity), FindingModel::whereText(*f), f->id));
        m_detail->setText(f->detail);
        m_evidence->setPlainText(f->evidence.isEmpty() ? tr("(no evidence lines)")
                                                       : f->evidence.join(u'\n'));
        m_remedy->setText(f->remediation);
        m_commands->addItems(f->commands);
        if (m_commands->count() > 0)
            m_commands->setCurrentRow(0);
    }
    m_detail->setVisible(!m_detail->text().isEmpty());
    const bool commands = m_commands->count() > 0;
    m_commandsLabel->setEnabled(commands);
    m_commands->setEnabled(commands);
    m_copy->setEnabled(commands);
    m_copyAll->setEnabled(commands);
}

} // namespace nt::ui
