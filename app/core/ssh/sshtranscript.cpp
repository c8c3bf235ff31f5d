#include "ssh/sshtranscript.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace nt {

SshTranscript::SshTranscript(QObject *parent)
    : QObject(parent) {}

void SshTranscript::add(TranscriptEntry::Kind kind, const QString &text) {
    TranscriptEntry entry{QDateTime::currentDateTimeUtc(), m_session, kind, text};
    m_entries.append(entry);
    Q_EMIT entryAdded(entry);
}

void SshTranscript::beginSession(const QString &session) {
    flush();
    m_session = session;
}

void SshTranscript::event(const QString &text) {
    add(TranscriptEntry::Kind::Event, text);
}

void SshTranscript::command(const QString &commandLine) {
    add(TranscriptEntry::Kind::Command, commandLine);
}

QString SshTranscript::plainText(const QByteArray &bytes) {
    QByteArray out;
    out.reserve(bytes.size());
    enum { Text, Esc, Csi, Osc, OscEsc, Charset } state = Text;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        switch (state) {
        case Text:
            if (c == 0x1b)
                state = Esc;
            else if (c == '\n' || c == '\t' || c >= 0x20)
                out += ch;
            else if (c == 0x08 && !out.isEmpty() && !out.endsWith('\n'))
                out.chop(1);
            break;
        case Esc:
            state = c == '[' ? Csi : c == ']' ? Osc : (c == '(' || c == ')') ? Charset : Text;
            break;
        case Csi:
            if (c >= 0x40 && c <= 0x7e)
                state = Text;
            break;
        case Osc:
            if (c == 0x07)
                state = Text;
            else if (c == 0x1b)
                state = OscEsc;
            break;
        case OscEsc:
            state = Text;
            break;
        case Charset:
            state = Text;
            break;
        }
    }
    return QString::fromUtf8(out);
}

void SshTranscript::typed(const QByteArray &bytes) {
    for (const char ch : bytes) {
        if (ch == '\r' || ch == '\n') {
            endTypedLine();
            continue;
        }
        if (m_typedLine.isEmpty()) {
            decideSentLine();
            m_echoSinceTyping.clear();
        }
        if (ch == 0x7f || ch == 0x08) {
            if (!m_typedLine.isEmpty())
                m_typedLine.chop(1);
            continue;
        }
        m_typedLine += ch;
    }
}

void SshTranscript::endTypedLine() {
    decideSentLine();
    // Only printable text counts for the echo test; escape sequences (arrow keys) are dropped.
    const QString line = plainText(m_typedLine);
    m_typedLine.clear();
    if (line.trimmed().isEmpty()) {
        m_echoSinceTyping.clear();
        return;
    }
    m_sentLine = line;
    if (m_echoSinceTyping.contains('\n'))
        decideSentLine();
}

void SshTranscript::decideSentLine() {
    if (!m_sentLine)
        return;
    const QString line = *std::exchange(m_sentLine, std::nullopt);
    const QString echoed = plainText(m_echoSinceTyping);
    m_echoSinceTyping.clear();
    // A secret never comes back at all; a normal line comes back at least up to the first tab
    // or edit. So the line counts as echoed when its first (up to three) characters did.
    const QString head = line.trimmed().section(QLatin1Char('\t'), 0, 0).left(3);
    if (!head.isEmpty() && echoed.contains(head))
        add(TranscriptEntry::Kind::Input, line);
    else
        add(TranscriptEntry::Kind::Redacted,
            tr("(a line typed while the node did not echo input: not recorded)"));
}

void SshTranscript::output(const QByteArray &bytes) {
    if (!m_typedLine.isEmpty() || m_sentLine)
        m_echoSinceTyping += bytes;
    if (m_sentLine && m_echoSinceTyping.contains('\n'))
        decideSentLine();
    m_partialOutput += bytes;
    const qsizetype lastNewline = m_partialOutput.lastIndexOf('\n');
    if (lastNewline < 0)
        return;
    const QString text = plainText(m_partialOutput.left(lastNewline + 1));
    m_partialOutput.remove(0, lastNewline + 1);
    add(TranscriptEntry::Kind::Output, text);
}

void SshTranscript::flush() {
    if (!m_typedLine.isEmpty())
        endTypedLine();
    decideSentLine();
    if (!m_partialOutput.isEmpty()) {
        add(TranscriptEntry::Kind::Output, plainText(m_partialOutput));
        m_partialOutput.clear();
    }
}

QString SshTranscript::kindName(TranscriptEntry::Kind kind) {
    switch (kind) {
    case TranscriptEntry::Kind::Event:
        return QStringLiteral("event");
    case TranscriptEntry::Kind::Command:
        return QStringLiteral("command");
    case TranscriptEntry::Kind::Input:
        return QStringLiteral("input");
    case TranscriptEntry::Kind::Output:
        return QStringLiteral("output");
    case TranscriptEntry::Kind::Redacted:
        return QStringLiteral("redacted");
    }
    return {};
}

QByteArray SshTranscript::toJsonLines() const {
    QByteArray out;
    for (const TranscriptEntry &e : m_entries) {
        const QJsonObject line{
            {QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs)},
            {QStringLiteral("session"), e.session},
            {QStringLiteral("kind"), kindName(e.kind)},
            {QStringLiteral("text"), e.text},
        };
        out += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    return out;
}

bool SshTranscript::save(const QString &path, QString *error) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(toJsonLines()) < 0 ||
        !file.flush()) {
        if (error)
            *error = tr("Cannot write the transcript to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace nt
