// TerminalWidget on its own: bytes in, cells out. Colours (16, 256, truecolour), attributes,
// the alternate screen, wide characters, scrollback, selection and copy, bracketed paste, keys,
// font zoom, resize, per-frame coalescing and damage-limited painting; PlainConsole beside it.
#include "console/plainconsole.h"
#include "console/terminalwidget.h"

#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using nt::ui::PlainConsole;
using nt::ui::TerminalWidget;

class TstTerminalWidget : public QObject {
    Q_OBJECT

private:
    // A shown widget of exactly columns x rows cells (a hidden widget gets its resize event
    // only when shown).
    static void sizeTo(TerminalWidget &t, int columns, int rows) {
        t.resize(t.cellSize().width() * columns, t.cellSize().height() * rows);
        t.show();
    }

private Q_SLOTS:
    void textAndCursor() {
        TerminalWidget t;
        sizeTo(t, 40, 10);
        QCOMPARE(t.terminalSize(), QSize(40, 10));
        t.addOutput("hello\r\nworld");
        t.flushOutput();
        QCOMPARE(t.rowText(0), QStringLiteral("hello"));
        QCOMPARE(t.rowText(1), QStringLiteral("world"));
        QCOMPARE(t.cursorPosition(), QPoint(5, 1));
        QCOMPARE(t.visibleText(), QStringLiteral("hello\nworld"));
    }

    void outputIsCoalescedPerFrame() {
        TerminalWidget t;
        sizeTo(t, 40, 10);
        t.addOutput("a");
        t.addOutput("b");
        QCOMPARE(t.rowText(0), QString()); // not digested yet
        QTRY_COMPARE(t.rowText(0), QStringLiteral("ab"));
    }

