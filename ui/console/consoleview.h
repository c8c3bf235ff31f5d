#pragma once
// The console's output pane, as hotspot's output widget: an abstract widget fed with the bytes a
// node sends (addOutput) that reports what the user types (inputTyped) and, for a terminal, its
// size in cells (terminalResized -> the PTY's window-change). Two implementations: TerminalWidget
// (libvterm, a real terminal) and PlainConsole (plain text, ANSI stripped, for exec output and
// where a terminal is not wanted).
#include <QByteArray>
#include <QSize>
#include <QWidget>

namespace nt::ui {

class ConsoleView : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual void addOutput(const QByteArray &bytes) = 0;
    // Columns x rows of the visible grid.
    virtual QSize terminalSize() const = 0;
    // The visible text, rows joined with '\n' (trailing blanks trimmed): for tests and copy.
    virtual QString visibleText() const = 0;
    virtual void clearConsole() = 0;

Q_SIGNALS:
    void inputTyped(const QByteArray &bytes);
    void terminalResized(int columns, int rows);
    void titleChanged(const QString &title);
};

} // namespace nt::ui
