// One node's charts fed from a MetricStore: the chart model under QAbstractItemModelTester, gaps
// drawn as gaps, one series update per frame however many rounds arrive, one time axis for all
// charts, the hover text, and the PNG export.
#include "charts/nodechartmodel.h"
#include "charts/nodechartspanel.h"
#include "charts/timechartview.h"
#include "metrics/metricstore.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QImage>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

using nt::Metric;
using nt::MetricStore;
using nt::StoreSample;
using nt::ui::NodeChartModel;
using nt::ui::NodeChartsPanel;

namespace {
constexpr qint64 second = 1000;

int rowOf(Metric metric) {
    const auto &specs = NodeChartModel::specs();
    for (int r = 0; r < specs.size(); ++r)
        if (specs[r].metric == metric)
            return r;
    return -1;
}

// Ten minutes every 5 s ending at `end`, with nothing between 300 s and 180 s before the end
// (two missed minutes: a gap).
std::vector<qint64> sampleTimes(qint64 end) {
    std::vector<qint64> times;
    for (qint64 t = end - 600 * second; t <= end; t += 5 * second)
        if (t <= end - 300 * second || t >= end - 180 * second)
            times.push_back(t);
    return times;
}

// One node at sampleTimes(end): CPU ramps 10 -> 70 %, PIDs 400 -> 500 of 32768.
std::shared_ptr<MetricStore> filledStore(qint64 end) {
    auto store = std::make_shared<MetricStore>();
    const nt::NodeId node = store->addNode(QStringLiteral("aks-nodepool1-0"));
    std::vector<StoreSample> samples;
    for (qint64 t : sampleTimes(end)) {
        const double f = double(t - (end - 600 * second)) / double(600 * second);
        samples.push_back({node, Metric::CpuPercent, t, 10 + 60 * f});
        samples.push_back({node, Metric::MemoryPercent, t, 55});
        samples.push_back({node, Metric::MemoryWorkingSetBytes, t, 3.5 * 1024 * 1024 * 1024});
        samples.push_back({node, Metric::PidsUsed, t, 400 + 100 * f});
        samples.push_back({node, Metric::PidsMax, t, 32768});
        samples.push_back({node, Metric::ReadIops, t, 120});
        samples.push_back({node, Metric::WriteIops, t, 900 + 1600 * f});
        samples.push_back({node, Metric::ReadBytesPerSec, t, 4e6});
        samples.push_back({node, Metric::WriteBytesPerSec, t, 40e6});
        samples.push_back({node, Metric::PsiIoSomeAvg10, t, 2.5});
    }
    store->ingest(samples);
    return store;
}
} // namespace

class TestCharts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelUnderTester();
    void modelSplitsAtGaps();
    void modelAbsentIsNotZero();
    void panelDrawsFourCharts();
    void oneUpdatePerFrame();
    void sharedTimeAxis();
    void hoverText();
    void exportsPng();
};

void TestCharts::modelUnderTester() {
    NodeChartModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 end = QDateTime::currentMSecsSinceEpoch();
    model.setStore(filledStore(end));
    model.setNode(QStringLiteral("aks-nodepool1-0"));
    model.refresh(end - 900 * second, end, 800);
    model.setNode(QStringLiteral("aks-nodepool1-1"));
    model.refresh(end - 900 * second, end, 800);
    QCOMPARE(model.rowCount(), int(NodeChartModel::specs().size()));
    QCOMPARE(model.columnCount(), int(NodeChartModel::ColumnCount));
}

