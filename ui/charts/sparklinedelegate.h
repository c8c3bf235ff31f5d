#pragma once
// Paints an overview cell: the latest value at the right and, left of it, the last 15 minutes
// as a sparkline (min/max per pixel from the store), red where the value crosses its threshold.
// Views paint visible cells only, so 5,000 rows cost what the screen shows.
#include <QStyledItemDelegate>

#include <functional>

namespace nt::ui {

class OverviewModel;

class SparklineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // `now` is the clock the sparklines end at (tests pass their own).
    SparklineDelegate(const OverviewModel *model, std::function<qint64()> now,
                      QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static constexpr qint64 windowMs = 15 * 60 * 1000;
    quint64 sparklinesPainted() const { return m_painted; }

private:
    const OverviewModel *m_model;
    std::function<qint64()> m_now;
    mutable quint64 m_painted = 0;
};

} // namespace nt::ui
