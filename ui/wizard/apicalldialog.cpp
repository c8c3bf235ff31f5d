#include "apicalldialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nt::ui {

ApiCallDialog::ApiCallDialog(const QString &what, const QList<ApiCall> &calls,
                             const QString &okText, QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("apiCallDialog"));
    setWindowTitle(tr("Change the cluster?"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(what, this);
    text->setWordWrap(true);
    auto *callsLabel =
        new QLabel(tr("These requests go to the API server when you press “%1”:")
                       .arg(QString(okText).remove(u'&')),
                   this);
    callsLabel->setWordWrap(true);
    m_calls = new QPlainTextEdit(this);
    m_calls->setObjectName(QStringLiteral("apiCalls"));
    m_calls->setReadOnly(true);
    m_calls->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_calls->setTabChangesFocus(true);
    QStringList blocks;
    for (const ApiCall &call : calls) {
        QString block = call.line();
        if (!call.contentType.isEmpty())
            block += u'\n' + tr("Content-Type: %1").arg(QString::fromLatin1(call.contentType));
        if (!call.body.isEmpty())
            block += u'\n' + QString::fromUtf8(call.body);
        else if (!call.bodySummary.isEmpty())
            block += u'\n' + call.bodySummary;
        blocks << block;
    }
    m_calls->setPlainText(blocks.join(QStringLiteral("\n\n")));
    m_calls->setMinimumSize(m_calls->fontMetrics().averageCharWidth() * 80,
                            m_calls->fontMetrics().height() * 8);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_ok = buttons->addButton(okText, QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("apiCallOk"));
    m_ok->setAutoDefault(false);
    m_ok->setDefault(false);
    m_cancel->setAutoDefault(true);
    m_cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    layout->addWidget(text);
    layout->addWidget(callsLabel);
    layout->addWidget(m_calls, 1);
    layout->addWidget(buttons);
    m_cancel->setFocus();
}

QString ApiCallDialog::callsText() const {
    return m_calls->toPlainText();
}

} // namespace nt::ui
