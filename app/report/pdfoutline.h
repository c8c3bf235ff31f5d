#pragma once
// Finishes a PDF written by QPdfWriter, which has no API for any of these parts: adds a document
// outline (the bookmarks panel, the PDF's own table of contents, each entry a link to its page),
// internal links (the contents table's rows, clickable), and makes the ToUnicode maps give the
// characters that were written (see destinationFor() in the .cpp), so text copied or extracted
// from the report is the text that was written. Done as a PDF
// incremental update (ISO 32000-1, 7.5.6): the original bytes stay as they are; new objects,
// new revisions of the catalog and the maps, and an xref section are appended. Only what
// QPdfWriter writes is expected: an uncompressed xref table and a flat page tree.
#include <QByteArray>
#include <QList>
#include <QRectF>
#include <QString>

namespace nt::report {

struct OutlineEntry;

// A clickable area on `page` (0-based; `rect` in PDF user space, points from the bottom-left
// corner) that jumps to the outline entry `target`.
struct PdfLink {
    int page = 0;
    QRectF rect;
    int target = 0;
};

// The PDF with the outline and the links, or `pdf` unchanged when its structure is not the
// expected one (the document is still complete; only bookmarks and links are missing). `text`
// is every character the document shows: when a font draws two characters with one glyph (Noto
// Sans CJK SC: 户 and 戶, 止 and the radical ⽌), the map gives the one that was written.
QByteArray finishPdf(const QByteArray &pdf, const QList<OutlineEntry> &entries,
                     const QList<PdfLink> &links, const QString &text);

// The page objects' numbers in page order, empty when they cannot be found (for tests).
QList<int> pdfPageObjects(const QByteArray &pdf);

} // namespace nt::report
