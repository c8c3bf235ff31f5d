#include "console/terminalwidget.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QTimer>
#include <vector>
#include <vterm.h>

namespace nt::ui {

namespace {

constexpr int kFrameMs = 16;
constexpr int kScrollbackLimit = 10000;
constexpr uint32_t kWideContinuation = uint32_t(-1); // libvterm's right half of a wide char

QColor toQColor(const VTermColor &c) {
    return QColor(c.rgb.red, c.rgb.green, c.rgb.blue);
}

bool sameLook(const VTermScreenCell &a, const VTermScreenCell &b) {
    return a.attrs.bold == b.attrs.bold && a.attrs.italic == b.attrs.italic &&
           a.attrs.underline == b.attrs.underline && a.attrs.reverse == b.attrs.reverse &&
           a.attrs.strike == b.attrs.strike && vterm_color_is_equal(&a.fg, &b.fg) &&
           vterm_color_is_equal(&a.bg, &b.bg);
}

void appendChars(QString &out, const VTermScreenCell &cell) {
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i] != 0; ++i) {
        const char32_t c = cell.chars[i];
        out.append(QString::fromUcs4(&c, 1));
    }
}

} // namespace

struct TerminalWidget::Private {
    TerminalWidget *q;
    VTerm *vt = nullptr;
    VTermScreen *screen = nullptr;
    VTermScreenCallbacks callbacks{};
    int rows = 24;
    int columns = 80;
    QByteArray pending;
    QTimer frame;
    QByteArray typed; // bytes libvterm produced for the remote during one call
    std::deque<std::vector<VTermScreenCell>> scrollback;
    int scrollOffset = 0;
    VTermPos cursor{0, 0};
    bool cursorVisible = true;
    bool altScreen = false;
    bool focused = false;
    QColor defaultFg{0xd4, 0xd4, 0xd4};
    QColor defaultBg{0x1e, 0x1e, 0x1e};
    QFont font;
    qreal basePointSize = 10;
    int zoomSteps = 0;
    QSize cell{8, 16};
    int ascent = 12;
    bool selecting = false;
    bool hasSelection = false;
    QPoint selFrom, selTo; // absolute: x column, y line (0 = oldest scrollback line)
    qint64 paintedRows = 0;

    void damageRows(int startRow, int endRow) {
        const int top = (startRow + scrollOffset) * cell.height();
        q->update(QRect(0, top, q->width(), (endRow - startRow) * cell.height()));
    }

    static int onDamage(VTermRect rect, void *user) {
        static_cast<Private *>(user)->damageRows(rect.start_row, rect.end_row);
        return 1;
    }
    static int onMoveRect(VTermRect dest, VTermRect src, void *user) {
        auto *d = static_cast<Private *>(user);
        d->damageRows(std::min(dest.start_row, src.start_row), std::max(dest.end_row, src.end_row));
        return 1;
    }
    static int onMoveCursor(VTermPos pos, VTermPos old, int visible, void *user) {
        auto *d = static_cast<Private *>(user);
        d->cursor = pos;
        d->cursorVisible = visible != 0;
        d->damageRows(old.row, old.row + 1);
        d->damageRows(pos.row, pos.row + 1);
        return 1;
    }
    static int onTermProp(VTermProp prop, VTermValue *value, void *user) {
        auto *d = static_cast<Private *>(user);
        switch (prop) {
        case VTERM_PROP_CURSORVISIBLE:
            d->cursorVisible = value->boolean != 0;
            d->damageRows(d->cursor.row, d->cursor.row + 1);
            break;
        case VTERM_PROP_ALTSCREEN:
            d->altScreen = value->boolean != 0;
            d->scrollOffset = 0;
            d->q->update();
            break;
        case VTERM_PROP_TITLE:
            Q_EMIT d->q->titleChanged(QString::fromUtf8(value->string));
            break;
        default:
            break;
        }
        return 1;
    }
    static int onPushLine(int cols, const VTermScreenCell *cells, void *user) {
        auto *d = static_cast<Private *>(user);
        d->scrollback.emplace_back(cells, cells + cols);
        if (int(d->scrollback.size()) > kScrollbackLimit) {
            d->scrollback.pop_front();
            if (d->hasSelection) { // keep the selection on the same text
                d->selFrom.ry() -= 1;
                d->selTo.ry() -= 1;
            }
        } else if (d->scrollOffset > 0) {
            ++d->scrollOffset; // a reader scrolled back keeps looking at the same lines
        }
        return 1;
    }
    static int onPopLine(int cols, VTermScreenCell *cells, void *user) {
        auto *d = static_cast<Private *>(user);
        if (d->scrollback.empty())
            return 0;
        const auto &line = d->scrollback.back();
        for (int i = 0; i < cols; ++i) {
            if (i < int(line.size())) {
                cells[i] = line[size_t(i)];
            } else {
                cells[i] = VTermScreenCell{};
                cells[i].width = 1;
                cells[i].fg = line.empty() ? VTermScreenCell{}.fg : line.back().fg;
                cells[i].bg = line.empty() ? VTermScreenCell{}.bg : line.back().bg;
            }
        }
        d->scrollback.pop_back();
        d->scrollOffset = std::min(d->scrollOffset, int(d->scrollback.size()));
        return 1;
    }
    static void onOutput(const char *bytes, size_t length, void *user) {
        static_cast<Private *>(user)->typed.append(bytes, qsizetype(length));
    }

