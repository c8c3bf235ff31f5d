#pragma once
// Short, locale-aware ages ("3 d 4 h", "12 min") for tables, where width matters more than
// precision.
#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace nt::ui {

class DurationFormat {
    Q_DECLARE_TR_FUNCTIONS(nt::ui::DurationFormat)
public:
    // Negative durations (clock skew between us and the cluster) read as "just now".
    static QString age(qint64 seconds, const QLocale &locale = QLocale());
};

} // namespace nt::ui
