#include "charts/sparklinedelegate.h"

#include "charts/overviewmodel.h"

#include <QAbstractProxyModel>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace nt::ui {

SparklineDelegate::SparklineDelegate(const OverviewModel *model, std::function<qint64()> now,
                                     QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
    , m_now(std::move(now)) {}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + 64); // room for the sparkline beside the number
    return size;
}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    const std::optional<double> threshold = [&]() -> std::optional<double> {
        const QVariant t = index.data(OverviewModel::ThresholdRole);
        return t.isValid() ? std::optional<double>(t.toDouble()) : std::nullopt;
    }();
    const QVariant value = index.data(OverviewModel::SortRole);
    const bool high = threshold && value.isValid() && value.toDouble() >= *threshold;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : nullptr;
    if (style)
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect cell = opt.rect.adjusted(3, 2, -4, -2);
    const QPalette::ColorRole textRole =
        opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text;
    QFont font = opt.font;
    font.setBold(high);
    const int textWidth = QFontMetrics(font).horizontalAdvance(QStringLiteral("00000.0"));
    painter->save();
    painter->setFont(font);
    painter->setPen(high ? QColor(0xd6, 0x27, 0x28) : opt.palette.color(textRole));
    painter->drawText(cell, Qt::AlignRight | Qt::AlignVCenter, text);

    // The sparkline: source row of the (proxied) index, painted only for this visible cell.
    const QRect line(cell.left(), cell.top() + 1, cell.width() - textWidth - 6, cell.height() - 2);
    QModelIndex source = index;
    while (auto *proxy = qobject_cast<const QAbstractProxyModel *>(source.model()))
        source = proxy->mapToSource(source);
    if (line.width() >= 12 && source.model() == m_model) {
        const qint64 now = m_now();
        const auto lines =
            m_model->sparkline(source.row(), source.column(), now, windowMs, line.width());
        double top = threshold ? 100 : 0;
        if (!threshold)
            for (const auto &points : lines)
                for (const ChartPoint &p : points)
                    top = std::max(top, p.value);
        if (top <= 0)
            top = 1;
        painter->setRenderHint(QPainter::Antialiasing);
        const QColor colors[] = {opt.palette.color(textRole), QColor(0xff, 0x7f, 0x0e)};
        for (size_t i = 0; i < lines.size(); ++i) {
            QPainterPath path;
            bool first = true;
            qint64 previous = 0;
            // Samples further apart than a few pixels (or 30 s) leave a gap, as in the charts.
            const qint64 gap = std::max<qint64>(30000, 3 * windowMs / line.width());
            for (const ChartPoint &p : lines[i]) {
                const double x = line.left() + double(p.timeMs - (now - windowMs)) /
                                                   double(windowMs) * line.width();
                const double y =
                    line.bottom() - std::clamp(p.value / top, 0.0, 1.0) * line.height();
                if (first || p.timeMs - previous > gap)
                    path.moveTo(x, y);
                else
                    path.lineTo(x, y);
                first = false;
                previous = p.timeMs;
            }
            QColor color = colors[std::min<size_t>(i, 1)];
            if (high && i == 0)
                color = QColor(0xd6, 0x27, 0x28);
            painter->setPen(QPen(color, 1.2));
            painter->drawPath(path);
        }
        if (threshold) {
            const double y = line.bottom() - *threshold / top * line.height();
            QColor faint = opt.palette.color(textRole);
            faint.setAlpha(70);
            painter->setPen(QPen(faint, 1, Qt::DotLine));
            painter->drawLine(QPointF(line.left(), y), QPointF(line.right(), y));
        }
        ++m_painted;
    }
    painter->restore();
}

} // namespace nt::ui
