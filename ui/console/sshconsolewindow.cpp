#include "console/sshconsolewindow.h"

#include "console/hostkeydialog.h"
#include "console/terminalwidget.h"
#include "ssh/commandtemplate.h"
#include "ssh/nodecheckparsers.h"
#include "ssh/sshclient.h"
#include "ssh/sshconfig.h"
#include "ssh/sshtranscript.h"

#include <future>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace nt::ui {

namespace {

// One answer crossing from the GUI thread to the waiting worker thread, given at most once.
template <typename T> struct Answer {
    std::promise<T> promise;
    std::atomic_bool given{false};
    void give(T value) {
        if (!given.exchange(true))
            promise.set_value(std::move(value));
    }
};

} // namespace

SshConsoleWindow::SshConsoleWindow(QWidget *parent)
    : QWidget(parent)
    , m_client(std::make_unique<SshClient>())
    , m_transcript(new SshTranscript(this)) {
    setObjectName(QStringLiteral("sshConsole"));
    setWindowTitle(tr("SSH console"));
    buildUi();
    connect(m_client.get(), &SshClient::shellOutput, this, [this](int id, const QByteArray &data) {
        if (id != m_shellId)
            return;
        m_terminal->addOutput(data);
        m_transcript->output(data);
    });
    connect(m_client.get(), &SshClient::shellClosed, this, &SshConsoleWindow::onShellClosed);
    connect(m_client.get(), &SshClient::connectionLost, this, [this](const QString &message) {
        m_transcript->flush();
        m_transcript->event(message);
        m_shellId = -1;
        setBusy(false);
        setStatus(message + QLatin1Char(' ') + tr("Press Connect to reconnect."), true);
        Q_EMIT disconnected(message);
    });
    connect(m_terminal, &ConsoleView::inputTyped, this, [this](const QByteArray &bytes) {
        if (m_shellId < 0)
            return;
        m_transcript->typed(bytes);
        m_client->writeShell(m_shellId, bytes);
    });
    connect(m_terminal, &ConsoleView::terminalResized, this, [this](int columns, int rows) {
        if (m_shellId >= 0)
            m_client->resizeShell(m_shellId, {columns, rows});
    });
    setBusy(false);
    setStatus(tr("Not connected."));
}

SshConsoleWindow::~SshConsoleWindow() {
    // The worker may be waiting for one of our dialogs: answer it before joining its thread.
    declinePendingQuestions();
    m_client->cancel();
    m_client.reset();
}

