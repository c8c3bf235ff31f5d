#pragma once
// A request as the API handlers see it (already authenticated), and their answer.
#include <QUrlQuery>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace nt::sim {

struct ApiRequest
{
    std::string method, path, accept, contentType, user;
    QUrlQuery query;
    QByteArray body;

    std::string param(const char *name) const
    {
        return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded).toStdString();
    }
    bool hasParam(const char *name) const { return query.hasQueryItem(QString::fromLatin1(name)); }
    bool wantsTable() const { return accept.find("as=Table") != std::string::npos; }
};

struct ApiResponse
{
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

// A metav1.Status failure body, as the API server sends with every error.
ApiResponse statusResponse(int code, const std::string &message, std::string reason = {},
                           const nlohmann::json &details = nullptr);
std::string reasonForCode(int code);
ApiResponse jsonResponse(std::string body, int status = 200);

} // namespace nt::sim
