#include "pdfreport.h"

#include "pdfoutline.h"
#include "reportchart.h"
#include "util/savefile.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextObjectInterface>
#include <QTextTable>

namespace nt::report {
namespace {

constexpr int kDpi = 300;
constexpr int kChartType = QTextFormat::UserObject + 1;
constexpr int kChartIndex = QTextFormat::UserProperty + 1;
constexpr double kPointSize = 9.5;

double mm(double v) {
    return v / 25.4 * kDpi;
}

// Latin text in DejaVu Sans, Chinese in Noto Sans CJK SC (fonts-noto-cjk): listing both makes Qt
// take each character from the first family that has it.
QFont reportFont() {
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC")});
    f.setPointSizeF(kPointSize);
    f.setStyleHint(QFont::SansSerif);
    return f;
}

QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

QString sevColor(Severity s) {
    return s == Severity::Critical  ? QStringLiteral("#c62828")
           : s == Severity::Warning ? QStringLiteral("#e65100")
                                    : QStringLiteral("#546e7a");
}

QString statusColor(StepStatus s) {
    switch (s) {
    case StepStatus::Pass:
        return QStringLiteral("#2e7d32");
    case StepStatus::Warn:
        return QStringLiteral("#e65100");
    case StepStatus::Fail:
        return QStringLiteral("#c62828");
    default:
        return QStringLiteral("#546e7a");
    }
}

QString badge(const QString &text, const QString &color) {
    return QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>")
        .arg(color, esc(text));
}

QString mono(const QString &text) {
    return QStringLiteral("<span style=\"font-family:'DejaVu Sans Mono','Noto Sans Mono CJK SC'\">"
                          "%1</span>")
        .arg(esc(text));
}

QString codeBlock(const QStringList &lines) {
    return QStringLiteral("<p style=\"white-space:pre-wrap; font-family:'DejaVu Sans Mono',"
                          "'Noto Sans Mono CJK SC'; font-size:8pt; background-color:#f4f4f4; "
                          "margin-left:8px\">%1</p>")
        .arg(esc(lines.join(u'\n')));
}

const QString kTable =
    QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\" "
                   "style=\"border-collapse:collapse; border-color:#bbbbbb; margin-bottom:8px\">");

// A short label over what follows ("Evidence", a table's caption): a level-5 heading, so that
// the layout keeps it on the page of the text it introduces (see keepWithNext()).
QString label(const QString &text, bool bold = true) {
    return QStringLiteral("<h5 style=\"font-size:%1pt; font-weight:%2; margin-top:6px; "
                          "margin-bottom:4px\">%3</h5>")
        .arg(kPointSize)
        .arg(bold ? 700 : 400)
        .arg(esc(text));
}

QString marker(int index) {
    return QChar(0xE000) + QString::number(index) + QChar(0xE001);
}

} // namespace

// Paints the charts the text holds as object characters: the PDF engine records QPainter
// paths as vector operators, so the charts stay sharp at any zoom.
class ChartObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    QList<const ReportChart *> charts;
    QSizeF size;
    QFont font;

    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &) override { return size; }
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                    const QTextFormat &format) override {
        const int i = format.property(kChartIndex).toInt();
        if (i >= 0 && i < charts.size())
            paintChart(*painter, rect.adjusted(0, 0, -mm(3), -mm(2)), *charts[i], font);
    }
};

