#include "charts/nodechartspanel.h"

#include "charts/timechartview.h"
#include "check/thresholds.h"

#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace nt::ui {

namespace {
using Chart = NodeChartModel::Chart;
using Axis = NodeChartModel::Axis;

// Colours that stay apart on light and dark backgrounds; the threshold red is kept for limits.
QColor seriesColor(Metric metric) {
    switch (metric) {
    case Metric::CpuPercent:
    case Metric::ReadIops:
        return QColor(0x1f, 0x77, 0xb4);
    case Metric::MemoryPercent:
        return QColor(0x2c, 0xa0, 0x2c);
    case Metric::MemoryWorkingSetBytes:
        return QColor(0x94, 0x67, 0xbd);
    case Metric::PidsUsed:
    case Metric::WriteIops:
        return QColor(0xff, 0x7f, 0x0e);
    case Metric::ReadBytesPerSec:
        return QColor(0x17, 0xbe, 0xcf);
    case Metric::WriteBytesPerSec:
        return QColor(0xe3, 0x77, 0xc2);
    case Metric::PsiIoSomeAvg10:
        return QColor(0x8c, 0x56, 0x4b);
    default:
        return QColor(0x7f, 0x7f, 0x7f);
    }
}

const QColor limitColor(0xd6, 0x27, 0x28);
constexpr int frameMs = 16;

// How many tick labels fit the axis' height without touching. QtCharts elides labels that would
// overlap ("..."), and a CJK font's taller line (Noto Sans CJK about 1.45 em, DejaVu Sans 1.16 em)
// made that happen in Chinese at ordinary window sizes.
int ticksThatFit(const QValueAxis *axis, double plotHeight, int most) {
    const double line = QFontMetricsF(axis->labelsFont()).height();
    if (plotHeight <= 0 || line <= 0)
        return most;
    // QtCharts gives each label plotHeight / labels, less its padding, and elides what is taller.
    constexpr double padding = 6;
    return std::clamp(int(plotHeight / (line + padding)), 2, most);
}

// 0 up to a top covering `value` in (ticks - 1) equal steps of 1, 2 or 5 x 10^k (2.5 x 10^k only
// where the labels show enough decimals), so each label is exact in the axis' format: no
// "0, 3, 5, 8, 10" for 0, 2.5, 5, 7.5, 10 and no repeated label on an empty chart.
void fitValueAxis(QValueAxis *axis, double value, double plotHeight, int decimals) {
    const int ticks = ticksThatFit(axis, plotHeight, 5);
    const double unit = std::pow(10.0, -decimals);
    const double need = std::max(value, unit * (ticks - 1)) / (ticks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(need)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
        const double candidate = m * magnitude;
        const double inUnits = candidate / unit;
        if (std::abs(inUnits - std::round(inUnits)) > 1e-6)
            continue;
        if (candidate >= need * (1 - 1e-9)) {
            step = candidate;
            break;
        }
    }
    axis->setTickCount(ticks);
    axis->setRange(0, step * (ticks - 1));
}

// 0-100 %: steps of 20, 25, 50 or 100, as many as fit.
void fitPercentAxis(QValueAxis *axis, double plotHeight, int most) {
    const int fit = ticksThatFit(axis, plotHeight, most);
    for (int ticks : {6, 5, 3, 2}) {
        if (ticks <= fit) {
            axis->setTickCount(ticks);
            return;
        }
    }
}

// Whether every legend entry, those of `extra` included, fits the chart's width uncut.
bool legendFits(QChart *chart, const QList<QLineSeries *> &extra) {
    QLegend *legend = chart->legend();
    const QFontMetricsF metrics(legend->font());
    double width = 0;
    for (QLegendMarker *marker : legend->markers()) {
        const auto *series = qobject_cast<QLineSeries *>(marker->series());
        if (marker->isVisible() || (series && extra.contains(series)))
            width += metrics.horizontalAdvance(marker->label()) + 3.5 * metrics.height();
    }
    return width <= chart->size().width() - 16;
}

QString timeFormat(qint64 spanMs) {
    if (spanMs > 6 * 3600 * 1000)
        return QStringLiteral("ddd HH:mm");
    if (spanMs > 20 * 60 * 1000)
        return QStringLiteral("HH:mm");
    return QStringLiteral("HH:mm:ss");
}
} // namespace

