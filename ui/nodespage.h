#pragma once
// Step 1's page: the node table with its filter box, pool filter and "problems only" switch,
// and a one-line summary of what the table holds.
#include "noderow.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace nt::ui {

class NodeFilterProxy;
class NodeTableModel;

class NodesPage : public QWidget {
    Q_OBJECT
public:
    explicit NodesPage(QWidget *parent = nullptr);

    void setNodes(QList<NodeRow> rows, const QDateTime &now);
    // What the step-1 judge could not judge and why, shown as the summary's tooltip.
    void setNotes(const QStringList &notes);
    NodeTableModel *model() const { return m_model; }
    NodeFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    // Drops the rows (a different cluster is being shown).
    void clear();

private:
    void updatePools();
    void updateSummary();

    NodeTableModel *m_model = nullptr;
    NodeFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_pool = nullptr;
    QCheckBox *m_problemsOnly = nullptr;
    QLabel *m_summary = nullptr;
    QTimer *m_ageTimer = nullptr;
    bool m_columnsSized = false;
};

} // namespace nt::ui