    void sendTyped() {
        if (typed.isEmpty())
            return;
        const QByteArray bytes = std::exchange(typed, {});
        Q_EMIT q->inputTyped(bytes);
    }

    // The cell at (row, column) of what is on the widget: scrollback rows first when scrolled.
    VTermScreenCell displayCell(int row, int column) const {
        VTermScreenCell cell{};
        if (row < scrollOffset) {
            const auto &line = scrollback[scrollback.size() - size_t(scrollOffset) + size_t(row)];
            if (column < int(line.size()))
                cell = line[size_t(column)];
            else
                cell.width = 1, cell.fg = line.empty() ? cell.fg : line.back().fg,
                cell.bg = line.empty() ? cell.bg : line.back().bg;
            return cell;
        }
        vterm_screen_get_cell(screen, VTermPos{row - scrollOffset, column}, &cell);
        return cell;
    }

    VTermScreenCell absoluteCell(int line, int column) const {
        VTermScreenCell cell{};
        if (line < int(scrollback.size())) {
            const auto &l = scrollback[size_t(line)];
            if (column < int(l.size()))
                cell = l[size_t(column)];
            return cell;
        }
        vterm_screen_get_cell(screen, VTermPos{line - int(scrollback.size()), column}, &cell);
        return cell;
    }

    QColor resolve(VTermColor color, bool foreground) const {
        if (foreground ? VTERM_COLOR_IS_DEFAULT_FG(&color) : VTERM_COLOR_IS_DEFAULT_BG(&color))
            return foreground ? defaultFg : defaultBg;
        // The 16 basic colours: libvterm's defaults put blue at (0, 0, 224), unreadable on a
        // dark background (`ls --color` directories). These keep every colour but black at a
        // contrast of at least 4:1 against black (checked in tst_terminalwidget).
        if (VTERM_COLOR_IS_INDEXED(&color) && color.indexed.idx < 16) {
            static constexpr QRgb basic[16] = {
                0x000000, 0xcd3131, 0x0dbc79, 0xe5e510, 0x3b78ff, 0xbc3fbc, 0x11a8cd, 0xe5e5e5,
                0x767676, 0xf14c4c, 0x23d18b, 0xf5f543, 0x6a9fff, 0xd670d6, 0x29b8db, 0xffffff};
            return QColor::fromRgb(basic[color.indexed.idx]);
        }
        // libvterm's 6x6x6 cube and grey ramp are not xterm's; programs pick 256-colour indices
        // for xterm's values, so we use those.
        if (VTERM_COLOR_IS_INDEXED(&color) && color.indexed.idx >= 16) {
            const int idx = color.indexed.idx;
            if (idx >= 232) {
                const int grey = 8 + (idx - 232) * 10;
                return QColor(grey, grey, grey);
            }
            static constexpr int ramp[] = {0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff};
            const int i = idx - 16;
            return QColor(ramp[i / 36], ramp[(i / 6) % 6], ramp[i % 6]);
        }
        vterm_screen_convert_color_to_rgb(screen, &color);
        return toQColor(color);
    }