void SshConsoleWindow::buildUi() {
    auto *layout = new QVBoxLayout(this);

    auto *form = new QHBoxLayout;
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("node address"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("user"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_jump = new QLineEdit(this);
    m_jump->setObjectName(QStringLiteral("jump"));
    m_jump->setPlaceholderText(tr("jump host: [user@]host[:port]"));
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("key"));
    m_key->setPlaceholderText(tr("identity file (optional)"));
    m_connect = new QPushButton(tr("Connect"), this);
    m_connect->setObjectName(QStringLiteral("connect"));
    m_disconnect = new QPushButton(tr("Disconnect"), this);
    m_disconnect->setObjectName(QStringLiteral("disconnect"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    form->addWidget(new QLabel(tr("Host"), this));
    form->addWidget(m_host, 2);
    form->addWidget(new QLabel(tr("User"), this));
    form->addWidget(m_user, 1);
    form->addWidget(new QLabel(tr("Port"), this));
    form->addWidget(m_port);
    form->addWidget(new QLabel(tr("Jump"), this));
    form->addWidget(m_jump, 2);
    form->addWidget(new QLabel(tr("Key"), this));
    form->addWidget(m_key, 2);
    form->addWidget(m_connect);
    form->addWidget(m_disconnect);
    form->addWidget(m_cancel);
    layout->addLayout(form);
    connect(m_connect, &QPushButton::clicked, this, &SshConsoleWindow::connectToNode);
    connect(m_disconnect, &QPushButton::clicked, this, &SshConsoleWindow::disconnectFromNode);
    connect(m_cancel, &QPushButton::clicked, this, &SshConsoleWindow::cancel);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_terminal = new TerminalWidget(splitter);
    m_terminal->setObjectName(QStringLiteral("terminal"));
    splitter->addWidget(m_terminal);

    auto *panel = new QGroupBox(tr("Node-side checks"), splitter);
    auto *panelLayout = new QVBoxLayout(panel);
    auto *inputs = new QFormLayout;
    m_fqdn = new QLineEdit(panel);
    m_fqdn->setObjectName(QStringLiteral("apiServerFqdn"));
    m_fqdn->setPlaceholderText(tr("x.hcp.region.azmk8s.io"));
    m_since = new QLineEdit(QStringLiteral("-1h"), panel);
    m_since->setObjectName(QStringLiteral("since"));
    inputs->addRow(tr("API server"), m_fqdn);
    inputs->addRow(tr("Journal since"), m_since);
    panelLayout->addLayout(inputs);
    for (const NodeCheck &check : NodeCheck::all()) {
        auto *button = new QPushButton(check.title(), panel);
        button->setObjectName(QStringLiteral("check-") + check.id);
        connect(button, &QPushButton::clicked, this, [this, id = check.id] { runCheck(id); });
        panelLayout->addWidget(button);
        m_checkButtons << button;
    }
    m_results = new QPlainTextEdit(panel);
    m_results->setObjectName(QStringLiteral("checkResults"));
    m_results->setReadOnly(true);
    m_results->setMaximumBlockCount(5000);
    panelLayout->addWidget(m_results, 1);
    auto *save = new QPushButton(tr("Save transcript..."), panel);
    connect(save, &QPushButton::clicked, this, &SshConsoleWindow::saveTranscript);
    panelLayout->addWidget(save);
    splitter->addWidget(panel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
}

void SshConsoleWindow::setTarget(const ConsoleTarget &target) {
    m_target = target;
    m_host->setText(target.host);
    m_user->setText(target.user);
    m_port->setValue(target.port);
    m_jump->setText(target.jump);
    m_key->setText(target.identityFile);
    m_fqdn->setText(target.apiServerFqdn);
    setWindowTitle(target.nodeName.isEmpty() ? tr("SSH console")
                                             : tr("SSH console - %1").arg(target.nodeName));
}

ConsoleTarget SshConsoleWindow::target() const {
    ConsoleTarget t = m_target;
    t.host = m_host->text().trimmed();
    t.user = m_user->text().trimmed();
    t.port = m_port->value();
    t.jump = m_jump->text().trimmed();
    t.identityFile = m_key->text().trimmed();
    t.apiServerFqdn = m_fqdn->text().trimmed();
    return t;
}

QString SshConsoleWindow::statusText() const {
    return m_status->text();
}

void SshConsoleWindow::setStatus(const QString &text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
    Q_EMIT statusChanged(text);
}

void SshConsoleWindow::setBusy(bool busy) {
    m_connecting = busy;
    m_connect->setEnabled(!busy && m_shellId < 0);
    m_cancel->setEnabled(busy);
    m_disconnect->setEnabled(!busy && m_shellId >= 0);
    for (QPushButton *b : std::as_const(m_checkButtons))
        b->setEnabled(m_shellId >= 0);
}

void SshConsoleWindow::declinePendingQuestions() {
    QList<std::function<void()>> pending;
    {
        std::lock_guard lock(m_pendingMutex);
        pending.swap(m_pending);
    }
    for (const auto &decline : pending)
        decline();
    for (const QPointer<QWidget> &dialog : std::as_const(m_openDialogs)) {
        if (dialog)
            dialog->close();
    }
    m_openDialogs.clear();
}

SshCallbacks SshConsoleWindow::makeCallbacks() {
    // Each callback runs on the engine's worker thread: it opens a dialog on the GUI thread
    // (queued) and waits for the answer; cancel() and closing the window answer "declined".
    QPointer<SshConsoleWindow> self(this);
    auto ask = [self]<typename T>(std::function<void(std::shared_ptr<Answer<T>>)> show,
                                  T declined) -> T {
        auto answer = std::make_shared<Answer<T>>();
        auto future = answer->promise.get_future();
        if (!self)
            return declined;
        {
            std::lock_guard lock(self->m_pendingMutex);
            self->m_pending << [answer, declined] { answer->give(declined); };
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, show, answer, declined] {
                if (!self)
                    answer->give(declined);
                else
                    show(answer);
            },
            Qt::QueuedConnection);
        return future.get();
    };

    SshCallbacks callbacks;
    callbacks.unknownHostKey = [self, ask](const HostKeyQuestion &question) {
        return ask.template operator()<HostKeyDecision>(
            [self, question](std::shared_ptr<Answer<HostKeyDecision>> answer) {
                auto *dialog = new HostKeyDialog(question, self);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                self->m_openDialogs << dialog;
                QObject::connect(dialog, &QDialog::finished, dialog,
                                 [dialog, answer] { answer->give(dialog->decision()); });
                QObject::connect(dialog, &QObject::destroyed,
                                 [answer] { answer->give(HostKeyDecision::Refuse); });
                dialog->open();
            },
            HostKeyDecision::Refuse);
    };
    auto secret = [self, ask](const QString &objectName, const QString &title, const QString &label,
                              bool echo = false) {
        return ask.template operator()<std::optional<QByteArray>>(
            [self, objectName, title, label,
             echo](std::shared_ptr<Answer<std::optional<QByteArray>>> answer) {
                auto *dialog = new QInputDialog(self);
                dialog->setObjectName(objectName);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->setWindowTitle(title);
                dialog->setLabelText(label);
                dialog->setTextEchoMode(echo ? QLineEdit::Normal : QLineEdit::Password);
                self->m_openDialogs << dialog;
                QObject::connect(dialog, &QDialog::finished, dialog, [dialog, answer](int r) {
                    if (r != QDialog::Accepted) {
                        answer->give(std::nullopt);
                        return;
                    }
                    QString text = dialog->textValue();
                    answer->give(text.toUtf8());
                    text.fill(QLatin1Char(' '));
                    dialog->setTextValue(QString());
                });
                QObject::connect(dialog, &QObject::destroyed,
                                 [answer] { answer->give(std::nullopt); });
                dialog->open();
            },
            std::optional<QByteArray>{});
    };
    // Told in the transcript (never the answer) so the session's record shows how it went.
    auto note = [self](const QString &text) {
        if (self)
            QMetaObject::invokeMethod(self.data(), [self, text] {
                if (self)
                    self->m_transcript->event(text);
            });
    };
    callbacks.passphrase = [secret, note](const QString &keyFile, int attempt) {
        note(tr("Passphrase asked for the key %1 (the answer is not recorded)").arg(keyFile));
        return secret(QStringLiteral("passphraseDialog"), tr("Key passphrase"),
                      attempt == 0 ? tr("Passphrase for %1:").arg(keyFile)
                                   : tr("Wrong passphrase. Passphrase for %1:").arg(keyFile));
    };
    callbacks.password = [secret, note](const QString &prompt, int attempt) {
        if (attempt > 0)
            note(tr("The password was refused."));
        note(tr("Password asked (the answer is not recorded)"));
        return secret(QStringLiteral("passwordDialog"), tr("Password"),
                      attempt == 0 ? prompt
                                   : tr("The password was refused; try again.") +
                                         QLatin1Char('\n') + prompt);
    };
    callbacks.keyboardInteractive =
        [secret, note](const KbdInteractiveQuestion &q) -> std::optional<QList<QByteArray>> {
        if (q.attempt > 0)
            note(tr("The server refused the answers."));
        note(tr("Keyboard-interactive authentication asked (the answers are not recorded)"));
        QList<QByteArray> answers;
        for (qsizetype i = 0; i < q.prompts.size(); ++i) {
            QStringList label;
            if (q.attempt > 0 && i == 0)
                label << tr("The server refused the answer; try again.");
            if (!q.instruction.isEmpty())
                label << q.instruction;
            label << q.prompts[i];
            const auto answer =
                secret(QStringLiteral("keyboardInteractiveDialog"),
                       q.name.isEmpty() ? tr("Keyboard-interactive authentication") : q.name,
                       label.join(QLatin1Char('\n')), q.echo.value(i, false));
            if (!answer)
                return std::nullopt;
            answers << *answer;
        }
        return answers;
    };
    callbacks.authAttempt = [self](const QString &method) {
        QMetaObject::invokeMethod(self.data(), [self, method] {
            if (self)
                self->m_transcript->event(tr("Trying authentication: %1").arg(method));
        });
    };
    return callbacks;
}

void SshConsoleWindow::connectToNode() {
    if (m_connecting || m_shellId >= 0)
        return;
    const ConsoleTarget t = target();
    const auto endpoint =
        parseSshEndpoint(t.user.isEmpty() ? t.host : t.user + QLatin1Char('@') + t.host);
    if (!endpoint) {
        setStatus(tr("The host '%1' is not a valid address or host name.").arg(t.host), true);
        return;
    }
    const auto config =
        SshConfig::load(t.sshConfigFile.isEmpty() ? SshConfig::defaultPath() : t.sshConfigFile);
    if (!config) {
        setStatus(config.error(), true);
        return;
    }
    SshOverrides overrides;
    overrides.port = t.port;
    if (!t.identityFile.isEmpty())
        overrides.identityFiles << t.identityFile;
    if (!t.jump.isEmpty())
        overrides.proxyJump = t.jump;
    overrides.knownHostsFile = t.knownHostsFile;
    auto options = config->connectOptions(*endpoint, overrides);
    if (!options) {
        setStatus(options.error(), true);
        return;
    }
    if (options->unknownHostKey == UnknownHostKeyPolicy::Refuse)
        options->unknownHostKey = UnknownHostKeyPolicy::Ask; // the GUI asks
    options->useAgent = t.useAgent;
    options->callbacks = makeCallbacks();
    m_session = options->target.display();
    m_transcript->beginSession(m_session);
    m_transcript->event(tr("Connecting to %1").arg(m_session));
    setStatus(tr("Connecting to %1...").arg(m_session));
    setBusy(true);
    m_client->connectToHost(*options).then(this, [this](SshStatus status) {
        if (!status.ok()) {
            onConnectFailed(status);
            return;
        }
        m_requestedSize = m_terminal->terminalSize();
        m_client->openShell({m_requestedSize.width(), m_requestedSize.height()})
            .then(this, [this](SshShellResult shell) {
                if (!shell.status.ok()) {
                    onConnectFailed(shell.status);
                    return;
                }
                m_shellId = shell.channelId;
                // The terminal may have been resized while the shell was being opened.
                const QSize now = m_terminal->terminalSize();
                if (now != m_requestedSize)
                    m_client->resizeShell(m_shellId, {now.width(), now.height()});
                onConnected();
            });
    });
}

void SshConsoleWindow::onConnected() {
    setBusy(false);
    m_transcript->event(tr("Connected to %1").arg(m_session));
    setStatus(tr("Connected to %1.").arg(m_session));
    m_terminal->setFocus();
    Q_EMIT connected();
}

void SshConsoleWindow::onConnectFailed(const SshStatus &status) {
    m_shellId = -1;
    setBusy(false);
    m_transcript->event(status.message);
    setStatus(status.message, true);
    if (status.kind == SshErrorKind::HostKeyChanged)
        m_openDialogs << showHostKeyChanged(status.message, this);
    Q_EMIT disconnected(status.message);
}

void SshConsoleWindow::onShellClosed(int id, int exitStatus, const QString &error) {
    if (id != m_shellId)
        return;
    m_shellId = -1;
    m_transcript->flush();
    const QString text =
        !error.isEmpty() ? error
        : exitStatus >= 0
            ? tr("The shell on %1 ended with exit status %2.").arg(m_session).arg(exitStatus)
            : tr("The shell on %1 was closed.").arg(m_session);
    m_transcript->event(text);
    setBusy(false);
    setStatus(text, !error.isEmpty());
    m_client->disconnectFromHost();
    Q_EMIT disconnected(text);
}

void SshConsoleWindow::disconnectFromNode() {
    if (m_shellId < 0)
        return;
    const int id = m_shellId;
    m_shellId = -1;
    m_transcript->flush();
    m_client->closeShell(id);
    m_client->disconnectFromHost();
    m_transcript->event(tr("Disconnected from %1").arg(m_session));
    setBusy(false);
    setStatus(tr("Disconnected from %1.").arg(m_session));
    Q_EMIT disconnected({});
}

void SshConsoleWindow::cancel() {
    declinePendingQuestions();
    m_client->cancel();
}

void SshConsoleWindow::appendResult(const QString &text) {
    m_results->appendPlainText(text);
}

bool SshConsoleWindow::runCheck(const QString &checkId) {
    const NodeCheck *check = NodeCheck::find(checkId);
    if (!check)
        return false;
    if (m_shellId < 0) {
        setStatus(tr("Connect to the node first: '%1' runs on it.").arg(check->title()), true);
        return false;
    }
    NodeCheckInput input;
    input.apiServerFqdn = m_fqdn->text().trimmed();
    input.since = m_since->text().trimmed();
    input.containerId = m_tunnelContainer;
    QString templateId = check->templateId;
    if (checkId == QLatin1String("tunnel-logs")) {
        if (m_tunnelContainer.isEmpty()) {
            setStatus(tr("Run 'Tunnel containers' first: it finds the container whose logs to "
                         "read."),
                      true);
            return false;
        }
        if (m_tunnelRuntime == QLatin1String("docker"))
            templateId = QStringLiteral("docker-logs");
    }
    const CommandTemplate *tmpl = CommandTemplate::find(templateId);
    const auto command = tmpl->render(check->arguments(input));
    if (!command) {
        setStatus(command.error(), true);
        return false;
    }
    // The exact command, before it runs: in the panel and in the transcript.
    appendResult(QStringLiteral("$ ") + *command);
    m_transcript->command(*command);
    setStatus(tr("Running '%1' on %2...").arg(check->title(), m_session));
    m_client->exec(*command).then(this, [this, checkId, cmd = *command](SshExecResult result) {
        const NodeCheck *c = NodeCheck::find(checkId);
        if (result.ok()) {
            m_transcript->output(result.stdOut);
            m_transcript->output(result.stdErr);
            m_transcript->flush();
        }
        if (checkId == QLatin1String("tunnel-containers") && result.ok()) {
            const auto e = parseTunnelContainers(result.stdOut, result.stdErr, result.exitStatus);
            m_tunnelRuntime = e.runtime;
            m_tunnelContainer = e.containers.isEmpty() ? QString() : e.containers.first().id;
        }
        const NodeCheckVerdict verdict = c->evaluate(result);
        m_records << NodeCheckRecord{checkId, cmd, verdict};
        const QString mark = verdict.inconclusive ? QStringLiteral("?")
                             : verdict.problem    ? QStringLiteral("!")
                                                  : QStringLiteral("ok");
        appendResult(QStringLiteral("[%1] %2").arg(mark, verdict.verdict));
        for (const QString &line : verdict.details)
            appendResult(QStringLiteral("    ") + line);
        m_transcript->event(verdict.verdict);
        setStatus(result.ok() ? verdict.verdict : result.status.message, !result.ok());
        Q_EMIT checkFinished(checkId, verdict.problem, verdict.verdict);
    });
    return true;
}

void SshConsoleWindow::saveTranscript() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save transcript"), QString(),
                                                      tr("JSON lines (*.jsonl)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_transcript->save(path, &error))
        setStatus(error, true);
    else
        setStatus(tr("Transcript saved to %1.").arg(path));
}

} // namespace nt::ui
