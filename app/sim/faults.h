#pragma once
// Injected failures for tests: a request matching a fault gets the fault's answer instead of the
// real one (see docs/simulator.md for the JSON).
#include <QString>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace nt::sim {

struct Fault
{
    std::string method;       // "" = any
    std::string pathPattern;
    std::regex path;          // matched against the whole request path
    int status = 0;           // 0 with garbage/close/delay only: otherwise the real answer
    int count = -1;           // requests left to hit; -1 forever
    int retryAfter = -1;      // seconds, sent as Retry-After
    int delayMs = 0;
    bool garbage = false;     // 200 with a body that is not JSON
    bool close = false;       // drop the connection without an answer
    std::string reason, message; // override the Status body's
};

class FaultSet
{
public:
    // Parses and adds one fault. Returns false with *error when the JSON is not a valid fault.
    bool add(const nlohmann::json &spec, QString *error);
    void clear() { m_faults.clear(); }
    // The first live fault matching the request; consumes one of its hits.
    std::optional<Fault> take(const std::string &method, const std::string &path);
    nlohmann::json toJson() const;

private:
    std::vector<Fault> m_faults;
};

} // namespace nt::sim