    bool selected(int absLine, int column) const {
        if (!hasSelection)
            return false;
        QPoint a = selFrom, b = selTo;
        if (a.y() > b.y() || (a.y() == b.y() && a.x() > b.x()))
            std::swap(a, b);
        if (absLine < a.y() || absLine > b.y())
            return false;
        if (absLine == a.y() && column < a.x())
            return false;
        if (absLine == b.y() && column > b.x())
            return false;
        return true;
    }
};

TerminalWidget::TerminalWidget(QWidget *parent)
    : ConsoleView(parent)
    , d(std::make_unique<Private>()) {
    d->q = this;
    d->vt = vterm_new(d->rows, d->columns);
    vterm_set_utf8(d->vt, 1);
    d->screen = vterm_obtain_screen(d->vt);
    d->callbacks.damage = &Private::onDamage;
    d->callbacks.moverect = &Private::onMoveRect;
    d->callbacks.movecursor = &Private::onMoveCursor;
    d->callbacks.settermprop = &Private::onTermProp;
    d->callbacks.sb_pushline = &Private::onPushLine;
    d->callbacks.sb_popline = &Private::onPopLine;
    vterm_screen_set_callbacks(d->screen, &d->callbacks, d.get());
    vterm_screen_set_damage_merge(d->screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_enable_altscreen(d->screen, 1);
    vterm_output_set_callback(d->vt, &Private::onOutput, d.get());
    VTermColor fg, bg;
    vterm_color_rgb(&fg, uint8_t(d->defaultFg.red()), uint8_t(d->defaultFg.green()),
                    uint8_t(d->defaultFg.blue()));
    vterm_color_rgb(&bg, uint8_t(d->defaultBg.red()), uint8_t(d->defaultBg.green()),
                    uint8_t(d->defaultBg.blue()));
    vterm_state_set_default_colors(vterm_obtain_state(d->vt), &fg, &bg);
    vterm_screen_reset(d->screen, 1);

    d->frame.setSingleShot(true);
    d->frame.setInterval(kFrameMs);
    connect(&d->frame, &QTimer::timeout, this, &TerminalWidget::flushOutput);

    d->font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    d->font.setStyleHint(QFont::TypeWriter);
    d->basePointSize = d->font.pointSizeF() > 0 ? d->font.pointSizeF() : 10;
    applyFont();
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_InputMethodEnabled);
    setCursor(Qt::IBeamCursor);
    setMinimumSize(d->cell.width() * 20, d->cell.height() * 5);
    setAccessibleName(tr("Terminal"));
}

TerminalWidget::~TerminalWidget() {
    vterm_free(d->vt);
}

void TerminalWidget::addOutput(const QByteArray &bytes) {
    d->pending += bytes;
    if (!d->frame.isActive())
        d->frame.start();
}

void TerminalWidget::flushOutput() {
    d->frame.stop();
    if (d->pending.isEmpty())
        return;
    const QByteArray bytes = std::exchange(d->pending, {});
    vterm_input_write(d->vt, bytes.constData(), size_t(bytes.size()));
    vterm_screen_flush_damage(d->screen);
    d->sendTyped(); // answers to the program's queries (device attributes, cursor position)
}

QSize TerminalWidget::terminalSize() const {
    return {d->columns, d->rows};
}

QString TerminalWidget::rowText(int row) const {
    QString text;
    for (int c = 0; c < d->columns; ++c) {
        VTermScreenCell cell{};
        vterm_screen_get_cell(d->screen, VTermPos{row, c}, &cell);
        if (cell.chars[0] == kWideContinuation)
            continue;
        if (cell.chars[0] == 0)
            text += QLatin1Char(' ');
        else
            appendChars(text, cell);
    }
    while (text.endsWith(QLatin1Char(' ')))
        text.chop(1);
    return text;
}

QString TerminalWidget::visibleText() const {
    QStringList rows;
    for (int r = 0; r < d->rows; ++r)
        rows << rowText(r);
    while (!rows.isEmpty() && rows.last().isEmpty())
        rows.removeLast();
    return rows.join(QLatin1Char('\n'));
}

void TerminalWidget::clearConsole() {
    d->pending.clear();
    d->scrollback.clear();
    d->scrollOffset = 0;
    d->hasSelection = false;
    vterm_screen_reset(d->screen, 1);
    update();
}