PdfReport::PdfReport(const ReportDocument &doc, PaperSize paper)
    : m_doc(doc)
    , m_paper(paper) {
    m_layoutBuffer = std::make_unique<QBuffer>();
    m_layoutBuffer->open(QIODevice::WriteOnly);
    m_layoutDevice = std::make_unique<QPdfWriter>(m_layoutBuffer.get());
    m_layoutDevice->setResolution(kDpi);
    m_layoutDevice->setPageSize(
        QPageSize(paper == PaperSize::A4 ? QPageSize::A4 : QPageSize::Letter));
    m_layoutDevice->setPageMargins(QMarginsF(0, 0, 0, 0));
    m_pagePx = QSizeF(m_layoutDevice->width(), m_layoutDevice->height());
    m_marginPx = mm(18);
    m_bodyPx = QSizeF(m_pagePx.width() - 2 * m_marginPx, m_pagePx.height() - 2 * m_marginPx);
    m_charts = std::make_unique<ChartObject>();
    m_charts->font = reportFont();
    m_charts->size = QSizeF(m_bodyPx.width() / 2 - 2, m_bodyPx.width() / 2 * 0.62);
    for (const StepSection &s : doc.sections) {
        for (const ReportChart &c : s.charts)
            m_charts->charts << &c;
    }

    // Twice: the first pass finds the pages the sections start on, the second prints them in
    // the contents (same number of lines, so nothing moves).
    layOut({});
    QList<int> pages;
    for (const OutlineEntry &e : std::as_const(m_outline))
        pages << e.page + 1;
    layOut(pages);
}

PdfReport::~PdfReport() = default;

