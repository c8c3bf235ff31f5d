// The cluster overview: the model under QAbstractItemModelTester, worst-first sorting with
// absent values last, refreshes as dataChanged over runs of changed rows (5,000 nodes),
// sparklines painted for visible rows only, and Enter / double-click opening a node.
#include "charts/clusteroverview.h"
#include "charts/overviewmodel.h"
#include "charts/overviewproxy.h"
#include "charts/sparklinedelegate.h"
#include "metrics/metricstore.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using nt::Metric;
using nt::MetricStore;
using nt::StoreSample;
using nt::ui::ClusterOverview;
using nt::ui::OverviewModel;
using nt::ui::OverviewProxy;

namespace {
constexpr qint64 second = 1000;

QList<OverviewModel::NodeEntry> entries(int count) {
    QList<OverviewModel::NodeEntry> list;
    for (int i = 0; i < count; ++i)
        list.append({QStringLiteral("aks-pool%1-%2").arg(i % 3).arg(i, 5, 10, QLatin1Char('0')),
                     QStringLiteral("pool%1").arg(i % 3)});
    return list;
}

void put(MetricStore &store, const QString &node, Metric metric, qint64 t, double value) {
    const StoreSample sample{store.addNode(node), metric, t, value};
    store.ingest(std::span(&sample, 1));
}

QStringList namesInOrder(const QAbstractItemModel *model) {
    QStringList names;
    for (int r = 0; r < model->rowCount(); ++r)
        names << model->index(r, OverviewModel::NodeColumn).data().toString();
    return names;
}
} // namespace

class TestOverview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelUnderTester();
    void worstFirstAbsentLast();
    void refreshReportsChangedRuns();
    void staleValuesAreAbsent();
    void sparklinesOnlyForVisibleRows();
    void enterOpensNode();
};

void TestOverview::modelUnderTester() {
    OverviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OverviewProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(OverviewModel::CpuColumn, Qt::DescendingOrder);
    auto store = std::make_shared<MetricStore>();
    model.setStore(store);
    model.setNodes(entries(20));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 20; i += 2)
        put(*store, model.nodeName(i), Metric::CpuPercent, now, i * 4.5);
    model.refresh(now);
    model.setNodes(entries(12)); // nodes left
    model.refresh(now);
    model.setNodes(entries(25)); // nodes joined
    model.refresh(now);
    QCOMPARE(model.rowCount(), 25);
    QCOMPARE(model.columnCount(), int(OverviewModel::ColumnCount));
}

void TestOverview::worstFirstAbsentLast() {
    OverviewModel model;
    OverviewProxy proxy;
    proxy.setSourceModel(&model);
    auto store = std::make_shared<MetricStore>();
    model.setStore(store);
    model.setNodes({{QStringLiteral("b"), QStringLiteral("p")},
                    {QStringLiteral("a"), QStringLiteral("p")},
                    {QStringLiteral("c"), QStringLiteral("p")},
                    {QStringLiteral("d"), QStringLiteral("p")}});
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    put(*store, QStringLiteral("a"), Metric::CpuPercent, now, 20);
    put(*store, QStringLiteral("b"), Metric::CpuPercent, now, 95);
    put(*store, QStringLiteral("c"), Metric::CpuPercent, now, 20);
    put(*store, QStringLiteral("a"), Metric::ReadIops, now, 100);
    put(*store, QStringLiteral("a"), Metric::WriteIops, now, 250);
    model.refresh(now);

    proxy.sort(OverviewModel::CpuColumn, Qt::DescendingOrder);
    QCOMPARE(namesInOrder(&proxy), (QStringList{QStringLiteral("b"), QStringLiteral("a"),
                                                QStringLiteral("c"), QStringLiteral("d")}));
    proxy.sort(OverviewModel::CpuColumn, Qt::AscendingOrder);
    QCOMPARE(namesInOrder(&proxy), (QStringList{QStringLiteral("a"), QStringLiteral("c"),
                                                QStringLiteral("b"), QStringLiteral("d")}));
    // IOPS is read plus write; "d" reported nothing, which shows as a dash and sorts last.
    QCOMPARE(model.index(1, OverviewModel::IopsColumn).data().toString(), QStringLiteral("350"));
    QCOMPARE(model.index(3, OverviewModel::CpuColumn).data().toString(), QStringLiteral("\u2013"));
    QCOMPARE(model.index(0, OverviewModel::CpuColumn).data().toString(), QStringLiteral("95.0"));

    // A value that changes re-ranks the node in the sorted view.
    proxy.sort(OverviewModel::CpuColumn, Qt::DescendingOrder);
    put(*store, QStringLiteral("c"), Metric::CpuPercent, now + 5 * second, 99);
    model.refresh(now + 5 * second);
    QCOMPARE(namesInOrder(&proxy).first(), QStringLiteral("c"));
}