    void colours() {
        TerminalWidget t;
        sizeTo(t, 40, 10);
        t.addOutput("\x1b[31mR\x1b[0m\x1b[38;5;208mO\x1b[0m\x1b[38;2;10;20;30mT\x1b[0m"
                    "\x1b[44mB\x1b[0mD");
        t.flushOutput();
        const auto red = t.cellAt(0, 0);
        QCOMPARE(red.text, QStringLiteral("R"));
        QCOMPARE(red.foregroundIndex, 1);
        QVERIFY(!red.defaultForeground);
        const auto orange = t.cellAt(0, 1);
        QCOMPARE(orange.foregroundIndex, 208);
        QCOMPARE(orange.foreground, QColor(0xff, 0x87, 0x00)); // xterm's 256-colour cube
        // Every basic colour but black stays readable on black (WCAG contrast >= 4:1): `ls`
        // paints directories in blue.
        auto luminance = [](const QColor &c) {
            auto channel = [](double v) {
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
                   0.0722 * channel(c.blueF());
        };
        TerminalWidget palette;
        sizeTo(palette, 40, 10);
        QByteArray line;
        for (int i = 1; i < 16; ++i)
            line += "\x1b[38;5;" + QByteArray::number(i) + "mX";
        palette.addOutput(line);
        palette.flushOutput();
        for (int i = 1; i < 16; ++i) {
            const QColor c = palette.cellAt(0, i - 1).foreground;
            const double contrast = (luminance(c) + 0.05) / 0.05;
            QVERIFY2(contrast >= 4.0, qPrintable(QStringLiteral("colour %1: %2:1").arg(i).arg(contrast)));
        }
        const auto rgb = t.cellAt(0, 2);
        QCOMPARE(rgb.foregroundIndex, -1);
        QCOMPARE(rgb.foreground, QColor(10, 20, 30));
        QCOMPARE(t.cellAt(0, 3).backgroundIndex, 4);
        QVERIFY(t.cellAt(0, 4).defaultForeground);
        QVERIFY(t.cellAt(0, 4).defaultBackground);
    }

    void attributes() {
        TerminalWidget t;
        sizeTo(t, 40, 10);
        t.addOutput("\x1b[1mb\x1b[0m\x1b[4mu\x1b[0m\x1b[7mr\x1b[0m\x1b[3mi\x1b[0mn");
        t.flushOutput();
        QVERIFY(t.cellAt(0, 0).bold);
        QVERIFY(t.cellAt(0, 1).underline);
        QVERIFY(t.cellAt(0, 2).reverse);
        QVERIFY(t.cellAt(0, 3).italic);
        const auto plain = t.cellAt(0, 4);
        QVERIFY(!plain.bold && !plain.underline && !plain.reverse && !plain.italic);
    }

    void alternateScreen() {
        TerminalWidget t;
        sizeTo(t, 40, 10);
        t.addOutput("shell prompt$ ");
        t.addOutput("\x1b[?1049h\x1b[H\x1b[2Jfull screen");
        t.flushOutput();
        QVERIFY(t.isAlternateScreen());
        QCOMPARE(t.rowText(0), QStringLiteral("full screen"));
        t.addOutput("\x1b[?1049l");
        t.flushOutput();
        QVERIFY(!t.isAlternateScreen());
        QCOMPARE(t.rowText(0), QStringLiteral("shell prompt$"));
    }

    void wideCharacters() {
        TerminalWidget t;
        sizeTo(t, 40, 10);
        t.addOutput(QStringLiteral(u"a漢字b").toUtf8());
        t.flushOutput();
        QCOMPARE(t.cellAt(0, 1).text, QStringLiteral(u"漢"));
        QCOMPARE(t.cellAt(0, 1).width, 2);
        QCOMPARE(t.cellAt(0, 2).text, QString()); // the right half
        QCOMPARE(t.cellAt(0, 3).text, QStringLiteral(u"字"));
        QCOMPARE(t.cellAt(0, 5).text, QStringLiteral("b"));
        QCOMPARE(t.cursorPosition(), QPoint(6, 0));
        QCOMPARE(t.rowText(0), QStringLiteral(u"a漢字b"));
    }

    void utf8SplitAcrossChunks() {
        TerminalWidget t;
        sizeTo(t, 40, 10);
        const QByteArray bytes = QStringLiteral(u"é€").toUtf8();
        t.addOutput(bytes.left(1));
        t.flushOutput();
        t.addOutput(bytes.mid(1, 2));
        t.flushOutput();
        t.addOutput(bytes.mid(3));
        t.flushOutput();
        QCOMPARE(t.rowText(0), QStringLiteral(u"é€"));
    }

    void scrollbackAndSelection() {
        TerminalWidget t;
        sizeTo(t, 20, 5);
        for (int i = 0; i < 12; ++i)
            t.addOutput(QByteArray("line ") + QByteArray::number(i) + "\r\n");
        t.flushOutput();
        QCOMPARE(t.scrollbackLines(), 8);
        QCOMPARE(t.scrollbackLine(0), QStringLiteral("line 0"));
        QCOMPARE(t.rowText(0), QStringLiteral("line 8"));
        t.setScrollOffset(3);
        QCOMPARE(t.scrollOffset(), 3);
        // Select "line 6" (scrollback) to "line 9" (screen), absolute lines 6..9.
        t.setSelection(QPoint(0, 6), QPoint(19, 9));
        QCOMPARE(t.selectedText(), QStringLiteral("line 6\nline 7\nline 8\nline 9"));
        t.copy();
        QCOMPARE(QApplication::clipboard()->text(), t.selectedText());
        // Typing goes back to the live screen.
        QSignalSpy typed(&t, &TerminalWidget::inputTyped);
        QTest::keyClicks(&t, QStringLiteral("x"));
        QCOMPARE(t.scrollOffset(), 0);
        QCOMPARE(typed.size(), 1);
    }

    void mouseSelection() {
        TerminalWidget t;
        sizeTo(t, 20, 5);
        t.show();
        t.addOutput("alpha beta\r\n");
        t.flushOutput();
        const QSize c = t.cellSize();
        QTest::mousePress(&t, Qt::LeftButton, {}, QPoint(c.width() * 6 + 1, c.height() / 2));
        QMouseEvent move(QEvent::MouseMove, QPointF(c.width() * 9 + 1, c.height() / 2), QPointF(),
                         Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&t, &move);
        QTest::mouseRelease(&t, Qt::LeftButton, {}, QPoint(c.width() * 9 + 1, c.height() / 2));
        QCOMPARE(t.selectedText(), QStringLiteral("beta"));
    }

    void keysBecomeBytes_data() {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("letter") << int(Qt::Key_A) << 0 << QStringLiteral("a") << QByteArray("a");
        QTest::addRow("enter") << int(Qt::Key_Return) << 0 << QStringLiteral("\r")
                               << QByteArray("\r");
        QTest::addRow("backspace")
            << int(Qt::Key_Backspace) << 0 << QString() << QByteArray("\x7f");
        QTest::addRow("ctrl-c") << int(Qt::Key_C) << int(Qt::ControlModifier) << QString()
                                << QByteArray("\x03");
        QTest::addRow("up") << int(Qt::Key_Up) << 0 << QString() << QByteArray("\x1b[A");
        QTest::addRow("tab") << int(Qt::Key_Tab) << 0 << QString() << QByteArray("\t");
        QTest::addRow("f1") << int(Qt::Key_F1) << 0 << QString() << QByteArray("\x1bOP");
        QTest::addRow("euro") << int(Qt::Key_unknown) << 0 << QStringLiteral(u"€")
                              << QStringLiteral(u"€").toUtf8();
    }

    void keysBecomeBytes() {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        TerminalWidget t;
        QSignalSpy typed(&t, &TerminalWidget::inputTyped);
        QKeyEvent press(QEvent::KeyPress, key, Qt::KeyboardModifiers(modifiers), text);
        QApplication::sendEvent(&t, &press);
        QCOMPARE(typed.size(), 1);
        QCOMPARE(typed.first().first().toByteArray(), bytes);
    }

    void bracketedPasteOnlyWhenAsked() {
        TerminalWidget t;
        QSignalSpy typed(&t, &TerminalWidget::inputTyped);
        t.paste(QStringLiteral("ls\nwho"));
        QCOMPARE(typed.takeFirst().first().toByteArray(), QByteArray("ls\rwho"));
        QVERIFY(!t.bracketedPasteRequested());
        t.addOutput("\x1b[?2004h"); // bash and vim ask for it
        t.flushOutput();
        QVERIFY(t.bracketedPasteRequested());
        t.paste(QStringLiteral("rm -rf /tmp/x\n"));
        QCOMPARE(typed.takeFirst().first().toByteArray(),
                 QByteArray("\x1b[200~rm -rf /tmp/x\r\x1b[201~"));
    }

    void zoomChangesCellsAndGrid() {
        TerminalWidget t;
        sizeTo(t, 80, 24);
        QSignalSpy resized(&t, &TerminalWidget::terminalResized);
        const QSize before = t.cellSize();
        QTest::keyClick(&t, Qt::Key_Equal, Qt::ControlModifier);
        QTest::keyClick(&t, Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(t.cellSize().height() > before.height());
        QVERIFY(t.terminalSize().width() < 80);
        QVERIFY(!resized.isEmpty());
        QCOMPARE(resized.last().at(0).toInt(), t.terminalSize().width());
        QTest::keyClick(&t, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(&t, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(t.cellSize(), before);
        QCOMPARE(t.terminalSize(), QSize(80, 24));
    }

    void resizeReportsCells() {
        TerminalWidget t;
        QSignalSpy resized(&t, &TerminalWidget::terminalResized);
        sizeTo(t, 100, 30);
        QVERIFY(!resized.isEmpty());
        QCOMPARE(resized.last().at(0).toInt(), 100);
        QCOMPARE(resized.last().at(1).toInt(), 30);
    }

    void onlyDamagedRowsRepainted() {
        TerminalWidget t;
        sizeTo(t, 40, 20);
        t.show();
        QVERIFY(QTest::qWaitForWindowExposed(&t));
        t.repaint();
        const qint64 full = t.paintedRows();
        t.addOutput("one line");
        t.flushOutput();
        t.repaint(t.visibleRegion()); // what a frame would do, with the damaged region only
        QCoreApplication::processEvents();
        const qint64 before = t.paintedRows();
        t.addOutput("\x1b[5;1Hrow five");
        t.flushOutput();
        QTRY_VERIFY(t.paintedRows() > before);
        // The text row and the cursor's old and new rows; never the whole screen.
        QVERIFY2(t.paintedRows() - before <= 3,
                 qPrintable(QString::number(t.paintedRows() - before)));
        QVERIFY(full >= 20);
    }

    void plainConsoleStripsAnsi() {
        PlainConsole p;
        p.addOutput("\x1b[31mred\x1b[0m plain\r\n\x1b[1");
        p.addOutput("mbold\x1b[0m\n");
        QCOMPARE(p.visibleText().trimmed(), QStringLiteral("red plain\nbold"));
        QSignalSpy typed(&p, &PlainConsole::inputTyped);
        QTest::keyClicks(p.focusProxy(), QStringLiteral("ls"));
        QTest::keyClick(p.focusProxy(), Qt::Key_Return);
        QCOMPARE(typed.size(), 3);
        QCOMPARE(typed.last().first().toByteArray(), QByteArray("\r"));
    }
};

QTEST_MAIN(TstTerminalWidget)
#include "tst_terminalwidget.moc"
