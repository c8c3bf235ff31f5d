// The verb/resource/namespace a failed request is reported with: what RBAC would call it.
#include "kube/kubeclient.h"

#include <QTest>

class TestDescribeRequest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void describe_data() {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::addRow("list nodes")
            << QByteArray("GET") << QStringLiteral("/api/v1/nodes") << QStringLiteral("list nodes");
        QTest::addRow("get node") << QByteArray("GET") << QStringLiteral("/api/v1/nodes/aks-np-0")
                                  << QStringLiteral("get nodes aks-np-0");
        QTest::addRow("list pods ns")
            << QByteArray("GET") << QStringLiteral("/api/v1/namespaces/kube-system/pods")
            << QStringLiteral("list pods in namespace kube-system");
        QTest::addRow("pod log") << QByteArray("GET")
                                 << QStringLiteral("/api/v1/namespaces/kube-system/pods/k-1/log")
                                 << QStringLiteral("get pods/log k-1 in namespace kube-system");
        QTest::addRow("node proxy")
            << QByteArray("GET") << QStringLiteral("/api/v1/nodes/n1/proxy/stats/summary")
            << QStringLiteral("get nodes/proxy n1");
        QTest::addRow("patch deploy")
            << QByteArray("PATCH")
            << QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments/konnectivity-agent")
            << QStringLiteral("patch deployments.apps konnectivity-agent in namespace kube-system");
        QTest::addRow("create pod")
            << QByteArray("POST") << QStringLiteral("/api/v1/namespaces/default/pods")
            << QStringLiteral("create pods in namespace default");
        QTest::addRow("delete pod")
            << QByteArray("DELETE") << QStringLiteral("/api/v1/namespaces/default/pods/p")
            << QStringLiteral("delete pods p in namespace default");
        QTest::addRow("leases")
            << QByteArray("GET")
            << QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases")
            << QStringLiteral("list leases.coordination.k8s.io in namespace kube-node-lease");
        QTest::addRow("version") << QByteArray("GET") << QStringLiteral("/version")
                                 << QStringLiteral("get /version");
        QTest::addRow("watch") << QByteArray("GET") << QStringLiteral("/api/v1/pods?watch=true")
                               << QStringLiteral("watch pods");
    }
    void describe() {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QCOMPARE(nt::describeRequest(verb, path).describe(), expected);
    }
};

QTEST_GUILESS_MAIN(TestDescribeRequest)
#include "tst_describerequest.moc"
