#pragma once
// A non-modal message strip above the content (like KMessageWidget): errors, warnings and hints
// the user should see without a dialog taking the focus or hiding the data underneath.
#include "stepstatus.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace nt::ui {

class MessageBanner : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };

    explicit MessageBanner(Kind kind, QWidget *parent = nullptr);

    // Shows the banner with this text (plain text; URLs become links).
    void showMessage(const QString &text);
    QString text() const;
    Kind kind() const { return m_kind; }
    void setClosable(bool closable);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    Kind m_kind;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QToolButton *m_close = nullptr;
    QString m_plain;
};

} // namespace nt::ui
