#pragma once
// Step 1's page: the node table with its filter box, pool filter and "problems only" switch,
// and a one-line summary of what the table holds; beside the table the cluster overview (worst
// nodes first) as a second tab, and below both the live charts of the selected node.
#include "check/disklimits.h"
#include "noderow.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace nt {
class MetricStore;
}

namespace nt::ui {

class ClusterOverview;
class NodeChartsPanel;
class NodeFilterProxy;
class NodeTableModel;

class NodesPage : public QWidget {
    Q_OBJECT
public:
    explicit NodesPage(QWidget *parent = nullptr);

    void setNodes(QList<NodeRow> rows, const QDateTime &now);
    // What the step-1 judge could not judge and why, shown as the summary's tooltip.
    void setNotes(const QStringList &notes);
    NodeTableModel *model() const { return m_model; }
    NodeFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    // Drops the rows (a different cluster is being shown).
    void clear();

    // The store the charts and the overview read (null: nothing sampled).
    void setStore(std::shared_ptr<MetricStore> store, int intervalMs);
    // A sampling round finished: charts and overview redraw, at most once per frame.
    void samplingRound();
    // Opens `node`'s charts (selecting it in the table when it is there).
    void showNodeCharts(const QString &node);
    NodeChartsPanel *chartsPanel() const { return m_charts; }
    ClusterOverview *overview() const { return m_overview; }
    QTabWidget *tabs() const { return m_tabs; }
    // The node table's context menu: "Show charts" first; other features append their actions
    // and read contextMenuNode() when triggered.
    QMenu *nodeContextMenu() const { return m_nodeMenu; }
    QString contextMenuNode() const { return m_menuNode; }

Q_SIGNALS:
    // The node whose charts are on screen changed (empty: none).
    void chartNodeChanged(const QString &node);

private:
    void updatePools();
    void updateSummary();
    QString nodeAt(const QModelIndex &proxyIndex) const;

    NodeTableModel *m_model = nullptr;
    NodeFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_pool = nullptr;
    QCheckBox *m_problemsOnly = nullptr;
    QLabel *m_summary = nullptr;
    QTimer *m_ageTimer = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_splitter = nullptr;
    ClusterOverview *m_overview = nullptr;
    NodeChartsPanel *m_charts = nullptr;
    QMenu *m_nodeMenu = nullptr;
    QString m_menuNode;
    QHash<QString, QString> m_instanceTypes; // node -> VM size, for the disk chart's title
    // node -> the OS disk's effective I/O cap (lower of disk tier and VM), when it can be told
    QHash<QString, IoLimit> m_diskCaps;
    bool m_columnsSized = false;
};

} // namespace nt::ui
