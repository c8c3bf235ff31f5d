#include "charts/nodechartmodel.h"

#include "metrics/decimation.h"
#include "metrics/metricstore.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace nt::ui {

namespace {
constexpr double gib = 1024.0 * 1024.0 * 1024.0;
constexpr double megabyte = 1e6;
} // namespace

const QList<NodeChartModel::SeriesSpec> &NodeChartModel::specs() {
    using C = Chart;
    using A = Axis;
    static const QList<SeriesSpec> list{
        {Metric::CpuPercent, C::Cpu, A::Primary, 1, false},
        {Metric::MemoryPercent, C::Memory, A::Primary, 1, false},
        {Metric::MemoryWorkingSetBytes, C::Memory, A::Secondary, 1 / gib, false},
        {Metric::PidsUsed, C::Pids, A::Primary, 1, false},
        {Metric::PidsMax, C::Pids, A::Primary, 1, true},
        {Metric::ReadIops, C::Disk, A::Primary, 1, false},
        {Metric::WriteIops, C::Disk, A::Primary, 1, false},
        {Metric::ReadBytesPerSec, C::Disk, A::Secondary, 1 / megabyte, false},
        {Metric::WriteBytesPerSec, C::Disk, A::Secondary, 1 / megabyte, false},
        {Metric::PsiIoSomeAvg10, C::DiskPressure, A::Primary, 1, false},
    };
    return list;
}

QString NodeChartModel::seriesTitle(int row) {
    switch (specs().at(row).metric) {
    case Metric::CpuPercent:
        return tr("CPU");
    case Metric::MemoryPercent:
        return tr("Memory");
    case Metric::MemoryWorkingSetBytes:
        return tr("Working set");
    case Metric::PidsUsed:
        return tr("PIDs used");
    case Metric::PidsMax:
        return tr("PID limit");
    case Metric::ReadIops:
        return tr("Read IOPS");
    case Metric::WriteIops:
        return tr("Write IOPS");
    case Metric::ReadBytesPerSec:
        return tr("Read MB/s");
    case Metric::WriteBytesPerSec:
        return tr("Write MB/s");
    case Metric::PsiIoSomeAvg10:
        return tr("I/O stall (PSI some avg10)");
    default:
        return {};
    }
}

QString NodeChartModel::chartTitle(Chart chart) {
    switch (chart) {
    case Chart::Cpu:
        return tr("CPU");
    case Chart::Memory:
        return tr("Memory");
    case Chart::Pids:
        return tr("PIDs");
    case Chart::Disk:
        return tr("Disk I/O");
    case Chart::DiskPressure:
        return tr("I/O pressure");
    }
    return {};
}

QString NodeChartModel::unitSuffix(int row) {
    switch (specs().at(row).metric) {
    case Metric::CpuPercent:
    case Metric::MemoryPercent:
    case Metric::PsiIoSomeAvg10:
        return tr(" %");
    case Metric::MemoryWorkingSetBytes:
        return tr(" GiB");
    case Metric::ReadBytesPerSec:
    case Metric::WriteBytesPerSec:
        return tr(" MB/s");
    case Metric::ReadIops:
    case Metric::WriteIops:
        return tr(" IOPS");
    default:
        return {};
    }
}

NodeChartModel::NodeChartModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_rows(specs().size()) {}

NodeChartModel::~NodeChartModel() = default;

void NodeChartModel::setStore(std::shared_ptr<MetricStore> store) {
    m_store = std::move(store);
}

