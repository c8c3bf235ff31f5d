#include "charts/timechartview.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace nt::ui {

TimeChartView::TimeChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent) {
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setRubberBand(QChartView::NoRubberBand);
}

qint64 TimeChartView::timeAt(double x, qint64 fromMs, qint64 toMs) const {
    const QRectF plot = chart()->plotArea();
    if (plot.width() <= 0)
        return fromMs;
    const double fraction = std::clamp((x - plot.left()) / plot.width(), 0.0, 1.0);
    return fromMs + qint64(fraction * double(toMs - fromMs));
}

void TimeChartView::mouseMoveEvent(QMouseEvent *event) {
    const double x = event->position().x();
    if (m_dragging) {
        const double width = chart()->plotArea().width();
        if (width > 0)
            Q_EMIT panRequested((m_dragX - x) / width);
        m_dragX = x;
    }
    Q_EMIT hovered(x, event->globalPosition().toPoint());
}

void TimeChartView::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_dragX = event->position().x();
        setCursor(Qt::ClosedHandCursor);
    }
    setFocus(Qt::MouseFocusReason);
}

void TimeChartView::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton) {
        m_dragging = false;
        unsetCursor();
    }
}

void TimeChartView::leaveEvent(QEvent *event) {
    Q_EMIT hoverLeft();
    QChartView::leaveEvent(event);
}

void TimeChartView::wheelEvent(QWheelEvent *event) {
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0)
        return;
    Q_EMIT zoomRequested(event->position().x(), std::pow(0.8, steps));
    event->accept();
}

void TimeChartView::keyPressEvent(QKeyEvent *event) {
    const double middle = chart()->plotArea().center().x();
    switch (event->key()) {
    case Qt::Key_Left:
        Q_EMIT panRequested(-0.1);
        break;
    case Qt::Key_Right:
        Q_EMIT panRequested(0.1);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        Q_EMIT zoomRequested(middle, 0.8);
        break;
    case Qt::Key_Minus:
        Q_EMIT zoomRequested(middle, 1.25);
        break;
    case Qt::Key_End:
        Q_EMIT followRequested();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace nt::ui
