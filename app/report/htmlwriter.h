#pragma once
// The report as one self-contained HTML file: styles inline, charts as inline SVG, no scripts,
// no outside reference of any kind (it is mailed and attached to tickets, often opened offline).
#include "reportmodel.h"

#include <QString>

namespace nt::report {

QString htmlReport(const ReportDocument &doc);

} // namespace nt::report
