#pragma once
// Test support shared by every test: the simulator as a child process, paths to our binaries,
// running other programs (kubectl, our CLI) with a timeout.
#include "simprocess.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace nt::test {
inline QString simBinary() {
    return QStringLiteral(NT_SIM_BIN);
}
inline QString appBinary() {
    return QStringLiteral(NT_APP_BIN);
}
inline QString sourceDir() {
    return QStringLiteral(NT_SOURCE_DIR);
}

struct ProcessResult {
    int exitCode = -1; // -1: did not start, crashed or timed out (then err says which)
    QByteArray out, err;
};

// Runs program to completion (killed after timeoutMs) and returns its exit code and output.
ProcessResult runProcess(const QString &program, const QStringList &args, int timeoutMs = 60000,
                         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
} // namespace nt::test

// QCOMPARE cannot take nlohmann::json (it converts to everything, QtTest's overloads clash).
#define QCOMPARE_JSON(actual, expected)                                                            \
    do {                                                                                           \
        const nlohmann::json actual_ = (actual);                                                   \
        const nlohmann::json expected_ = (expected);                                               \
        QVERIFY2(actual_ == expected_, (actual_.dump() + " != " + expected_.dump()).c_str());      \
    } while (false)
