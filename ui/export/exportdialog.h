#pragma once
// Export of the investigation as a report: format, paper size, pseudonymisation and path, a
// preview of the first PDF pages, and progress with cancel while it writes. All rendering runs
// on worker threads from a copy of the input; the GUI thread only shows results, and a result
// that an option change made stale is dropped by its job id.
#include "reportinput.h"

#include <atomic>
#include <memory>
#include <QDialog>
#include <QFutureWatcher>
#include <QImage>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace nt::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Format { Pdf, Html, Json, Markdown };

    explicit ExportDialog(report::ReportInput input, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // For tests and callers that know where the file goes.
    void setFormat(Format format);
    void setPath(const QString &path);
    void setPseudonymise(bool on);
    void setPaper(report::PaperSize paper);
    int previewPages() const { return int(m_preview.size()); }
    QImage previewImage(int index) const { return m_preview.value(index); }
    QString statusText() const;

public Q_SLOTS:
    void startExport();
    void cancelExport();

Q_SIGNALS:
    void previewReady();
    void exportFinished(const QString &error); // "" on success

private:
    void refreshPreview();
    void updateSuffix();
    void browse();
    void setBusy(bool busy);
    report::ReportOptions options() const;

    const report::ReportInput m_input;
    QComboBox *m_format = nullptr;
    QComboBox *m_paper = nullptr;
    QCheckBox *m_pseudonymise = nullptr;
    QLineEdit *m_path = nullptr;
    QList<QLabel *> m_pages;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_cancel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    quint64 m_previewJob = 0;
    QList<QImage> m_preview;
    std::shared_ptr<std::atomic_bool> m_previewCancel;
    std::shared_ptr<std::atomic_bool> m_exportCancel;
    QFutureWatcher<QString> *m_exportWatcher = nullptr;
};

} // namespace nt::ui
