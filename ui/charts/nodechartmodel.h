#pragma once
// What one node's charts draw, as an item model: one row per series (CPU %, memory %, working
// set, PIDs and their cap, read/write IOPS and MB/s, PSI io), with the latest value and the
// decimated points of the window on screen. The charts panel reads the points after refresh();
// the model never touches a chart, so it is testable without one.
//
// Points are split into segments where the store has no value: a node that did not answer for a
// while is drawn as a gap, never as a line through it or as zeros.
#include "metrics/metric.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointF>

#include <memory>
#include <optional>

namespace nt {
class MetricStore;
}

namespace nt::ui {

class NodeChartModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeriesColumn, LatestColumn, PointsColumn, ColumnCount };
    enum class Chart { Cpu, Memory, Pids, Disk, DiskPressure };
    enum class Axis { Primary, Secondary };
    enum Role { MetricRole = Qt::UserRole + 1, LatestValueRole };

    struct SeriesSpec {
        Metric metric;
        Chart chart;
        Axis axis;
        double scale; // store value -> shown value (bytes -> GiB, bytes/s -> MB/s)
        bool cap;     // a limit drawn dashed (pid max)
    };
    static const QList<SeriesSpec> &specs();
    static QString seriesTitle(int row);
    static QString chartTitle(Chart chart);
    static QString unitSuffix(int row); // " %", " GiB", ...

    explicit NodeChartModel(QObject *parent = nullptr);
    ~NodeChartModel() override;

    void setStore(std::shared_ptr<MetricStore> store);
    std::shared_ptr<MetricStore> store() const { return m_store; }
    void setNode(const QString &node);
    QString node() const { return m_node; }
    // The sampling interval: samples further apart than ~2.5 intervals have a gap between them.
    void setSampleIntervalMs(qint64 ms);
    // Reads the store for [fromMs, toMs] decimated to `pixels` columns, then dataChanged.
    void refresh(qint64 fromMs, qint64 toMs, int pixels);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Shown values: x = Unix ms, y = value x scale. One list per contiguous stretch.
    const QList<QList<QPointF>> &segments(int row) const { return m_rows.at(row).segments; }
    int pointCount(int row) const;
    // The shown value nearest `timeMs` within the gap distance, absent in a gap.
    std::optional<double> valueAt(int row, qint64 timeMs) const;
    std::optional<double> latest(int row) const { return m_rows.at(row).latest; }
    // Largest shown value in the window over the rows of one chart axis (0 when none).
    double maximum(Chart chart, Axis axis) const;
    QString formatValue(int row, double shown) const;

Q_SIGNALS:
    void refreshed();

private:
    struct RowData {
        QList<QList<QPointF>> segments;
        std::optional<double> latest; // shown units
        int points = 0;
    };
    qint64 gapMs(qint64 resolutionMs, qint64 msPerPixel) const;

    std::shared_ptr<MetricStore> m_store;
    QString m_node;
    qint64 m_intervalMs = 5000;
    qint64 m_msPerPixel = 0;
    QList<RowData> m_rows;
};

} // namespace nt::ui