void TestOverview::refreshReportsChangedRuns() {
    OverviewModel model;
    auto store = std::make_shared<MetricStore>();
    model.setStore(store);
    const int nodes = 5000;
    model.setNodes(entries(nodes));
    QCOMPARE(model.rowCount(), nodes);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<StoreSample> batch;
    for (int i = 0; i < nodes; ++i) {
        const nt::NodeId id = store->addNode(model.nodeName(i));
        batch.push_back({id, Metric::CpuPercent, now, double(i % 100)});
        batch.push_back({id, Metric::MemoryPercent, now, 50});
    }
    store->ingest(batch);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(model.refresh(now), nodes);
    qInfo("refresh of %d nodes: %lld ms", nodes, timer.elapsed());
    // Every row changed: one range over all of them, no reset.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].toModelIndex().row(), 0);
    QCOMPARE(changed[0][1].toModelIndex().row(), nodes - 1);
    QCOMPARE(reset.size(), 0);

    // Two runs change: rows 10-19 and 4000: two ranges, exactly those.
    changed.clear();
    batch.clear();
    for (int i : {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 4000})
        batch.push_back(
            {*store->findNode(model.nodeName(i)), Metric::CpuPercent, now + second, 100});
    store->ingest(batch);
    QCOMPARE(model.refresh(now + second), 11);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed[0][0].toModelIndex().row(), 10);
    QCOMPARE(changed[0][1].toModelIndex().row(), 19);
    QCOMPARE(changed[1][0].toModelIndex().row(), 4000);
    QCOMPARE(changed[1][1].toModelIndex().row(), 4000);

    // Nothing new: nothing emitted.
    changed.clear();
    QCOMPARE(model.refresh(now + second), 0);
    QCOMPARE(changed.size(), 0);
}

void TestOverview::staleValuesAreAbsent() {
    OverviewModel model;
    auto store = std::make_shared<MetricStore>();
    model.setStore(store);
    model.setNodes({{QStringLiteral("gone-quiet"), QString()}});
    const qint64 then = QDateTime::currentMSecsSinceEpoch() - 600 * second;
    put(*store, QStringLiteral("gone-quiet"), Metric::CpuPercent, then, 42);
    model.setStaleAfterMs(300 * second);
    model.refresh(then + 60 * second);
    QCOMPARE(model.value(0, OverviewModel::CpuColumn).value(), 42.0);
    model.refresh(then + 301 * second);
    QVERIFY(!model.value(0, OverviewModel::CpuColumn).has_value());
    QVERIFY(model.index(0, OverviewModel::CpuColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("did not report")));
}

void TestOverview::sparklinesOnlyForVisibleRows() {
    ClusterOverview overview;
    overview.resize(1100, 500);
    auto store = std::make_shared<MetricStore>();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    overview.setClock([now] { return now; });
    overview.setStore(store);
    const int nodes = 5000;
    overview.model()->setNodes(entries(nodes));
    std::vector<StoreSample> batch;
    for (int i = 0; i < nodes; ++i) {
        const nt::NodeId id = store->addNode(overview.model()->nodeName(i));
        for (qint64 t = now - 900 * second; t <= now; t += 30 * second)
            batch.push_back({id, Metric::CpuPercent, t, double((i + t / 1000) % 100)});
    }
    store->ingest(batch);
    overview.refreshNow();
    overview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overview));
    const quint64 before = overview.delegate()->sparklinesPainted();
    overview.view()->viewport()->repaint();
    const quint64 painted = overview.delegate()->sparklinesPainted() - before;
    const QTableView *view = overview.view();
    const int visibleRows =
        view->viewport()->height() / view->verticalHeader()->defaultSectionSize() + 2;
    QVERIFY2(painted > 0, "the visible CPU cells paint sparklines");
    QVERIFY2(
        painted <= quint64(visibleRows * OverviewModel::ValueCount),
        qPrintable(
            QStringLiteral("%1 sparklines for %2 visible rows").arg(painted).arg(visibleRows)));
    // Worst first: the top row has the highest CPU of all 5,000.
    const double top =
        view->model()->index(0, OverviewModel::CpuColumn).data(OverviewModel::SortRole).toDouble();
    for (int r = 0; r < nodes; r += 97)
        QVERIFY(overview.model()->value(r, OverviewModel::CpuColumn).value() <= top);
}

void TestOverview::enterOpensNode() {
    ClusterOverview overview;
    auto store = std::make_shared<MetricStore>();
    overview.setStore(store);
    overview.model()->setNodes(entries(5));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    overview.setClock([now] { return now; });
    put(*store, overview.model()->nodeName(3), Metric::CpuPercent, now, 88);
    overview.refreshNow();
    overview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overview));
    QSignalSpy opened(&overview, &ClusterOverview::nodeActivated);
    QTableView *view = overview.view();
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, OverviewModel::NodeColumn));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened[0][0].toString(), overview.model()->nodeName(3)); // the worst is on top
    const QRect cell = view->visualRect(view->model()->index(1, OverviewModel::NodeColumn));
    // A double-click is a press and release followed by a second press that is the double-click.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(opened.size() >= 2);
    QCOMPARE(opened.last()[0].toString(),
             view->model()->index(1, OverviewModel::NodeColumn).data().toString());
}

QTEST_MAIN(TestOverview)
#include "tst_overview.moc"
