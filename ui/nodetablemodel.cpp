#include "nodetablemodel.h"

#include "durationformat.h"
#include "statuscolors.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>
#include <algorithm>
#include <limits>

namespace nt::ui {

namespace {
bool byName(const NodeRow &a, const NodeRow &b) { return a.name() < b.name(); }

int conditionRank(const Condition *c, bool trueIsGood)
{
    if (!c)
        return 1;
    if (c->status == QLatin1String("Unknown"))
        return 3;
    const bool isTrue = c->status == QLatin1String("True");
    return isTrue == trueIsGood ? 0 : 2;
}
} // namespace

NodeTableModel::NodeTableModel(QObject *parent) : QAbstractTableModel(parent) {}

int NodeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NodeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NodeTableModel::conditionType(int column) const
{
    switch (column) {
    case ReadyColumn:
        return QStringLiteral("Ready");
    case MemoryPressureColumn:
        return QStringLiteral("MemoryPressure");
    case DiskPressureColumn:
        return QStringLiteral("DiskPressure");
    case PidPressureColumn:
        return QStringLiteral("PIDPressure");
    case NetworkUnavailableColumn:
        return QStringLiteral("NetworkUnavailable");
    default:
        return {};
    }
}

qint64 NodeTableModel::heartbeatAge(const NodeRow &row) const
{
    if (!row.heartbeat.isValid() || !m_now.isValid())
        return -1;
    return row.heartbeat.secsTo(m_now);
}

bool NodeTableModel::isProblemCell(const NodeRow &row, int column) const
{
    switch (column) {
    case ReadyColumn:
        return conditionRank(row.node.condition(conditionType(column)), true) > 0;
    case MemoryPressureColumn:
    case DiskPressureColumn:
    case PidPressureColumn:
    case NetworkUnavailableColumn:
        return conditionRank(row.node.condition(conditionType(column)), false) >= 2;
    case TaintsColumn:
        return row.node.unschedulable
            || std::any_of(row.node.taints.cbegin(), row.node.taints.cend(), [](const Taint &t) {
                   return t.key.startsWith(QLatin1String("node.kubernetes.io/"));
               });
    case HeartbeatColumn:
        return heartbeatAge(row) > NodeRowBuilder::staleAfterSeconds(row);
    default:
        return false;
    }
}

QVariant NodeTableModel::display(const NodeRow &row, int column) const
{
    const Node &n = row.node;
    const QLocale locale;
    switch (column) {
    case PoolColumn:
        return n.pool();
    case NameColumn:
        return n.meta.name;
    case ReadyColumn:
        return row.readyText;
    case MemoryPressureColumn:
    case DiskPressureColumn:
    case PidPressureColumn:
    case NetworkUnavailableColumn: {
        const Condition *c = n.condition(conditionType(column));
        return c ? c->status : QString();
    }
    case TaintsColumn:
        return row.taintWords.join(QStringLiteral(", "));
    case KubeletColumn:
        return n.kubeletVersion;
    case InstanceTypeColumn: {
        // Every Azure size starts "Standard_"; the tooltip keeps the full name.
        const QString type = n.instanceType();
        return type.startsWith(QLatin1String("Standard_")) ? type.mid(9) : type;
    }
    case AgeColumn:
        if (!n.meta.creationTimestamp.isValid() || !m_now.isValid())
            return QString();
        return DurationFormat::age(n.meta.creationTimestamp.secsTo(m_now), locale);
    case HeartbeatColumn: {
        if (!row.heartbeat.isValid())
            return tr("never");
        return DurationFormat::age(heartbeatAge(row), locale);
    }
    default:
        return {};
    }
}

QVariant NodeTableModel::sortValue(const NodeRow &row, int column) const
{
    const Node &n = row.node;
    switch (column) {
    case ReadyColumn:
        return conditionRank(n.condition(conditionType(column)), true);
    case MemoryPressureColumn:
    case DiskPressureColumn:
    case PidPressureColumn:
    case NetworkUnavailableColumn:
        return conditionRank(n.condition(conditionType(column)), false);
    case InstanceTypeColumn:
        return n.instanceType();
    case AgeColumn:
        return n.meta.creationTimestamp.isValid() && m_now.isValid()
            ? n.meta.creationTimestamp.secsTo(m_now)
            : qint64(-1);
    case HeartbeatColumn:
        // A node that never sent one is the most overdue.
        return row.heartbeat.isValid() ? heartbeatAge(row) : std::numeric_limits<qint64>::max();
    default:
        return display(row, column);
    }
}

QVariant NodeTableModel::toolTip(const NodeRow &row, int column) const
{
    const Node &n = row.node;
    const QLocale locale;
    const QString type = conditionType(column);
    if (!type.isEmpty()) {
        const Condition *c = n.condition(type);
        if (!c)
            return tr("%1: not reported by this node").arg(type);
        QStringList lines{tr("%1: %2").arg(type, c->status)};
        if (!c->reason.isEmpty())
            lines << tr("Reason: %1").arg(c->reason);
        if (!c->message.isEmpty())
            lines << c->message;
        if (c->lastTransitionTime.isValid())
            lines << tr("Since %1").arg(locale.toString(c->lastTransitionTime.toLocalTime(),
                                                         QLocale::ShortFormat));
        return lines.join(QLatin1Char('\n'));
    }
    switch (column) {
    case NameColumn: {
        QStringList lines = row.problems.isEmpty() ? QStringList{tr("No problem seen on this node.")}
                                                   : row.problems;
        if (!n.internalIP().isEmpty())
            lines << tr("Internal IP: %1").arg(n.internalIP());
        if (!n.osImage.isEmpty())
            lines << tr("OS image: %1").arg(n.osImage);
        return lines.join(QLatin1Char('\n'));
    }
    case TaintsColumn: {
        QStringList lines;
        if (n.unschedulable)
            lines << tr("SchedulingDisabled (cordoned)");
        for (const Taint &t : n.taints)
            lines << t.toString();
        return lines.isEmpty() ? tr("No taints") : lines.join(QLatin1Char('\n'));
    }
    case InstanceTypeColumn:
        return n.instanceType();
    case AgeColumn:
        return n.meta.creationTimestamp.isValid()
            ? tr("Created %1").arg(locale.toString(n.meta.creationTimestamp.toLocalTime(),
                                                   QLocale::ShortFormat))
            : QVariant();
    case HeartbeatColumn:
        if (!row.heartbeat.isValid())
            return tr("No heartbeat recorded for this node.");
        return (row.heartbeatFromLease ? tr("Lease in kube-node-lease renewed at %1")
                                       : tr("Ready condition heartbeat at %1 (the Lease could not "
                                            "be read)"))
            .arg(locale.toString(row.heartbeat.toLocalTime(), QLocale::LongFormat));
    default:
        return {};
    }
}

QIcon NodeTableModel::healthIcon(StepStatus health) const
{
    const QPalette palette = QGuiApplication::palette();
    if (palette.cacheKey() != m_iconPaletteKey) {
        m_iconPaletteKey = palette.cacheKey();
        m_icons[0] = StatusColors::markerIcon(StepStatus::Warn, palette, 12);
        m_icons[1] = StatusColors::markerIcon(StepStatus::Fail, palette, 12);
    }
    return health == StepStatus::Fail ? m_icons[1] : m_icons[0];
}

QVariant NodeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NodeRow &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case SortRole:
        return sortValue(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case SearchRole:
        return row.searchText;
    case HealthRole:
        return int(row.health);
    case PoolRole:
        return row.pool();
    case Qt::DecorationRole:
        if (column == NameColumn && row.health != StepStatus::Pass)
            return healthIcon(row.health);
        return {};
    case Qt::BackgroundRole:
        if (row.health == StepStatus::Pass)
            return {};
        return QBrush(StatusColors::tint(row.health, QGuiApplication::palette()));
    case Qt::ForegroundRole:
        // Healthy condition values recede so the eye lands on the problems.
        if (!conditionType(column).isEmpty() && column != ReadyColumn
            && !isProblemCell(row, column))
            return QBrush(StatusColors::quietText(QGuiApplication::palette()));
        return {};
    case Qt::FontRole:
        if (isProblemCell(row, column)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == AgeColumn || column == HeartbeatColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PoolColumn:
            return tr("Pool");
        case NameColumn:
            return tr("Name");
        case ReadyColumn:
            return tr("Ready");
        // Short headers keep the table within a laptop screen; the tooltip names the condition.
        case MemoryPressureColumn:
            return tr("Memory", "MemoryPressure column");
        case DiskPressureColumn:
            return tr("Disk", "DiskPressure column");
        case PidPressureColumn:
            return tr("PIDs", "PIDPressure column");
        case NetworkUnavailableColumn:
            return tr("Network", "NetworkUnavailable column");
        case TaintsColumn:
            return tr("Taints");
        case KubeletColumn:
            return tr("Kubelet");
        case InstanceTypeColumn:
            return tr("Instance type");
        case AgeColumn:
            return tr("Age");
        case HeartbeatColumn:
            return tr("Heartbeat");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (section == HeartbeatColumn)
            return tr("Time since the node last renewed its Lease in kube-node-lease (or, when "
                      "leases cannot be read, since the Ready condition's heartbeat)");
        if (section == TaintsColumn)
            return tr("Node-lifecycle taints (unreachable, not-ready), cordoning, then others");
        if (!conditionType(section).isEmpty())
            return tr("The node's %1 condition (True is a problem)").arg(conditionType(section));
    }
    return {};
}

void NodeTableModel::setRows(QList<NodeRow> rows, const QDateTime &now)
{
    std::sort(rows.begin(), rows.end(), byName);
    m_now = now;

    QSet<QString> oldNames;
    oldNames.reserve(m_rows.size());
    for (const NodeRow &r : std::as_const(m_rows))
        oldNames.insert(r.name());
    qsizetype changed = 0;
    QSet<QString> newNames;
    newNames.reserve(rows.size());
    for (const NodeRow &r : std::as_const(rows)) {
        newNames.insert(r.name());
        if (!oldNames.contains(r.name()))
            ++changed;
    }
    for (const QString &name : std::as_const(oldNames))
        if (!newNames.contains(name))
            ++changed;

    if (m_rows.isEmpty() || rows.isEmpty()
        || changed > std::max<qsizetype>(16, m_rows.size() / resetDivisor)) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }

