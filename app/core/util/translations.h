#pragma once
// Which language the program speaks, and loading its translations. English is built in; zh_CN
// comes from :/i18n/nodetriage_zh_CN.qm (compiled from resources/translations at build time)
// plus Qt's own qtbase translation when the system has it (qt6-translations-l10n).
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace nt {

// Languages we ship, as --lang takes them: "en", "zh_CN".
QStringList availableLanguages();

// The language to use: `requested` (from --lang or the settings) when given, else the system
// locale's. Aliases map to what we ship ("zh", "zh_Hans", "zh-CN", "zh_SG" -> "zh_CN"; "en_US"
// -> "en"); a system locale we do not ship falls back to "en". An explicit request for a
// language we do not ship is an error naming the ones we have.
Result<QString> resolveLanguage(const QString &requested, const QString &systemLocaleName);

// Installs the translators for `language` on the running QCoreApplication (any previous ones
// of ours are removed first) and sets the default QLocale, so numbers, dates and sizes follow.
// Must be called on the application's thread after the application object exists.
Result<bool> installTranslations(const QString &language);

} // namespace nt
