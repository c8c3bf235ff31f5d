#include "reportchart.h"

#include <algorithm>
#include <cmath>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>

namespace nt::report {
namespace {

// Where everything goes, computed once for both renderers.
struct Geometry {
    QRectF plot;
    double yMin = 0, yMax = 1;
    QList<double> yTicks;
    QList<qint64> xTicks;
    qint64 from = 0, to = 1;
    double legendTop = 0;

    QPointF map(qint64 t, double v) const {
        const double x = plot.left() + plot.width() * double(t - from) / double(to - from);
        const double y = plot.bottom() - plot.height() * (v - yMin) / (yMax - yMin);
        return {x, y};
    }
};

double niceStep(double range, int ticks) {
    const double raw = range / std::max(1, ticks);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (raw <= m * mag)
            return m * mag;
    }
    return 10 * mag;
}

// Legend rows under the plot: one per two series.
int legendRows(const ReportChart &chart) {
    return int((chart.series.size() + 1) / 2);
}

Geometry geometry(const ReportChart &chart, const QRectF &rect, double lineHeight) {
    Geometry g;
    g.from = chart.fromMs;
    g.to = std::max(chart.toMs, chart.fromMs + 1);
    double hi = chart.yMax;
    if (hi <= 0) {
        hi = 0;
        for (const ChartSeries &s : chart.series) {
            for (const ChartPoint &p : s.points)
                hi = std::max(hi, p.value);
        }
        if (!std::isnan(chart.threshold))
            hi = std::max(hi, chart.threshold);
        hi = hi <= 0 ? 1 : hi * 1.1;
    }
    const double step = niceStep(hi, 4);
    g.yMax = std::ceil(hi / step - 1e-9) * step;
    for (double v = 0; v <= g.yMax + step / 2; v += step)
        g.yTicks << v;
    const double left = lineHeight * 3.2;
    const double top = lineHeight * 1.6; // the title
    const double bottom = lineHeight * (1.6 + 1.2 * legendRows(chart));
    g.plot = QRectF(rect.left() + left, rect.top() + top, rect.width() - left - lineHeight * 0.8,
                    rect.height() - top - bottom);
    g.legendTop = g.plot.bottom() + lineHeight * 1.5;
    // Three time labels: a fourth would not fit a half-page chart's width.
    for (int i = 0; i <= 2; ++i)
        g.xTicks << g.from + (g.to - g.from) * i / 2;
    return g;
}

QString tickLabel(double v) {
    if (v >= 10000)
        return QLocale().toString(v / 1000, 'f', 0) + u'k';
    return QLocale().toString(v, 'g', 4);
}

QString timeLabel(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(QStringLiteral("HH:mm:ss"));
}

QString htmlEscape(const QString &s) {
    return s.toHtmlEscaped();
}

} // namespace

QColor seriesColor(int index, bool peer) {
    if (peer)
        return QColor(0x8a, 0x8a, 0x8a);
    static const QColor palette[] = {QColor(0xc6, 0x28, 0x28), QColor(0x15, 0x65, 0xc0),
                                     QColor(0xef, 0x6c, 0x00), QColor(0x6a, 0x1b, 0x9a),
                                     QColor(0x00, 0x83, 0x8f), QColor(0x2e, 0x7d, 0x32)};
    return palette[index % 6];
}

