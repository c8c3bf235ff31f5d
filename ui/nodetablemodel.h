#pragma once
// The step-1 node table. Rows are kept sorted by node name so a refresh can be applied as a small
// diff (a few removals/insertions plus one dataChanged) instead of a reset, which keeps the
// selection and scroll position when a 5,000-node cluster is refreshed.
#include "noderow.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QIcon>

namespace nt::ui {

class NodeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        PoolColumn,
        NameColumn,
        ReadyColumn,
        MemoryPressureColumn,
        DiskPressureColumn,
        PidPressureColumn,
        NetworkUnavailableColumn,
        TaintsColumn,
        KubeletColumn,
        InstanceTypeColumn,
        AgeColumn,
        HeartbeatColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // typed values: ranks for conditions, seconds for ages
        SearchRole,                  // lower-case text for the filter box
        HealthRole,                  // StepStatus of the row, as int
        PoolRole,
    };

    explicit NodeTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the content. `now` is the clock the ages are computed against (the refresh time).
    void setRows(QList<NodeRow> rows, const QDateTime &now);
    // Moves that clock: one dataChanged over the two age columns.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }

    const NodeRow &nodeRow(int row) const { return m_rows.at(row); }
    QStringList pools() const;
    // Worst health over all rows; Pass for an empty cluster.
    StepStatus overallHealth() const;
    int count(StepStatus health) const;

    // More changed rows than this share of the table and a reset is cheaper than the diff.
    static constexpr int resetDivisor = 4;

private:
    QVariant display(const NodeRow &row, int column) const;
    QVariant sortValue(const NodeRow &row, int column) const;
    QVariant toolTip(const NodeRow &row, int column) const;
    bool isProblemCell(const NodeRow &row, int column) const;
    QString conditionType(int column) const;
    qint64 heartbeatAge(const NodeRow &row) const;
    QIcon healthIcon(StepStatus health) const;
    void applyDiff(QList<NodeRow> &rows);

    QList<NodeRow> m_rows;
    QDateTime m_now;
    mutable qint64 m_iconPaletteKey = -1;
    mutable QIcon m_icons[2]; // warn, fail
};

} // namespace nt::ui