NodeChartsPanel::NodeChartsPanel(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("nodeChartsPanel"));
    m_model = new NodeChartModel(this);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("chartsTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *windowLabel = new QLabel(tr("&Window:"), this);
    m_window = new QComboBox(this);
    m_window->setObjectName(QStringLiteral("chartWindow"));
    m_window->addItem(tr("5 min"));
    m_window->addItem(tr("15 min"));
    m_window->addItem(tr("1 h"));
    m_window->addItem(tr("24 h"));
    m_window->setCurrentIndex(0); // live troubleshooting: the last five minutes first
    windowLabel->setBuddy(m_window);

    m_follow = new QToolButton(this);
    m_follow->setObjectName(QStringLiteral("chartFollow"));
    m_follow->setText(tr("&Follow live"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("On: the charts move with time. Off: paused where they are "
                            "(zooming or panning pauses; End follows again)."));

    m_export = new QPushButton(tr("E&xport PNG\u2026"), this);
    m_export->setObjectName(QStringLiteral("chartExport"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(windowLabel);
    header->addWidget(m_window);
    header->addWidget(m_follow);
    header->addWidget(m_export);

    m_grid = new QWidget(this);
    m_grid->setObjectName(QStringLiteral("chartGrid"));
    auto *grid = new QGridLayout(m_grid);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    for (Chart kind : {Chart::Cpu, Chart::Memory, Chart::Pids, Chart::Disk, Chart::DiskPressure})
        m_charts.append(makeChart(kind));
    // Two by two, the PSI strip under the disk chart in the same cell.
    auto *diskCell = new QWidget(m_grid);
    auto *diskLayout = new QVBoxLayout(diskCell);
    diskLayout->setContentsMargins(0, 0, 0, 0);
    diskLayout->setSpacing(2);
    diskLayout->addWidget(m_charts[3].view, 3);
    diskLayout->addWidget(m_charts[4].view, 1);
    grid->addWidget(m_charts[0].view, 0, 0);
    grid->addWidget(m_charts[1].view, 0, 1);
    grid->addWidget(m_charts[2].view, 1, 0);
    grid->addWidget(diskCell, 1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);

    // One slot per model row, drawn in its chart against its axis.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const NodeChartModel::SeriesSpec &spec = NodeChartModel::specs().at(row);
        auto it = std::find_if(m_charts.begin(), m_charts.end(),
                               [&](const ChartParts &c) { return c.kind == spec.chart; });
        Slot slot;
        slot.row = row;
        slot.chart = it->chart;
        slot.axis = spec.axis == Axis::Primary ? it->primary : it->secondary;
        slot.pen = QPen(spec.cap ? limitColor.darker(130) : seriesColor(spec.metric), 1.6);
        if (spec.cap)
            slot.pen.setStyle(Qt::DashLine);
        addSegment(slot);
        m_slots.append(slot);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_grid, 1);

    m_frame = new QTimer(this);
    m_frame->setSingleShot(true);
    m_frame->setInterval(frameMs);
    connect(m_frame, &QTimer::timeout, this, &NodeChartsPanel::refreshNow);
    // While following, the axis moves every second even between sampling rounds.
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (isVisible())
            scheduleRefresh();
    });
    m_tick->start();

    connect(m_window, &QComboBox::currentIndexChanged, this,
            [this](int index) { setWindowSpan(windowSpans().value(index, m_spanMs)); });
    connect(m_follow, &QToolButton::toggled, this, &NodeChartsPanel::setFollowing);
    connect(m_export, &QPushButton::clicked, this, &NodeChartsPanel::exportWithDialog);
    m_toMs = QDateTime::currentMSecsSinceEpoch();
    m_fromMs = m_toMs - m_spanMs;
    updateTitle();
    applyRange();
}