void NodeChartModel::setNode(const QString &node) {
    if (node == m_node)
        return;
    m_node = node;
    // Another node's lines must not stay under this node's name until the next refresh.
    for (RowData &row : m_rows)
        row = RowData();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void NodeChartModel::setSampleIntervalMs(qint64 ms) {
    m_intervalMs = std::max<qint64>(ms, 1000);
}

qint64 NodeChartModel::gapMs(qint64 resolutionMs, qint64 msPerPixel) const {
    // Two and a half sampling intervals: one late round is not a gap, two missed rounds are.
    return std::max({m_intervalMs * 5 / 2, resolutionMs * 2, msPerPixel * 2});
}

void NodeChartModel::refresh(qint64 fromMs, qint64 toMs, int pixels) {
    std::optional<NodeId> id;
    if (m_store && !m_node.isEmpty())
        id = m_store->findNode(m_node);
    const qint64 msPerPixel = pixels > 0 ? (toMs - fromMs) / pixels : 0;
    m_msPerPixel = msPerPixel;
    for (int r = 0; r < m_rows.size(); ++r) {
        RowData &row = m_rows[r];
        row = RowData();
        if (!id)
            continue;
        const SeriesSpec &spec = specs().at(r);
        if (const auto last = m_store->latest(*id, spec.metric))
            row.latest = last->value * spec.scale;
        const SeriesWindow window = m_store->query(*id, spec.metric, fromMs, toMs);
        const std::vector<ChartPoint> points = decimateMinMax(window.buckets, fromMs, toMs, pixels);
        const qint64 gap = gapMs(window.resolutionMs, msPerPixel);
        qint64 previous = 0;
        for (const ChartPoint &p : points) {
            if (row.segments.isEmpty() || p.timeMs - previous > gap)
                row.segments.append(QList<QPointF>());
            row.segments.last().append(QPointF(double(p.timeMs), p.value * spec.scale));
            previous = p.timeMs;
        }
        row.points = int(points.size());
    }
    Q_EMIT dataChanged(index(0, LatestColumn), index(rowCount() - 1, PointsColumn));
    Q_EMIT refreshed();
}

int NodeChartModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NodeChartModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int NodeChartModel::pointCount(int row) const {
    return m_rows.at(row).points;
}

QString NodeChartModel::formatValue(int row, double shown) const {
    const Metric metric = specs().at(row).metric;
    int decimals = 0;
    if (metric == Metric::CpuPercent || metric == Metric::MemoryPercent ||
        metric == Metric::PsiIoSomeAvg10 || metric == Metric::ReadBytesPerSec ||
        metric == Metric::WriteBytesPerSec)
        decimals = 1;
    else if (metric == Metric::MemoryWorkingSetBytes)
        decimals = 2;
    return QLocale().toString(shown, 'f', decimals) + unitSuffix(row);
}

QVariant NodeChartModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RowData &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeriesColumn:
            return seriesTitle(index.row());
        case LatestColumn:
            // An en dash, not 0: the node did not report this.
            return row.latest ? formatValue(index.row(), *row.latest) : tr("\u2013");
        case PointsColumn:
            return row.points;
        }
        break;
    case MetricRole:
        return int(specs().at(index.row()).metric);
    case LatestValueRole:
        return row.latest ? QVariant(*row.latest) : QVariant();
    default:
        break;
    }
    return {};
}

QVariant NodeChartModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeriesColumn:
        return tr("Series");
    case LatestColumn:
        return tr("Latest");
    case PointsColumn:
        return tr("Points");
    }
    return {};
}

std::optional<double> NodeChartModel::valueAt(int row, qint64 timeMs) const {
    const double t = double(timeMs);
    std::optional<double> best;
    double bestDistance = 0;
    for (const QList<QPointF> &segment : m_rows.at(row).segments) {
        if (segment.isEmpty())
            continue;
        // A point inside a segment, or within half a sampling interval (or one pixel column,
        // whose points sit at its first bucket) of its ends.
        const double slack = double(std::max(m_intervalMs / 2, m_msPerPixel));
        if (t < segment.first().x() - slack || t > segment.last().x() + slack)
            continue;
        auto it = std::lower_bound(segment.cbegin(), segment.cend(), t,
                                   [](const QPointF &p, double x) { return p.x() < x; });
        for (auto candidate : {it, it == segment.cbegin() ? it : it - 1}) {
            if (candidate == segment.cend())
                continue;
            const double distance = std::abs(candidate->x() - t);
            if (!best || distance < bestDistance) {
                best = candidate->y();
                bestDistance = distance;
            }
        }
    }
    return best;
}

double NodeChartModel::maximum(Chart chart, Axis axis) const {
    double most = 0;
    for (int r = 0; r < m_rows.size(); ++r) {
        if (specs().at(r).chart != chart || specs().at(r).axis != axis)
            continue;
        for (const QList<QPointF> &segment : m_rows.at(r).segments)
            for (const QPointF &p : segment)
                most = std::max(most, p.y());
    }
    return most;
}

} // namespace nt::ui
