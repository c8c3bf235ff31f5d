#pragma once
// The page of a step whose checks are not built yet: what the step is about, in our words, and
// that it comes in a later version, so the rail never leads to an empty page.
#include "stepcatalog.h"

#include <QWidget>

namespace nt::ui {

class StepPage : public QWidget {
    Q_OBJECT
public:
    explicit StepPage(const StepInfo &step, QWidget *parent = nullptr);
};

} // namespace nt::ui
