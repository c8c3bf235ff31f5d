// "Open SSH console" from the node table: the action opens a console window filled in with the
// node's InternalIP, the configured SSH user, key and jump host, and the API server's FQDN.
#include "console/consolelauncher.h"
#include "console/sshconsolewindow.h"
#include "nodefilterproxy.h"
#include "nodespage.h"
#include "nodetablemodel.h"
#include "util/settings.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;
using namespace nt::ui;

class TstConsoleLauncher : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_config;

    static NodeRow row(const QString &name, const QString &internalIp) {
        Node node;
        node.meta.name = name;
        if (!internalIp.isEmpty())
            node.addresses = {{QStringLiteral("Hostname"), name},
                              {QStringLiteral("InternalIP"), internalIp}};
        return NodeRowBuilder::build(node, nullptr, QDateTime::currentDateTimeUtc());
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        Settings settings;
        SshDefaults defaults;
        defaults.user = QStringLiteral("azureuser");
        defaults.jumpHost = QStringLiteral("azureuser@jump.example.com:2222");
        defaults.keyFile = QStringLiteral("/home/me/.ssh/aks_id");
        settings.setSshDefaults(defaults);
    }

    void actionOpensFilledInConsole() {
        NodesPage page;
        page.setNodes(
            {row(QStringLiteral("aks-nodepool1-12345678-vmss000000"), QStringLiteral("10.224.0.4")),
             row(QStringLiteral("aks-nodepool1-12345678-vmss000001"),
                 QStringLiteral("10.224.0.5"))},
            QDateTime::currentDateTimeUtc());
        page.show();
        SshConsoleLauncher launcher(
            &page, [] { return QStringLiteral("https://myaks-dns-1a2b.hcp.eastus.azmk8s.io:443"); },
            nullptr);
        QCOMPARE(launcher.action()->text(), QStringLiteral("Open SSH console"));
        QVERIFY(page.view()->actions().contains(launcher.action()));
        page.view()->setCurrentIndex(page.proxy()->index(1, 0));
        launcher.action()->trigger();

        SshConsoleWindow *window = nullptr;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *c = qobject_cast<SshConsoleWindow *>(w))
                window = c;
        }
        QVERIFY(window);
        QVERIFY(window->isVisible());
        QCOMPARE(window->findChild<QLineEdit *>(QStringLiteral("host"))->text(),
                 QStringLiteral("10.224.0.5"));
        QCOMPARE(window->findChild<QLineEdit *>(QStringLiteral("user"))->text(),
                 QStringLiteral("azureuser"));
        QCOMPARE(window->findChild<QLineEdit *>(QStringLiteral("jump"))->text(),
                 QStringLiteral("azureuser@jump.example.com:2222"));
        QCOMPARE(window->findChild<QLineEdit *>(QStringLiteral("key"))->text(),
                 QStringLiteral("/home/me/.ssh/aks_id"));
        QCOMPARE(window->findChild<QLineEdit *>(QStringLiteral("apiServerFqdn"))->text(),
                 QStringLiteral("myaks-dns-1a2b.hcp.eastus.azmk8s.io"));
        QCOMPARE(window->windowTitle(),
                 QStringLiteral("SSH console - aks-nodepool1-12345678-vmss000001"));
        QVERIFY(!window->isConnected()); // nothing connects before the user says so
        // The same node again raises the same window.
        QCOMPARE(launcher.openFor(QStringLiteral("aks-nodepool1-12345678-vmss000001")), window);
        QCOMPARE(launcher.openFor(QStringLiteral("not-a-node")), nullptr);
    }

    void appendedToTheTablesOwnMenu() {
        NodesPage page;
        // The node table's context menu (NodesPage names it so other features can add to it).
        QMenu *menu = page.findChild<QMenu *>(QStringLiteral("nodeContextMenu"));
        if (!menu) {
            menu = new QMenu(&page);
            menu->setObjectName(QStringLiteral("nodeContextMenu"));
        }
        SshConsoleLauncher launcher(&page, {}, nullptr);
        QVERIFY(menu->actions().contains(launcher.action()));
    }

    void nodeWithoutInternalIpUsesItsName() {
        const ConsoleTarget t =
            SshConsoleLauncher::targetFor(row(QStringLiteral("node-a"), QString()), {}, {});
        QCOMPARE(t.host, QStringLiteral("node-a"));
        QCOMPARE(t.apiServerFqdn, QString());
    }
};

QTEST_MAIN(TstConsoleLauncher)
#include "tst_consolelauncher.moc"
