#include "durationformat.h"

namespace nt::ui {

QString DurationFormat::age(qint64 seconds, const QLocale &locale)
{
    constexpr qint64 minute = 60;
    constexpr qint64 hour = 60 * minute;
    constexpr qint64 day = 24 * hour;
    if (seconds < 5)
        return tr("just now");
    if (seconds < minute)
        return tr("%1 s").arg(locale.toString(seconds));
    if (seconds < hour)
        return tr("%1 min").arg(locale.toString(seconds / minute));
    if (seconds < day) {
        const qint64 minutes = (seconds % hour) / minute;
        if (minutes == 0)
            return tr("%1 h").arg(locale.toString(seconds / hour));
        return tr("%1 h %2 min").arg(locale.toString(seconds / hour), locale.toString(minutes));
    }
    // Beyond a month the hours are noise.
    if (seconds < 30 * day) {
        const qint64 hours = (seconds % day) / hour;
        if (hours == 0)
            return tr("%1 d").arg(locale.toString(seconds / day));
        return tr("%1 d %2 h").arg(locale.toString(seconds / day), locale.toString(hours));
    }
    return tr("%1 d").arg(locale.toString(seconds / day));
}

} // namespace nt::ui
