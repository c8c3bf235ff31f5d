#pragma once
// The options of `nodetriage check` (CONTRACT.md), parsed and validated. Errors are one sentence
// naming the option and the value.
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace nt {

struct CheckOptions {
    QString kubeconfig;
    QString context;
    QList<int> steps{1, 2, 3, 4, 5, 6}; // sorted, unique
    int durationSeconds = 30;
    int intervalSeconds = 5;
    QString prometheus;
    // Node-side SSH: accepted now, used by the SSH-based checks.
    QString sshConfig, sshUser, sshKey, sshJump, knownHosts;
    int sshPort = 0;
    QString jsonPath; // "-" = stdout
    QString pdfPath;
    QString htmlPath;
    bool allowChanges = false;
    QString lang;
    bool help = false;
    QString helpText;

    // `args` are the arguments after "check".
    static Result<CheckOptions> parse(const QStringList &args);
};

// "1,2,6", "1-6", "1-3,6" -> sorted unique step numbers in 1..6.
Result<QList<int>> parseStepList(const QString &text);

} // namespace nt