QString PdfReport::richText(const QList<int> &tocPages) const {
    const ReportDocument &d = m_doc;
    QString h;
    h.reserve(64 * 1024);
    h += QStringLiteral("<html><body>");
    h += QStringLiteral("<h1 style=\"font-size:20pt\">%1</h1>").arg(esc(d.title));
    h += QStringLiteral("<p style=\"font-size:11pt; color:#444444\">%1</p>").arg(esc(d.verdict));
    h += kTable;
    auto row = [&h](const QString &k, const QString &v) {
        h += QStringLiteral("<tr><td width=\"28%\" bgcolor=\"#f3f3f3\"><b>%1</b></td><td>%2</td>"
                            "</tr>")
                 .arg(esc(k), esc(v));
    };
    row(tr("Cluster context"), d.context);
    row(tr("API server"), d.server + (d.privateCluster ? tr(" (private cluster)") : QString()));
    row(tr("Kubernetes version"),
        d.kubernetesVersion.isEmpty() ? tr("unknown") : d.kubernetesVersion);
    if (!d.author.isEmpty())
        row(tr("Prepared by"), d.author);
    row(tr("Generated"), formatTime(d.generatedAt));
    row(tr("Observation window"), tr("%1 to %2, %3 samples every %4 s")
                                      .arg(formatTime(d.windowStart), formatTime(d.windowEnd))
                                      .arg(d.samples)
                                      .arg(d.intervalSeconds));
    row(tr("Findings"), tr("%1 critical, %2 warnings, %3 informational")
                            .arg(d.critical)
                            .arg(d.warnings)
                            .arg(d.infos));
    if (d.pseudonymised)
        row(tr("Names"), tr("Cluster, node names and addresses are pseudonymised."));
    h += QStringLiteral("</table>");

    // Contents: the section titles in the order the H2 headings below appear.
    QStringList sections{tr("Summary")};
    for (const StepSection &s : d.sections)
        sections << tr("Step %1: %2").arg(s.result.number).arg(s.result.title);
    sections << tr("Nodes");
    if (!d.transcripts.isEmpty())
        sections << tr("SSH transcripts");
    if (!d.notes.isEmpty())
        sections << tr("Notes");
    if (!d.actions.isEmpty())
        sections << tr("Actions taken");
    sections << tr("Appendix: commands to reproduce");
    h += QStringLiteral("<h3 style=\"font-size:13pt\">%1</h3>").arg(esc(tr("Contents")));
    h += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">");
    for (int i = 0; i < sections.size(); ++i)
        h += QStringLiteral("<tr><td>%1</td><td align=\"right\" width=\"12%\">%2</td></tr>")
                 .arg(esc(sections[i]),
                      i < tocPages.size() ? QString::number(tocPages[i]) : QStringLiteral("00"));
    h += QStringLiteral("</table>");

    auto h2 = [&h](const QString &title, bool newPage) {
        h +=
            QStringLiteral("<h2 style=\"font-size:14pt;%1\">%2</h2>")
                .arg(newPage ? QStringLiteral(" page-break-before:always") : QString(), esc(title));
    };
    h2(tr("Summary"), true);
    h += QStringLiteral("<p>%1</p>").arg(esc(d.verdict));
    h += kTable +
         QStringLiteral("<tr bgcolor=\"#eeeeee\"><th align=\"left\">%1</th><th align=\"left\">%2"
                        "</th><th align=\"left\">%3</th></tr>")
             .arg(esc(tr("Step")), esc(tr("Status")), esc(tr("Note")));
    for (const StepResult &s : d.steps)
        h += QStringLiteral("<tr><td>%1. %2</td><td>%3</td><td>%4</td></tr>")
                 .arg(QString::number(s.number), esc(s.title),
                      badge(statusLabel(s.status), statusColor(s.status)), esc(s.note));
    h += QStringLiteral("</table>");
    if (!d.keyFindings.isEmpty()) {
        h += label(tr("Findings, worst first"));
        h += kTable +
             // A header row that repeats on every page the table runs onto.
             QStringLiteral("<thead><tr bgcolor=\"#eeeeee\"><th align=\"left\">%1</th><th "
                            "align=\"left\">%2</th><th align=\"left\">%3</th><th "
                            "align=\"left\">%4</th></tr></thead>")
                 .arg(esc(tr("Severity")), esc(tr("Finding")), esc(tr("Node")), esc(tr("Step")));
        for (const Finding &f : d.keyFindings)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                     .arg(badge(severityLabel(f.severity), sevColor(f.severity)), esc(f.title),
                          mono(f.node.isEmpty() ? tr("cluster") : f.node), QString::number(f.step));
        h += QStringLiteral("</table>");
    }

    int chartIndex = 0;
    for (const StepSection &s : d.sections) {
        h2(tr("Step %1: %2").arg(s.result.number).arg(s.result.title), false);
        h += QStringLiteral("<p>%1 &nbsp; <b>%2</b> %3</p>")
                 .arg(badge(statusLabel(s.result.status), statusColor(s.result.status)),
                      esc(tr("What was checked:")), esc(s.checked));
        if (!s.result.note.isEmpty())
            h += QStringLiteral("<p style=\"color:#555555\">%1</p>").arg(esc(s.result.note));
        if (s.findings.isEmpty())
            h += QStringLiteral("<p>%1</p>").arg(esc(tr("No findings in this step.")));
        for (const Finding &f : s.findings) {
            h +=
                QStringLiteral("<h4 style=\"font-size:10.5pt\">%1 %2%3</h4>")
                    .arg(badge(severityLabel(f.severity), sevColor(f.severity)), esc(f.title),
                         f.node.isEmpty() ? QString() : QStringLiteral(" &mdash; ") + mono(f.node));
            h += QStringLiteral("<p>%1</p>").arg(esc(f.detail));
            if (!f.object.isEmpty())
                h += QStringLiteral("<p style=\"color:#555555\">%1 %2</p>")
                         .arg(esc(tr("Object:")), mono(f.object));
            if (!f.evidence.isEmpty()) {
                h += label(tr("Evidence")) + QStringLiteral("<ul>");
                for (const QString &e : f.evidence)
                    h += QStringLiteral("<li>%1</li>").arg(esc(e));
                h += QStringLiteral("</ul>");
            }
            if (!f.remediation.isEmpty())
                h += QStringLiteral("<p><b>%1</b> %2</p>")
                         .arg(esc(tr("What to do:")), esc(f.remediation));
            if (!f.commands.isEmpty())
                h += codeBlock(f.commands);
            h += QStringLiteral("<p style=\"color:#777777; font-size:8pt\">%1</p>").arg(esc(f.id));
        }
        // Two charts a row, captions under the row.
        for (int i = 0; i < s.charts.size(); i += 2) {
            h += QStringLiteral("<p>") + marker(chartIndex++);
            if (i + 1 < s.charts.size())
                h += marker(chartIndex++);
            h += QStringLiteral("</p>");
            QStringList captions;
            for (int k = i; k < std::min<int>(i + 2, int(s.charts.size())); ++k) {
                if (!s.charts[k].caption.isEmpty())
                    captions << s.charts[k].title + QStringLiteral(": ") + s.charts[k].caption;
            }
            if (!captions.isEmpty())
                h += QStringLiteral("<p style=\"color:#555555; font-size:8pt\">%1</p>")
                         .arg(esc(captions.join(u' ')));
        }
        if (s.charts.isEmpty() && !s.chartNote.isEmpty())
            h += QStringLiteral("<p style=\"color:#555555\">%1</p>").arg(esc(s.chartNote));
    }

    h2(tr("Nodes"), true);
    h += kTable +
         QStringLiteral("<tr bgcolor=\"#eeeeee\"><th align=\"left\">%1</th><th align=\"left\">%2"
                        "</th><th align=\"right\">%3</th><th align=\"right\">%4</th><th "
                        "align=\"right\">%5</th></tr>")
             .arg(esc(tr("Pool")), esc(tr("VM size")), esc(tr("Nodes")), esc(tr("Not ready")),
                  esc(tr("With findings")));
    for (const PoolRow &p : d.pools)
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td align=\"right\">%3</td><td "
                            "align=\"right\">%4</td><td align=\"right\">%5</td></tr>")
                 .arg(esc(p.pool), esc(p.instanceType))
                 .arg(p.nodes)
                 .arg(p.notReady)
                 .arg(p.withFindings);
    h += QStringLiteral("</table>");
    if (d.nodesAbridged)
        h += QStringLiteral("<p style=\"color:#555555\">%1</p>")
                 .arg(esc(tr("%1 of %2 nodes listed: those not ready, under a condition or with "
                             "findings. The JSON report lists every node.")
                              .arg(d.nodes.size())
                              .arg(d.totalNodes)));
    h += kTable +
         QStringLiteral("<thead><tr bgcolor=\"#eeeeee\"><th align=\"left\">%1</th><th "
                        "align=\"left\">%2</th><th align=\"left\">%3</th><th align=\"left\">%4"
                        "</th><th align=\"right\">%5</th><th align=\"right\">%6</th><th "
                        "align=\"right\">%7</th><th align=\"left\">%8</th></tr></thead>")
             .arg(esc(tr("Node")), esc(tr("Pool")), esc(tr("Ready")), esc(tr("Conditions")),
                  esc(tr("CPU")), esc(tr("Memory")), esc(tr("Disk")), esc(tr("Findings")));
    for (const NodeRow &n : d.nodes)
        h +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td "
                           "align=\"right\">%5</td><td align=\"right\">%6</td><td "
                           "align=\"right\">%7</td><td>%8</td></tr>")
                .arg(mono(n.name), esc(n.pool),
                     n.ready == u"True" ? esc(n.ready)
                                        : badge(n.ready, sevColor(Severity::Critical)),
                     esc(n.problems.join(QStringLiteral(", "))), esc(n.cpu), esc(n.memory),
                     esc(n.disk),
                     n.findings ? badge(QString::number(n.findings) + u' ' + severityLabel(n.worst),
                                        sevColor(n.worst))
                                : QString());
    h += QStringLiteral("</table>");

    if (!d.transcripts.isEmpty()) {
        h2(tr("SSH transcripts"), false);
        for (const TranscriptExcerpt &t : d.transcripts) {
            h += QStringLiteral("<h4>%1</h4>").arg(mono(t.session));
            QStringList lines;
            for (const TranscriptLine &l : t.lines)
                lines << l.time.toUTC().toString(QStringLiteral("HH:mm:ss")) + u' ' +
                             (l.kind == u"input" || l.kind == u"command" ? QStringLiteral("$ ")
                                                                         : QString()) +
                             l.text;
            h += codeBlock(lines);
        }
    }
    if (!d.notes.isEmpty()) {
        h2(tr("Notes"), false);
        for (const QString &p : d.notes)
            h += QStringLiteral("<p>%1</p>").arg(esc(p).replace(u'\n', QStringLiteral("<br>")));
    }
    if (!d.actions.isEmpty()) {
        h2(tr("Actions taken"), false);
        h += kTable +
             QStringLiteral("<tr bgcolor=\"#eeeeee\"><th align=\"left\">%1</th><th align=\"left\">"
                            "%2</th><th align=\"left\">%3</th></tr>")
                 .arg(esc(tr("Time")), esc(tr("Action")), esc(tr("Result")));
        for (const ReportAction &a : d.actions)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                     .arg(esc(formatTime(a.time)), esc(a.action), esc(a.result));
        h += QStringLiteral("</table>");
    }
    h2(tr("Appendix: commands to reproduce"), false);
    if (!d.commandLine.isEmpty())
        h += label(tr("The check itself:"), false) + codeBlock({d.commandLine});
    if (!d.reproduce.isEmpty())
        h += label(tr("The findings' commands, to confirm each by "
                      "hand:"),
                   false) +
             codeBlock(d.reproduce);
    h += QStringLiteral("</body></html>");
    return h;
}

