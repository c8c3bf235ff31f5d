#include "apitypes.h"

namespace nt::sim {

std::string reasonForCode(int code)
{
    switch (code) {
    case 400: return "BadRequest";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "NotFound";
    case 405: return "MethodNotAllowed";
    case 406: return "NotAcceptable";
    case 409: return "Conflict";
    case 410: return "Expired";
    case 415: return "UnsupportedMediaType";
    case 422: return "Invalid";
    case 429: return "TooManyRequests";
    case 500: return "InternalError";
    case 503: return "ServiceUnavailable";
    case 504: return "Timeout";
    default: return code >= 500 ? "InternalError" : "BadRequest";
    }
}

ApiResponse statusResponse(int code, const std::string &message, std::string reason, const nlohmann::json &details)
{
    nlohmann::json body = {{"kind", "Status"}, {"apiVersion", "v1"}, {"metadata", nlohmann::json::object()},
                           {"status", "Failure"}, {"message", message},
                           {"reason", reason.empty() ? reasonForCode(code) : reason}};
    if (!details.is_null())
        body["details"] = details;
    body["code"] = code;
    return {code, "application/json", body.dump(), {}};
}

ApiResponse jsonResponse(std::string body, int status)
{
    return {status, "application/json", std::move(body), {}};
}

} // namespace nt::sim
