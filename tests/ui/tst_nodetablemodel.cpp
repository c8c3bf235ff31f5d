// The step-1 node table: rows built from node JSON, the model under QAbstractItemModelTester,
// refreshes applied as small diffs, and sorting/filtering through the proxy.
#include "durationformat.h"
#include "nodefilterproxy.h"
#include "nodetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <nlohmann/json.hpp>

using nt::ui::NodeFilterProxy;
using nt::ui::NodeRow;
using nt::ui::NodeRowBuilder;
using nt::ui::NodeTableModel;
using nt::ui::StepStatus;
using json = nlohmann::json;

namespace {
const QDateTime now = QDateTime(QDate(2026, 11, 28), QTime(6, 0), Qt::UTC);

std::string iso(qint64 secondsAgo)
{
    return now.addSecs(-secondsAgo).toString(Qt::ISODate).toStdString();
}

struct NodeSpec {
    const char *name;
    const char *pool = "nodepool1";
    const char *ready = "True";
    const char *memory = "False";
    const char *disk = "False";
    const char *pid = "False";
    const char *network = "False";
    std::vector<const char *> taints = {};
    bool unschedulable = false;
    qint64 heartbeatAgo = 10;
};

json nodeJson(const NodeSpec &s)
{
    json conditions = json::array();
    auto add = [&](const char *type, const char *status, const char *reason) {
        conditions.push_back({{"type", type}, {"status", status}, {"reason", reason},
                              {"message", std::string(type) + " is " + status},
                              {"lastHeartbeatTime", iso(s.heartbeatAgo)},
                              {"lastTransitionTime", iso(3600)}});
    };
    add("MemoryPressure", s.memory, "KubeletHasSufficientMemory");
    add("DiskPressure", s.disk, "KubeletHasNoDiskPressure");
    add("PIDPressure", s.pid, "KubeletHasSufficientPID");
    add("NetworkUnavailable", s.network, "RouteCreated");
    add("Ready", s.ready, "KubeletReady");
    json taints = json::array();
    for (const char *key : s.taints)
        taints.push_back({{"key", key}, {"effect", "NoSchedule"}});
    return {{"apiVersion", "v1"},
            {"kind", "Node"},
            {"metadata",
             {{"name", s.name},
              {"creationTimestamp", iso(3 * 86400 + 4 * 3600)},
              {"labels",
               {{"kubernetes.azure.com/agentpool", s.pool},
                {"node.kubernetes.io/instance-type", "Standard_D4s_v5"}}}}},
            {"spec", {{"unschedulable", s.unschedulable}, {"taints", taints}}},
            {"status",
             {{"conditions", conditions},
              {"nodeInfo", {{"kubeletVersion", "v1.30.4"}, {"osImage", "Ubuntu 22.04.5 LTS"}}}}}};
}

NodeRow row(const NodeSpec &s) { return NodeRowBuilder::build(nt::Node::fromJson(nodeJson(s)), nullptr, now); }

QList<NodeRow> cluster()
{
    return {row({"aks-nodepool1-0"}), row({"aks-nodepool1-1", "nodepool1", "Unknown", "Unknown",
                                           "Unknown", "Unknown", "False",
                                           {"node.kubernetes.io/unreachable"}, false, 900}),
            row({"aks-nodepool1-2", "nodepool1", "True", "True"}),
            row({"aks-user-0", "user"}),
            row({"aks-user-1", "user", "False", "False", "False", "False", "False",
                 {"node.kubernetes.io/not-ready"}, true})};
}

QString cell(const QAbstractItemModel &m, int r, int c, int role = Qt::DisplayRole)
{
    return m.data(m.index(r, c), role).toString();
}
} // namespace

class TestNodeTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowFromJson_data();
    void rowFromJson();
    void leaseHeartbeat();
    void modelTester();
    void refreshIsADiff();
    void fiveThousandNodes();
    void sortAndFilter();
    void ages_data();
    void ages();
};

void TestNodeTableModel::rowFromJson_data()
{
    QTest::addColumn<QString>("ready");
    QTest::addColumn<int>("health");
    QTest::addColumn<QString>("taints");
    QTest::addColumn<QString>("memory");
    QTest::addColumn<bool>("readyProblemBold");

    const auto p = [](StepStatus s) { return int(s); };
    QTest::addRow("healthy") << "Ready" << p(StepStatus::Pass) << "" << "False" << false;
    QTest::addRow("unknown-unreachable") << "Unknown" << p(StepStatus::Fail) << "unreachable"
                                          << "Unknown" << true;
    QTest::addRow("memory-pressure") << "Ready" << p(StepStatus::Warn) << "" << "True" << false;
    QTest::addRow("notready-cordoned") << "NotReady" << p(StepStatus::Fail)
                                        << "not-ready, cordoned" << "False" << true;
}

