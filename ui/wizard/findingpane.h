#pragma once
// The evidence and remedy of one finding: what was seen (values, log lines, conditions with
// their times), what to do, and the commands with the cluster's names filled in, each copyable.
#include "check/finding.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace nt::ui {

class FindingPane : public QWidget {
    Q_OBJECT
public:
    explicit FindingPane(QWidget *parent = nullptr);

    // nullptr: nothing selected (the pane says how to pick a finding).
    void setFinding(const Finding *finding);
    bool hasFinding() const { return m_hasFinding; }
    // What the pane says while no finding is shown (e.g. "nothing found" after a clean run).
    void setEmptyText(const QString &title, const QString &text);

    QLabel *titleLabel() const { return m_title; }
    QPlainTextEdit *evidenceView() const { return m_evidence; }
    QLabel *remedyLabel() const { return m_remedy; }
    QListWidget *commandList() const { return m_commands; }
    QPushButton *copyButton() const { return m_copy; }
    // The selected command (the first when none is selected) as Copy puts it on the clipboard.
    QString commandToCopy() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_where = nullptr;
    QLabel *m_detail = nullptr;
    QPlainTextEdit *m_evidence = nullptr;
    QLabel *m_remedy = nullptr;
    QListWidget *m_commands = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_copyAll = nullptr;
    QLabel *m_commandsLabel = nullptr;
    bool m_hasFinding = false;
    QString m_emptyTitle, m_emptyText;
};

} // namespace nt::ui