void PdfReport::layOut(const QList<int> &tocPages) {
    m_text = std::make_unique<QTextDocument>();
    m_text->setUndoRedoEnabled(false);
    m_text->documentLayout()->setPaintDevice(m_layoutDevice.get());
    m_text->setDefaultFont(reportFont());
    m_text->setDocumentMargin(0);
    m_text->setPageSize(m_bodyPx);
    m_text->documentLayout()->registerHandler(kChartType, m_charts.get());
    m_text->setHtml(richText(tocPages));

    static const QRegularExpression chartMarker(QStringLiteral("\\x{E000}(\\d+)\\x{E001}"));
    QTextCursor c = m_text->find(chartMarker);
    while (!c.isNull()) {
        const int index = c.selectedText().mid(1).chopped(1).toInt();
        QTextCharFormat f;
        f.setObjectType(kChartType);
        f.setProperty(kChartIndex, index);
        c.insertText(QString(QChar::ObjectReplacementCharacter), f);
        c = m_text->find(chartMarker, c);
    }

    // Inserting the charts changed the document after setHtml()'s layout: lay it out again.
    m_text->setPageSize(m_bodyPx);
    keepWithNext();
    m_pages = std::max(1, m_text->pageCount());
    m_outline.clear();
    const double toPt = 72.0 / kDpi;
    for (QTextBlock b = m_text->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() != 2)
            continue;
        const double y = m_text->documentLayout()->blockBoundingRect(b).top();
        const int page = int(y / m_bodyPx.height());
        // PDF user space: points from the page's bottom edge.
        m_outline << OutlineEntry{
            b.text(), page, (m_pagePx.height() - m_marginPx - y + page * m_bodyPx.height()) * toPt};
    }
    m_links = contentsLinks();
}

