#pragma once
// Finishes a PDF written by QPdfWriter, which has no API for either part: adds a document
// outline (the bookmarks panel, the PDF's own table of contents, each entry a link to its page)
// and makes the ToUnicode maps give ordinary characters (see plainDestination() in the .cpp), so
// text copied or extracted from the report is the text that was written. Done as a PDF
// incremental update (ISO 32000-1, 7.5.6): the original bytes stay as they are; new objects,
// new revisions of the catalog and the maps, and an xref section are appended. Only what
// QPdfWriter writes is expected: an uncompressed xref table and a flat page tree.
#include <QByteArray>
#include <QList>
#include <QString>

namespace nt::report {

struct OutlineEntry;

// The PDF with the outline, or `pdf` unchanged when its structure is not the expected one (the
// document is still complete; only the bookmarks are missing).
QByteArray addOutline(const QByteArray &pdf, const QList<OutlineEntry> &entries);

// The page objects' numbers in page order, empty when they cannot be found (for tests).
QList<int> pdfPageObjects(const QByteArray &pdf);

} // namespace nt::report
