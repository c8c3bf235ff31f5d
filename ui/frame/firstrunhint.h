#pragma once
// The first-run hint: when no usable kubeconfig is found, the window says where it looked
// ($KUBECONFIG, else ~/.kube/config) and why nothing there can be used, and *offers* the demo
// cluster or a kubeconfig file of the user's choosing instead of opening the demo on its own.
// Once the user has taken one of the two, the settings remember it (Settings::firstRunHintShown)
// and later starts without a kubeconfig go straight to the demo, whose banner says why.
#include <QFrame>

class QCheckBox;
class QFileDialog;
class QLabel;
class QPushButton;

namespace nt::ui {

class FirstRunHint : public QFrame {
    Q_OBJECT
public:
    explicit FirstRunHint(QWidget *parent = nullptr);

    // Whether the hint is still to be offered (the settings do not say it was dismissed).
    static bool wanted();
    // Shows the hint; `why` is the loader's sentence about what it found (or did not).
    void offer(const QString &why);
    // Where kubectl's rules make NodeTriage look, as one sentence naming the paths.
    static QString lookedAt();

    QString text() const;
    QPushButton *demoButton() const { return m_demo; }
    QPushButton *openButton() const { return m_open; }
    // The file chooser while it is open (tests drive it), else null.
    QFileDialog *fileDialog() const { return m_dialog; }

    // Checks the file and, if it has a context, dismisses the hint and emits kubeconfigChosen;
    // otherwise says in the hint what is wrong with it and stays.
    void tryKubeconfig(const QString &path);

Q_SIGNALS:
    void demoRequested();
    void kubeconfigChosen(const QString &path);

private:
    void chooseKubeconfig();
    void dismiss();

    QLabel *m_text = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_demo = nullptr;
    QPushButton *m_open = nullptr;
    QFileDialog *m_dialog = nullptr;
};

} // namespace nt::ui