TerminalWidget::Cell TerminalWidget::cellAt(int row, int column) const {
    VTermScreenCell vc{};
    vterm_screen_get_cell(d->screen, VTermPos{row, column}, &vc);
    Cell cell;
    if (vc.chars[0] != kWideContinuation)
        appendChars(cell.text, vc);
    cell.width = vc.width;
    cell.defaultForeground = VTERM_COLOR_IS_DEFAULT_FG(&vc.fg);
    cell.defaultBackground = VTERM_COLOR_IS_DEFAULT_BG(&vc.bg);
    if (VTERM_COLOR_IS_INDEXED(&vc.fg) && !cell.defaultForeground)
        cell.foregroundIndex = vc.fg.indexed.idx;
    if (VTERM_COLOR_IS_INDEXED(&vc.bg) && !cell.defaultBackground)
        cell.backgroundIndex = vc.bg.indexed.idx;
    cell.foreground = d->resolve(vc.fg, true);
    cell.background = d->resolve(vc.bg, false);
    cell.bold = vc.attrs.bold;
    cell.italic = vc.attrs.italic;
    cell.underline = vc.attrs.underline != 0;
    cell.reverse = vc.attrs.reverse;
    cell.strike = vc.attrs.strike;
    return cell;
}

QPoint TerminalWidget::cursorPosition() const {
    return {d->cursor.col, d->cursor.row};
}

bool TerminalWidget::isAlternateScreen() const {
    return d->altScreen;
}

bool TerminalWidget::bracketedPasteRequested() const {
    // libvterm keeps DECSET 2004 to itself; ask it to paste nothing and see what it would send.
    vterm_keyboard_start_paste(d->vt);
    vterm_keyboard_end_paste(d->vt);
    const bool requested = d->typed.contains("\x1b[200~");
    d->typed.clear();
    return requested;
}

int TerminalWidget::scrollbackLines() const {
    return int(d->scrollback.size());
}

QString TerminalWidget::scrollbackLine(int index) const {
    QString text;
    if (index < 0 || index >= int(d->scrollback.size()))
        return text;
    for (const VTermScreenCell &cell : d->scrollback[size_t(index)]) {
        if (cell.chars[0] == kWideContinuation)
            continue;
        if (cell.chars[0] == 0)
            text += QLatin1Char(' ');
        else
            appendChars(text, cell);
    }
    while (text.endsWith(QLatin1Char(' ')))
        text.chop(1);
    return text;
}

void TerminalWidget::setScrollOffset(int lines) {
    const int bounded = d->altScreen ? 0 : std::clamp(lines, 0, int(d->scrollback.size()));
    if (bounded == d->scrollOffset)
        return;
    d->scrollOffset = bounded;
    update();
}

int TerminalWidget::scrollOffset() const {
    return d->scrollOffset;
}

void TerminalWidget::setSelection(QPoint from, QPoint to) {
    d->selFrom = from;
    d->selTo = to;
    d->hasSelection = true;
    update();
}

void TerminalWidget::clearSelection() {
    if (!d->hasSelection)
        return;
    d->hasSelection = false;
    update();
}

QString TerminalWidget::selectedText() const {
    if (!d->hasSelection)
        return {};
    QPoint a = d->selFrom, b = d->selTo;
    if (a.y() > b.y() || (a.y() == b.y() && a.x() > b.x()))
        std::swap(a, b);
    QStringList lines;
    for (int line = a.y(); line <= b.y(); ++line) {
        QString text;
        const int first = line == a.y() ? a.x() : 0;
        const int last = line == b.y() ? b.x() : d->columns - 1;
        for (int c = first; c <= last && c < d->columns; ++c) {
            const VTermScreenCell cell = d->absoluteCell(line, c);
            if (cell.chars[0] == kWideContinuation)
                continue;
            if (cell.chars[0] == 0)
                text += QLatin1Char(' ');
            else
                appendChars(text, cell);
        }
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        lines << text;
    }
    return lines.join(QLatin1Char('\n'));
}