void TestNodeTableModel::rowFromJson()
{
    QFETCH(QString, ready);
    QFETCH(int, health);
    QFETCH(QString, taints);
    QFETCH(QString, memory);
    QFETCH(bool, readyProblemBold);

    const QList<NodeRow> all = cluster();
    const QMap<QString, int> index{{QStringLiteral("healthy"), 0},
                                   {QStringLiteral("unknown-unreachable"), 1},
                                   {QStringLiteral("memory-pressure"), 2},
                                   {QStringLiteral("notready-cordoned"), 4}};
    NodeTableModel model;
    model.setRows({all.at(index.value(QString::fromUtf8(QTest::currentDataTag())))}, now);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, NodeTableModel::ReadyColumn), ready);
    QCOMPARE(model.data(model.index(0, 0), NodeTableModel::HealthRole).toInt(), health);
    QCOMPARE(cell(model, 0, NodeTableModel::TaintsColumn), taints);
    QCOMPARE(cell(model, 0, NodeTableModel::MemoryPressureColumn), memory);
    QCOMPARE(cell(model, 0, NodeTableModel::PoolColumn).isEmpty(), false);
    QCOMPARE(cell(model, 0, NodeTableModel::KubeletColumn), QStringLiteral("v1.30.4"));
    QCOMPARE(cell(model, 0, NodeTableModel::InstanceTypeColumn), QStringLiteral("D4s_v5"));
    QCOMPARE(cell(model, 0, NodeTableModel::InstanceTypeColumn, Qt::ToolTipRole),
             QStringLiteral("Standard_D4s_v5"));
    QCOMPARE(cell(model, 0, NodeTableModel::AgeColumn), QStringLiteral("3 d 4 h"));
    const QFont font = model.data(model.index(0, NodeTableModel::ReadyColumn), Qt::FontRole).value<QFont>();
    QCOMPARE(font.bold(), readyProblemBold);
    // Problem rows are tinted and explain themselves in the name's tooltip.
    const bool problem = health != int(StepStatus::Pass);
    QCOMPARE(model.data(model.index(0, 1), Qt::BackgroundRole).isValid(), problem);
    QVERIFY(!cell(model, 0, NodeTableModel::NameColumn, Qt::ToolTipRole).isEmpty());
    QVERIFY(cell(model, 0, NodeTableModel::ReadyColumn, Qt::ToolTipRole).contains(QStringLiteral("Ready is")));
}

void TestNodeTableModel::leaseHeartbeat()
{
    const json node = nodeJson({"aks-nodepool1-0", "nodepool1", "True", "False", "False", "False",
                                "False", {}, false, 600});
    const nt::Lease lease = nt::Lease::fromJson(
        {{"metadata", {{"name", "aks-nodepool1-0"}, {"namespace", "kube-node-lease"}}},
         {"spec", {{"holderIdentity", "aks-nodepool1-0"}, {"renewTime", iso(30)},
                   {"leaseDurationSeconds", 40}}}});
    NodeTableModel model;
    model.setRows({NodeRowBuilder::build(nt::Node::fromJson(node), &lease, now)}, now);
    QCOMPARE(cell(model, 0, NodeTableModel::HeartbeatColumn), QStringLiteral("30 s"));
    QVERIFY(cell(model, 0, NodeTableModel::HeartbeatColumn, Qt::ToolTipRole).contains(QStringLiteral("Lease")));
    QCOMPARE(model.data(model.index(0, 0), NodeTableModel::HealthRole).toInt(), int(StepStatus::Pass));

    // Without the lease the Ready heartbeat is used, and ten minutes of silence while Ready warns.
    model.setRows({NodeRowBuilder::build(nt::Node::fromJson(node), nullptr, now)}, now);
    QCOMPARE(cell(model, 0, NodeTableModel::HeartbeatColumn), QStringLiteral("10 min"));
    QCOMPARE(model.data(model.index(0, 0), NodeTableModel::HealthRole).toInt(), int(StepStatus::Warn));
}

void TestNodeTableModel::modelTester()
{
    NodeTableModel model;
    NodeFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(NodeTableModel::ReadyColumn, Qt::DescendingOrder);

    QList<NodeRow> rows = cluster();
    model.setRows(rows, now);
    QCOMPARE(model.rowCount(), 5);
    // A node goes, another arrives, one changes: the diff path.
    rows.removeAt(2);
    rows.append(row({"aks-nodepool1-3"}));
    rows[0] = row({"aks-nodepool1-0", "nodepool1", "False"});
    model.setRows(rows, now.addSecs(60));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(cell(model, 0, NodeTableModel::ReadyColumn), QStringLiteral("NotReady"));
    proxy.setText(QStringLiteral("user"));
    model.setRows(cluster(), now.addSecs(120));
    proxy.setText({});
    model.setNow(now.addSecs(180));
    model.setRows({}, now);
    QCOMPARE(model.rowCount(), 0);
}

