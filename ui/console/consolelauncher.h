#pragma once
// "Open SSH console" on the node table: an action (the table's context menu, Ctrl+Shift+S) that
// opens an SSH console window for the node under the cursor or selected, filled in with its
// InternalIP, the configured SSH user, key and jump host (Settings) and the API server's FQDN.
// Nothing connects until the user presses Connect.
#include "console/sshconsolewindow.h"

#include <functional>
#include <QObject>
#include <QPoint>

class QAction;

namespace nt {
struct SshDefaults;
} // namespace nt

namespace nt::ui {

class NodesPage;
struct NodeRow;

class SshConsoleLauncher : public QObject {
    Q_OBJECT
public:
    // `apiServerUrl` gives the current cluster's server URL (https://FQDN[:port]).
    SshConsoleLauncher(NodesPage *page, std::function<QString()> apiServerUrl, QObject *parent);

    QAction *action() const { return m_action; }
    // Opens (or raises) the console for the node; nullptr when the node is not in the table.
    SshConsoleWindow *openFor(const QString &nodeName);

    static ConsoleTarget targetFor(const NodeRow &row, const SshDefaults &defaults,
                                   const QString &apiServerUrl);

private:
    QString nodeAt(QPoint globalPos) const;
    QString selectedNode() const;

    NodesPage *m_page;
    std::function<QString()> m_apiServerUrl;
    QAction *m_action;
    QPoint m_menuPos;
    bool m_fromMenu = false;
};

} // namespace nt::ui