void TerminalWidget::copy() {
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void TerminalWidget::paste(const QString &text) {
    if (text.isEmpty())
        return;
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\r"));
    normalised.replace(QLatin1Char('\n'), QLatin1Char('\r'));
    // The start/end markers go out only when the program enabled bracketed paste (DECSET 2004).
    vterm_keyboard_start_paste(d->vt);
    d->typed += normalised.toUtf8();
    vterm_keyboard_end_paste(d->vt);
    d->sendTyped();
}

void TerminalWidget::applyFont() {
    QFont font = d->font;
    font.setPointSizeF(std::max(4.0, d->basePointSize + d->zoomSteps));
    font.setKerning(false);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0);
    // Cells are whole pixels; a glyph advance is not. Letter spacing makes every advance exactly
    // one cell, so a run of text drawn in one call stays on the grid to its last character.
    const qreal advance = QFontMetricsF(font).horizontalAdvance(QLatin1Char('M'));
    const int cellWidth = std::max(1, int(std::ceil(advance)));
    font.setLetterSpacing(QFont::AbsoluteSpacing, cellWidth - advance);
    QWidget::setFont(font);
    const QFontMetricsF fm(font);
    d->cell = QSize(cellWidth, std::max(1, int(std::ceil(fm.height()))));
    d->ascent = qRound(fm.ascent());
    updateGridSize();
    update();
}

void TerminalWidget::zoomIn() {
    ++d->zoomSteps;
    applyFont();
}

void TerminalWidget::zoomOut() {
    if (d->basePointSize + d->zoomSteps - 1 >= 4)
        --d->zoomSteps;
    applyFont();
}

void TerminalWidget::resetZoom() {
    d->zoomSteps = 0;
    applyFont();
}

QSize TerminalWidget::cellSize() const {
    return d->cell;
}

qint64 TerminalWidget::paintedRows() const {
    return d->paintedRows;
}

void TerminalWidget::updateGridSize() {
    const int columns = std::max(2, width() / d->cell.width());
    const int rows = std::max(1, height() / d->cell.height());
    if (columns == d->columns && rows == d->rows)
        return;
    flushOutput(); // what arrived for the old size is laid out at the old size
    d->columns = columns;
    d->rows = rows;
    vterm_set_size(d->vt, rows, columns);
    vterm_screen_flush_damage(d->screen);
    d->scrollOffset = std::min(d->scrollOffset, int(d->scrollback.size()));
    update();
    Q_EMIT terminalResized(columns, rows);
}

void TerminalWidget::resizeEvent(QResizeEvent *event) {
    ConsoleView::resizeEvent(event);
    updateGridSize();
}