// QTextDocument breaks pages line by line and knows no "keep with next": a heading can end a
// page whose next line is on the following one, and a list's last item can start a page alone.
// In reading order, the first such place gets a page break (before the heading and the headings
// right above it on its page; before the item ahead of a lone last item, or the heading over a
// two-item list), the document is laid out again, and the search goes on from there: a break only
// moves what follows it. QTextDocumentLayout's incremental relayout leaves blocks after a change
// without lines (seen: nothing drawn from the change on), so every round lays the whole document
// out again from scratch (setPageSize() does that). Returns the number of breaks added.
int PdfReport::keepWithNext() {
    QAbstractTextDocumentLayout *layout = m_text->documentLayout();
    const double pageHeight = m_bodyPx.height();
    auto pageOf = [pageHeight](double y) { return int(y / pageHeight); };
    auto top = [layout](const QTextBlock &b) { return layout->blockBoundingRect(b).top(); };
    auto bottom = [layout](const QTextBlock &b) { return layout->blockBoundingRect(b).bottom(); };
    auto firstLineBottom = [&top](const QTextBlock &b) {
        return top(b) +
               (b.layout() && b.layout()->lineCount() > 0 ? b.layout()->lineAt(0).height() : 0.0);
    };
    auto isHeading = [](const QTextBlock &b) { return b.blockFormat().headingLevel() > 0; };
    // Whether a page starts at `b` already (a break gains nothing there).
    auto startsPage = [&](const QTextBlock &b) {
        const QTextBlock before = b.previous();
        return (b.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore) ||
               !before.isValid() || pageOf(bottom(before)) < pageOf(top(b));
    };
    // The block to start a page at for the first orphan from `from` on, or an invalid block.
    auto firstOrphan = [&](QTextBlock from) -> QTextBlock {
        for (QTextBlock b = from; b.isValid(); b = b.next()) {
            const QTextBlock next = b.next();
            if (!next.isValid() || b.text().trimmed().isEmpty())
                continue;
            // A line the layout lets cross the page's foot (seen with list items) is read on
            // the next page, so a block's page is its first line's bottom's.
            if (isHeading(b) && pageOf(firstLineBottom(next)) > pageOf(top(b))) {
                QTextBlock first = b;
                while (!startsPage(first) && isHeading(first.previous()) &&
                       pageOf(top(first.previous())) == pageOf(top(first)))
                    first = first.previous();
                if (!startsPage(first))
                    return first;
                continue; // what follows is taller than a page: nothing to gain
            }
            QTextList *list = b.textList();
            if (list && list->count() >= 2 && list->itemNumber(b) == list->count() - 2 &&
                list->item(list->count() - 1) == next &&
                pageOf(firstLineBottom(next)) > pageOf(firstLineBottom(b))) {
                const QTextBlock above = list->item(0).previous();
                const QTextBlock at = list->count() == 2 && isHeading(above) ? above : b;
                if (!startsPage(at))
                    return at;
            }
        }
        return {};
    };
    int moves = 0;
    QTextBlock from = m_text->begin();
    for (;;) {
        const QTextBlock at = firstOrphan(from);
        if (!at.isValid())
            break;
        QTextBlockFormat f;
        f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(at).mergeBlockFormat(f);
        m_text->setPageSize(m_bodyPx); // a layout from scratch (see above)
        ++moves;
        from = at;
    }
    return moves;
}

