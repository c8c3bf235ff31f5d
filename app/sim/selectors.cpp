#include "selectors.h"

#include <algorithm>

namespace nt::sim {

namespace {

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Splits on commas that are not inside parentheses ("a in (x,y),b=c").
std::vector<std::string> splitTerms(const std::string &text)
{
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    for (char c : text) {
        if (c == '(')
            ++depth;
        if (c == ')')
            --depth;
        if (c == ',' && depth == 0) {
            out.push_back(trim(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!trim(cur).empty())
        out.push_back(trim(cur));
    return out;
}

std::string labelValue(const nlohmann::json &labels, const std::string &key, bool *present)
{
    const auto it = labels.is_object() ? labels.find(key) : labels.end();
    *present = labels.is_object() && it != labels.end();
    return *present && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

const nlohmann::json &labelsOf(const nlohmann::json &object)
{
    static const nlohmann::json empty = nlohmann::json::object();
    const auto meta = object.find("metadata");
    if (meta == object.end())
        return empty;
    const auto labels = meta->find("labels");
    return labels == meta->end() ? empty : *labels;
}

std::optional<LabelSelector> LabelSelector::parse(const std::string &text)
{
    LabelSelector sel;
    for (const std::string &term : splitTerms(text)) {
        Term t;
        size_t pos;
        if (term.empty())
            return std::nullopt;
        if (term[0] == '!') {
            t = {trim(term.substr(1)), Op::NotExists, {}};
        } else if ((pos = term.find(" notin ")) != std::string::npos
                   || (pos = term.find(" in ")) != std::string::npos) {
            const bool notIn = term.compare(pos, 7, " notin ") == 0;
            t.key = trim(term.substr(0, pos));
            t.op = notIn ? Op::NotIn : Op::In;
            const auto open = term.find('(', pos);
            const auto close = term.rfind(')');
            if (open == std::string::npos || close == std::string::npos || close < open)
                return std::nullopt;
            for (const std::string &v : splitTerms(term.substr(open + 1, close - open - 1)))
                t.values.push_back(v);
        } else if ((pos = term.find("!=")) != std::string::npos) {
            t = {trim(term.substr(0, pos)), Op::NotEq, {trim(term.substr(pos + 2))}};
        } else if ((pos = term.find("==")) != std::string::npos) {
            t = {trim(term.substr(0, pos)), Op::Eq, {trim(term.substr(pos + 2))}};
        } else if ((pos = term.find('=')) != std::string::npos) {
            t = {trim(term.substr(0, pos)), Op::Eq, {trim(term.substr(pos + 1))}};
        } else {
            t = {term, Op::Exists, {}};
        }
        if (t.key.empty())
            return std::nullopt;
        sel.m_terms.push_back(std::move(t));
    }
    return sel;
}

bool LabelSelector::matches(const nlohmann::json &labels) const
{
    return std::all_of(m_terms.begin(), m_terms.end(), [&](const Term &t) {
        bool present = false;
        const std::string v = labelValue(labels, t.key, &present);
        const bool inValues = present && std::find(t.values.begin(), t.values.end(), v) != t.values.end();
        switch (t.op) {
        case Op::Eq: case Op::In: return inValues;
        case Op::NotEq: case Op::NotIn: return !inValues;
        case Op::Exists: return present;
        case Op::NotExists: return !present;
        }
        return false;
    });
}

std::optional<FieldSelector> FieldSelector::parse(const std::string &text)
{
    FieldSelector sel;
    for (const std::string &term : splitTerms(text)) {
        Term t{};
        size_t pos = term.find("!=");
        size_t valueAt;
        if (pos != std::string::npos) {
            t.negate = true;
            valueAt = pos + 2;
        } else if ((pos = term.find("==")) != std::string::npos) {
            valueAt = pos + 2;
        } else if ((pos = term.find('=')) != std::string::npos) {
            valueAt = pos + 1;
        } else {
            return std::nullopt;
        }
        std::string field = trim(term.substr(0, pos));
        t.value = trim(term.substr(valueAt));
        for (size_t start = 0;;) {
            const size_t dot = field.find('.', start);
            t.path.push_back(field.substr(start, dot - start));
            if (dot == std::string::npos)
                break;
            start = dot + 1;
        }
        sel.m_terms.push_back(std::move(t));
    }
    return sel;
}

bool FieldSelector::matches(const nlohmann::json &object) const
{
    return std::all_of(m_terms.begin(), m_terms.end(), [&](const Term &t) {
        const nlohmann::json *cur = &object;
        for (const std::string &part : t.path) {
            if (!cur->is_object() || !cur->contains(part)) {
                cur = nullptr;
                break;
            }
            cur = &(*cur)[part];
        }
        std::string value;
        if (cur && cur->is_string())
            value = cur->get<std::string>();
        else if (cur && !cur->is_null())
            value = cur->dump();
        return (value == t.value) != t.negate;
    });
}

} // namespace nt::sim
