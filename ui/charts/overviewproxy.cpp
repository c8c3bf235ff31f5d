#include "charts/overviewproxy.h"

#include "charts/overviewmodel.h"

namespace nt::ui {

OverviewProxy::OverviewProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(OverviewModel::SortRole);
}

bool OverviewProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    const QVariant l = left.data(OverviewModel::SortRole);
    const QVariant r = right.data(OverviewModel::SortRole);
    // Descending sorts call lessThan(right, left): answer so that absent lands last either way.
    if (!l.isValid() || !r.isValid()) {
        if (l.isValid() != r.isValid())
            return l.isValid() == ascending;
    } else if (l.typeId() == QMetaType::Double) {
        const double a = l.toDouble();
        const double b = r.toDouble();
        if (a != b)
            return a < b;
    } else {
        const int c = l.toString().compare(r.toString(), Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
    }
    const QString a = left.siblingAtColumn(OverviewModel::NodeColumn).data().toString();
    const QString b = right.siblingAtColumn(OverviewModel::NodeColumn).data().toString();
    return ascending ? a < b : b < a;
}

} // namespace nt::ui
