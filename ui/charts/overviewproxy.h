#pragma once
// Sorts the overview by value, not by text: absent values always last (a node that reports
// nothing is not "the best"), ties in node-name order in either direction.
#include <QSortFilterProxyModel>

namespace nt::ui {

class OverviewProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit OverviewProxy(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace nt::ui
