#pragma once
// One node's live charts: CPU %, memory % (and working set), PIDs against their limit, and disk
// I/O (IOPS and MB/s against the disk's effective cap, with PSI io below), on one shared time axis. Windows
// of 5 min / 15 min / 1 h / 24 h; the panel follows the live edge until the user zooms, pans or
// pauses; hover shows every series' value at that time; the charts export to PNG.
//
// Updates are coalesced to one per frame: however many rounds arrive, each series gets one
// replace() with the decimated points of the plot's pixel width. Series are never rebuilt.
#include "charts/nodechartmodel.h"
#include "check/disklimits.h"

#include <optional>
#include <QList>
#include <QPen>
#include <QWidget>

#include <memory>

class QComboBox;
class QChart;
class QGraphicsLineItem;
class QLabel;
class QLineSeries;
class QPushButton;
class QTimer;
class QToolButton;
class QValueAxis;
class QDateTimeAxis;

namespace nt::ui {

class TimeChartView;

class NodeChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit NodeChartsPanel(QWidget *parent = nullptr);
    ~NodeChartsPanel() override;

    void setStore(std::shared_ptr<MetricStore> store);
    // Empty name: no node (the panel says how to pick one). The instance type gives the cap line.
    // `diskCaps`: the OS disk's effective cap when the caller knows it (step 6's table); else
    // the VM size's uncached limit is used.
    void setNode(const QString &node, const QString &instanceType = {},
                 std::optional<IoLimit> diskCaps = std::nullopt);
    QString node() const { return m_model->node(); }
    void setSampleIntervalMs(int ms);
    // Asks for a redraw; many calls within a frame make one update.
    void scheduleRefresh();

    static QList<qint64> windowSpans(); // 5 min, 15 min, 1 h, 24 h
    void setWindowSpan(qint64 ms);
    qint64 windowSpan() const { return m_spanMs; }
    // Following: the window ends now and moves with time. Off: the window stays where it is.
    void setFollowing(bool follow);
    bool isFollowing() const { return m_following; }
    void setRange(qint64 fromMs, qint64 toMs); // stops following
    qint64 rangeFrom() const { return m_fromMs; }
    qint64 rangeTo() const { return m_toMs; }

    NodeChartModel *model() const { return m_model; }
    QList<QChart *> charts() const;
    // Points the chart of `row` draws for that series (all its segments).
    int drawnPoints(int row) const;
    int drawnSegments(int row) const;
    quint64 updateCount() const { return m_updates; }
    // What the hover tooltip says at this time: the time, then every series with its value.
    QString valuesText(qint64 timeMs) const;
    bool exportPng(const QString &file, QString *error = nullptr);

Q_SIGNALS:
    void refreshed();

private:
    struct Slot {
        int row = 0;
        QChart *chart = nullptr;
        QValueAxis *axis = nullptr;
        QPen pen;
        QList<QLineSeries *> segments;
    };
    struct ChartParts {
        NodeChartModel::Chart kind;
        QChart *chart = nullptr;
        TimeChartView *view = nullptr;
        QDateTimeAxis *time = nullptr;
        QValueAxis *primary = nullptr;
        QValueAxis *secondary = nullptr;
        QGraphicsLineItem *crosshair = nullptr;
        QLineSeries *threshold = nullptr;    // primary axis
        QLineSeries *secondaryCap = nullptr; // secondary axis (MB/s cap)
    };
    ChartParts makeChart(NodeChartModel::Chart kind);
    QLineSeries *addSegment(Slot &slot);
    void refreshNow();
    void applyRange();
    void updateAxes();
    void showHover(double x, const QPoint &globalPos, const TimeChartView *from);
    void hideHover();
    void zoom(const TimeChartView *view, double x, double factor);
    void pan(double fraction);
    void exportWithDialog();
    void updateTitle();

    NodeChartModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QComboBox *m_window = nullptr;
    QToolButton *m_follow = nullptr;
    QPushButton *m_export = nullptr;
    QWidget *m_grid = nullptr;
    QTimer *m_frame = nullptr;
    QTimer *m_tick = nullptr;
    QList<ChartParts> m_charts;
    QList<Slot> m_slots;
    QString m_instanceType;
    std::optional<IoLimit> m_diskCaps;
    qint64 m_spanMs = 5 * 60 * 1000;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    bool m_following = true;
    quint64 m_updates = 0;
};

} // namespace nt::ui