NodeChartsPanel::~NodeChartsPanel() = default;

NodeChartsPanel::ChartParts NodeChartsPanel::makeChart(Chart kind) {
    ChartParts parts;
    parts.kind = kind;
    parts.chart = new QChart;
    parts.chart->setTheme(palette().color(QPalette::Window).lightness() < 128
                              ? QChart::ChartThemeDark
                              : QChart::ChartThemeLight);
    parts.chart->setAnimationOptions(QChart::NoAnimation);
    parts.chart->setTitle(NodeChartModel::chartTitle(kind));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    parts.chart->setTitleFont(font());
    parts.chart->legend()->setFont(small);
    parts.chart->legend()->setAlignment(Qt::AlignBottom);
    parts.chart->setMargins(QMargins(4, 2, 4, 2));
    parts.chart->layout()->setContentsMargins(0, 0, 0, 0);
    parts.chart->setBackgroundRoundness(0);

    parts.time = new QDateTimeAxis;
    parts.time->setTickCount(5);
    parts.time->setLabelsFont(small);
    parts.chart->addAxis(parts.time, Qt::AlignBottom);
    parts.primary = new QValueAxis;
    parts.primary->setLabelsFont(small);
    parts.primary->setLabelFormat(QStringLiteral("%.0f"));
    parts.chart->addAxis(parts.primary, Qt::AlignLeft);
    const bool percent = kind == Chart::Cpu || kind == Chart::Memory || kind == Chart::DiskPressure;
    if (percent) {
        parts.primary->setRange(0, 100);
        parts.primary->setTickCount(kind == Chart::DiskPressure ? 3 : 6);
        parts.primary->setTitleText(tr("%"));
    }
    if (kind == Chart::Pids)
        parts.primary->setTitleText(tr("PIDs"));
    if (kind == Chart::Disk)
        parts.primary->setTitleText(tr("IOPS"));
    if (kind == Chart::Memory || kind == Chart::Disk) {
        parts.secondary = new QValueAxis;
        parts.secondary->setLabelsFont(small);
        parts.secondary->setLabelFormat(kind == Chart::Memory ? QStringLiteral("%.1f")
                                                              : QStringLiteral("%.0f"));
        parts.secondary->setTitleText(kind == Chart::Memory ? tr("GiB") : tr("MB/s"));
        parts.chart->addAxis(parts.secondary, Qt::AlignRight);
    }
    for (QValueAxis *axis : {parts.primary, parts.secondary}) {
        if (!axis)
            continue;
        QFont titleFont = small;
        axis->setTitleFont(titleFont);
    }

    // Limits: thresholds from check/thresholds.h, caps from the PID limit and the VM size.
    auto limitLine = [&](QValueAxis *axis, Qt::PenStyle style) {
        auto *line = new QLineSeries;
        line->setPen(QPen(limitColor, 1.2, style));
        parts.chart->addSeries(line);
        line->attachAxis(parts.time);
        line->attachAxis(axis);
        return line;
    };
    const Thresholds &t = Thresholds::defaults();
    switch (kind) {
    case Chart::Cpu:
        parts.threshold = limitLine(parts.primary, Qt::DotLine);
        parts.threshold->setName(tr("Threshold %1 %").arg(QLocale().toString(t.cpuHighPercent)));
        break;
    case Chart::Memory:
        parts.threshold = limitLine(parts.primary, Qt::DotLine);
        parts.threshold->setName(tr("Threshold %1 %").arg(QLocale().toString(t.memoryHighPercent)));
        break;
    case Chart::Pids:
        parts.threshold = limitLine(parts.primary, Qt::DotLine);
        parts.threshold->setName(
            tr("Threshold %1 % of limit").arg(QLocale().toString(t.pidsHighPercent)));
        break;
    case Chart::Disk:
        parts.threshold = limitLine(parts.primary, Qt::DashLine);
        parts.threshold->setName(tr("IOPS cap"));
        parts.secondaryCap = limitLine(parts.secondary, Qt::DashDotLine);
        parts.secondaryCap->setName(tr("MB/s cap"));
        break;
    case Chart::DiskPressure:
        parts.chart->legend()->hide();
        break;
    }

    parts.view = new TimeChartView(parts.chart, this);
    parts.view->setObjectName(QStringLiteral("chartView%1").arg(int(kind)));
    parts.view->setAccessibleName(NodeChartModel::chartTitle(kind));
    parts.view->setMinimumHeight(kind == Chart::DiskPressure ? 90 : 150);
    parts.crosshair = new QGraphicsLineItem;
    parts.crosshair->setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
    parts.crosshair->setZValue(1000);
    parts.crosshair->hide();
    parts.view->scene()->addItem(parts.crosshair);

    // A new height changes how many tick labels fit (updateAxes).
    connect(parts.chart, &QChart::plotAreaChanged, this, &NodeChartsPanel::scheduleRefresh);
    TimeChartView *view = parts.view;
    connect(view, &TimeChartView::hovered, this,
            [this, view](double x, const QPoint &global) { showHover(x, global, view); });
    connect(view, &TimeChartView::hoverLeft, this, &NodeChartsPanel::hideHover);
    connect(view, &TimeChartView::zoomRequested, this,
            [this, view](double x, double factor) { zoom(view, x, factor); });
    connect(view, &TimeChartView::panRequested, this, &NodeChartsPanel::pan);
    connect(view, &TimeChartView::followRequested, this, [this] { setFollowing(true); });
    return parts;
}

