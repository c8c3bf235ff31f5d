#pragma once
// Status colours derived from the current palette, so a dark theme gets tints that are readable
// on its dark base instead of fixed light-theme pastels.
#include "stepstatus.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

namespace nt::ui {

class StatusColors {
public:
    static bool isDark(const QPalette &palette);
    // Saturated colour for markers and icons.
    static QColor marker(StepStatus status, const QPalette &palette);
    // Background tint for a table row or a banner: the marker colour blended into Base.
    static QColor tint(StepStatus status, const QPalette &palette);
    // Muted text for healthy values that should not draw the eye.
    static QColor quietText(const QPalette &palette);
    // A round marker of the status colour, for the rail and banners.
    static QIcon markerIcon(StepStatus status, const QPalette &palette, int size = 16);
};

} // namespace nt::ui
