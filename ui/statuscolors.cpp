#include "statuscolors.h"

#include <QPainter>
#include <QPixmap>

namespace nt::ui {

namespace {
QColor blend(const QColor &a, const QColor &b, qreal amountOfB)
{
    const qreal k = 1.0 - amountOfB;
    return QColor::fromRgbF(float(a.redF() * k + b.redF() * amountOfB),
                            float(a.greenF() * k + b.greenF() * amountOfB),
                            float(a.blueF() * k + b.blueF() * amountOfB));
}
} // namespace

bool StatusColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor StatusColors::marker(StepStatus status, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (status) {
    case StepStatus::NotRun:
        return palette.color(QPalette::Disabled, QPalette::Text);
    case StepStatus::Running:
        return palette.color(QPalette::Highlight);
    case StepStatus::Pass:
        return dark ? QColor(0x5c, 0xc8, 0x7a) : QColor(0x2e, 0x8b, 0x4a);
    case StepStatus::Warn:
        return dark ? QColor(0xf0, 0xb4, 0x3c) : QColor(0xc7, 0x7c, 0x00);
    case StepStatus::Fail:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    case StepStatus::Error: // could not run: neither a verdict colour nor "not run"'s grey
        return dark ? QColor(0xc0, 0x8c, 0xff) : QColor(0x7b, 0x3f, 0xb5);
    }
    return palette.color(QPalette::Text);
}

QColor StatusColors::tint(StepStatus status, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    return blend(base, marker(status, palette), isDark(palette) ? 0.30 : 0.18);
}

QColor StatusColors::quietText(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.55);
}

QIcon StatusColors::markerIcon(StepStatus status, const QPalette &palette, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor colour = marker(status, palette);
    const QRectF box(1.5, 1.5, size - 3.0, size - 3.0);
    if (status == StepStatus::NotRun) {
        // Hollow: nothing has been judged yet.
        painter.setPen(QPen(colour, 1.5));
        painter.setBrush(Qt::NoBrush);
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
    }
    painter.drawEllipse(box);
    return QIcon(pixmap);
}

} // namespace nt::ui