void TerminalWidget::paintEvent(QPaintEvent *event) {
    QPainter painter(this);
    const int cw = d->cell.width();
    const int ch = d->cell.height();
    const QColor selectionBg = palette().color(QPalette::Highlight);
    const QColor selectionFg = palette().color(QPalette::HighlightedText);
    const int sbSize = int(d->scrollback.size());

    // The damaged rows: update() calls merge into a region, whose bounding rect would repaint
    // everything between two distant rows.
    std::vector<bool> damaged(size_t(d->rows), false);
    for (const QRect &rect : event->region()) {
        // The strip right of and below the grid.
        painter.fillRect(rect.intersected(QRect(d->columns * cw, 0, width(), height())),
                         d->defaultBg);
        painter.fillRect(rect.intersected(QRect(0, d->rows * ch, width(), height())), d->defaultBg);
        const int first = std::max(0, rect.top() / ch);
        const int last = std::min(d->rows - 1, rect.bottom() / ch);
        for (int row = first; row <= last; ++row)
            damaged[size_t(row)] = true;
    }

    QFont bold = font();
    bold.setBold(true);
    QFont italic = font();
    italic.setItalic(true);
    QFont boldItalic = bold;
    boldItalic.setItalic(true);

    for (int row = 0; row < d->rows; ++row) {
        if (!damaged[size_t(row)])
            continue;
        ++d->paintedRows;
        const int y = row * ch;
        const int absLine = sbSize - d->scrollOffset + row;
        int col = 0;
        while (col < d->columns) {
            const VTermScreenCell first = d->displayCell(row, col);
            const int width = std::max(1, int(first.width));
            const bool isSelected = d->selected(absLine, col);
            // A run: same look, same selection state, single-width cells.
            QString text;
            int span = 0;
            if (width == 1) {
                while (col + span < d->columns) {
                    const VTermScreenCell c = span == 0 ? first : d->displayCell(row, col + span);
                    if (c.width != 1 || !sameLook(c, first) ||
                        d->selected(absLine, col + span) != isSelected)
                        break;
                    if (c.chars[0] == 0 || c.chars[0] == kWideContinuation)
                        text += QLatin1Char(' ');
                    else
                        appendChars(text, c);
                    ++span;
                }
            } else {
                appendChars(text, first);
                span = width;
            }
            if (span == 0) { // a stray continuation cell
                span = 1;
                text = QStringLiteral(" ");
            }
            QColor fg = d->resolve(first.fg, true);
            QColor bg = d->resolve(first.bg, false);
            if (first.attrs.reverse)
                std::swap(fg, bg);
            if (isSelected) {
                fg = selectionFg;
                bg = selectionBg;
            }
            const QRect rect(col * cw, y, span * cw, ch);
            painter.fillRect(rect, bg);
            if (!text.trimmed().isEmpty()) {
                painter.setFont(first.attrs.bold ? (first.attrs.italic ? boldItalic : bold)
                                                 : (first.attrs.italic ? italic : font()));
                painter.setPen(fg);
                painter.drawText(QPoint(rect.left(), y + d->ascent), text);
            }
            if (first.attrs.underline) {
                painter.setPen(fg);
                painter.drawLine(rect.left(), y + ch - 2, rect.right(), y + ch - 2);
            }
            if (first.attrs.strike) {
                painter.setPen(fg);
                painter.drawLine(rect.left(), y + ch / 2, rect.right(), y + ch / 2);
            }
            col += span;
        }
        // The cursor, on the live screen only.
        if (d->cursorVisible && d->cursor.row + d->scrollOffset == row &&
            d->cursor.col < d->columns) {
            const QRect cursor(d->cursor.col * cw, y, cw, ch);
            if (d->focused) {
                painter.fillRect(cursor, d->defaultFg);
                const VTermScreenCell under = d->displayCell(row, d->cursor.col);
                if (under.chars[0] != 0 && under.chars[0] != kWideContinuation) {
                    QString t;
                    appendChars(t, under);
                    painter.setFont(font());
                    painter.setPen(d->defaultBg);
                    painter.drawText(QPoint(cursor.left(), y + d->ascent), t);
                }
            } else {
                painter.setPen(d->defaultFg);
                painter.drawRect(cursor.adjusted(0, 0, -1, -1));
            }
        }
    }
}

namespace {

VTermModifier modifiers(Qt::KeyboardModifiers m) {
    int mod = VTERM_MOD_NONE;
    if (m & Qt::ShiftModifier)
        mod |= VTERM_MOD_SHIFT;
    if (m & Qt::AltModifier)
        mod |= VTERM_MOD_ALT;
    if (m & Qt::ControlModifier)
        mod |= VTERM_MOD_CTRL;
    return VTermModifier(mod);
}

VTermKey specialKey(int key) {
    switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return VTERM_KEY_ENTER;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return VTERM_KEY_TAB;
    case Qt::Key_Backspace:
        return VTERM_KEY_BACKSPACE;
    case Qt::Key_Escape:
        return VTERM_KEY_ESCAPE;
    case Qt::Key_Up:
        return VTERM_KEY_UP;
    case Qt::Key_Down:
        return VTERM_KEY_DOWN;
    case Qt::Key_Left:
        return VTERM_KEY_LEFT;
    case Qt::Key_Right:
        return VTERM_KEY_RIGHT;
    case Qt::Key_Insert:
        return VTERM_KEY_INS;
    case Qt::Key_Delete:
        return VTERM_KEY_DEL;
    case Qt::Key_Home:
        return VTERM_KEY_HOME;
    case Qt::Key_End:
        return VTERM_KEY_END;
    case Qt::Key_PageUp:
        return VTERM_KEY_PAGEUP;
    case Qt::Key_PageDown:
        return VTERM_KEY_PAGEDOWN;
    default:
        break;
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F35)
        return VTermKey(VTERM_KEY_FUNCTION(key - Qt::Key_F1 + 1));
    return VTERM_KEY_NONE;
}

} // namespace

