#include "messagebanner.h"

#include "statuscolors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QStyle>
#include <QToolButton>

namespace nt::ui {

namespace {
StepStatus statusFor(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Info:
        return StepStatus::Running;
    case MessageBanner::Kind::Warning:
        return StepStatus::Warn;
    case MessageBanner::Kind::Error:
        return StepStatus::Fail;
    }
    return StepStatus::NotRun;
}

// Device-code prompts carry a URL the user must open: make it clickable, escape the rest.
QString toRichText(const QString &plain)
{
    static const QRegularExpression url(QStringLiteral(R"(https?://[^\s<>"]+)"));
    QString html;
    qsizetype last = 0;
    for (auto it = url.globalMatch(plain); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        html += plain.mid(last, m.capturedStart() - last).toHtmlEscaped();
        const QString link = m.captured().toHtmlEscaped();
        html += QStringLiteral("<a href=\"%1\">%1</a>").arg(link);
        last = m.capturedEnd();
    }
    html += plain.mid(last).toHtmlEscaped();
    return html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}
} // namespace

MessageBanner::MessageBanner(Kind kind, QWidget *parent) : QFrame(parent), m_kind(kind)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Hide this message"));
    m_close->setAccessibleName(tr("Hide this message"));
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    applyColours();
    hide();
}

void MessageBanner::showMessage(const QString &text)
{
    m_plain = text;
    m_text->setText(toRichText(text));
    setAccessibleDescription(text);
    show();
}

QString MessageBanner::text() const { return m_plain; }

void MessageBanner::setClosable(bool closable) { m_close->setVisible(closable); }

void MessageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // Guard against recursion: applyColours() sets a palette, which sends PaletteChange.
        static bool applying = false;
        if (!applying) {
            applying = true;
            applyColours();
            applying = false;
        }
    }
    QFrame::changeEvent(event);
}

void MessageBanner::applyColours()
{
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    const StepStatus status = statusFor(m_kind);
    QPalette p = palette();
    p.setColor(QPalette::Window, StatusColors::tint(status, base));
    p.setColor(QPalette::WindowText, base.color(QPalette::Text));
    setPalette(p);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QStyle::StandardPixmap standard = m_kind == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                            : m_kind == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                                      : QStyle::SP_MessageBoxInformation;
    m_icon->setPixmap(style()->standardIcon(standard).pixmap(size, size));
}

} // namespace nt::ui
