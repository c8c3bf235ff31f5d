#pragma once
// The questions the SSH engine asks the user, as non-blocking dialogs: the engine's worker thread
// waits for the answer, the GUI thread never does. An unknown host key shows its SHA256
// fingerprint with three answers; a changed host key is a warning with no way to carry on.
#include "ssh/sshtypes.h"

#include <QDialog>

namespace nt::ui {

class HostKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit HostKeyDialog(const HostKeyQuestion &question, QWidget *parent = nullptr);
    HostKeyDecision decision() const { return m_decision; }

private:
    HostKeyDecision m_decision = HostKeyDecision::Refuse;
};

// A changed (or other-type) host key: the engine refused already, before authenticating. The
// message names the known_hosts line; the only button closes the dialog.
QDialog *showHostKeyChanged(const QString &message, QWidget *parent);

} // namespace nt::ui
