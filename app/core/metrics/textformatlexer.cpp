#include "metrics/textformatlexer.h"

#include <charconv>

namespace nt {

namespace {

bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

} // namespace

std::string_view TextFormatLexer::word() {
    const char *begin = m_p;
    while (m_p < m_end && !isBlank())
        ++m_p;
    return {begin, size_t(m_p - begin)};
}

std::string_view TextFormatLexer::metricName() {
    const char *begin = m_p;
    if (m_p == m_end || !(isLetter(*m_p) || *m_p == ':'))
        return {};
    while (m_p < m_end && (isLetter(*m_p) || isDigit(*m_p) || *m_p == ':'))
        ++m_p;
    return {begin, size_t(m_p - begin)};
}

bool TextFormatLexer::helpText(std::string &out) {
    out.reserve(size_t(m_end - m_p));
    while (m_p < m_end) {
        const char c = *m_p++;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (m_p == m_end)
            return false;
        const char e = *m_p++;
        if (e == '\\')
            out += '\\';
        else if (e == 'n')
            out += '\n';
        else
            return false;
    }
    return true;
}

const char *TextFormatLexer::labels(std::vector<Label> &out, std::deque<std::string> &unescaped,
                                    size_t start) {
    const char *const unterminated = QT_TRANSLATE_NOOP("nt::TextFormat", "unterminated label set");
    ++m_p; // '{'
    for (;;) {
        skipBlanks();
        if (atEnd())
            return unterminated;
        if (*m_p == '}') {
            ++m_p;
            return nullptr;
        }
        const char *nameBegin = m_p;
        if (!isLetter(*m_p))
            return QT_TRANSLATE_NOOP("nt::TextFormat", "invalid label name");
        while (m_p < m_end && (isLetter(*m_p) || isDigit(*m_p)))
            ++m_p;
        const std::string_view name(nameBegin, size_t(m_p - nameBegin));
        skipBlanks();
        if (atEnd() || *m_p != '=')
            return QT_TRANSLATE_NOOP("nt::TextFormat", "expected = after a label name");
        ++m_p;
        skipBlanks();
        if (atEnd() || *m_p != '"')
            return QT_TRANSLATE_NOOP("nt::TextFormat", "label value is not quoted");
        ++m_p;
        std::string_view value;
        if (const char *problem = labelValue(value, unescaped))
            return problem;
        for (size_t i = start; i < out.size(); ++i) {
            if (out[i].name == name)
                return QT_TRANSLATE_NOOP("nt::TextFormat", "duplicate label name");
        }
        out.push_back({name, value});
        skipBlanks();
        if (atEnd())
            return unterminated;
        if (*m_p == '}') {
            ++m_p;
            return nullptr;
        }
        if (*m_p != ',')
            return QT_TRANSLATE_NOOP("nt::TextFormat", "expected , or } after a label value");
        ++m_p;
    }
}

const char *TextFormatLexer::labelValue(std::string_view &value,
                                        std::deque<std::string> &unescaped) {
    const char *const unterminated =
        QT_TRANSLATE_NOOP("nt::TextFormat", "unterminated label value");
    const char *begin = m_p;
    while (m_p < m_end && *m_p != '"' && *m_p != '\\')
        ++m_p;
    if (m_p == m_end)
        return unterminated;
    if (*m_p == '"') { // the common case: the value is the buffer itself
        value = std::string_view(begin, size_t(m_p - begin));
        ++m_p;
        return nullptr;
    }
    std::string text(begin, m_p);
    while (m_p < m_end) {
        const char c = *m_p++;
        if (c == '"') {
            unescaped.push_back(std::move(text));
            value = unescaped.back();
            return nullptr;
        }
        if (c != '\\') {
            text += c;
            continue;
        }
        if (m_p == m_end)
            break;
        const char e = *m_p++;
        if (e == '\\' || e == '"')
            text += e;
        else if (e == 'n')
            text += '\n';
        else
            return QT_TRANSLATE_NOOP("nt::TextFormat", "invalid escape sequence in a label value");
    }
    return unterminated;
}

bool TextFormatLexer::number(double &out) {
    const char *begin = m_p;
    const std::string_view token = word();
    if (token.empty())
        return false;
    // from_chars takes '-', "inf", "nan" but not a leading '+', which "+Inf" needs.
    if (*begin == '+') {
        ++begin;
        if (begin == m_p || *begin == '-' || *begin == '+')
            return false;
    }
    const auto [ptr, ec] = std::from_chars(begin, m_p, out, std::chars_format::general);
    return ec == std::errc() && ptr == m_p;
}

bool TextFormatLexer::integer(qint64 &out) {
    const char *begin = m_p;
    const std::string_view token = word();
    if (token.empty())
        return false;
    long long v = 0;
    const auto [ptr, ec] = std::from_chars(begin, m_p, v);
    out = v;
    return ec == std::errc() && ptr == m_p;
}

} // namespace nt
