#pragma once
// The HTTPS front of the simulator: TLS with client-certificate and bearer-token users,
// fault injection, request recording, and the /_sim control endpoints; everything else goes to
// ApiHandlers. Responses are written to the socket directly so delayed answers and dropped
// connections (faults) need no special cases in QtHttpServer.
#include "apihandlers.h"
#include "faults.h"
#include "requestrecorder.h"

#include <QAbstractHttpServer>
#include <QString>

class QTcpSocket;

namespace nt::sim {

class Certificates;

class SimServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    SimServer(SimCluster &cluster, const Certificates &certs, QString token, QObject *parent = nullptr);

    // Listens on 127.0.0.1:port (0 = any free port). Returns the port, 0 on failure.
    quint16 start(quint16 port);
    FaultSet &faults() { return m_faults; }
    RequestRecorder &recorder() { return m_recorder; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    std::string authenticate(const QHttpServerRequest &request, QTcpSocket *socket) const;
    ApiResponse control(const ApiRequest &request);
    ApiResponse handleSafely(const ApiRequest &request);
    void send(QTcpSocket *socket, const ApiResponse &response, int delayMs);

    SimCluster &m_cluster;
    const Certificates &m_certs;
    QString m_token;
    ApiHandlers m_handlers;
    FaultSet m_faults;
    RequestRecorder m_recorder;
    quint64 m_auditCounter = 0;
};

} // namespace nt::sim
