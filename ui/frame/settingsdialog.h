#pragma once
// The settings dialog: sampling, Prometheus, SSH defaults, the probe pod image, language and
// theme. It edits an nt::Settings; nothing is written until OK. Secrets have no field here:
// the Prometheus token is described by where it comes from, never typed in and stored.
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace nt {
class Settings;
}

namespace nt::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(Settings &settings, QWidget *parent = nullptr);

    // Language or theme changed: they apply at the next start (said in the dialog).
    bool restartNeeded() const { return m_restartNeeded; }

public slots:
    void accept() override;
    void restoreDefaults();

private:
    void load();
    void validate();
    QWidget *generalPage();
    QWidget *samplingPage();
    QWidget *nodesPage();

    Settings &m_settings;
    bool m_restartNeeded = false;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_interval = nullptr;
    QLineEdit *m_prometheusUrl = nullptr;
    QComboBox *m_tokenSource = nullptr;
    QLineEdit *m_tokenName = nullptr;
    QLineEdit *m_sshUser = nullptr;
    QLineEdit *m_sshKey = nullptr;
    QLineEdit *m_sshJump = nullptr;
    QLineEdit *m_knownHosts = nullptr;
    QLineEdit *m_probeImage = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace nt::ui
