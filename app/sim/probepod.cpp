#include "probepod.h"

#include <sstream>
#include <vector>

namespace nt::sim {

namespace {

std::vector<std::string> words(const nlohmann::json &container) {
    std::vector<std::string> out;
    for (const char *key : {"command", "args"}) {
        for (const auto &item : container.value(key, nlohmann::json::array())) {
            if (!item.is_string())
                continue;
            // `sh -c "nslookup x"` carries the whole command line in one argument.
            std::istringstream in(item.get<std::string>());
            for (std::string w; in >> w;) {
                while (!w.empty() && (w.back() == ';' || w.back() == '\'' || w.back() == '"'))
                    w.pop_back();
                while (!w.empty() && (w.front() == '\'' || w.front() == '"'))
                    w.erase(0, 1);
                if (!w.empty())
                    out.push_back(w);
            }
        }
    }
    return out;
}

bool isAddress(const std::string &answer) {
    return !answer.empty() && answer != "NXDOMAIN" && answer != "SERVFAIL" && answer != "timeout";
}

// busybox nslookup, as in the busybox image checkers and the AKS guide use.
std::string nslookupOutput(const std::string &name, const std::string &answer,
                           const std::string &server) {
    std::string out = "Server:\t\t" + server + "\nAddress:\t" + server + ":53\n\n";
    if (answer == "timeout")
        return ";; connection timed out; no servers could be reached\n\n";
    if (!isAddress(answer)) {
        // One line per query type (A and AAAA).
        return out + "** server can't find " + name + ": " + answer + "\n\n** server can't find " +
               name + ": " + answer + "\n\n";
    }
    return out + "Non-authoritative answer:\nName:\t" + name + "\nAddress: " + answer + "\n\n";
}

} // namespace

std::string podAnswer(const ClusterSpec &c, const std::string &name) {
    const DnsSpec &d = c.dns;
    const auto it = d.podNames.find(name);
    if (it != d.podNames.end())
        return it->second;
    if (name == c.fqdn || (!c.privateFqdn.empty() && name == c.privateFqdn))
        return d.pod.empty() ? d.publicAddress : d.pod;
    // Other names (microsoft.com, the upstream check) resolve unless the scenario says so.
    return "20.70.246.20";
}

std::optional<ProbeRun> probeFor(const nlohmann::json &podSpec, const ClusterSpec &cluster) {
    const auto containers = podSpec.value("containers", nlohmann::json::array());
    if (containers.empty() || !containers[0].is_object())
        return std::nullopt;
    const std::vector<std::string> w = words(containers[0]);
    for (size_t i = 0; i < w.size(); ++i) {
        const std::string tool =
            w[i].substr(w[i].rfind('/') == std::string::npos ? 0 : w[i].rfind('/') + 1);
        if (tool != "nslookup" && tool != "getent" && tool != "dig")
            continue;
        std::vector<std::string> positional;
        for (size_t j = i + 1; j < w.size() && w[j] != "&&" && w[j] != "||" && w[j] != "|"; ++j) {
            if (w[j][0] == '-' || w[j][0] == '+')
                continue;
            if (tool == "getent" && positional.empty() &&
                (w[j] == "hosts" || w[j] == "ahosts" || w[j] == "ahostsv4")) {
                continue;
            }
            positional.push_back(w[j][0] == '@' ? w[j].substr(1) : w[j]);
        }
        if (positional.empty())
            continue;
        ProbeRun run;
        run.tool = tool;
        run.name = positional[0];
        while (!run.name.empty() && run.name.back() == '.')
            run.name.pop_back();
        run.answer = podAnswer(cluster, run.name);
        const bool ok = isAddress(run.answer);
        const std::string server = positional.size() > 1 ? positional[1] : cluster.dns.dnsServiceIp;
        if (tool == "nslookup") {
            run.output = nslookupOutput(run.name, run.answer, server);
            run.exitCode = ok ? 0 : 1;
        } else if (tool == "getent") {
            run.output = ok ? run.answer +
                                  std::string(std::max<size_t>(1, 16 - run.answer.size()), ' ') +
                                  run.name + "\n"
                            : "";
            run.exitCode = ok ? 0 : 2;
        } else { // dig +short
            run.output = ok ? run.answer + "\n"
                            : (run.answer == "timeout"
                                   ? ";; connection timed out; no servers could be reached\n"
                                   : "");
            run.exitCode = run.answer == "timeout" ? 9 : 0;
        }
        return run;
    }
    return std::nullopt;
}

} // namespace nt::sim
