#pragma once
// Sorting and filtering for the node table: the filter box (every word must match somewhere in
// the row), the pool combo and "problems only". Matching uses the model's precomputed
// SearchRole so a keystroke over 5,000 rows reads one string per row, not twelve cells.
#include <QSortFilterProxyModel>
#include <QStringList>

namespace nt::ui {

class NodeFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit NodeFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_words.join(QLatin1Char(' ')); }
    // Empty = every pool.
    void setPool(const QString &pool);
    QString pool() const { return m_pool; }
    void setProblemsOnly(bool on);
    bool problemsOnly() const { return m_problemsOnly; }

protected:
    // Ties keep the source order, which is node-name order, whatever was sorted before: so
    // sorting by pool groups the pools with their nodes in name order.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
    QString m_pool;
    bool m_poolSet = false;
    bool m_problemsOnly = false;
};

} // namespace nt::ui
