#pragma once
// Turns SIGTERM/SIGINT into a Qt signal. The POSIX handler only writes a byte to a socketpair
// (async-signal-safe); a QSocketNotifier reads it in the event loop, where quitting is safe.
#include <QObject>

class QSocketNotifier;

namespace nt::sim {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;
    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace nt::sim
