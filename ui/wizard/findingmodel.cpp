#include "findingmodel.h"

#include "statuscolors.h"

#include <algorithm>
#include <QApplication>
#include <QPalette>

namespace nt::ui {

namespace {
int rank(Severity s) {
    switch (s) {
    case Severity::Critical:
        return 2;
    case Severity::Warning:
        return 1;
    case Severity::Info:
        return 0;
    }
    return 0;
}

StepStatus markerStatus(Severity s) {
    switch (s) {
    case Severity::Critical:
        return StepStatus::Fail;
    case Severity::Warning:
        return StepStatus::Warn;
    case Severity::Info:
        return StepStatus::Pass;
    }
    return StepStatus::Pass;
}
} // namespace

FindingModel::FindingModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void FindingModel::setShowStep(bool show) {
    if (show == m_showStep)
        return;
    beginResetModel();
    m_showStep = show;
    endResetModel();
}

void FindingModel::setFindings(QList<Finding> findings) {
    sortWorstFirst(findings);
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

const Finding *FindingModel::finding(int row) const {
    return row >= 0 && row < m_findings.size() ? &m_findings.at(row) : nullptr;
}

int FindingModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingModel::columnCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return m_showStep ? ColumnCount : ColumnCount - 1;
}

QString FindingModel::severityText(Severity severity) {
    switch (severity) {
    case Severity::Critical:
        return tr("critical");
    case Severity::Warning:
        return tr("warning");
    case Severity::Info:
        return tr("info");
    }
    return {};
}

QString FindingModel::whereText(const Finding &f) {
    if (!f.node.isEmpty() && !f.object.isEmpty())
        return tr("%1 (%2)").arg(f.node, f.object);
    if (!f.node.isEmpty())
        return f.node;
    if (!f.object.isEmpty())
        return f.object;
    return tr("cluster");
}

void FindingModel::sortWorstFirst(QList<Finding> &findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (rank(a.severity) != rank(b.severity))
            return rank(a.severity) > rank(b.severity);
        if (a.step != b.step)
            return a.step < b.step;
        if (a.node != b.node)
            return a.node < b.node;
        if (a.object != b.object)
            return a.object < b.object;
        return a.title < b.title;
    });
}

QVariant FindingModel::data(const QModelIndex &index, int role) const {
    const Finding *f = index.isValid() ? finding(index.row()) : nullptr;
    if (!f)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityText(f->severity);
        case WhereColumn:
            return whereText(*f);
        case TitleColumn:
            return f->title;
        case StepColumn:
            return f->step;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn) {
            const int r = rank(f->severity);
            if (m_icons[r].isNull())
                m_icons[r] = StatusColors::markerIcon(markerStatus(f->severity),
                                                      QApplication::palette(), 12);
            return m_icons[r];
        }
        break;
    case Qt::ToolTipRole:
        return f->detail.isEmpty() ? f->title : f->detail;
    case Qt::AccessibleTextRole:
        return tr("%1: %2, %3").arg(severityText(f->severity), f->title, whereText(*f));
    case SeverityRankRole:
        return rank(f->severity);
    }
    return {};
}

QVariant FindingModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case WhereColumn:
        return tr("Node or object");
    case TitleColumn:
        return tr("Finding");
    case StepColumn:
        return tr("Step");
    }
    return {};
}

} // namespace nt::ui