void TestCharts::modelSplitsAtGaps() {
    NodeChartModel model;
    const qint64 end = QDateTime::currentMSecsSinceEpoch();
    model.setStore(filledStore(end));
    model.setNode(QStringLiteral("aks-nodepool1-0"));
    model.setSampleIntervalMs(5000);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refresh(end - 900 * second, end, 800);
    QCOMPARE(changed.size(), 1);

    const int cpu = rowOf(Metric::CpuPercent);
    QCOMPARE(model.segments(cpu).size(), 2);
    // 15 minutes at 800 px is ~1.1 s per pixel: every 5 s sample is a point of its own.
    QCOMPARE(model.pointCount(cpu), int(sampleTimes(end).size()));
    for (const auto &segment : model.segments(cpu))
        for (const QPointF &p : segment)
            QVERIFY2(p.y() >= 10 && p.y() <= 70, qPrintable(QString::number(p.y())));
    // Bytes are shown in GiB and MB/s.
    QCOMPARE(model.latest(rowOf(Metric::MemoryWorkingSetBytes)).value(), 3.5);
    QCOMPARE(model.latest(rowOf(Metric::WriteBytesPerSec)).value(), 40.0);
    QCOMPARE(model.index(cpu, NodeChartModel::LatestColumn).data().toString(),
             QStringLiteral("70.0 %"));
    // Inside the gap there is no value; beside it the sample's.
    QVERIFY(!model.valueAt(cpu, end - 240 * second).has_value());
    QVERIFY(model.valueAt(cpu, end - 100 * second).has_value());

    // At 100 px the min/max decimation keeps both ends of the ramp.
    model.refresh(end - 900 * second, end, 100);
    double low = 1e9, high = -1;
    for (const auto &segment : model.segments(cpu))
        for (const QPointF &p : segment) {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
    QCOMPARE(low, 10.0);
    QCOMPARE(high, 70.0);
    QVERIFY(model.pointCount(cpu) <= 200);
}

void TestCharts::modelAbsentIsNotZero() {
    NodeChartModel model;
    auto store = std::make_shared<MetricStore>();
    const nt::NodeId node = store->addNode(QStringLiteral("quiet"));
    const qint64 end = QDateTime::currentMSecsSinceEpoch();
    const StoreSample cpu{node, Metric::CpuPercent, end - 10 * second, 0};
    store->ingest(std::span(&cpu, 1));
    model.setStore(store);
    model.setNode(QStringLiteral("quiet"));
    model.refresh(end - 300 * second, end, 500);
    // A measured 0 is a 0; a metric never reported is a dash with no points.
    QCOMPARE(model.index(rowOf(Metric::CpuPercent), NodeChartModel::LatestColumn).data().toString(),
             QStringLiteral("0.0 %"));
    const int pids = rowOf(Metric::PidsUsed);
    QCOMPARE(model.index(pids, NodeChartModel::LatestColumn).data().toString(),
             QStringLiteral("\u2013"));
    QCOMPARE(model.pointCount(pids), 0);
    QVERIFY(!model.index(pids, NodeChartModel::LatestColumn)
                 .data(NodeChartModel::LatestValueRole)
                 .isValid());
}

void TestCharts::panelDrawsFourCharts() {
    NodeChartsPanel panel;
    panel.resize(1000, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy refreshed(&panel, &NodeChartsPanel::refreshed);
    panel.setSampleIntervalMs(5000);
    panel.setStore(filledStore(QDateTime::currentMSecsSinceEpoch()));
    panel.setNode(QStringLiteral("aks-nodepool1-0"), QStringLiteral("Standard_D4s_v3"));
    QCOMPARE(panel.windowSpan(), 5 * 60 * second); // live troubleshooting starts at 5 min
    panel.setWindowSpan(15 * 60 * second);
    QVERIFY(refreshed.wait());

    QCOMPARE(panel.charts().size(), 5); // CPU, memory, PIDs, disk, and the PSI strip under disk
    for (Metric metric : {Metric::CpuPercent, Metric::MemoryPercent, Metric::PidsUsed,
                          Metric::WriteIops, Metric::PsiIoSomeAvg10}) {
        const int row = rowOf(metric);
        QVERIFY2(panel.drawnPoints(row) > 50, qPrintable(NodeChartModel::seriesTitle(row)));
        QCOMPARE(panel.drawnSegments(row), 2);
    }
    // The disk chart carries the VM's caps (Standard_D4s_v3: 6400 IOPS, 96 MB/s) as lines.
    QChart *disk = panel.charts().at(3);
    bool iopsCap = false, mbCap = false;
    for (QAbstractSeries *s : disk->series()) {
        auto *line = qobject_cast<QLineSeries *>(s);
        if (line && line->name() == QStringLiteral("IOPS cap") && line->count() == 2)
            iopsCap = line->at(0).y() == 6400;
        if (line && line->name() == QStringLiteral("MB/s cap") && line->count() == 2)
            mbCap = line->at(0).y() == 96;
    }
    QVERIFY(iopsCap);
    QVERIFY(mbCap);
    QCOMPARE(disk->title(), QStringLiteral("Disk I/O"));
    // The CPU chart's threshold line sits at thresholds.h's 90 %.
    bool cpuThreshold = false;
    for (QAbstractSeries *s : panel.charts().at(0)->series())
        if (auto *line = qobject_cast<QLineSeries *>(s);
            line && line->name().startsWith(QStringLiteral("Threshold")) && line->count() == 2)
            cpuThreshold = line->at(0).y() == 90;
    QVERIFY(cpuThreshold);

    // Another node: the old lines go at once, before any new data.
    panel.setNode(QStringLiteral("absent-node"));
    QVERIFY(refreshed.wait());
    QCOMPARE(panel.drawnPoints(rowOf(Metric::CpuPercent)), 0);
}

void TestCharts::oneUpdatePerFrame() {
    NodeChartsPanel panel;
    panel.resize(900, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy refreshed(&panel, &NodeChartsPanel::refreshed);
    panel.setStore(filledStore(QDateTime::currentMSecsSinceEpoch()));
    panel.setNode(QStringLiteral("aks-nodepool1-0"));
    QVERIFY(refreshed.wait());
    const quint64 before = panel.updateCount();
    QLineSeries *cpu = nullptr;
    for (QAbstractSeries *s : panel.charts().at(0)->series())
        if (s->name() == NodeChartModel::seriesTitle(rowOf(Metric::CpuPercent)))
            cpu = qobject_cast<QLineSeries *>(s);
    QVERIFY(cpu);
    QSignalSpy replaced(cpu, &QXYSeries::pointsReplaced);
    QSignalSpy added(cpu, &QXYSeries::pointAdded);
    // Fifty rounds arriving within one frame: one update, one replace() per series.
    for (int i = 0; i < 50; ++i)
        panel.scheduleRefresh();
    QVERIFY(refreshed.wait());
    QCOMPARE(panel.updateCount(), before + 1);
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(added.size(), 0);
}

void TestCharts::sharedTimeAxis() {
    NodeChartsPanel panel;
    panel.resize(900, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy refreshed(&panel, &NodeChartsPanel::refreshed);
    panel.setStore(filledStore(QDateTime::currentMSecsSinceEpoch()));
    panel.setNode(QStringLiteral("aks-nodepool1-0"));
    QVERIFY(refreshed.wait());
    QVERIFY(panel.isFollowing());

    auto ranges = [&] {
        QList<QPair<qint64, qint64>> list;
        for (QChart *chart : panel.charts()) {
            auto *axis = qobject_cast<QDateTimeAxis *>(chart->axes(Qt::Horizontal).first());
            list.append({axis->min().toMSecsSinceEpoch(), axis->max().toMSecsSinceEpoch()});
        }
        return list;
    };
    // Zooming one chart with the wheel zooms them all and pauses following.
    auto *memoryView = panel.findChild<nt::ui::TimeChartView *>(QStringLiteral("chartView1"));
    QVERIFY(memoryView);
    const qint64 spanBefore = panel.rangeTo() - panel.rangeFrom();
    const QPointF at = memoryView->chart()->plotArea().center();
    QWheelEvent wheel(at, memoryView->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(memoryView->viewport(), &wheel);
    QVERIFY(!panel.isFollowing());
    QVERIFY(panel.rangeTo() - panel.rangeFrom() < spanBefore);
    QVERIFY(refreshed.wait());
    const auto zoomed = ranges();
    for (const auto &range : zoomed) {
        QCOMPARE(range.first, panel.rangeFrom());
        QCOMPARE(range.second, panel.rangeTo());
    }
    auto *follow = panel.findChild<QToolButton *>(QStringLiteral("chartFollow"));
    QVERIFY(follow && !follow->isChecked());

    // The window choice: 1 h; End on a chart follows the live edge again.
    panel.findChild<QComboBox *>(QStringLiteral("chartWindow"))->setCurrentIndex(2);
    QCOMPARE(panel.windowSpan(), 3600 * second);
    QTest::keyClick(memoryView, Qt::Key_End);
    QVERIFY(panel.isFollowing());
    QVERIFY(follow->isChecked());
    QVERIFY(refreshed.wait());
    for (const auto &range : ranges())
        QCOMPARE(range.second - range.first, 3600 * second);
}

void TestCharts::hoverText() {
    NodeChartsPanel panel;
    QSignalSpy refreshed(&panel, &NodeChartsPanel::refreshed);
    const qint64 end = QDateTime::currentMSecsSinceEpoch() - 5 * second;
    panel.setSampleIntervalMs(5000);
    panel.setStore(filledStore(end));
    panel.setNode(QStringLiteral("aks-nodepool1-0"));
    panel.setRange(end - 900 * second, end + 5 * second);
    QVERIFY(refreshed.wait());
    const QString atEnd = panel.valuesText(end);
    QVERIFY2(atEnd.contains(QStringLiteral("CPU: 70.0 %")), qPrintable(atEnd));
    QVERIFY2(atEnd.contains(QStringLiteral("PID limit: ") + QLocale().toString(32768)),
             qPrintable(atEnd));
    QVERIFY2(atEnd.contains(QStringLiteral("Memory: 55.0 %")), qPrintable(atEnd));
    QVERIFY2(atEnd.contains(QStringLiteral("Write MB/s: 40.0 MB/s")), qPrintable(atEnd));
    QVERIFY2(atEnd.contains(QLocale().toString(QDateTime::fromMSecsSinceEpoch(end).time(),
                                               QStringLiteral("HH:mm:ss"))),
             qPrintable(atEnd));
    const QString inGap = panel.valuesText(end - 240 * second);
    QVERIFY2(inGap.contains(QStringLiteral("CPU: no data")), qPrintable(inGap));
}

void TestCharts::exportsPng() {
    NodeChartsPanel panel;
    panel.resize(900, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy refreshed(&panel, &NodeChartsPanel::refreshed);
    panel.setStore(filledStore(QDateTime::currentMSecsSinceEpoch()));
    panel.setNode(QStringLiteral("aks-nodepool1-0"));
    QVERIFY(refreshed.wait());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("charts.png"));
    QString error;
    QVERIFY2(panel.exportPng(file, &error), qPrintable(error));
    const QImage image(file);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800);
    QVERIFY(image.height() >= 400);

    const QString bad = dir.filePath(QStringLiteral("missing/folder/charts.png"));
    QVERIFY(!panel.exportPng(bad, &error));
    QVERIFY2(error.contains(bad), qPrintable(error));
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
