#pragma once
// Plain HTTP(S) GETs for the sources that do not go through the API server (node_exporter,
// Prometheus), on the engine's thread's QNetworkAccessManager.
#include "sampling/samplesource.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace nt {

// `what` names the peer in error messages ("node_exporter of node X at URL"). The bearer token,
// when given, goes in the Authorization header only: it never appears in a message.
Fetch httpFetch(QNetworkAccessManager *network, const QUrl &url, int timeoutMs, const QString &what,
                const QString &bearerToken = {});

} // namespace nt