    // Removals first, back to front, one signal per contiguous run of vanished nodes.
    for (qsizetype last = m_rows.size() - 1; last >= 0;) {
        if (newNames.contains(m_rows.at(last).name())) {
            --last;
            continue;
        }
        qsizetype first = last;
        while (first > 0 && !newNames.contains(m_rows.at(first - 1).name()))
            --first;
        beginRemoveRows({}, int(first), int(last));
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    applyDiff(rows);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void NodeTableModel::applyDiff(QList<NodeRow> &rows)
{
    // m_rows is now a sorted subsequence of the sorted `rows`: walk both, inserting each run of
    // new names where it belongs and taking the fresh values for the names already present.
    qsizetype j = 0;
    for (qsizetype i = 0; i < rows.size();) {
        if (j < m_rows.size() && m_rows.at(j).name() == rows.at(i).name()) {
            m_rows[j++] = std::move(rows[i++]);
            continue;
        }
        qsizetype end = i;
        while (end < rows.size() && (j >= m_rows.size() || rows.at(end).name() != m_rows.at(j).name()))
            ++end;
        beginInsertRows({}, int(j), int(j + (end - i) - 1));
        for (qsizetype k = i; k < end; ++k)
            m_rows.insert(j + (k - i), std::move(rows[k]));
        endInsertRows();
        j += end - i;
        i = end;
    }
}

void NodeTableModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, AgeColumn), index(int(m_rows.size()) - 1, HeartbeatColumn),
                           {Qt::DisplayRole, SortRole, Qt::FontRole, Qt::ToolTipRole});
}

QStringList NodeTableModel::pools() const
{
    QStringList result;
    for (const NodeRow &r : m_rows)
        if (!result.contains(r.pool()))
            result.append(r.pool());
    result.sort();
    return result;
}

StepStatus NodeTableModel::overallHealth() const
{
    StepStatus worst = StepStatus::Pass;
    for (const NodeRow &r : m_rows)
        worst = StepStatusText::worst(worst, r.health);
    return worst;
}

int NodeTableModel::count(StepStatus health) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [health](const NodeRow &r) { return r.health == health; }));
}

} // namespace nt::ui
