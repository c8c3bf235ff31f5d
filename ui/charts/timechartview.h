#pragma once
// A QChartView whose x axis is time and whose mouse and keys move the time window instead of
// Qt Charts' own rubber band: the panel applies every move to all of a node's charts, so they
// share one time axis. Hover reports the time under the cursor for the crosshair and tooltip.
#include <QChartView>

namespace nt::ui {

class TimeChartView : public QChartView {
    Q_OBJECT
public:
    explicit TimeChartView(QChart *chart, QWidget *parent = nullptr);

    // The time under view x coordinate `x`, given the window the chart shows.
    qint64 timeAt(double x, qint64 fromMs, qint64 toMs) const;

Q_SIGNALS:
    void hovered(double x, const QPoint &globalPos);
    void hoverLeft();
    // factor < 1 zooms in around `x` (view coordinates), > 1 out.
    void zoomRequested(double x, double factor);
    // Shift the window by this fraction of its span (negative: back in time).
    void panRequested(double fraction);
    void followRequested();

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool m_dragging = false;
    double m_dragX = 0;
};

} // namespace nt::ui
