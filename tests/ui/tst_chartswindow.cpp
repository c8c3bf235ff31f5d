// The window on the demo cluster with sampling every second: after a few rounds the charts of
// the node on screen hold points (percentages within 0-100), the overview lists every node and
// sorts worst first by CPU, and the status line says what is sampled and when.
#include "charts/clusteroverview.h"
#include "charts/nodechartmodel.h"
#include "charts/nodechartspanel.h"
#include "charts/overviewmodel.h"
#include "clustersession.h"
#include "mainwindow.h"
#include "nodespage.h"
#include "nodetablemodel.h"
#include "testsupport.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

using nt::Metric;
using nt::ui::MainWindow;
using nt::ui::NodeChartModel;
using nt::ui::OverviewModel;

namespace {
constexpr int loadTimeoutMs = 30000;

int rowOf(Metric metric) {
    const auto &specs = NodeChartModel::specs();
    for (int r = 0; r < specs.size(); ++r)
        if (specs[r].metric == metric)
            return r;
    return -1;
}
} // namespace

class TestChartsWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qunsetenv("KUBECONFIG"); }
    void chartsAndOverviewFillWhileSampling();
};

void TestChartsWindow::chartsAndOverviewFillWhileSampling() {
    nt::test::SimProcess sim({QStringLiteral("--scenario"), QStringLiteral("iops-throttled")});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    nt::ui::LaunchOptions options;
    options.kubeconfig = sim.kubeconfig();
    options.samplingIntervalSeconds = 1;
    MainWindow window(options);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy rounds(window.session(), &nt::ui::ClusterSession::samplingRound);
    window.start();

    nt::ui::NodesPage *page = window.nodesPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0, loadTimeoutMs);
    const int nodes = page->model()->rowCount();
    // The first node's charts are on screen from the start; the engine has it in focus.
    nt::ui::NodeChartsPanel *charts = page->chartsPanel();
    QVERIFY(!charts->node().isEmpty());

    // A few rounds, then the charts of the node on screen: every one of the four holds points.
    QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 4, loadTimeoutMs);
    QSignalSpy refreshed(charts, &nt::ui::NodeChartsPanel::refreshed);
    QVERIFY(refreshed.wait());
    for (Metric metric :
         {Metric::CpuPercent, Metric::MemoryPercent, Metric::PidsUsed, Metric::WriteIops}) {
        const int row = rowOf(metric);
        QTRY_VERIFY2_WITH_TIMEOUT(charts->drawnPoints(row) > 0,
                                  qPrintable(NodeChartModel::seriesTitle(row) +
                                             QStringLiteral(" has no points on ") + charts->node()),
                                  loadTimeoutMs);
    }
    for (Metric metric : {Metric::CpuPercent, Metric::MemoryPercent}) {
        const int row = rowOf(metric);
        for (const auto &segment : charts->model()->segments(row))
            for (const QPointF &p : segment)
                QVERIFY2(p.y() >= 0 && p.y() <= 100,
                         qPrintable(QStringLiteral("%1 = %2").arg(NodeChartModel::seriesTitle(row),
                                                                  QString::number(p.y()))));
    }
    // The PID chart has its limit from the kubelet (rlimit maxpid).
    QVERIFY(charts->model()->latest(rowOf(Metric::PidsMax)).value_or(0) > 0);

    // The overview: every node, worst CPU first after a click on the CPU header.
    page->tabs()->setCurrentIndex(1);
    nt::ui::ClusterOverview *overview = page->overview();
    QCOMPARE(overview->model()->rowCount(), nodes);
    QTableView *table = overview->view();
    table->sortByColumn(OverviewModel::NodeColumn, Qt::AscendingOrder);
    QTest::mouseClick(
        table->horizontalHeader()->viewport(), Qt::LeftButton, {},
        QPoint(table->horizontalHeader()->sectionViewportPosition(OverviewModel::CpuColumn) + 5,
               5));
    QTRY_VERIFY_WITH_TIMEOUT(overview->model()->value(0, OverviewModel::CpuColumn).has_value(),
                             loadTimeoutMs);
    overview->refreshNow();
    const QAbstractItemModel *sorted = table->model();
    QCOMPARE(sorted->rowCount(), nodes);
    if (table->horizontalHeader()->sortIndicatorOrder() != Qt::DescendingOrder)
        table->sortByColumn(OverviewModel::CpuColumn, Qt::DescendingOrder);
    double previous = 101;
    for (int r = 0; r < nodes; ++r) {
        const QVariant v = sorted->index(r, OverviewModel::CpuColumn).data(OverviewModel::SortRole);
        if (!v.isValid())
            continue; // absent values come last
        QVERIFY2(v.toDouble() <= previous, qPrintable(QStringLiteral("row %1").arg(r)));
        previous = v.toDouble();
    }

    // Enter on the worst node opens its charts.
    table->setFocus();
    table->setCurrentIndex(sorted->index(0, OverviewModel::NodeColumn));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(charts->node(), sorted->index(0, OverviewModel::NodeColumn).data().toString());

    // The status line: what is sampled, how often, and the last round's time.
    const QString status = window.samplingLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("sampling %1 nodes every 1 s").arg(nodes)),
             qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("last round")), qPrintable(status));
}

QTEST_MAIN(TestChartsWindow)
#include "tst_chartswindow.moc"
