#pragma once
// Light and dark. By default the window follows the desktop's palette (the platform theme hands
// Qt a dark palette on a dark desktop, and StatusColors / the charts read the palette); the user
// can force either in the settings or with --theme, which switches to the Fusion style so the
// palette is honoured by every widget.
#include <QString>

class QApplication;

namespace nt::ui {

enum class Theme { System, Light, Dark };

Theme themeFromString(const QString &name); // "system" (also anything unknown), "light", "dark"
QString themeToString(Theme theme);
void applyTheme(QApplication &app, Theme theme);
bool isDarkPalette(); // of the running application

} // namespace nt::ui
