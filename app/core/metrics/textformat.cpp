#include "metrics/textformat.h"

#include "metrics/textformatlexer.h"

#include <QCoreApplication>

namespace nt {

namespace {

QString reason(const char *text) {
    return QCoreApplication::translate("nt::TextFormat", text);
}

bool typeFromWord(std::string_view word, MetricType &type) {
    static constexpr std::pair<std::string_view, MetricType> types[] = {
        {"counter", MetricType::Counter},     {"gauge", MetricType::Gauge},
        {"histogram", MetricType::Histogram}, {"summary", MetricType::Summary},
        {"untyped", MetricType::Untyped},
    };
    for (const auto &[name, value] : types) {
        if (word == name) {
            type = value;
            return true;
        }
    }
    return false;
}

bool hasSuffix(std::string_view name, std::string_view suffix) {
    return name.size() > suffix.size() && name.ends_with(suffix);
}

} // namespace

// Owns the per-parse state; ParseResult befriends it so the result's arenas stay private.
class TextFormatParser {
public:
    TextFormatParser(ParseResult &result, const QByteArray &text, const SampleFilter &filter)
        : m_r(result)
        , m_filter(filter) {
        m_r.m_text = text;
    }

    void run() {
        const char *p = m_r.m_text.constData();
        const char *const end = p + m_r.m_text.size();
        while (p < end) {
            const void *nl = memchr(p, '\n', size_t(end - p));
            const char *lineEnd = nl ? static_cast<const char *>(nl) : end;
            ++m_line;
            std::string_view line(p, size_t(lineEnd - p));
            // The format says \n, but a scrape saved on Windows should not fail on every line.
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            parseLine(line);
            p = lineEnd + 1;
        }
        m_r.lines = m_line;
        for (size_t i = 0; i < m_r.samples.size(); ++i)
            m_r.samples[i].labels = std::span<const Label>(
                m_r.m_labels.data() + m_labelRanges[i].first, m_labelRanges[i].second);
    }

private:
    void error(const char *text) { m_r.errors.push_back({m_line, reason(text)}); }

    void parseLine(std::string_view line) {
        TextFormatLexer lex(line);
        lex.skipBlanks();
        if (lex.atEnd())
            return;
        if (lex.peek() == '#')
            parseComment(lex);
        else
            parseSample(lex);
    }

    void parseComment(TextFormatLexer &lex) {
        lex.advance();
        lex.skipBlanks();
        const std::string_view keyword = lex.word();
        const bool help = keyword == "HELP";
        if (!help && keyword != "TYPE")
            return; // an ordinary comment
        lex.skipBlanks();
        if (lex.atEnd())
            return; // "# HELP" alone is a comment, as the reference parser treats it
        const std::string_view name = lex.metricName();
        if (name.empty() || !(lex.atEnd() || lex.isBlank()))
            return error(
                QT_TRANSLATE_NOOP("nt::TextFormat", "invalid metric name after # HELP or # TYPE"));
        lex.skipBlanks();
        const quint32 index = familyNamed(name);
        if (help) {
            std::string text;
            if (!lex.helpText(text))
                return error(QT_TRANSLATE_NOOP("nt::TextFormat",
                                               "invalid escape sequence in a # HELP line"));
            if (m_helpSeen[index])
                return error(
                    QT_TRANSLATE_NOOP("nt::TextFormat", "second # HELP line for a metric"));
            m_helpSeen[index] = true;
            m_r.families[index].help = std::move(text);
            return;
        }
        MetricType type;
        const std::string_view word = lex.word();
        lex.skipBlanks();
        if (!typeFromWord(word, type) || !lex.atEnd())
            return error(
                QT_TRANSLATE_NOOP("nt::TextFormat", "unknown metric type in a # TYPE line"));
        if (m_typeSeen[index])
            return error(QT_TRANSLATE_NOOP("nt::TextFormat", "second # TYPE line for a metric"));
        if (!m_r.families[index].samples.empty())
            return error(
                QT_TRANSLATE_NOOP("nt::TextFormat", "# TYPE line after the metric's samples"));
        m_typeSeen[index] = true;
        m_r.families[index].type = type;
        m_current = index;
    }

    void parseSample(TextFormatLexer &lex) {
        const std::string_view name = lex.metricName();
        if (name.empty())
            return error(QT_TRANSLATE_NOOP("nt::TextFormat", "invalid metric name"));
        const size_t labelStart = m_r.m_labels.size();
        const auto dropLabels = [&] { m_r.m_labels.resize(labelStart); };
        lex.skipBlanks();
        if (!lex.atEnd() && lex.peek() == '{') {
            if (const char *problem = lex.labels(m_r.m_labels, m_r.m_unescaped, labelStart)) {
                dropLabels();
                return error(problem);
            }
            lex.skipBlanks();
        }
        Sample s;
        s.name = name;
        if (!lex.number(s.value)) {
            dropLabels();
            return error(lex.atEnd() ? QT_TRANSLATE_NOOP("nt::TextFormat", "missing sample value")
                                     : QT_TRANSLATE_NOOP("nt::TextFormat", "invalid sample value"));
        }
        lex.skipBlanks();
        if (!lex.atEnd()) {
            qint64 ts = 0;
            if (!lex.integer(ts)) {
                dropLabels();
                return error(QT_TRANSLATE_NOOP("nt::TextFormat", "invalid timestamp"));
            }
            lex.skipBlanks();
            if (!lex.atEnd()) {
                dropLabels();
                return error(
                    QT_TRANSLATE_NOOP("nt::TextFormat", "unexpected text after the timestamp"));
            }
            s.timestampMs = ts;
        }
        const std::span<const Label> labels(m_r.m_labels.data() + labelStart,
                                            m_r.m_labels.size() - labelStart);
        s.family = familyOfSample(name, s.kind);
        if (const char *problem = setBound(s, labels)) {
            dropLabels();
            return error(problem);
        }
        if (m_filter && !m_filter(name, labels))
            return dropLabels();
        m_r.families[s.family].samples.push_back(quint32(m_r.samples.size()));
        m_r.samples.push_back(s);
        m_labelRanges.emplace_back(quint32(labelStart), labels.size());
    }

