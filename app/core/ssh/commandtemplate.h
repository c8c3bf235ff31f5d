#pragma once
// Everything NodeTriage runs on a node goes through a CommandTemplate: a fixed command line from
// our catalogue with named slots, each filled only with a value its validator accepts (an FQDN,
// a node name, a container id) and shell-quoted even then. Nothing a cluster or a user supplies
// is ever pasted into a command line unchecked: a node name like `a;rm -rf /` is refused.
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace nt {

enum class CommandArgKind {
    Fqdn,        // RFC 1123 host name, labels of letters, digits and inner hyphens
    NodeName,    // a Kubernetes node name: lower-case RFC 1123 subdomain
    ContainerId, // 12 to 64 lower-case hex digits (crictl accepts unique prefixes)
    Since,       // a journalctl --since time: "2026-11-28 09:15[:00]", "2026-11-28" or "-15 min"
};

class CommandTemplate {
public:
    struct Slot {
        QString name; // written {name} in the pattern
        CommandArgKind kind;
    };

    CommandTemplate(QString id, QString pattern, QList<Slot> params);

    const QString &id() const { return m_id; }
    const QString &pattern() const { return m_pattern; }

    // The command line with every slot validated and quoted, or an error naming the bad value.
    // Missing and unknown arguments are errors too.
    Result<QString> render(const QHash<QString, QString> &arguments) const;

    static bool isValid(CommandArgKind kind, const QString &value);
    // POSIX sh single quoting: 'it'\''s'.
    static QString shellQuote(const QString &value);

    // The fixed catalogue of node-side commands; nullptr for an unknown id.
    static const CommandTemplate *find(const QString &id);
    static const QList<CommandTemplate> &catalogue();

private:
    QString m_id;
    QString m_pattern;
    QList<Slot> m_slots;
};

} // namespace nt
