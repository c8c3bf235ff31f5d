#pragma once
// The findings of a step (or of all steps, on the summary) as a table: severity, title, node
// or object; worst first, then by step, node and title. The whole Finding is available
// through FindingRole for the evidence and remedy pane.
#include "check/finding.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

namespace nt::ui {

class FindingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, TitleColumn, WhereColumn, StepColumn, ColumnCount };
    enum Role { SeverityRankRole = Qt::UserRole + 1 };

    explicit FindingModel(QObject *parent = nullptr);

    // `showStep`: a fourth column with the step number (the summary's list of all steps).
    void setShowStep(bool show);
    void setFindings(QList<Finding> findings);
    const QList<Finding> &findings() const { return m_findings; }
    const Finding *finding(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString severityText(Severity severity);
    // "node aks-...-vmss000001", "deployment/kube-system/konnectivity-agent", or "cluster".
    static QString whereText(const Finding &finding);
    // Sorts worst first, then by step, node, object, title.
    static void sortWorstFirst(QList<Finding> &findings);

private:
    QList<Finding> m_findings;
    bool m_showStep = false;
    mutable QIcon m_icons[3];
};

} // namespace nt::ui
