#pragma once
// The cluster overview: one row per node with its latest CPU, memory, PID, filesystem, IOPS and
// PSI io figures, for ranking the worst nodes (OverviewProxy sorts) and painting a sparkline of
// the last 15 minutes per cell (SparklineDelegate asks sparkline() for visible cells only).
//
// Built for 5,000 nodes: refresh() reads only latest values and reports changes as dataChanged
// over contiguous runs of rows; rows are reset only when the set of nodes changes.
#include "metrics/decimation.h"
#include "metrics/metric.h"

#include <QAbstractTableModel>
#include <QList>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace nt {
class MetricStore;
}

namespace nt::ui {

class OverviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NodeColumn,
        PoolColumn,
        CpuColumn,
        MemoryColumn,
        PidsColumn,
        FsColumn,
        IopsColumn,
        PsiIoColumn,
        ColumnCount
    };
    static constexpr int FirstValueColumn = CpuColumn;
    static constexpr int ValueCount = ColumnCount - FirstValueColumn;
    // SortRole: the value as a double, or an invalid QVariant when absent.
    enum Role { SortRole = Qt::UserRole + 1, NodeNameRole, ThresholdRole };

    struct NodeEntry {
        QString name;
        QString pool;
    };

    explicit OverviewModel(QObject *parent = nullptr);
    ~OverviewModel() override;

    void setStore(std::shared_ptr<MetricStore> store);
    // The nodes of the cluster, any order; rows keep the order given.
    void setNodes(const QList<NodeEntry> &nodes);
    // Values older than this are shown as absent: a node that stopped reporting has no "latest".
    void setStaleAfterMs(qint64 ms) { m_staleMs = ms; }
    // Reads every row's latest values; `nowMs` decides staleness. Returns the rows that changed.
    int refresh(qint64 nowMs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    std::optional<double> value(int row, int column) const;
    QString nodeName(int row) const { return m_rows.at(row).name; }
    int rowOf(const QString &node) const;
    // The last `windowMs` of the cell's metric (IOPS: read and write as two lines), decimated to
    // `pixels`. Empty lists where the node never reported.
    std::vector<std::vector<ChartPoint>> sparkline(int row, int column, qint64 nowMs,
                                                   qint64 windowMs, int pixels) const;
    // The value at which the cell counts as a problem (thresholds.h), when there is one.
    static std::optional<double> threshold(int column);
    static QList<Metric> metrics(int column);

private:
    struct Row {
        QString name;
        QString pool;
        std::array<float, ValueCount> values; // NaN = absent
        std::optional<quint32> id;            // the store's NodeId, once it has one
    };
    std::shared_ptr<MetricStore> m_store;
    QList<Row> m_rows;
    qint64 m_staleMs = 5 * 60 * 1000;
};

} // namespace nt::ui
