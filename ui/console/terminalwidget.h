#pragma once
// A terminal on libvterm: colours (16, 256, truecolour), bold/italic/underline/reverse, the cursor,
// the alternate screen (less, top, vim), UTF-8 with wide (CJK) characters in double-width cells,
// scrollback, copy (mouse selection) and paste (bracketed when the program asks for it), font
// zoom (Ctrl+= / Ctrl+-), and its size in cells reported for the PTY's window-change.
//
// Output is coalesced: addOutput() queues bytes and libvterm digests them once per frame
// (~16 ms), and only the rows libvterm reports damaged are repainted.
#include "console/consoleview.h"

#include <memory>
#include <QColor>
#include <QPoint>

namespace nt::ui {

class TerminalWidget : public ConsoleView {
    Q_OBJECT
public:
    struct Cell {
        QString text; // empty for a blank cell and for the right half of a wide character
        int width = 1;
        QColor foreground; // resolved to RGB
        QColor background;
        int foregroundIndex = -1; // palette index when set by SGR 30-37/90-97/38;5;N, else -1
        int backgroundIndex = -1;
        bool defaultForeground = true;
        bool defaultBackground = true;
        bool bold = false;
        bool italic = false;
        bool underline = false;
        bool reverse = false;
        bool strike = false;
    };

    explicit TerminalWidget(QWidget *parent = nullptr);
    ~TerminalWidget() override;

    void addOutput(const QByteArray &bytes) override;
    QSize terminalSize() const override;
    QString visibleText() const override;
    void clearConsole() override;

    // Digests the queued output now instead of at the next frame.
    void flushOutput();

    // The screen (row 0 at the top of the live screen, not counting scrollback).
    Cell cellAt(int row, int column) const;
    QString rowText(int row) const;
    QPoint cursorPosition() const; // x = column, y = row
    bool isAlternateScreen() const;
    bool bracketedPasteRequested() const;
    int scrollbackLines() const;
    QString scrollbackLine(int index) const; // 0 = oldest
    void setScrollOffset(int lines);         // how many lines scrolled back into history
    int scrollOffset() const;

    // Selection over history + screen, in absolute lines (0 = oldest scrollback line).
    void setSelection(QPoint from, QPoint to); // x = column, y = absolute line
    void clearSelection();
    QString selectedText() const;
    void copy();
    void paste(const QString &text);

    void zoomIn();
    void zoomOut();
    void resetZoom();
    QSize cellSize() const;

    // Rows painted since the widget was created: damage tracking is observable.
    qint64 paintedRows() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
    void applyFont();
    void updateGridSize();
    QPoint cellAtPixel(QPoint pixel) const;
    friend struct Private;
};

} // namespace nt::ui