void TestNodeTableModel::refreshIsADiff()
{
    NodeTableModel model;
    model.setRows(cluster(), now);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setRows(cluster(), now.addSecs(5));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);

    QList<NodeRow> rows = cluster();
    rows.removeAt(3);
    rows.append(row({"aks-nodepool1-10"}));
    model.setRows(rows, now.addSecs(10));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 2);
    // Rows stay ordered by name, so the new node sits after aks-nodepool1-1.
    QCOMPARE(cell(model, 2, NodeTableModel::NameColumn), QStringLiteral("aks-nodepool1-10"));
}

void TestNodeTableModel::fiveThousandNodes()
{
    QList<NodeRow> rows;
    for (int i = 0; i < 5000; ++i) {
        const std::string name = QStringLiteral("aks-pool%1-vmss%2")
                                     .arg(i % 5)
                                     .arg(i, 6, 10, QLatin1Char('0'))
                                     .toStdString();
        const std::string pool = "pool" + std::to_string(i % 5);
        rows.append(row({name.c_str(), pool.c_str()}));
    }
    NodeTableModel model;
    NodeFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::NameColumn);
    model.setRows(rows, now);
    QCOMPARE(proxy.rowCount(), 5000);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    rows.removeAt(1234);
    QElapsedTimer timer;
    timer.start();
    model.setRows(rows, now.addSecs(5));
    qInfo("refresh of 5,000 rows with one node gone: %lld ms", timer.elapsed());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1); // one signal for every row, not one per row
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(proxy.rowCount(), 4999);

    proxy.setText(QStringLiteral("pool3"));
    QCOMPARE(proxy.rowCount(), 1000);
    proxy.setText({});
    proxy.setPool(QStringLiteral("pool4")); // the pool of the node that went
    QCOMPARE(proxy.rowCount(), 999);
}

void TestNodeTableModel::sortAndFilter()
{
    NodeTableModel model;
    NodeFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.setRows(cluster(), now);

    // Worst Ready first: Unknown, then NotReady.
    proxy.sort(NodeTableModel::ReadyColumn, Qt::DescendingOrder);
    QCOMPARE(cell(proxy, 0, NodeTableModel::NameColumn), QStringLiteral("aks-nodepool1-1"));
    QCOMPARE(cell(proxy, 1, NodeTableModel::NameColumn), QStringLiteral("aks-user-1"));

    // Heartbeat ages sort as numbers, not as text ("15 min" after "10 s").
    proxy.sort(NodeTableModel::HeartbeatColumn, Qt::DescendingOrder);
    QCOMPARE(cell(proxy, 0, NodeTableModel::NameColumn), QStringLiteral("aks-nodepool1-1"));

    // Pool column + stable sort = grouped by pool, names in order inside a pool.
    proxy.sort(NodeTableModel::PoolColumn, Qt::AscendingOrder);
    QCOMPARE(cell(proxy, 0, NodeTableModel::NameColumn), QStringLiteral("aks-nodepool1-0"));
    QCOMPARE(cell(proxy, 3, NodeTableModel::NameColumn), QStringLiteral("aks-user-0"));

    proxy.setText(QStringLiteral("UNREACHABLE"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setText(QStringLiteral("user cordoned"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(cell(proxy, 0, NodeTableModel::NameColumn), QStringLiteral("aks-user-1"));
    proxy.setText({});

    proxy.setPool(QStringLiteral("user"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setProblemsOnly(true);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setPool({});
    QCOMPARE(proxy.rowCount(), 3);
    QCOMPARE(model.overallHealth(), StepStatus::Fail);
    QCOMPARE(model.pools(), (QStringList{QStringLiteral("nodepool1"), QStringLiteral("user")}));
}

void TestNodeTableModel::ages_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::addRow("now") << qint64(2) << "just now";
    QTest::addRow("skew") << qint64(-30) << "just now";
    QTest::addRow("seconds") << qint64(42) << "42 s";
    QTest::addRow("minutes") << qint64(600) << "10 min";
    QTest::addRow("hours") << qint64(3 * 3600 + 120) << "3 h 2 min";
    QTest::addRow("whole hours") << qint64(7200) << "2 h";
    QTest::addRow("days") << qint64(2 * 86400 + 5 * 3600) << "2 d 5 h";
    QTest::addRow("months") << qint64(400 * 86400 + 5 * 3600) << "400 d";
    QTest::addRow("grouped") << qint64(1200 * 86400) << "1,200 d";
}

void TestNodeTableModel::ages()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(nt::ui::DurationFormat::age(seconds, QLocale(QLocale::English, QLocale::UnitedStates)), text);
}

QTEST_MAIN(TestNodeTableModel)
#include "tst_nodetablemodel.moc"
