#pragma once
// The token level of the Prometheus text format: one lexer per line, no allocation unless a label
// value or a HELP text carries escapes. Reasons it returns are untranslated source strings
// (QT_TRANSLATE_NOOP under "nt::TextFormat", written out at each use so lupdate sees them),
// translated where they become a ParseError.
#include <QtGlobal>

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/textformat.h"

namespace nt {

class TextFormatLexer {
public:
    explicit TextFormatLexer(std::string_view text)
        : m_p(text.data())
        , m_end(text.data() + text.size()) {}

    bool atEnd() const { return m_p == m_end; }
    char peek() const { return *m_p; }
    void advance() { ++m_p; }
    bool isBlank() const { return *m_p == ' ' || *m_p == '\t'; }
    void skipBlanks() {
        while (m_p < m_end && isBlank())
            ++m_p;
    }

    // Everything up to the next blank or the end of the line.
    std::string_view word();
    // [a-zA-Z_:][a-zA-Z0-9_:]*, or empty (nothing consumed) when no name starts here.
    std::string_view metricName();
    // The rest of the line with \\ and \n unescaped; false on any other escape.
    bool helpText(std::string &out);
    // At '{': appends the pairs to `out` (values needing unescaping go to `unescaped`, whose
    // elements never move). Returns nullptr, or the reason the set is malformed. Pairs from
    // `start` on are this sample's, for the duplicate-name check.
    const char *labels(std::vector<Label> &out, std::deque<std::string> &unescaped, size_t start);
    // A float token as Go's strconv.ParseFloat reads it: sign, exponent, NaN, +Inf, -Inf.
    bool number(double &out);
    bool integer(qint64 &out);

private:
    const char *labelValue(std::string_view &value, std::deque<std::string> &unescaped);

    const char *m_p;
    const char *m_end;
};

} // namespace nt