QLineSeries *NodeChartsPanel::addSegment(Slot &slot) {
    auto *series = new QLineSeries;
    series->setPen(slot.pen);
    slot.chart->addSeries(series);
    const ChartParts &parts =
        *std::find_if(m_charts.cbegin(), m_charts.cend(),
                      [&](const ChartParts &c) { return c.chart == slot.chart; });
    series->attachAxis(parts.time);
    series->attachAxis(slot.axis);
    if (slot.segments.isEmpty()) {
        series->setName(NodeChartModel::seriesTitle(slot.row));
    } else {
        // Later segments are the same series after a gap: one legend entry is enough.
        for (QLegendMarker *marker : slot.chart->legend()->markers(series))
            marker->setVisible(false);
    }
    slot.segments.append(series);
    return series;
}

void NodeChartsPanel::setStore(std::shared_ptr<MetricStore> store) {
    m_model->setStore(std::move(store));
    scheduleRefresh();
}

void NodeChartsPanel::setNode(const QString &node, const QString &instanceType,
                              std::optional<IoLimit> diskCaps) {
    m_instanceType = instanceType;
    m_diskCaps = diskCaps;
    m_model->setNode(node);
    updateTitle();
    scheduleRefresh();
}

void NodeChartsPanel::setSampleIntervalMs(int ms) {
    m_model->setSampleIntervalMs(ms);
}

void NodeChartsPanel::scheduleRefresh() {
    if (!m_frame->isActive())
        m_frame->start();
}

QList<qint64> NodeChartsPanel::windowSpans() {
    return {5 * 60 * 1000, 15 * 60 * 1000, 60 * 60 * 1000, 24 * 60 * 60 * 1000};
}

void NodeChartsPanel::setWindowSpan(qint64 ms) {
    m_spanMs = ms;
    const int index = int(windowSpans().indexOf(ms));
    if (index >= 0 && m_window->currentIndex() != index) {
        const QSignalBlocker blocker(m_window);
        m_window->setCurrentIndex(index);
    }
    // A paused window keeps its end and takes the new span.
    m_fromMs = m_toMs - m_spanMs;
    applyRange();
    scheduleRefresh();
}

