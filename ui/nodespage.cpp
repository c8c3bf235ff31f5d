#include "nodespage.h"

#include "charts/clusteroverview.h"
#include "charts/nodechartspanel.h"
#include "charts/overviewmodel.h"
#include "nodefilterproxy.h"
#include "nodetablemodel.h"
#include "stepcatalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace nt::ui {

NodesPage::NodesPage(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("stepPage1"));
    m_model = new NodeTableModel(this);
    m_proxy = new NodeFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto *title = new QLabel(tr("1. %1").arg(StepCatalog::step(1).title), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("nodeSummary"));

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("nodeFilter"));
    m_filter->setPlaceholderText(tr("Filter: name, pool, version, taint\u2026"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter nodes"));
    m_pool = new QComboBox(this);
    m_pool->setObjectName(QStringLiteral("poolFilter"));
    m_pool->setAccessibleName(tr("Node pool"));
    m_pool->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pool->addItem(tr("All pools"), QString());
    m_problemsOnly = new QCheckBox(tr("&Problems only"), this);
    m_problemsOnly->setObjectName(QStringLiteral("problemsOnly"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("nodeTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(NodeTableModel::PoolColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // node names differ at their ends
    m_view->setAccessibleName(tr("Nodes"));
    m_view->verticalHeader()->hide();
    // Fixed row heights and a bounded contents precision keep 5,000 rows cheap to lay out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setResizeContentsPrecision(200);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);

    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(12);
    header->addWidget(m_summary, 1);

    // Table and overview as tabs (Alt+N / Alt+V), the selected node's charts below them: the
    // charts stay in sight whichever list the node was picked from.
    auto *nodesTab = new QWidget(this);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 2);
    filters->addWidget(m_pool);
    filters->addWidget(m_problemsOnly);
    auto *nodesLayout = new QVBoxLayout(nodesTab);
    nodesLayout->setContentsMargins(0, 4, 0, 0);
    nodesLayout->addLayout(filters);
    nodesLayout->addWidget(m_view, 1);
    m_overview = new ClusterOverview(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("nodeTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(nodesTab, tr("&Nodes"));
    m_tabs->addTab(m_overview, tr("O&verview (worst first)"));
    m_charts = new NodeChartsPanel(this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("nodeSplitter"));
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_charts);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(header);
    layout->addWidget(m_splitter, 1);

    // The node table's context menu; "Show charts" is also Enter on a row.
    m_nodeMenu = new QMenu(this);
    m_nodeMenu->setObjectName(QStringLiteral("nodeContextMenu"));
    auto *showCharts = m_nodeMenu->addAction(tr("Show &charts"));
    showCharts->setObjectName(QStringLiteral("showChartsAction"));
    connect(showCharts, &QAction::triggered, this, [this] { showNodeCharts(m_menuNode); });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        m_menuNode = nodeAt(index);
        // The row clicked becomes the current one, so actions reading the current row (the SSH
        // console's) act on the node the menu was opened on.
        m_view->setCurrentIndex(index);
        m_nodeMenu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showNodeCharts(nodeAt(current));
            });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        showNodeCharts(nodeAt(index));
        m_charts->setFocus(Qt::OtherFocusReason);
    });
    connect(m_overview, &ClusterOverview::nodeActivated, this,
            [this](const QString &node) { showNodeCharts(node); });

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateSummary();
    });
    connect(m_pool, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setPool(m_pool->currentData().toString());
        updateSummary();
    });
    connect(m_problemsOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setProblemsOnly(on);
        updateSummary();
    });

    // Ages keep moving between refreshes; a minute is the resolution that matters here.
    m_ageTimer = new QTimer(this);
    m_ageTimer->setInterval(30000);
    connect(m_ageTimer, &QTimer::timeout, this,
            [this] { m_model->setNow(QDateTime::currentDateTimeUtc()); });
    updateSummary();
}

