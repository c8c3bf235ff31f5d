// Every user-visible string in ui/ goes through tr(): we ship Simplified Chinese beside English,
// and a literal that slips past tr() stays English in the Chinese window. This test reads the
// widget sources and fails on a string literal with letters handed straight to an API that puts
// text on screen (setText, setToolTip, QLabel(...), QMessageBox::warning, ...), naming file and
// line. A deliberate exception (a command line, a product name) carries `i18n-ok` in a comment on
// the same line.
#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

// Qt APIs whose string argument the user reads. The literal may sit inside QStringLiteral(),
// QLatin1String(), QString::fromLatin1() or be a u"" literal: all of them bypass translation.
const char *const kVisibleApis[] = {
    "setText",          "setWindowTitle",   "setToolTip",      "setStatusTip",
    "setWhatsThis",     "setPlaceholderText", "setTitle",      "addAction",
    "addMenu",          "setTabText",       "addTab",          "insertTab",
    "showMessage",      "setLabelText",     "setHeaderLabels", "setHorizontalHeaderLabels",
    "setTitleText",     "setName",          "setInformativeText", "setDetailedText",
    "setAccessibleName", "setAccessibleDescription", "setSuffix", "setPrefix",
    "setSpecialValueText", "addItem",       "setWindowIconText", "setButtonText",
    "information",      "warning",          "critical",        "question",
    "QLabel",           "QPushButton",      "QToolButton",     "QCheckBox",
    "QRadioButton",     "QGroupBox",        "QAction",         "QMenu",
};

struct Violation {
    QString file;
    int line = 0;
    QString text;
};

QString stripComments(const QString &source)
{
    // Blank out comments but keep line numbers and keep the `i18n-ok` markers findable: the
    // caller looks for them in the original text.
    QString out = source;
    static const QRegularExpression block(QStringLiteral("/\\*.*?\\*/"),
                                          QRegularExpression::DotMatchesEverythingOption);
    for (auto it = block.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
        for (qsizetype i = m.capturedStart(); i < m.capturedEnd(); ++i) {
            if (out[i] != u'\n')
                out[i] = u' ';
        }
    }
    static const QRegularExpression line(QStringLiteral("//[^\\n]*"));
    for (auto it = line.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        // Not inside a string literal: a crude but sufficient test for our code (no "//" in
        // visible strings passed to these APIs).
        const qsizetype lineStart = out.lastIndexOf(u'\n', m.capturedStart()) + 1;
        if (out.mid(lineStart, m.capturedStart() - lineStart).count(u'"') % 2 != 0)
            continue;
        for (qsizetype i = m.capturedStart(); i < m.capturedEnd(); ++i)
            out[i] = u' ';
    }
    return out;
}

QList<Violation> scan(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{path, 0, QStringLiteral("cannot read")}};
    const QString original = QString::fromUtf8(file.readAll());
    const QString code = stripComments(original);
    const QStringList originalLines = original.split(u'\n');

    QStringList apis;
    for (const char *api : kVisibleApis)
        apis << QString::fromLatin1(api);
    // api ( [new-expression args are covered by the class names] optional wrapper, then a
    // literal. The literal is the FIRST argument - the one that is text for all these APIs
    // except the QMessageBox statics, whose first literal argument is the title.
    static const QRegularExpression call(
        QStringLiteral("\\b(%1)\\s*[({]\\s*(?:[A-Za-z_][\\w:.>-]*\\s*,\\s*)?"
                       "(?:QStringLiteral\\s*\\(|QLatin1String(?:View)?\\s*\\(|"
                       "QString::fromLatin1\\s*\\(|QString::fromUtf8\\s*\\(|QString\\s*\\()?\\s*"
                       "u?\"((?:[^\"\\\\]|\\\\.)*)\"")
            .arg(apis.join(u'|')));
    static const QRegularExpression letters(QStringLiteral("[A-Za-z]{2,}"));

    QList<Violation> found;
    for (auto it = call.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        const QString literal = m.captured(2);
        if (!letters.match(literal).hasMatch())
            continue; // separators, format strings such as "%1 / %2"
        const int line = int(code.left(m.capturedStart()).count(u'\n'));
        if (line < originalLines.size() && originalLines[line].contains(QLatin1String("i18n-ok")))
            continue;
        found.append({path, line + 1, m.captured(0).simplified()});
    }
    return found;
}

} // namespace

class TestTrLiterals : public QObject {
    Q_OBJECT
private slots:
    // The scanner itself: it must catch each way a literal reaches the screen, and let the
    // translated and the marked ones through.
    void scannerCatchesUntranslatedText()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("sample.cpp"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("label->setText(QStringLiteral(\"Nodes\"));\n"         // 1: caught
                   "button->setToolTip(tr(\"Refresh the nodes\"));\n"     // 2: translated
                   "auto *l = new QLabel(u\"Cluster\"_s, this);\n"        // 3: caught
                   "QMessageBox::warning(this, QStringLiteral(\"Oops\"), tr(\"x\"));\n" // 4
                   "setWindowTitle(QStringLiteral(\"NodeTriage\")); // i18n-ok: name\n" // 5
                   "status->showMessage(QStringLiteral(\"%1 / %2\"));\n"  // 6: no words
                   "// label->setText(QStringLiteral(\"in a comment\"));\n" // 7
                   "menu->addAction(QLatin1String(\"Export\"));\n");      // 8: caught
        file.close();
        const QList<Violation> found = scan(path);
        QList<int> lines;
        for (const Violation &v : found)
            lines << v.line;
        QCOMPARE(lines, (QList<int>{1, 3, 4, 8}));
    }

    void everyVisibleStringInUiIsTranslated()
    {
        QList<Violation> all;
        int files = 0;
        QDirIterator it(nt::test::sourceDir() + QStringLiteral("/ui"),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            all += scan(it.next());
            ++files;
        }
        QVERIFY(files > 10);
        QStringList report;
        for (const Violation &v : all)
            report << QStringLiteral("%1:%2: %3").arg(v.file).arg(v.line).arg(v.text);
        QVERIFY2(all.isEmpty(),
                 qPrintable(QStringLiteral("user-visible text without tr() (wrap it in tr(), or "
                                           "mark a deliberate exception with i18n-ok):\n") +
                            report.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTrLiterals)
#include "tst_trliterals.moc"
