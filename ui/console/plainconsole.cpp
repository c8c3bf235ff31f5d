#include "console/plainconsole.h"

#include "ssh/sshtranscript.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace nt::ui {

PlainConsole::PlainConsole(QWidget *parent)
    : ConsoleView(parent)
    , m_edit(new QPlainTextEdit(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    m_edit->setReadOnly(true);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setMaximumBlockCount(20000);
    m_edit->setUndoRedoEnabled(false);
    m_edit->installEventFilter(this);
    setFocusProxy(m_edit);
}

void PlainConsole::addOutput(const QByteArray &bytes) {
    QByteArray data = m_partial + bytes;
    m_partial.clear();
    // Hold back a trailing escape sequence or UTF-8 sequence cut between two chunks.
    const qsizetype esc = data.lastIndexOf('\x1b');
    if (esc >= 0 && data.size() - esc < 32) {
        const QByteArray tail = data.mid(esc);
        const bool complete = tail.size() > 2 && ((tail[1] == '[' && tail.back() >= 0x40) ||
                                                  (tail[1] != '[' && tail[1] != ']'));
        if (!complete) {
            m_partial = tail;
            data.truncate(esc);
        }
    }
    qsizetype cut = data.size();
    for (qsizetype i = data.size() - 1; i >= 0 && i >= data.size() - 4; --i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if ((c & 0xC0) == 0xC0) { // a lead byte: is its sequence complete?
            const int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (data.size() - i < need)
                cut = i;
            break;
        }
        if ((c & 0x80) == 0)
            break;
    }
    m_partial.prepend(data.mid(cut));
    data.truncate(cut);
    QString text = SshTranscript::plainText(data);
    if (text.isEmpty())
        return;
    QScrollBar *bar = m_edit->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    if (atEnd)
        bar->setValue(bar->maximum());
}

QSize PlainConsole::terminalSize() const {
    const QFontMetrics fm(m_edit->font());
    const int w = std::max(1, fm.horizontalAdvance(QLatin1Char('M')));
    return {std::max(20, m_edit->viewport()->width() / w),
            std::max(5, m_edit->viewport()->height() / std::max(1, fm.height()))};
}

QString PlainConsole::visibleText() const {
    return m_edit->toPlainText();
}

void PlainConsole::clearConsole() {
    m_edit->clear();
    m_partial.clear();
}

void PlainConsole::resizeEvent(QResizeEvent *event) {
    ConsoleView::resizeEvent(event);
    const QSize size = terminalSize();
    Q_EMIT terminalResized(size.width(), size.height());
}

bool PlainConsole::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy))
            return false;
        QByteArray bytes;
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            bytes = "\r";
        else if (key->key() == Qt::Key_Backspace)
            bytes = "\x7f";
        else
            bytes = key->text().toUtf8();
        if (!bytes.isEmpty())
            Q_EMIT inputTyped(bytes);
        return true;
    }
    return ConsoleView::eventFilter(watched, event);
}

} // namespace nt::ui
