#include "pdfoutline.h"

#include "pdfreport.h"

#include <QFont>
#include <QFontDatabase>
#include <QHash>
#include <QRawFont>
#include <QRegularExpression>
#include <QSet>

namespace nt::report {
namespace {

// Text strings as UTF-16BE with a byte order mark: the only encoding every viewer reads for
// Chinese titles.
QByteArray pdfText(const QString &s) {
    QByteArray out("<FEFF");
    for (const QChar c : s)
        out += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    return out + '>';
}

QByteArray object(const QByteArray &pdf, int number) {
    const QRegularExpression re(QStringLiteral("(?<![0-9])%1 0 obj(.*?)endobj").arg(number),
                                QRegularExpression::DotMatchesEverythingOption);
    const auto m = re.match(QString::fromLatin1(pdf));
    return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray();
}

int reference(const QByteArray &dict, const char *key) {
    const QRegularExpression re(QLatin1String(key) + QStringLiteral("\\s+(\\d+)\\s+0\\s+R"));
    const auto m = re.match(QString::fromLatin1(dict));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

struct Trailer {
    int size = -1, root = -1, info = -1;
    qint64 startxref = -1;
    QByteArray id;
};

Trailer trailer(const QByteArray &pdf) {
    Trailer t;
    const qsizetype at = pdf.lastIndexOf("trailer");
    const qsizetype sx = pdf.lastIndexOf("startxref");
    if (at < 0 || sx < at)
        return t;
    const QByteArray dict = pdf.mid(at, sx - at);
    const QString text = QString::fromLatin1(dict);
    static const QRegularExpression size(QStringLiteral("/Size\\s+(\\d+)"));
    static const QRegularExpression id(QStringLiteral("/ID\\s*(\\[[^\\]]*\\])"));
    if (const auto m = size.match(text); m.hasMatch())
        t.size = m.captured(1).toInt();
    if (const auto m = id.match(text); m.hasMatch())
        t.id = m.captured(1).toLatin1();
    t.root = reference(dict, "/Root");
    t.info = reference(dict, "/Info");
    bool ok = false;
    t.startxref = pdf.mid(sx + 9).trimmed().split('\n').value(0).trimmed().toLongLong(&ok);
    if (!ok)
        t.startxref = -1;
    return t;
}

QByteArray utf16Hex(const QString &s) {
    QByteArray out;
    for (const QChar c : s)
        out += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    return out;
}

// The characters of the written text by the glyph they have in one font of the PDF (named by
// its /BaseFont, "NotoSansCJKsc-Bold"): Qt maps a glyph back to the lowest code point the font
// gives it, which is not always the one written - Noto Sans CJK SC draws 户 (U+6237) and 戶
// (U+6236) with one glyph, 止 (U+6B62) and the Kangxi radical ⽌ (U+2F4C) too.
class WrittenGlyphs {
public:
    WrittenGlyphs(const QByteArray &baseFont, const QSet<QString> &written) {
        // "DejaVuSans-Bold" -> the installed family whose name without spaces is "DejaVuSans".
        const QString name = QString::fromLatin1(baseFont.mid(baseFont.indexOf('+') + 1));
        const QString family = name.section(u'-', 0, 0);
        const QString style = name.section(u'-', 1);
        for (const QString &f : QFontDatabase::families()) {
            if (QString(f).remove(u' ').compare(family, Qt::CaseInsensitive) != 0)
                continue;
            QFont font(f);
            font.setBold(style.contains(QLatin1String("Bold"), Qt::CaseInsensitive));
            m_font = QRawFont::fromFont(font);
            break;
        }
        if (!m_font.isValid())
            return;
        for (const QString &c : written) {
            const QList<quint32> glyphs = m_font.glyphIndexesForString(c);
            if (glyphs.size() == 1 && glyphs[0] != 0)
                m_byGlyph.insert(glyphs[0], c);
        }
    }
    // The written character drawn with the same glyph as `c`, or "" when there is none.
    QString written(const QString &c) const {
        if (!m_font.isValid())
            return {};
        const QList<quint32> glyphs = m_font.glyphIndexesForString(c);
        return glyphs.size() == 1 ? m_byGlyph.value(glyphs[0]) : QString();
    }

private:
    QRawFont m_font;
    QHash<quint32, QString> m_byGlyph;
};

// A ToUnicode destination (hex UTF-16) as a reader expects it: the character that was written
// when the font shares its glyph with the one Qt chose; else NFKC for what Qt maps to a Kangxi
// radical, a compatibility ideograph or a ligature (U+FB01 for "fi"), so copied or searched text
// matches.
QByteArray destinationFor(const QByteArray &hex, const QSet<QString> &written,
                          const WrittenGlyphs &glyphs) {
    QString text;
    for (qsizetype i = 0; i + 4 <= hex.size(); i += 4)
        text += QChar(char16_t(hex.mid(i, 4).toUShort(nullptr, 16)));
    const bool single = text.size() == 1 || (text.size() == 2 && text[0].isHighSurrogate());
    if (single && text[0].unicode() >= 0x80 && !written.contains(text)) {
        if (const QString w = glyphs.written(text); !w.isEmpty())
            return utf16Hex(w);
    }
    bool special = false;
    for (const QChar c : std::as_const(text)) {
        const char16_t u = c.unicode();
        special = special || (u >= 0x2E80 && u <= 0x2FDF) || (u >= 0xF900 && u <= 0xFAFF) ||
                  (u >= 0xFB00 && u <= 0xFB06);
    }
    if (!special)
        return hex;
    return utf16Hex(text.normalized(QString::NormalizationForm_KC));
}

// The written text's characters, one string each (surrogate pairs kept together).
QSet<QString> characters(const QString &text) {
    QSet<QString> out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype n = text[i].isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        out.insert(text.mid(i, n));
        i += n - 1;
    }
    return out;
}

// The ToUnicode CMaps rewritten with destinationFor(), as replacement objects.
QList<std::pair<int, QByteArray>> toUnicodeFixes(const QByteArray &pdf, const QString &text) {
    QList<std::pair<int, QByteArray>> out;
    // Qt's Type0 font dictionaries: /BaseFont, /Encoding, /DescendantFonts, /ToUnicode.
    static const QRegularExpression refs(
        QStringLiteral("/BaseFont\\s*/([^\\s/<>\\[\\]]+)[^>]*?/ToUnicode\\s+(\\d+)\\s+0\\s+R"));
    static const QRegularExpression hexToken(QStringLiteral("<([0-9A-Fa-f]+)>"));
    const QSet<QString> written = characters(text);
    QList<int> seen;
    auto it = refs.globalMatch(QString::fromLatin1(pdf));
    while (it.hasNext()) {
        const QRegularExpressionMatch font = it.next();
        const int number = font.captured(2).toInt();
        if (seen.contains(number))
            continue;
        seen << number;
        const WrittenGlyphs glyphs(font.captured(1).toLatin1(), written);
        const QByteArray body = object(pdf, number);
        const qsizetype start = body.indexOf("stream\n");
        const qsizetype end = body.lastIndexOf("endstream");
        if (start < 0 || end < start || body.left(start).contains("/Filter"))
            continue; // compressed or unexpected: left as it is
        const QList<QByteArray> lines = body.mid(start + 7, end - start - 7).split('\n');
        QByteArray cmap;
        bool changed = false;
        for (const QByteArray &line : lines) {
            // "<src> <dst>" (bfchar), "<lo> <hi> [<dst> ...]" and "<lo> <lo> <dst>" (bfrange):
            // every token after the source codes is a destination.
            auto tokens = hexToken.globalMatch(QString::fromLatin1(line));
            QList<QRegularExpressionMatch> found;
            while (tokens.hasNext())
                found << tokens.next();
            const bool array = line.contains('[');
            const int firstDestination = array ? 2 : int(found.size()) - 1;
            if (found.size() < 2 ||
                (!array && found.size() == 3 && found[0].captured(1) != found[1].captured(1))) {
                cmap += line + '\n';
                continue;
            }
            QByteArray rewritten;
            qsizetype last = 0;
            for (int i = 0; i < found.size(); ++i) {
                rewritten += line.mid(last, found[i].capturedStart(1) - last);
                const QByteArray hex = found[i].captured(1).toLatin1();
                const QByteArray fixed =
                    i >= firstDestination ? destinationFor(hex, written, glyphs) : hex;
                changed = changed || fixed != hex;
                rewritten += fixed;
                last = found[i].capturedEnd(1);
            }
            cmap += rewritten + line.mid(last) + '\n';
        }
        if (changed) {
            cmap.chop(1);
            out << std::pair{number, "<< /Length " + QByteArray::number(cmap.size()) +
                                         " >>\nstream\n" + cmap + "\nendstream"};
        }
    }
    return out;
}

} // namespace

QList<int> pdfPageObjects(const QByteArray &pdf) {
    const Trailer t = trailer(pdf);
    if (t.root < 0)
        return {};
    const int pagesObj = reference(object(pdf, t.root), "/Pages");
    const QByteArray pages = object(pdf, pagesObj);
    const qsizetype kids = pages.indexOf("/Kids");
    if (kids < 0)
        return {};
    const qsizetype open = pages.indexOf('[', kids), close = pages.indexOf(']', kids);
    static const QRegularExpression ref(QStringLiteral("(\\d+)\\s+0\\s+R"));
    QList<int> out;
    auto it = ref.globalMatch(QString::fromLatin1(pages.mid(open + 1, close - open - 1)));
    while (it.hasNext())
        out << it.next().captured(1).toInt();
    return out;
}

QByteArray finishPdf(const QByteArray &pdf, const QList<OutlineEntry> &entries,
                     const QList<PdfLink> &links, const QString &text) {
    const Trailer t = trailer(pdf);
    const QList<int> pages = pdfPageObjects(pdf);
    const QByteArray catalog = object(pdf, t.root).trimmed();
    if (entries.isEmpty() || t.size < 0 || t.root < 0 || t.startxref < 0 || pages.isEmpty() ||
        !catalog.startsWith("<<") || !catalog.endsWith(">>") || catalog.contains("/Outlines"))
        return pdf;

    QByteArray out = pdf;
    if (!out.endsWith('\n'))
        out += '\n';
    QList<std::pair<int, qint64>> offsets; // object number, byte offset
    auto add = [&out, &offsets](int number, const QByteArray &body) {
        offsets << std::pair{number, qint64(out.size())};
        out += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
    };

    const int root = t.size;
    const int first = root + 1;
    const int count = int(entries.size());
    int next = first + count; // the next free object number
    auto destination = [&pages](const OutlineEntry &e) -> QByteArray {
        const int page = pages.value(std::clamp(e.page, 0, int(pages.size()) - 1));
        return "[" + QByteArray::number(page) + " 0 R /XYZ 0 " + QByteArray::number(e.y, 'f', 1) +
               " null]";
    };
    add(root, "<<\n/Type /Outlines\n/First " + QByteArray::number(first) + " 0 R\n/Last " +
                  QByteArray::number(first + count - 1) + " 0 R\n/Count " +
                  QByteArray::number(count) + "\n>>");
    for (int i = 0; i < count; ++i) {
        const OutlineEntry &e = entries[i];
        QByteArray body = "<<\n/Title " + pdfText(e.title) + "\n/Parent " +
                          QByteArray::number(root) + " 0 R\n/Dest " + destination(e) + '\n';
        if (i > 0)
            body += "/Prev " + QByteArray::number(first + i - 1) + " 0 R\n";
        if (i + 1 < count)
            body += "/Next " + QByteArray::number(first + i + 1) + " 0 R\n";
        add(first + i, body + ">>");
    }
    // Link annotations, added to each page's /Annots array (QPdfWriter gives every page one, as
    // an indirect object; a new revision of it lists the old entries and the links).
    QHash<int, QByteArray> annots; // page index -> the references to add
    for (const PdfLink &l : links) {
        if (l.page < 0 || l.page >= pages.size() || l.target < 0 || l.target >= count)
            continue;
        const QRectF r = l.rect.normalized();
        add(next, "<<\n/Type /Annot\n/Subtype /Link\n/Rect [" +
                      QByteArray::number(r.left(), 'f', 1) + ' ' +
                      QByteArray::number(r.top(), 'f', 1) + ' ' +
                      QByteArray::number(r.right(), 'f', 1) + ' ' +
                      QByteArray::number(r.bottom(), 'f', 1) + "]\n/Border [0 0 0]\n/Dest " +
                      destination(entries[l.target]) + "\n>>");
        annots[l.page] += ' ' + QByteArray::number(next) + " 0 R";
        ++next;
    }
    for (auto it = annots.cbegin(); it != annots.cend(); ++it) {
        const int annotsObj = reference(object(pdf, pages[it.key()]), "/Annots");
        const QByteArray array = object(pdf, annotsObj).trimmed();
        if (annotsObj < 0 || !array.startsWith('[') || !array.endsWith(']'))
            continue; // not what QPdfWriter writes: the page keeps its old annotations only
        add(annotsObj, array.chopped(1).trimmed() + it.value() + " ]");
    }
    for (const auto &[number, body] : toUnicodeFixes(pdf, text))
        add(number, body);
    // The catalog's new revision: the same dictionary plus the outline, opened with it shown.
    add(t.root, catalog.chopped(2).trimmed() + "\n/Outlines " + QByteArray::number(root) +
                    " 0 R\n/PageMode /UseOutlines\n>>");

    const qint64 xref = out.size();
    out += "xref\n";
    std::sort(offsets.begin(), offsets.end());
    for (qsizetype i = 0; i < offsets.size();) {
        qsizetype j = i;
        while (j + 1 < offsets.size() && offsets[j + 1].first == offsets[j].first + 1)
            ++j;
        out += QByteArray::number(offsets[i].first) + ' ' + QByteArray::number(j - i + 1) + '\n';
        for (qsizetype k = i; k <= j; ++k)
            out += QByteArray::number(offsets[k].second).rightJustified(10, '0') + " 00000 n \n";
        i = j + 1;
    }
    out += "trailer\n<<\n/Size " + QByteArray::number(next) + "\n/Root " +
           QByteArray::number(t.root) + " 0 R\n";
    if (t.info >= 0)
        out += "/Info " + QByteArray::number(t.info) + " 0 R\n";
    if (!t.id.isEmpty())
        out += "/ID " + t.id + '\n';
    out += "/Prev " + QByteArray::number(t.startxref) + "\n>>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

} // namespace nt::report
