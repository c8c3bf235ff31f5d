#pragma once
// Every console session's input and output with timestamps: an in-memory model the report reads,
// saved as JSON lines. Secrets never enter it: answers to the engine's prompts (passwords,
// passphrases, keyboard-interactive) are not passed here at all, and a typed line the remote did
// not echo back (a password typed at `sudo`'s prompt, with the PTY's echo off) is replaced by a
// note. We cannot see the remote PTY's echo flag over SSH, so "echoed" is decided by whether the
// printable characters typed came back in the output before the line was sent.
#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace nt {

struct TranscriptEntry {
    enum class Kind {
        Event,   // connected, disconnected, errors, host key decisions
        Command, // a node-side check's exact command line, before it runs
        Input,   // a line the user typed (sent on Enter)
        Output,  // what the node printed (ANSI control sequences removed)
        Redacted // a typed line that was not echoed: its text is not recorded
    };
    QDateTime time;  // UTC
    QString session; // "root@10.224.0.4:22"
    Kind kind = Kind::Event;
    QString text;
};

class SshTranscript : public QObject {
    Q_OBJECT
public:
    explicit SshTranscript(QObject *parent = nullptr);

    void beginSession(const QString &session);
    void event(const QString &text);
    void command(const QString &commandLine);
    // Raw bytes as the user typed them into the terminal, and as the node sent them.
    void typed(const QByteArray &bytes);
    void output(const QByteArray &bytes);
    // Ends an unfinished typed line and any partial output line (at disconnect).
    void flush();

    const QList<TranscriptEntry> &entries() const { return m_entries; }
    QByteArray toJsonLines() const;
    bool save(const QString &path, QString *error = nullptr) const;

    static QString kindName(TranscriptEntry::Kind kind);
    // ANSI/VT control sequences and other control characters removed; \r\n made \n.
    static QString plainText(const QByteArray &bytes);

Q_SIGNALS:
    void entryAdded(const nt::TranscriptEntry &entry);

private:
    void add(TranscriptEntry::Kind kind, const QString &text);
    void endTypedLine();
    void decideSentLine();

    QString m_session;
    QList<TranscriptEntry> m_entries;
    QByteArray m_typedLine;
    QByteArray m_echoSinceTyping; // output since the current typed line began
    // A line sent with Enter whose echo has not fully come back yet: decided when the echo
    // reaches a newline, when the next line is typed, or at flush().
    std::optional<QString> m_sentLine;
    QByteArray m_partialOutput;
};

} // namespace nt