void TerminalWidget::keyPressEvent(QKeyEvent *event) {
    const Qt::KeyboardModifiers m = event->modifiers();
    const bool ctrl = m & Qt::ControlModifier;
    const bool shift = m & Qt::ShiftModifier;
    // Our own shortcuts: zoom, copy, paste, scrolling the history.
    if (ctrl && (event->key() == Qt::Key_Equal || event->key() == Qt::Key_Plus)) {
        zoomIn();
        return;
    }
    if (ctrl && !shift && event->key() == Qt::Key_Minus) {
        zoomOut();
        return;
    }
    if (ctrl && !shift && event->key() == Qt::Key_0) {
        resetZoom();
        return;
    }
    if (ctrl && shift && event->key() == Qt::Key_C) {
        copy();
        return;
    }
    if ((ctrl && shift && event->key() == Qt::Key_V) || (shift && event->key() == Qt::Key_Insert)) {
        paste(QApplication::clipboard()->text());
        return;
    }
    if (shift && (event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown)) {
        const int page = std::max(1, d->rows - 1);
        setScrollOffset(d->scrollOffset + (event->key() == Qt::Key_PageUp ? page : -page));
        return;
    }

    const VTermKey key = specialKey(event->key());
    const VTermModifier mod = modifiers(m);
    if (key != VTERM_KEY_NONE) {
        vterm_keyboard_key(d->vt, key, mod);
    } else if (ctrl && event->key() >= Qt::Key_A && event->key() <= Qt::Key_Z) {
        vterm_keyboard_unichar(d->vt, uint32_t('a' + (event->key() - Qt::Key_A)),
                               VTermModifier(mod & ~VTERM_MOD_SHIFT));
    } else if (!event->text().isEmpty()) {
        for (const char32_t c : event->text().toUcs4()) {
            if (c < 0x20 || c == 0x7f) {
                d->typed += char(c);
                continue;
            }
            // Shift is already in the character; Ctrl/Alt combinations go to libvterm.
            vterm_keyboard_unichar(d->vt, uint32_t(c), VTermModifier(mod & ~VTERM_MOD_SHIFT));
        }
    } else {
        ConsoleView::keyPressEvent(event);
        return;
    }
    if (!d->typed.isEmpty()) {
        clearSelection();
        setScrollOffset(0);
    }
    d->sendTyped();
}

QPoint TerminalWidget::cellAtPixel(QPoint pixel) const {
    const int col = std::clamp(pixel.x() / d->cell.width(), 0, d->columns - 1);
    const int row = std::clamp(pixel.y() / d->cell.height(), 0, d->rows - 1);
    return {col, int(d->scrollback.size()) - d->scrollOffset + row};
}

void TerminalWidget::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton) {
        d->selecting = true;
        d->hasSelection = false;
        d->selFrom = d->selTo = cellAtPixel(event->position().toPoint());
        update();
    } else if (event->button() == Qt::MiddleButton) {
        paste(QApplication::clipboard()->text(QClipboard::Selection));
    }
}

void TerminalWidget::mouseMoveEvent(QMouseEvent *event) {
    if (!d->selecting)
        return;
    d->selTo = cellAtPixel(event->position().toPoint());
    d->hasSelection = true;
    update();
}

void TerminalWidget::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton || !d->selecting)
        return;
    d->selecting = false;
    if (d->hasSelection && QApplication::clipboard()->supportsSelection())
        QApplication::clipboard()->setText(selectedText(), QClipboard::Selection);
}

void TerminalWidget::wheelEvent(QWheelEvent *event) {
    const int lines = event->angleDelta().y() / 40;
    setScrollOffset(d->scrollOffset + lines);
}

void TerminalWidget::focusInEvent(QFocusEvent *event) {
    d->focused = true;
    d->damageRows(d->cursor.row, d->cursor.row + 1);
    ConsoleView::focusInEvent(event);
}

void TerminalWidget::focusOutEvent(QFocusEvent *event) {
    d->focused = false;
    d->damageRows(d->cursor.row, d->cursor.row + 1);
    ConsoleView::focusOutEvent(event);
}

bool TerminalWidget::focusNextPrevChild(bool) {
    return false; // Tab belongs to the shell
}

} // namespace nt::ui