void NodesPage::setNodes(QList<NodeRow> rows, const QDateTime &now) {
    QList<OverviewModel::NodeEntry> entries;
    entries.reserve(rows.size());
    m_instanceTypes.clear();
    m_diskCaps.clear();
    for (const NodeRow &row : std::as_const(rows)) {
        entries.append({row.name(), row.pool()});
        m_instanceTypes.insert(row.name(), row.node.instanceType());
        // The same effective cap step 6 judges against: the lower of the OS disk tier's and
        // the VM size's uncached limits (app/core/check/disklimits.h).
        QString why;
        if (const std::optional<EffectiveCap> cap = effectiveCap(row.node, &why))
            m_diskCaps.insert(row.name(), cap->limit);
    }
    m_overview->model()->setNodes(entries);
    m_overview->scheduleRefresh();
    m_model->setRows(std::move(rows), now);
    updatePools();
    updateSummary();
    if (!m_columnsSized && m_model->rowCount() > 0) {
        m_view->resizeColumnsToContents();
        // Long generated names must not push the health columns off screen: the name gets
        // what the other columns leave, elided in the middle, but never less than a minimum.
        // (The last column stretches, so its content hint, not its width, is what it needs.)
        const QAbstractItemView *view = m_view;
        QHeaderView *header = m_view->horizontalHeader();
        int others = 0;
        for (int c = 0; c < NodeTableModel::ColumnCount; ++c)
            if (c != NodeTableModel::NameColumn)
                others += qMax(view->sizeHintForColumn(c), header->sectionSizeHint(c));
        const int minimum = m_view->fontMetrics().averageCharWidth() * 20;
        // Leave room for the vertical scroll bar a big cluster brings.
        const int available =
            m_view->viewport()->width() - others -
            m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_view) - 2;
        const int wanted = m_view->columnWidth(NodeTableModel::NameColumn);
        m_view->setColumnWidth(NodeTableModel::NameColumn, qBound(minimum, available, wanted));
        m_columnsSized = true;
    }
    m_ageTimer->start();
    // Charts from the first moment: the table's first node until the user picks another.
    if (m_charts->node().isEmpty() && m_proxy->rowCount() > 0)
        showNodeCharts(nodeAt(m_proxy->index(0, NodeTableModel::NameColumn)));
}

void NodesPage::setNotes(const QStringList &notes) {
    m_summary->setToolTip(notes.join(QLatin1Char('\n')));
}

void NodesPage::clear() {
    m_overview->model()->setNodes({});
    m_instanceTypes.clear();
    m_diskCaps.clear();
    showNodeCharts(QString());
    m_model->setRows({}, {});
    m_ageTimer->stop();
    updatePools();
    updateSummary();
}

void NodesPage::setStore(std::shared_ptr<MetricStore> store, int intervalMs) {
    m_charts->setSampleIntervalMs(intervalMs);
    m_charts->setStore(store);
    m_overview->setStore(std::move(store));
}

void NodesPage::samplingRound() {
    m_charts->scheduleRefresh();
    m_overview->scheduleRefresh();
}

QString NodesPage::nodeAt(const QModelIndex &proxyIndex) const {
    return proxyIndex.siblingAtColumn(NodeTableModel::NameColumn).data().toString();
}

void NodesPage::showNodeCharts(const QString &node) {
    if (node != m_charts->node()) {
        m_charts->setNode(node, m_instanceTypes.value(node),
                          m_diskCaps.contains(node) ? std::optional<IoLimit>(m_diskCaps.value(node))
                                                    : std::nullopt);
        Q_EMIT chartNodeChanged(node);
    }
    // Keep the table's selection on the node whose charts are shown, when the table has it.
    for (int r = 0; !node.isEmpty() && r < m_proxy->rowCount(); ++r) {
        const QModelIndex index = m_proxy->index(r, NodeTableModel::NameColumn);
        if (index.data().toString() != node)
            continue;
        if (m_view->currentIndex().row() != r)
            m_view->setCurrentIndex(index);
        break;
    }
}

void NodesPage::updatePools() {
    const QString selected = m_pool->currentData().toString();
    const QStringList pools = m_model->pools();
    QStringList shown;
    for (int i = 1; i < m_pool->count(); ++i)
        shown << m_pool->itemData(i).toString();
    if (shown == pools)
        return;
    const QSignalBlocker blocker(m_pool);
    while (m_pool->count() > 1)
        m_pool->removeItem(1);
    for (const QString &pool : pools)
        m_pool->addItem(pool.isEmpty() ? tr("(no pool label)") : pool, pool);
    const int index = m_pool->findData(selected);
    m_pool->setCurrentIndex(index < 0 ? 0 : index);
    m_proxy->setPool(m_pool->currentData().toString());
}

void NodesPage::updateSummary() {
    const int total = m_model->rowCount();
    const int failing = m_model->count(StepStatus::Fail);
    const int warning = m_model->count(StepStatus::Warn);
    // Counts as "label: number" so English needs no plural forms before translations exist.
    QString text = tr("No nodes loaded yet.");
    if (total > 0)
        text = tr("Nodes: %1 \u00b7 failing: %2 \u00b7 with warnings: %3")
                   .arg(QLocale().toString(total), QLocale().toString(failing),
                        QLocale().toString(warning));
    if (m_proxy->rowCount() != total)
        text += tr(" \u00b7 shown: %1").arg(QLocale().toString(m_proxy->rowCount()));
    m_summary->setText(text);
}

} // namespace nt::ui
