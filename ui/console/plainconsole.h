#pragma once
// The plain-text console: a read-only QPlainTextEdit showing the node's output with ANSI control
// sequences removed (hotspot's output widget). Keys typed into it are sent as they are.
#include "console/consoleview.h"

class QPlainTextEdit;

namespace nt::ui {

class PlainConsole : public ConsoleView {
    Q_OBJECT
public:
    explicit PlainConsole(QWidget *parent = nullptr);

    void addOutput(const QByteArray &bytes) override;
    QSize terminalSize() const override;
    QString visibleText() const override;
    void clearConsole() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QPlainTextEdit *m_edit;
    QByteArray m_partial; // an incomplete UTF-8 sequence or escape held for the next chunk
};

} // namespace nt::ui