void NodeChartsPanel::setFollowing(bool follow) {
    m_following = follow;
    if (m_follow->isChecked() != follow) {
        const QSignalBlocker blocker(m_follow);
        m_follow->setChecked(follow);
    }
    m_follow->setText(follow ? tr("&Follow live") : tr("Paused \u2013 &follow"));
    scheduleRefresh();
}

void NodeChartsPanel::setRange(qint64 fromMs, qint64 toMs) {
    if (toMs <= fromMs)
        return;
    setFollowing(false);
    m_fromMs = fromMs;
    m_toMs = toMs;
    m_spanMs = toMs - fromMs;
    applyRange();
    scheduleRefresh();
}

QList<QChart *> NodeChartsPanel::charts() const {
    QList<QChart *> list;
    for (const ChartParts &parts : m_charts)
        list.append(parts.chart);
    return list;
}

int NodeChartsPanel::drawnPoints(int row) const {
    int count = 0;
    for (const QLineSeries *series : m_slots.at(row).segments)
        count += int(series->count());
    return count;
}

int NodeChartsPanel::drawnSegments(int row) const {
    int count = 0;
    for (const QLineSeries *series : m_slots.at(row).segments)
        count += series->count() > 0;
    return count;
}

void NodeChartsPanel::applyRange() {
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(m_fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(m_toMs);
    for (ChartParts &parts : m_charts) {
        parts.time->setFormat(timeFormat(m_toMs - m_fromMs));
        parts.time->setRange(from, to);
    }
}

void NodeChartsPanel::refreshNow() {
    if (m_following) {
        m_toMs = QDateTime::currentMSecsSinceEpoch();
        m_fromMs = m_toMs - m_spanMs;
    }
    applyRange();
    const double width = m_charts.first().chart->plotArea().width();
    const int pixels = width > 10 ? int(width) : 800;
    m_model->refresh(m_fromMs, m_toMs, pixels);

    for (Slot &slot : m_slots) {
        const QList<QList<QPointF>> &segments = m_model->segments(slot.row);
        while (slot.segments.size() < segments.size())
            addSegment(slot);
        for (int i = 0; i < slot.segments.size(); ++i) {
            if (i < segments.size())
                slot.segments[i]->replace(segments[i]);
            else if (slot.segments[i]->count() > 0)
                slot.segments[i]->clear();
        }
    }
    updateAxes();
    updateTitle();
    ++m_updates;
    Q_EMIT refreshed();
}

void NodeChartsPanel::updateAxes() {
    const auto from = double(m_fromMs);
    const auto to = double(m_toMs);
    auto horizontal = [&](QLineSeries *line, std::optional<double> y) {
        if (!line)
            return;
        if (y)
            line->replace({QPointF(from, *y), QPointF(to, *y)});
        else if (line->count() > 0)
            line->clear();
    };
    const Thresholds &t = Thresholds::defaults();
    std::optional<double> pidLimit;
    std::optional<IoLimit> caps = m_diskCaps ? m_diskCaps : vmUncachedLimit(m_instanceType);
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (NodeChartModel::specs().at(row).metric == Metric::PidsMax)
            pidLimit = m_model->latest(row);
    for (ChartParts &parts : m_charts) {
        const double height = parts.chart->plotArea().height();
        switch (parts.kind) {
        case Chart::Cpu:
            horizontal(parts.threshold, t.cpuHighPercent);
            fitPercentAxis(parts.primary, height, 6);
            break;
        case Chart::Memory:
            horizontal(parts.threshold, t.memoryHighPercent);
            fitPercentAxis(parts.primary, height, 6);
            fitValueAxis(parts.secondary, m_model->maximum(parts.kind, Axis::Secondary) * 1.1,
                         height, 1);
            break;
        case Chart::Pids: {
            horizontal(parts.threshold,
                       pidLimit ? std::optional<double>(*pidLimit * t.pidsHighPercent / 100)
                                : std::nullopt);
            // A limit far above the use (pid_max is often 4 million) would flatten the line the
            // user came for: then the axis fits the use and the title names the limit.
            double used = 0;
            for (int row = 0; row < m_model->rowCount(); ++row)
                if (NodeChartModel::specs().at(row).metric == Metric::PidsUsed)
                    for (const auto &segment : m_model->segments(row))
                        for (const QPointF &p : segment)
                            used = std::max(used, p.y());
            const bool limitOnScale = pidLimit && *pidLimit <= 3 * used;
            fitValueAxis(parts.primary, (limitOnScale ? *pidLimit : used) * 1.1, height, 0);
            parts.chart->setTitle(
                pidLimit && !limitOnScale
                    ? tr("PIDs (limit %1, off scale)").arg(QLocale().toString(qint64(*pidLimit)))
                    : NodeChartModel::chartTitle(parts.kind));
            break;
        }
        case Chart::Disk: {
            // As with PIDs: a cap far above the traffic (the VM's while the disk tier throttles
            // at a tenth of it) is named in the title rather than flattening the lines.
            const double iopsUsed = m_model->maximum(parts.kind, Axis::Primary);
            const double mbpsUsed = m_model->maximum(parts.kind, Axis::Secondary);
            const double iopsCap = caps ? caps->iops : 0.0;
            const double mbpsCap = caps ? caps->mbps : 0.0;
            const bool iopsOnScale = caps && iopsCap <= 3 * iopsUsed;
            const bool mbpsOnScale = caps && mbpsCap <= 3 * mbpsUsed;
            horizontal(parts.threshold,
                       iopsOnScale ? std::optional<double>(iopsCap) : std::nullopt);
            horizontal(parts.secondaryCap,
                       mbpsOnScale ? std::optional<double>(mbpsCap) : std::nullopt);
            fitValueAxis(parts.primary, std::max(iopsUsed, iopsOnScale ? iopsCap : 0.0) * 1.1,
                         height, 0);
            fitValueAxis(parts.secondary, std::max(mbpsUsed, mbpsOnScale ? mbpsCap : 0.0) * 1.1,
                         height, 0);
            // Six legend entries do not fit a narrow chart (in Chinese even less): then the
            // dashed cap lines leave the legend and the title names them.
            const bool capsInLegend =
                legendFits(parts.chart, {parts.threshold, parts.secondaryCap});
            for (QLegendMarker *marker : parts.chart->legend()->markers(parts.threshold))
                marker->setVisible(capsInLegend && iopsOnScale);
            for (QLegendMarker *marker : parts.chart->legend()->markers(parts.secondaryCap))
                marker->setVisible(capsInLegend && mbpsOnScale);
            const QString iopsText = QLocale().toString(iopsCap, 'f', 0);
            const QString mbpsText = QLocale().toString(mbpsCap, 'f', 0);
            if (caps && (!iopsOnScale || !mbpsOnScale))
                parts.chart->setTitle(
                    tr("Disk I/O (cap %1 IOPS, %2 MB/s: off scale)").arg(iopsText, mbpsText));
            else if (caps && !capsInLegend)
                parts.chart->setTitle(
                    tr("Disk I/O (dashed: cap %1 IOPS, %2 MB/s)").arg(iopsText, mbpsText));
            else
                parts.chart->setTitle(NodeChartModel::chartTitle(parts.kind));
            break;
        }
        case Chart::DiskPressure:
            fitPercentAxis(parts.primary, height, 3);
            break;
        }
    }
}

QString NodeChartsPanel::valuesText(qint64 timeMs) const {
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(timeMs).toLocalTime();
    QStringList lines{QLocale().toString(time, QLocale::ShortFormat) + QLatin1Char(' ') +
                      time.toString(QStringLiteral(":ss"))};
    if (m_spanMs <= 24 * 3600 * 1000)
        lines[0] = QLocale().toString(time.time(), QStringLiteral("HH:mm:ss"));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const std::optional<double> value = m_model->valueAt(row, timeMs);
        lines.append(tr("%1: %2").arg(NodeChartModel::seriesTitle(row),
                                      value ? m_model->formatValue(row, *value) : tr("no data")));
    }
    return lines.join(QLatin1Char('\n'));
}