// The contents table's rows, each a link to its section: the table follows the "Contents"
// heading, one row per outline entry in the same order.
QList<PdfLink> PdfReport::contentsLinks() const {
    QList<PdfLink> links;
    QTextBlock heading = m_text->begin();
    while (heading.isValid() &&
           !(heading.blockFormat().headingLevel() == 3 && heading.text() == tr("Contents")))
        heading = heading.next();
    if (!heading.isValid() || !heading.next().isValid())
        return links;
    QTextTable *table = QTextCursor(heading.next()).currentTable();
    if (!table)
        return links;
    QAbstractTextDocumentLayout *layout = m_text->documentLayout();
    const double toPt = 72.0 / kDpi;
    for (int row = 0; row < std::min<int>(table->rows(), int(m_outline.size())); ++row) {
        QRectF r;
        for (int column = 0; column < table->columns(); ++column)
            r |=
                layout->blockBoundingRect(table->cellAt(row, column).firstCursorPosition().block());
        const int page = int(r.top() / m_bodyPx.height());
        const double y = r.top() - page * m_bodyPx.height();
        // PDF user space: points from the page's bottom-left corner.
        links << PdfLink{page,
                         QRectF(QPointF(m_marginPx * toPt,
                                        (m_pagePx.height() - m_marginPx - y - r.height()) * toPt),
                                QSizeF(m_bodyPx.width() * toPt, r.height() * toPt)),
                         row};
    }
    return links;
}