void paintChart(QPainter &painter, const QRectF &rect, const ReportChart &chart,
                const QFont &font) {
    painter.save();
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.8);
    painter.setFont(small);
    const double lh = QFontMetricsF(small, painter.device()).height();
    const Geometry g = geometry(chart, rect, lh);

    QFont bold = font;
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(Qt::black);
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), lh * 1.4), Qt::AlignLeft | Qt::AlignVCenter,
        chart.unit.isEmpty() ? chart.title
                             : QString(chart.title + QStringLiteral(" (") + chart.unit + u')'));
    painter.setFont(small);

    const double hair = std::max(0.5, lh / 20);
    painter.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), hair));
    for (double v : g.yTicks) {
        const QPointF p = g.map(g.from, v);
        painter.drawLine(QPointF(g.plot.left(), p.y()), QPointF(g.plot.right(), p.y()));
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawText(
            QRectF(rect.left(), p.y() - lh / 2, g.plot.left() - rect.left() - lh / 4, lh),
            Qt::AlignRight | Qt::AlignVCenter, tickLabel(v));
        painter.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), hair));
    }
    painter.setPen(QColor(0x55, 0x55, 0x55));
    for (int i = 0; i < g.xTicks.size(); ++i) {
        const QPointF p = g.map(g.xTicks[i], g.yMin);
        const Qt::Alignment a = i == 0                     ? Qt::AlignLeft
                                : i == g.xTicks.size() - 1 ? Qt::AlignRight
                                                           : Qt::AlignHCenter;
        const double w = lh * 5;
        const double x = i == 0 ? p.x() : i == g.xTicks.size() - 1 ? p.x() - w : p.x() - w / 2;
        painter.drawText(QRectF(x, g.plot.bottom() + lh * 0.2, w, lh), a | Qt::AlignTop,
                         timeLabel(g.xTicks[i]));
    }
    painter.setPen(QPen(QColor(0x55, 0x55, 0x55), hair));
    painter.drawLine(g.plot.bottomLeft(), g.plot.bottomRight());
    painter.drawLine(g.plot.bottomLeft(), g.plot.topLeft());

    if (!std::isnan(chart.threshold) && chart.threshold <= g.yMax) {
        const double y = g.map(g.from, chart.threshold).y();
        painter.setPen(QPen(QColor(0xc6, 0x28, 0x28), hair * 2, Qt::DashLine));
        painter.drawLine(QPointF(g.plot.left(), y), QPointF(g.plot.right(), y));
    }

    painter.save();
    painter.setClipRect(g.plot.adjusted(-hair * 3, -hair * 3, hair * 3, hair * 3));
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < chart.series.size(); ++i) {
        const ChartSeries &s = chart.series[i];
        if (s.points.empty())
            continue;
        QPen pen(seriesColor(i, s.peer), hair * (s.peer ? 2.5 : 3.5),
                 s.peer ? Qt::DashLine : Qt::SolidLine);
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        painter.setPen(pen);
        QPainterPath path(g.map(s.points.front().timeMs, s.points.front().value));
        for (size_t k = 1; k < s.points.size(); ++k)
            path.lineTo(g.map(s.points[k].timeMs, s.points[k].value));
        if (s.points.size() == 1) {
            // One snapshot: a dot, so the value still shows.
            painter.setBrush(pen.color());
            painter.drawEllipse(path.currentPosition(), hair * 4, hair * 4);
            painter.setBrush(Qt::NoBrush);
        } else {
            painter.drawPath(path);
        }
    }
    painter.restore();

    const double colWidth = g.plot.width() / 2;
    for (int i = 0; i < chart.series.size(); ++i) {
        const ChartSeries &s = chart.series[i];
        const double x = g.plot.left() + colWidth * (i % 2);
        const double y = g.legendTop + lh * 1.2 * (i / 2);
        painter.setPen(
            QPen(seriesColor(i, s.peer), hair * 4, s.peer ? Qt::DashLine : Qt::SolidLine));
        painter.drawLine(QPointF(x, y + lh / 2), QPointF(x + lh * 1.2, y + lh / 2));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(x + lh * 1.6, y, colWidth - lh * 1.8, lh),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(small, painter.device())
                             .elidedText(s.label, Qt::ElideMiddle, colWidth - lh * 1.8));
    }
    painter.restore();
}