void NodeChartsPanel::showHover(double x, const QPoint &globalPos, const TimeChartView *from) {
    const qint64 time = from->timeAt(x, m_fromMs, m_toMs);
    const QRectF source = from->chart()->plotArea();
    const double fraction = source.width() > 0 ? (x - source.left()) / source.width() : 0;
    const bool inside = fraction >= 0 && fraction <= 1;
    for (ChartParts &parts : m_charts) {
        const QRectF plot = parts.chart->plotArea();
        const double px = plot.left() + std::clamp(fraction, 0.0, 1.0) * plot.width();
        parts.crosshair->setLine(px, plot.top(), px, plot.bottom());
        parts.crosshair->setVisible(inside && !m_model->node().isEmpty());
    }
    if (inside && !m_model->node().isEmpty())
        QToolTip::showText(globalPos, valuesText(time), const_cast<TimeChartView *>(from));
    else
        QToolTip::hideText();
}

void NodeChartsPanel::hideHover() {
    for (ChartParts &parts : m_charts)
        parts.crosshair->hide();
    QToolTip::hideText();
}

void NodeChartsPanel::zoom(const TimeChartView *view, double x, double factor) {
    const qint64 center = view->timeAt(x, m_fromMs, m_toMs);
    // Between ten seconds and the day the store keeps.
    const qint64 span =
        std::clamp<qint64>(qint64(double(m_toMs - m_fromMs) * factor), 10000, 24 * 3600 * 1000);
    const double before = double(center - m_fromMs) / double(m_toMs - m_fromMs);
    const qint64 from = center - qint64(before * double(span));
    setRange(from, from + span);
}