void PdfReport::paintPage(QPainter &painter, int page) const {
    painter.save();
    QFont small = reportFont();
    small.setPointSizeF(7.5);
    painter.setFont(small);
    painter.setPen(QColor(0x66, 0x66, 0x66));
    const double w = m_pagePx.width() - 2 * m_marginPx;
    const double lh = QFontMetricsF(small, painter.device()).height();
    const QRectF header(m_marginPx, m_marginPx - mm(9), w, lh);
    const QString left = m_doc.pseudonymised
                             ? m_doc.title + QStringLiteral(" - ") + tr("pseudonymised")
                             : m_doc.title;
    painter.drawText(
        header, Qt::AlignLeft | Qt::AlignBottom,
        QFontMetricsF(small, painter.device()).elidedText(left, Qt::ElideRight, w * 0.7));
    painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, formatTime(m_doc.generatedAt));
    painter.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), 2));
    painter.drawLine(QPointF(m_marginPx, header.bottom() + mm(1)),
                     QPointF(m_marginPx + w, header.bottom() + mm(1)));
    painter.setPen(QColor(0x66, 0x66, 0x66));
    const QRectF footer(m_marginPx, m_pagePx.height() - m_marginPx + mm(6), w, lh);
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignTop,
                     tr("NodeTriage %1").arg(QStringLiteral(NODETRIAGE_VERSION)));
    painter.drawText(footer, Qt::AlignRight | Qt::AlignTop,
                     tr("Page %1 of %2").arg(page + 1).arg(m_pages));
    painter.restore();

    painter.save();
    painter.translate(m_marginPx, m_marginPx);
    const QRectF view(0, page * m_bodyPx.height(), m_bodyPx.width(), m_bodyPx.height());
    painter.setClipRect(QRectF(QPointF(0, 0), m_bodyPx));
    painter.translate(0, -view.top());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.clip = view;
    ctx.palette.setColor(QPalette::Text, Qt::black);
    m_text->documentLayout()->draw(&painter, ctx);
    painter.restore();
}

QString PdfReport::write(const QString &path, const std::function<bool(int, int)> &progress) const {
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(kDpi);
        writer.setPageSize(QPageSize(m_paper == PaperSize::A4 ? QPageSize::A4 : QPageSize::Letter));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(m_doc.title);
        writer.setCreator(QStringLiteral("NodeTriage " NODETRIAGE_VERSION));
        QPainter painter;
        if (!painter.begin(&writer))
            return tr("cannot start the PDF for %1.").arg(path);
        for (int page = 0; page < m_pages; ++page) {
            if (page > 0)
                writer.newPage();
            paintPage(painter, page);
            if (progress && !progress(page + 1, m_pages)) {
                painter.end();
                return tr("cancelled");
            }
        }
        painter.end();
    }
    bytes = finishPdf(bytes, m_outline, m_links,
                      m_text->toPlainText() + m_doc.title + formatTime(m_doc.generatedAt) +
                          tr("pseudonymised") + tr("Page %1 of %2"));
    if (const QString error = saveFile(path, bytes); !error.isEmpty())
        return tr("cannot write the PDF report to %1: %2").arg(path, error);
    return {};
}

QImage PdfReport::renderPage(int page, int widthPx) const {
    const double scale = widthPx / m_pagePx.width();
    QImage image(QSize(widthPx, int(m_pagePx.height() * scale)), QImage::Format_RGB32);
    // The page's own resolution, scaled: fonts keep the metrics the layout was made with.
    image.setDotsPerMeterX(int(kDpi / 0.0254));
    image.setDotsPerMeterY(int(kDpi / 0.0254));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(scale, scale);
    paintPage(painter, std::clamp(page, 0, m_pages - 1));
    return image;
}

} // namespace nt::report

#include "pdfreport.moc"
