#pragma once
// About NodeTriage: version, licence, and the libraries this build uses with their versions and
// licences.
#include <QDialog>

namespace nt::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace nt::ui
