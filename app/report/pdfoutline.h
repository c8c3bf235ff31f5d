#pragma once
// Adds a document outline (the bookmarks panel: the PDF's own table of contents, each entry a
// link to its page) to a PDF written by QPdfWriter, which has no API for it. Done as a PDF
// incremental update (ISO 32000-1, 7.5.6): the original bytes stay as they are, new objects, a
// new catalog revision and an xref section are appended. Only what QPdfWriter writes is
// expected: an uncompressed xref table and a flat page tree.
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
