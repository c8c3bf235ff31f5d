#pragma once
// labelSelector and fieldSelector as the API server understands them, for list requests.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace nt::sim {

// metadata.labels by reference (an empty object when absent), without copying the map.
const nlohmann::json &labelsOf(const nlohmann::json &object);

class LabelSelector
{
public:
    // Parses "a=b,c!=d,e in (x,y),f notin (z),g,!h". nullopt on syntax errors.
    static std::optional<LabelSelector> parse(const std::string &text);
    bool matches(const nlohmann::json &labels) const;
    bool empty() const { return m_terms.empty(); }

private:
    enum class Op { Eq, NotEq, In, NotIn, Exists, NotExists };
    struct Term { std::string key; Op op; std::vector<std::string> values; };
    std::vector<Term> m_terms;
};

class FieldSelector
{
public:
    // Parses "metadata.name=x,spec.nodeName!=y". nullopt on syntax errors.
    static std::optional<FieldSelector> parse(const std::string &text);
    // Fields are looked up by their dotted path in the object; an absent field is "".
    bool matches(const nlohmann::json &object) const;
    bool empty() const { return m_terms.empty(); }

private:
    struct Term { std::vector<std::string> path; std::string value; bool negate; };
    std::vector<Term> m_terms;
};

} // namespace nt::sim
