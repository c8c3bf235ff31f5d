#include "patch.h"

namespace nt::sim {

using nlohmann::json;

namespace {

// Lists of objects with a "name" (containers, env, volumes...) merge by name, as their
// patchMergeKey says in the Kubernetes types; other lists are replaced, like merge patch does.
bool mergeByName(const json &list)
{
    if (!list.is_array() || list.empty())
        return false;
    for (const json &item : list) {
        if (!item.is_object() || !item.contains("name"))
            return false;
    }
    return true;
}

void strategicMerge(json &target, const json &patch)
{
    if (!patch.is_object()) {
        target = patch;
        return;
    }
    if (!target.is_object())
        target = json::object();
    for (const auto &[key, value] : patch.items()) {
        if (key.rfind("$", 0) == 0)
            continue; // directives ($patch, $retainKeys, $setElementOrder) need no action here
        if (value.is_null()) {
            target.erase(key);
        } else if (value.is_object()) {
            strategicMerge(target[key], value);
        } else if (mergeByName(value) && target.contains(key) && target[key].is_array()) {
            json &list = target[key];
            for (const json &item : value) {
                auto it = std::find_if(list.begin(), list.end(), [&](const json &x) { return x.value("name", "") == item["name"]; });
                if (item.value("$patch", "") == "delete") {
                    if (it != list.end())
                        list.erase(it);
                } else if (it != list.end()) {
                    strategicMerge(*it, item);
                } else {
                    list.push_back(item);
                }
            }
        } else {
            target[key] = value;
        }
    }
}

} // namespace

std::string applyPatch(const std::string &contentType, const std::string &body, json &target, int *httpStatus)
{
    *httpStatus = 400;
    const std::string type = contentType.substr(0, contentType.find(';'));
    json patch = json::parse(body, nullptr, false);
    if (patch.is_discarded())
        return "the body of the request was in an unknown format - accepted media types include: "
               "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json";
    try {
        if (type == "application/merge-patch+json") {
            target.merge_patch(patch);
        } else if (type == "application/strategic-merge-patch+json") {
            strategicMerge(target, patch);
        } else if (type == "application/json-patch+json") {
            target = target.patch(patch);
        } else {
            *httpStatus = 415;
            return "the body of the request was in an unknown format - accepted media types include: "
                   "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json";
        }
    } catch (const json::exception &e) {
        return std::string("the server rejected our request due to an error in our request: ") + e.what();
    }
    return {};
}

} // namespace nt::sim
