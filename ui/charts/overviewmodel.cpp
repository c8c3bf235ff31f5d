#include "charts/overviewmodel.h"

#include "check/thresholds.h"
#include "metrics/metricstore.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace nt::ui {

namespace {
constexpr float absent = std::numeric_limits<float>::quiet_NaN();

bool sameValue(float a, float b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}
} // namespace

OverviewModel::OverviewModel(QObject *parent)
    : QAbstractTableModel(parent) {}

OverviewModel::~OverviewModel() = default;

QList<Metric> OverviewModel::metrics(int column) {
    switch (column) {
    case CpuColumn:
        return {Metric::CpuPercent};
    case MemoryColumn:
        return {Metric::MemoryPercent};
    case PidsColumn:
        return {Metric::PidPercent};
    case FsColumn:
        return {Metric::FsPercent};
    case IopsColumn:
        return {Metric::ReadIops, Metric::WriteIops};
    case PsiIoColumn:
        return {Metric::PsiIoSomeAvg10};
    default:
        return {};
    }
}

std::optional<double> OverviewModel::threshold(int column) {
    const Thresholds &t = Thresholds::defaults();
    switch (column) {
    case CpuColumn:
        return t.cpuHighPercent;
    case MemoryColumn:
        return t.memoryHighPercent;
    case PidsColumn:
        return t.pidsHighPercent;
    case FsColumn:
        return t.fsHighPercent;
    default:
        return std::nullopt;
    }
}

void OverviewModel::setStore(std::shared_ptr<MetricStore> store) {
    beginResetModel();
    m_store = std::move(store);
    for (Row &row : m_rows) {
        row.values.fill(absent);
        row.id.reset();
    }
    endResetModel();
}

void OverviewModel::setNodes(const QList<NodeEntry> &nodes) {
    bool same = nodes.size() == m_rows.size();
    for (int i = 0; same && i < nodes.size(); ++i)
        same = nodes[i].name == m_rows[i].name && nodes[i].pool == m_rows[i].pool;
    if (same)
        return;
    beginResetModel();
    QHash<QString, Row> old;
    for (Row &row : m_rows)
        old.insert(row.name, std::move(row));
    m_rows.clear();
    m_rows.reserve(nodes.size());
    for (const NodeEntry &node : nodes) {
        Row row = old.take(node.name);
        if (row.name.isEmpty()) {
            row.name = node.name;
            row.values.fill(absent);
        }
        row.pool = node.pool;
        m_rows.append(std::move(row));
    }
    endResetModel();
}

int OverviewModel::refresh(qint64 nowMs) {
    if (!m_store || m_rows.isEmpty())
        return 0;
    int changedRows = 0;
    int runStart = -1;
    auto flush = [&](int end) {
        if (runStart >= 0)
            Q_EMIT dataChanged(index(runStart, FirstValueColumn), index(end, ColumnCount - 1));
        runStart = -1;
    };
    for (int r = 0; r < m_rows.size(); ++r) {
        Row &row = m_rows[r];
        if (!row.id)
            row.id = m_store->findNode(row.name);
        std::array<float, ValueCount> values;
        values.fill(absent);
        if (row.id) {
            for (int c = 0; c < ValueCount; ++c) {
                double sum = 0;
                bool any = false;
                for (Metric metric : metrics(FirstValueColumn + c)) {
                    const auto last = m_store->latest(*row.id, metric);
                    if (last && nowMs - last->timeMs <= m_staleMs) {
                        sum += last->value;
                        any = true;
                    }
                }
                if (any)
                    values[c] = float(sum);
            }
        }
        bool changed = false;
        for (int c = 0; c < ValueCount; ++c)
            changed |= !sameValue(values[c], row.values[c]);
        if (changed) {
            row.values = values;
            ++changedRows;
            if (runStart < 0)
                runStart = r;
        } else {
            flush(r - 1);
        }
    }
    flush(int(m_rows.size()) - 1);
    return changedRows;
}

int OverviewModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OverviewModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<double> OverviewModel::value(int row, int column) const {
    if (column < FirstValueColumn || column >= ColumnCount)
        return std::nullopt;
    const float v = m_rows.at(row).values[column - FirstValueColumn];
    if (std::isnan(v))
        return std::nullopt;
    return double(v);
}

int OverviewModel::rowOf(const QString &node) const {
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].name == node)
            return r;
    return -1;
}

QVariant OverviewModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    const std::optional<double> v = value(index.row(), column);
    switch (role) {
    case Qt::DisplayRole:
        if (column == NodeColumn)
            return row.name;
        if (column == PoolColumn)
            return row.pool;
        if (!v)
            return tr("\u2013");
        if (column == IopsColumn)
            return QLocale().toString(*v, 'f', 0);
        return QLocale().toString(*v, 'f', 1);
    case Qt::ToolTipRole:
        if (column >= FirstValueColumn && !v)
            return tr("%1 did not report this in the last %2 minutes.")
                .arg(row.name, QLocale().toString(m_staleMs / 60000));
        if (column == NodeColumn)
            return tr("%1: double-click or Enter opens its charts.").arg(row.name);
        return {};
    case Qt::TextAlignmentRole:
        if (column >= FirstValueColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        if (column == NodeColumn)
            return row.name;
        if (column == PoolColumn)
            return row.pool;
        return v ? QVariant(*v) : QVariant();
    case NodeNameRole:
        return row.name;
    case ThresholdRole: {
        const auto t = threshold(column);
        return t ? QVariant(*t) : QVariant();
    }
    default:
        return {};
    }
}

QVariant OverviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NodeColumn:
            return tr("Node");
        case PoolColumn:
            return tr("Pool");
        case CpuColumn:
            return tr("CPU %");
        case MemoryColumn:
            return tr("Memory %");
        case PidsColumn:
            return tr("PIDs %");
        case FsColumn:
            return tr("FS %");
        case IopsColumn:
            return tr("IOPS");
        case PsiIoColumn:
            return tr("PSI io %");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PidsColumn:
            return tr("PIDs in use as a share of the node's PID limit");
        case FsColumn:
            return tr("Node filesystem used");
        case IopsColumn:
            return tr("Read plus write I/O operations per second (sampled for nodes in focus)");
        case PsiIoColumn:
            return tr("Share of time some task waited on I/O, last 10 s (PSI some avg10)");
        default:
            break;
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

std::vector<std::vector<ChartPoint>> OverviewModel::sparkline(int row, int column, qint64 nowMs,
                                                              qint64 windowMs, int pixels) const {
    std::vector<std::vector<ChartPoint>> lines;
    const Row &r = m_rows.at(row);
    if (!m_store || !r.id)
        return lines;
    for (Metric metric : metrics(column))
        lines.push_back(m_store->queryDecimated(*r.id, metric, nowMs - windowMs, nowMs, pixels));
    return lines;
}

} // namespace nt::ui