QString chartSvg(const ReportChart &chart, int width, int height) {
    const double lh = 14;
    const Geometry g = geometry(chart, QRectF(0, 0, width, height), lh);
    QString s;
    s.reserve(4096);
    auto num = [](double v) { return QString::number(v, 'f', 1); };
    s += QStringLiteral("<svg viewBox=\"0 0 %1 %2\" "
                        "width=\"%1\" height=\"%2\" role=\"img\" class=\"chart\" "
                        "font-size=\"11\">")
             .arg(width)
             .arg(height);
    s += QStringLiteral("<title>%1</title>").arg(htmlEscape(chart.title));
    s +=
        QStringLiteral("<text x=\"0\" y=\"14\" font-weight=\"bold\" font-size=\"13\">%1</text>")
            .arg(htmlEscape(chart.unit.isEmpty()
                                ? chart.title
                                : QString(chart.title + QStringLiteral(" (") + chart.unit + u')')));
    for (double v : g.yTicks) {
        const double y = g.map(g.from, v).y();
        s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#ddd\"/>")
                 .arg(num(g.plot.left()), num(y), num(g.plot.right()));
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\" fill=\"#555\">%3</text>")
                 .arg(num(g.plot.left() - 4), num(y + 4), htmlEscape(tickLabel(v)));
    }
    for (int i = 0; i < g.xTicks.size(); ++i) {
        const double x = g.map(g.xTicks[i], 0).x();
        const char *anchor = i == 0 ? "start" : i == g.xTicks.size() - 1 ? "end" : "middle";
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"%3\" fill=\"#555\">%4</text>")
                 .arg(num(x), num(g.plot.bottom() + lh), QLatin1String(anchor),
                      timeLabel(g.xTicks[i]));
    }
    s += QStringLiteral("<path d=\"M%1 %2V%3H%4\" fill=\"none\" stroke=\"#555\"/>")
             .arg(num(g.plot.left()), num(g.plot.top()), num(g.plot.bottom()), num(g.plot.right()));
    if (!std::isnan(chart.threshold) && chart.threshold <= g.yMax) {
        const double y = g.map(g.from, chart.threshold).y();
        s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#c62828\" "
                            "stroke-dasharray=\"6 4\"/>")
                 .arg(num(g.plot.left()), num(y), num(g.plot.right()));
    }
    for (int i = 0; i < chart.series.size(); ++i) {
        const ChartSeries &se = chart.series[i];
        if (se.points.empty())
            continue;
        const QString color = seriesColor(i, se.peer).name();
        if (se.points.size() == 1) {
            const QPointF p = g.map(se.points.front().timeMs, se.points.front().value);
            s += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"3\" fill=\"%3\"/>")
                     .arg(num(p.x()), num(p.y()), color);
            continue;
        }
        QString d;
        d.reserve(int(se.points.size()) * 14);
        for (size_t k = 0; k < se.points.size(); ++k) {
            const QPointF p = g.map(se.points[k].timeMs, se.points[k].value);
            d += (k == 0 ? u'M' : u'L') + num(p.x()) + u' ' + num(p.y());
        }
        s += QStringLiteral("<path d=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"%3\"%4 "
                            "stroke-linejoin=\"round\"><title>%5</title></path>")
                 .arg(d, color, se.peer ? QStringLiteral("1.2") : QStringLiteral("1.8"),
                      se.peer ? QStringLiteral(" stroke-dasharray=\"4 3\"") : QString(),
                      htmlEscape(se.label));
    }
    const double colWidth = g.plot.width() / 2;
    for (int i = 0; i < chart.series.size(); ++i) {
        const ChartSeries &se = chart.series[i];
        const double x = g.plot.left() + colWidth * (i % 2);
        const double y = g.legendTop + lh * 1.2 * (i / 2);
        s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" "
                            "stroke-width=\"3\"%5/>")
                 .arg(num(x), num(y + lh / 2), num(x + 16), seriesColor(i, se.peer).name(),
                      se.peer ? QStringLiteral(" stroke-dasharray=\"4 3\"") : QString());
        s += QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>")
                 .arg(num(x + 22), num(y + lh * 0.85), htmlEscape(se.label));
    }
    s += QStringLiteral("</svg>");
    return s;
}

} // namespace nt::report
