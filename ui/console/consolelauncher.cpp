#include "console/consolelauncher.h"

#include "nodefilterproxy.h"
#include "nodespage.h"
#include "nodetablemodel.h"
#include "util/settings.h"

#include <QAction>
#include <QApplication>
#include <QCursor>
#include <QMenu>
#include <QTableView>
#include <QUrl>

namespace nt::ui {

SshConsoleLauncher::SshConsoleLauncher(NodesPage *page, std::function<QString()> apiServerUrl,
                                       QObject *parent)
    : QObject(parent)
    , m_page(page)
    , m_apiServerUrl(std::move(apiServerUrl))
    , m_action(new QAction(tr("Open SSH console"), this)) {
    m_action->setObjectName(QStringLiteral("openSshConsole"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_page->view()->addAction(m_action);
    // The node table's own context menu, when it has one, gets the action appended; otherwise
    // the table shows its actions as its context menu.
    if (auto *menu = m_page->findChild<QMenu *>(QStringLiteral("nodeContextMenu"))) {
        menu->addAction(m_action);
        connect(menu, &QMenu::aboutToShow, this, [this] {
            m_menuPos = QCursor::pos();
            m_fromMenu = true;
        });
        connect(menu, &QMenu::aboutToHide, this, [this] {
            // Triggered actions run before aboutToHide's queued follow-up; keep the position
            // for them, then forget it.
            QMetaObject::invokeMethod(
                this, [this] { m_fromMenu = false; }, Qt::QueuedConnection);
        });
    } else if (m_page->view()->contextMenuPolicy() == Qt::DefaultContextMenu) {
        m_page->view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    }
    connect(m_action, &QAction::triggered, this, [this] {
        QString node = m_fromMenu ? nodeAt(m_menuPos) : QString();
        if (node.isEmpty())
            node = selectedNode();
        if (!node.isEmpty())
            openFor(node);
    });
}

QString SshConsoleLauncher::nodeAt(QPoint globalPos) const {
    QTableView *view = m_page->view();
    const QModelIndex index = view->indexAt(view->viewport()->mapFromGlobal(globalPos));
    if (!index.isValid())
        return {};
    const QModelIndex source = m_page->proxy()->mapToSource(index);
    return m_page->model()->nodeRow(source.row()).name();
}

QString SshConsoleLauncher::selectedNode() const {
    const QModelIndex index = m_page->view()->currentIndex();
    if (!index.isValid())
        return {};
    const QModelIndex source = m_page->proxy()->mapToSource(index);
    return m_page->model()->nodeRow(source.row()).name();
}

ConsoleTarget SshConsoleLauncher::targetFor(const NodeRow &row, const SshDefaults &defaults,
                                            const QString &apiServerUrl) {
    ConsoleTarget target;
    target.nodeName = row.name();
    for (const auto &[type, address] : row.node.addresses) {
        if (type == QLatin1String("InternalIP")) {
            target.host = address;
            break;
        }
    }
    if (target.host.isEmpty())
        target.host = row.name(); // an alias ~/.ssh/config may know
    target.user = defaults.user;
    target.identityFile = defaults.keyFile;
    target.jump = defaults.jumpHost;
    target.knownHostsFile = defaults.knownHosts;
    target.apiServerFqdn = QUrl(apiServerUrl).host();
    return target;
}

SshConsoleWindow *SshConsoleLauncher::openFor(const QString &nodeName) {
    const NodeTableModel *model = m_page->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const NodeRow &row = model->nodeRow(r);
        if (row.name() != nodeName)
            continue;
        const QString name = QStringLiteral("sshConsole-") + nodeName;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *existing = qobject_cast<SshConsoleWindow *>(w);
                existing && existing->property("nodeName").toString() == nodeName) {
                existing->raise();
                existing->activateWindow();
                return existing;
            }
        }
        auto *window = new SshConsoleWindow(m_page->window());
        window->setWindowFlag(Qt::Window);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->setProperty("nodeName", nodeName);
        window->setObjectName(name);
        window->setTarget(targetFor(row, Settings().sshDefaults(),
                                    m_apiServerUrl ? m_apiServerUrl() : QString()));
        window->resize(1100, 650);
        window->show();
        return window;
    }
    return nullptr;
}

} // namespace nt::ui
