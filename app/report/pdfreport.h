#pragma once
// The report laid out on pages (A4 or Letter): a QTextDocument built from the ReportDocument,
// charts as text objects that paint with QPainter (vector paths in the PDF), a header and "page
// N of M" footer on every page, and a table of contents with page numbers. The same layout
// writes the PDF and renders preview images, so the preview is the document.
#include "pdfoutline.h"
#include "reportmodel.h"

#include <atomic>
#include <functional>
#include <memory>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QSizeF>
#include <QString>

class QPainter;
class QTextDocument;
class QPdfWriter;
class QBuffer;

namespace nt::report {

class ChartObject;

struct OutlineEntry {
    QString title;
    int page = 0; // 0-based
    double y = 0; // the heading's top in PDF user space (points from the page's bottom)
};

class PdfReport {
    Q_DECLARE_TR_FUNCTIONS(nt::report::PdfReport)

public:
    PdfReport(const ReportDocument &doc, PaperSize paper);
    ~PdfReport();
    PdfReport(const PdfReport &) = delete;
    PdfReport &operator=(const PdfReport &) = delete;

    int pageCount() const { return m_pages; }
    // The sections and where they start, for the PDF's outline and the contents' links.
    const QList<OutlineEntry> &outline() const { return m_outline; }
    // The contents table's rows as links to the sections (page 0 usually).
    const QList<PdfLink> &links() const { return m_links; }

    // Writes the PDF; progress(page, pages) after each page, returning false cancels (nothing
    // is left at `path` then). Returns "" or the error sentence.
    QString write(const QString &path, const std::function<bool(int, int)> &progress = {}) const;
    // One page as an image `widthPx` wide, for the export dialog's preview.
    QImage renderPage(int page, int widthPx) const;

private:
    QString richText(const QList<int> &tocPages) const;
    void layOut(const QList<int> &tocPages);
    int keepWithNext();
    QList<PdfLink> contentsLinks() const;
    void paintPage(QPainter &painter, int page) const;

    const ReportDocument &m_doc;
    PaperSize m_paper;
    std::unique_ptr<QBuffer> m_layoutBuffer;
    std::unique_ptr<QPdfWriter> m_layoutDevice; // fixes the fonts' metrics for the layout
    std::unique_ptr<ChartObject> m_charts;
    std::unique_ptr<QTextDocument> m_text;
    QSizeF m_pagePx, m_bodyPx;
    double m_marginPx = 0;
    int m_pages = 0;
    QList<OutlineEntry> m_outline;
    QList<PdfLink> m_links;
};

} // namespace nt::report
