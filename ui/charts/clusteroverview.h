#pragma once
// The cluster overview tab: every node ranked worst first by a metric (CPU by default; every
// column sorts), with a 15-minute sparkline per value. Double-click or Enter opens the node's
// charts. Refreshes are coalesced like the charts': one model refresh per frame at most.
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QTableView;
class QTimer;

namespace nt {
class MetricStore;
}

namespace nt::ui {

class OverviewModel;
class OverviewProxy;
class SparklineDelegate;

class ClusterOverview : public QWidget {
    Q_OBJECT
public:
    explicit ClusterOverview(QWidget *parent = nullptr);

    void setStore(std::shared_ptr<MetricStore> store);
    OverviewModel *model() const { return m_model; }
    OverviewProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    SparklineDelegate *delegate() const { return m_delegate; }
    // Coalesced: many calls within a frame refresh once.
    void scheduleRefresh();
    void refreshNow();
    // The clock the values' staleness and the sparklines are measured against (tests).
    void setClock(std::function<qint64()> now);

Q_SIGNALS:
    void nodeActivated(const QString &node);

private:
    void updateSummary();

    OverviewModel *m_model = nullptr;
    OverviewProxy *m_proxy = nullptr;
    SparklineDelegate *m_delegate = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QTimer *m_frame = nullptr;
    std::function<qint64()> m_now;
};

} // namespace nt::ui
