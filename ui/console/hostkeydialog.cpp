#include "console/hostkeydialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace nt::ui {

HostKeyDialog::HostKeyDialog(const HostKeyQuestion &question, QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("hostKeyDialog"));
    setWindowTitle(tr("Unknown host key"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(
        tr("The authenticity of %1 (port %2) cannot be established: its key is not in %3.")
            .arg(question.host)
            .arg(question.port)
            .arg(question.knownHostsFile),
        this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *fingerprint =
        new QLabel(tr("%1 key fingerprint:\n%2").arg(question.keyType, question.fingerprint), this);
    fingerprint->setObjectName(QStringLiteral("fingerprint"));
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(fingerprint);
    layout->addWidget(new QLabel(
        tr("Compare it with the fingerprint the node's administrator gave you before you trust "
           "it."),
        this));

    auto *buttons = new QDialogButtonBox(this);
    auto *save = buttons->addButton(tr("Trust and save"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("trustAndSave"));
    auto *once = buttons->addButton(tr("Trust once"), QDialogButtonBox::AcceptRole);
    once->setObjectName(QStringLiteral("trustOnce"));
    auto *refuse = buttons->addButton(tr("Refuse"), QDialogButtonBox::RejectRole);
    refuse->setObjectName(QStringLiteral("refuse"));
    refuse->setDefault(true); // Enter must not trust a key
    connect(save, &QPushButton::clicked, this, [this] {
        m_decision = HostKeyDecision::TrustAndSave;
        accept();
    });
    connect(once, &QPushButton::clicked, this, [this] {
        m_decision = HostKeyDecision::TrustOnce;
        accept();
    });
    connect(refuse, &QPushButton::clicked, this, [this] {
        m_decision = HostKeyDecision::Refuse;
        reject();
    });
    layout->addWidget(buttons);
}

QDialog *showHostKeyChanged(const QString &message, QWidget *parent) {
    auto *box = new QMessageBox(QMessageBox::Critical,
                                QCoreApplication::translate("Console", "Host key changed"), message,
                                QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("hostKeyChangedDialog"));
    box->setInformativeText(QCoreApplication::translate(
        "Console", "The connection was refused before authenticating. Someone may be "
                   "intercepting it, or the node was rebuilt: check with the cluster's owner, "
                   "then remove the old line from known_hosts."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

} // namespace nt::ui
