#include "frame/firstrunhint.h"

#include "kube/kubeconfig.h"
#include "util/settings.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace nt::ui {

FirstRunHint::FirstRunHint(QWidget *parent)
    : QFrame(parent) {
    setObjectName(QStringLiteral("firstRunHint"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    auto *title = new QLabel(tr("No usable kubeconfig found"), this);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    layout->addWidget(title);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("firstRunProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *buttons = new QHBoxLayout;
    m_demo = new QPushButton(tr("Open &demo cluster"), this);
    m_demo->setObjectName(QStringLiteral("openDemoButton"));
    m_demo->setToolTip(tr("A simulated AKS cluster running on this computer; nothing here "
                          "touches a real cluster"));
    m_open = new QPushButton(tr("Open &kubeconfig…"), this);
    m_open->setObjectName(QStringLiteral("openKubeconfigButton"));
    m_open->setToolTip(tr("Choose a kubeconfig file, for example one written by "
                          "az aks get-credentials --file"));
    for (QPushButton *b : {m_demo, m_open}) {
        b->setFocusPolicy(Qt::StrongFocus);
        b->setAutoDefault(true);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    setFocusProxy(m_demo);

    connect(m_demo, &QPushButton::clicked, this, [this] {
        dismiss();
        Q_EMIT demoRequested();
    });
    connect(m_open, &QPushButton::clicked, this, &FirstRunHint::chooseKubeconfig);
    hide();
}

bool FirstRunHint::wanted() {
    return !Settings().firstRunHintShown();
}

QString FirstRunHint::lookedAt() {
    const QString home = QDir::home().filePath(QStringLiteral(".kube/config"));
    const QString env = qEnvironmentVariable("KUBECONFIG");
    if (!env.isEmpty())
        return tr("NodeTriage looked where $KUBECONFIG points (%1); with $KUBECONFIG set, "
                  "~/.kube/config (%2) is not read.")
            .arg(QDir::toNativeSeparators(env), QDir::toNativeSeparators(home));
    return tr("NodeTriage looked where $KUBECONFIG points (it is not set) and in ~/.kube/config "
              "(%1).")
        .arg(QDir::toNativeSeparators(home));
}

void FirstRunHint::offer(const QString &why) {
    m_text->setText(
        tr("%1\n%2\n\nOpen the demo cluster, a simulated AKS cluster running on this computer, to "
           "look around; or open a kubeconfig file. To reach your own cluster, fetch its "
           "credentials with az aks get-credentials and start NodeTriage again.")
            .arg(lookedAt(), why));
    m_problem->hide();
    setAccessibleName(tr("No usable kubeconfig found"));
    setAccessibleDescription(m_text->text());
    show();
    m_demo->setFocus(Qt::OtherFocusReason);
}

QString FirstRunHint::text() const {
    return m_problem->isVisible() ? m_text->text() + QLatin1Char('\n') + m_problem->text()
                                  : m_text->text();
}

void FirstRunHint::chooseKubeconfig() {
    if (m_dialog)
        return;
    // A window-modal dialog opened with open(), not exec(): the event loop (and the tests
    // driving it) keep running while it is up.
    m_dialog = new QFileDialog(window(), tr("Open kubeconfig"),
                               QDir::home().filePath(QStringLiteral(".kube")));
    m_dialog->setObjectName(QStringLiteral("kubeconfigFileDialog"));
    m_dialog->setFileMode(QFileDialog::ExistingFile);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QFileDialog::fileSelected, this, &FirstRunHint::tryKubeconfig);
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->open();
}

void FirstRunHint::tryKubeconfig(const QString &path) {
    Result<Kubeconfig> loaded = Kubeconfig::load({path});
    QString problem;
    if (!loaded)
        problem = loaded.error();
    else if (loaded->contexts().isEmpty())
        problem = tr("%1 has no contexts.").arg(QDir::toNativeSeparators(path));
    if (!problem.isEmpty()) {
        m_problem->setText(tr("Cannot open this kubeconfig: %1").arg(problem));
        m_problem->show();
        m_open->setFocus(Qt::OtherFocusReason);
        return;
    }
    dismiss();
    Q_EMIT kubeconfigChosen(path);
}

void FirstRunHint::dismiss() {
    Settings settings;
    settings.setFirstRunHintShown(true);
    settings.sync();
    hide();
}

} // namespace nt::ui