void NodeChartsPanel::pan(double fraction) {
    const qint64 shift = qint64(fraction * double(m_toMs - m_fromMs));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Panning into the future past the live edge means: follow.
    if (shift > 0 && m_toMs + shift >= now) {
        setFollowing(true);
        return;
    }
    setRange(m_fromMs + shift, m_toMs + shift);
}

void NodeChartsPanel::updateTitle() {
    if (m_model->node().isEmpty()) {
        m_title->setText(tr("Select a node to see its charts."));
        return;
    }
    QString text = m_instanceType.isEmpty() ? m_model->node()
                                            : tr("%1 (%2)").arg(m_model->node(), m_instanceType);
    int points = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        points += m_model->pointCount(row);
    if (points == 0)
        text = tr("%1 \u2013 no samples from this node in this window").arg(text);
    m_title->setText(text);
}

bool NodeChartsPanel::exportPng(const QString &file, QString *error) {
    hideHover();
    // grab() renders at the screen's device pixel ratio, so the PNG is as sharp as the screen.
    const QPixmap image = m_grid->grab();
    if (image.isNull() || !image.save(file, "PNG")) {
        if (error)
            *error = tr("Could not save the charts to %1.").arg(file);
        return false;
    }
    return true;
}

void NodeChartsPanel::exportWithDialog() {
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString suggested =
        tr("%1-charts-%2.png").arg(m_model->node().isEmpty() ? tr("node") : m_model->node(), stamp);
    const QString file = QFileDialog::getSaveFileName(this, tr("Export charts"), suggested,
                                                      tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!exportPng(file, &error))
        QMessageBox::warning(this, tr("Export charts"), error);
}

} // namespace nt::ui
