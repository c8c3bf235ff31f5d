#include "charts/clusteroverview.h"

#include "charts/overviewmodel.h"
#include "charts/overviewproxy.h"
#include "charts/sparklinedelegate.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace nt::ui {

ClusterOverview::ClusterOverview(QWidget *parent)
    : QWidget(parent)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); }) {
    setObjectName(QStringLiteral("clusterOverview"));
    m_model = new OverviewModel(this);
    m_proxy = new OverviewProxy(this);
    m_proxy->setSourceModel(m_model);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("overviewSummary"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("overviewTable"));
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Cluster overview: nodes ranked worst first"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(OverviewModel::CpuColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_delegate = new SparklineDelegate(
        m_model, [this] { return m_now(); }, this);
    for (int c = OverviewModel::FirstValueColumn; c < OverviewModel::ColumnCount; ++c) {
        m_view->setItemDelegateForColumn(c, m_delegate);
        m_view->setColumnWidth(c, m_view->fontMetrics().averageCharWidth() * 20);
    }
    m_view->setColumnWidth(OverviewModel::NodeColumn,
                           m_view->fontMetrics().averageCharWidth() * 30);
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    m_frame = new QTimer(this);
    m_frame->setSingleShot(true);
    m_frame->setInterval(16);
    connect(m_frame, &QTimer::timeout, this, &ClusterOverview::refreshNow);
    // activated is Enter (and the platform's click or double-click); doubleClicked for the rest.
    auto open = [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT nodeActivated(index.data(OverviewModel::NodeNameRole).toString());
    };
    connect(m_view, &QTableView::activated, this, open);
    connect(m_view, &QTableView::doubleClicked, this, open);
    connect(m_model, &OverviewModel::modelReset, this, &ClusterOverview::updateSummary);
    updateSummary();
}

void ClusterOverview::setStore(std::shared_ptr<MetricStore> store) {
    m_model->setStore(std::move(store));
    scheduleRefresh();
}

void ClusterOverview::setClock(std::function<qint64()> now) {
    m_now = std::move(now);
}

void ClusterOverview::scheduleRefresh() {
    if (!m_frame->isActive())
        m_frame->start();
}

void ClusterOverview::refreshNow() {
    m_model->refresh(m_now());
    // Sparklines move even where the latest value did not change.
    m_view->viewport()->update();
    updateSummary();
}

void ClusterOverview::updateSummary() {
    int reporting = 0;
    for (int r = 0; r < m_model->rowCount(); ++r)
        reporting += m_model->value(r, OverviewModel::CpuColumn).has_value();
    m_summary->setText(
        m_model->rowCount() == 0
            ? tr("No nodes yet.")
            : tr("Worst first \u00b7 nodes: %1 \u00b7 reporting CPU: %2 \u00b7 sparklines: last "
                 "15 min \u00b7 double-click or Enter opens a node's charts")
                  .arg(QLocale().toString(m_model->rowCount()), QLocale().toString(reporting)));
}

} // namespace nt::ui