    static const char *setBound(Sample &s, std::span<const Label> labels) {
        if (s.kind != SampleKind::Bucket && s.kind != SampleKind::Quantile)
            return nullptr;
        const std::string_view key = s.kind == SampleKind::Bucket ? "le" : "quantile";
        for (const Label &l : labels) {
            if (l.name != key)
                continue;
            TextFormatLexer boundLex(l.value);
            if (!boundLex.number(s.bound) || !boundLex.atEnd())
                return s.kind == SampleKind::Bucket
                           ? QT_TRANSLATE_NOOP("nt::TextFormat",
                                               "invalid le label of a histogram bucket")
                           : QT_TRANSLATE_NOOP("nt::TextFormat",
                                               "invalid quantile label of a summary");
            return nullptr;
        }
        return s.kind == SampleKind::Bucket
                   ? QT_TRANSLATE_NOOP("nt::TextFormat", "histogram bucket without an le label")
                   : QT_TRANSLATE_NOOP("nt::TextFormat", "summary sample without a quantile label");
    }

    quint32 familyNamed(std::string_view name) {
        const auto it = m_r.m_familyIndex.find(name);
        if (it != m_r.m_familyIndex.end())
            return it->second;
        const auto index = quint32(m_r.families.size());
        m_r.families.push_back(Family{name, {}, MetricType::Untyped, {}});
        m_r.m_familyIndex.emplace(name, index);
        m_helpSeen.push_back(false);
        m_typeSeen.push_back(false);
        return index;
    }

    // Which family a series belongs to and what it is there. Consecutive lines nearly always
    // continue the current family, so that is tried before any hash lookup.
    quint32 familyOfSample(std::string_view name, SampleKind &kind) {
        if (m_current < m_r.families.size() && suffixKind(m_current, name, kind))
            return m_current;
        const auto it = m_r.m_familyIndex.find(name);
        if (it != m_r.m_familyIndex.end() && suffixKind(it->second, name, kind))
            return m_current = it->second;
        for (const std::string_view suffix : {"_bucket", "_sum", "_count"}) {
            if (!hasSuffix(name, suffix))
                continue;
            const auto base = m_r.m_familyIndex.find(name.substr(0, name.size() - suffix.size()));
            if (base != m_r.m_familyIndex.end() && suffixKind(base->second, name, kind))
                return m_current = base->second;
        }
        kind = SampleKind::Plain;
        return m_current = familyNamed(name);
    }

    bool suffixKind(quint32 index, std::string_view name, SampleKind &kind) const {
        const Family &f = m_r.families[index];
        if (!name.starts_with(f.name))
            return false;
        const std::string_view rest = name.substr(f.name.size());
        const bool complex = f.type == MetricType::Histogram || f.type == MetricType::Summary;
        if (rest.empty())
            kind = f.type == MetricType::Summary ? SampleKind::Quantile : SampleKind::Plain;
        else if (complex && rest == "_sum")
            kind = SampleKind::Sum;
        else if (complex && rest == "_count")
            kind = SampleKind::Count;
        else if (f.type == MetricType::Histogram && rest == "_bucket")
            kind = SampleKind::Bucket;
        else
            return false;
        return true;
    }

    ParseResult &m_r;
    const SampleFilter &m_filter;
    int m_line = 0;
    quint32 m_current = ~quint32(0);
    std::vector<std::pair<quint32, size_t>> m_labelRanges;
    std::vector<bool> m_helpSeen;
    std::vector<bool> m_typeSeen;
};

std::optional<std::string_view> Sample::label(std::string_view labelName) const {
    for (const Label &l : labels) {
        if (l.name == labelName)
            return l.value;
    }
    return std::nullopt;
}

const Family *ParseResult::family(std::string_view name) const {
    const auto it = m_familyIndex.find(name);
    return it == m_familyIndex.end() ? nullptr : &families[it->second];
}

const Sample *ParseResult::find(std::string_view name, std::span<const Label> match) const {
    for (const Sample &s : samples) {
        if (s.name != name)
            continue;
        bool all = true;
        for (const Label &want : match)
            all = all && s.label(want.name) == want.value;
        if (all)
            return &s;
    }
    return nullptr;
}

ParseResult parseTextFormat(const QByteArray &text, const SampleFilter &filter) {
    ParseResult result;
    TextFormatParser(result, text, filter).run();
    return result;
}

} // namespace nt
