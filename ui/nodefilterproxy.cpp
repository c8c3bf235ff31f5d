#include "nodefilterproxy.h"

#include "nodetablemodel.h"

namespace nt::ui {

NodeFilterProxy::NodeFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(NodeTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void NodeFilterProxy::setText(const QString &text)
{
    const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

void NodeFilterProxy::setPool(const QString &pool)
{
    if (pool == m_pool && m_poolSet == !pool.isEmpty())
        return;
    m_pool = pool;
    m_poolSet = !pool.isEmpty();
    invalidateRowsFilter();
}

void NodeFilterProxy::setProblemsOnly(bool on)
{
    if (on == m_problemsOnly)
        return;
    m_problemsOnly = on;
    invalidateRowsFilter();
}

bool NodeFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (QSortFilterProxyModel::lessThan(left, right))
        return true;
    if (QSortFilterProxyModel::lessThan(right, left))
        return false;
    return left.row() < right.row();
}

bool NodeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_poolSet && index.data(NodeTableModel::PoolRole).toString() != m_pool)
        return false;
    if (m_problemsOnly
        && index.data(NodeTableModel::HealthRole).toInt() == int(StepStatus::Pass))
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = index.data(NodeTableModel::SearchRole).toString();
    for (const QString &word : m_words)
        if (!haystack.contains(word))
            return false;
    return true;
}

} // namespace nt::ui
