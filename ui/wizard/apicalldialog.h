#pragma once
// The confirmation before anything changes the cluster: what it does in words, then every API
// call exactly (method, path, body). Cancel is the default button and Escape cancels; nothing
// is sent unless the user presses the action's own button.
#include "apicall.h"

#include <QDialog>

class QPushButton;
class QPlainTextEdit;

namespace nt::ui {

class ApiCallDialog : public QDialog {
    Q_OBJECT
public:
    ApiCallDialog(const QString &what, const QList<ApiCall> &calls, const QString &okText,
                  QWidget *parent = nullptr);

    QPushButton *okButton() const { return m_ok; }
    QPushButton *cancelButton() const { return m_cancel; }
    // The calls as the dialog shows them, one block per call.
    QString callsText() const;

private:
    QPlainTextEdit *m_calls = nullptr;
    QPushButton *m_ok = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace nt::ui
