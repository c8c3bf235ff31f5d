#pragma once
// One report chart drawn two ways from the same geometry: QPainter paths (vector in the PDF,
// pixels in the preview) and hand-written SVG for the HTML (no Qt Svg in our stack). Lines are
// the min/max-decimated samples, so a one-sample spike survives at any width.
#include "reportmodel.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

class QPainter;

namespace nt::report {

// The series colours, in series order (peers are grey whatever their index).
QColor seriesColor(int index, bool peer);

// Draws the chart (axes, grid, threshold, lines, legend) inside `rect`.
void paintChart(QPainter &painter, const QRectF &rect, const ReportChart &chart, const QFont &font);

// An <svg> element, self-contained, `width` x `height` user units, scaling with its container.
QString chartSvg(const ReportChart &chart, int width, int height);

} // namespace nt::report
