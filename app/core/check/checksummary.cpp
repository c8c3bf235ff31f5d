#include "check/checksummary.h"

#include "check/checkreport.h"

#include <algorithm>
#include <QCoreApplication>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CheckSummary)
};

int rank(Severity s) {
    return s == Severity::Critical ? 0 : s == Severity::Warning ? 1 : 2;
}

// Pads to `width` characters; longer text is kept whole (the table is for reading, not parsing).
QString cell(const QString &text, int width) {
    return text.leftJustified(width, u' ') + QStringLiteral("  ");
}

} // namespace

void writeCheckSummary(const CheckReport &report, QTextStream &out) {
    out << Tr::tr("Cluster %1 (%2), %3 nodes, %4 samples")
               .arg(report.cluster.context, report.cluster.fqdn())
               .arg(report.nodes.size())
               .arg(report.window.samples)
        << '\n';
    for (const StepResult &s : report.steps) {
        out << "  " << cell(QString::number(s.number) + u' ' + s.title, 40)
            << cell(toString(s.status), 8);
        if (!s.note.isEmpty())
            out << s.note;
        out << '\n';
    }

    QList<const Finding *> sorted;
    for (const Finding &f : report.findings)
        sorted << &f;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Finding *a, const Finding *b) {
        return rank(a->severity) < rank(b->severity);
    });
    if (sorted.isEmpty()) {
        out << Tr::tr("No findings.") << '\n';
        return;
    }
    out << '\n'
        << cell(Tr::tr("SEVERITY"), 8) << cell(Tr::tr("FINDING"), 26) << cell(Tr::tr("NODE"), 36)
        << Tr::tr("DETAIL") << '\n';
    for (const Finding *f : sorted) {
        out << cell(toString(f->severity), 8) << cell(f->id, 26)
            << cell(f->node.isEmpty() ? QStringLiteral("-") : f->node, 36) << f->detail << '\n';
    }
    int critical = 0, warning = 0;
    for (const Finding *f : sorted) {
        critical += f->severity == Severity::Critical;
        warning += f->severity == Severity::Warning;
    }
    out << '\n'
        << Tr::tr("%1 critical, %2 warnings, %3 findings in all.")
               .arg(critical)
               .arg(warning)
               .arg(sorted.size())
        << '\n';
}

} // namespace nt
