#include "exportdialog.h"

#include "pdfreport.h"
#include "redactor.h"
#include "reportexport.h"
#include "reportmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPointer>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QScrollArea>
#include <QtConcurrent>
#include <QVBoxLayout>

namespace nt::ui {
namespace {

constexpr int kPreviewPages = 3;
constexpr int kPreviewWidth = 260;

QString suffixFor(ExportDialog::Format f) {
    switch (f) {
    case ExportDialog::Format::Pdf:
        return QStringLiteral("pdf");
    case ExportDialog::Format::Html:
        return QStringLiteral("html");
    case ExportDialog::Format::Json:
        return QStringLiteral("json");
    case ExportDialog::Format::Markdown:
        return QStringLiteral("md");
    }
    return {};
}

// The first pages, built from a copy on a worker thread; stops between pages when cancelled.
QList<QImage> renderPreview(const report::ReportInput &input, const report::ReportOptions &options,
                            const std::shared_ptr<std::atomic_bool> &cancel) {
    const report::Redactor redactor = report::makeRedactor(input, options);
    const report::ReportDocument doc = report::buildReport(input, redactor, cancel.get());
    if (cancel->load())
        return {};
    const report::PdfReport pdf(doc, options.paper);
    QList<QImage> pages;
    for (int i = 0; i < std::min(kPreviewPages, pdf.pageCount()) && !cancel->load(); ++i)
        pages << pdf.renderPage(i, kPreviewWidth * 2);
    return pages;
}

} // namespace

ExportDialog::ExportDialog(report::ReportInput input, QWidget *parent)
    : QDialog(parent)
    , m_input(std::move(input)) {
    setWindowTitle(tr("Export report"));

    m_format = new QComboBox(this);
    m_format->addItem(tr("PDF document"), int(Format::Pdf));
    m_format->addItem(tr("HTML page (one file)"), int(Format::Html));
    m_format->addItem(tr("JSON (nodetriage.report/v1)"), int(Format::Json));
    m_format->addItem(tr("Markdown, for tickets"), int(Format::Markdown));
    m_paper = new QComboBox(this);
    m_paper->addItem(tr("A4"), int(report::PaperSize::A4));
    m_paper->addItem(tr("Letter"), int(report::PaperSize::Letter));
    m_pseudonymise = new QCheckBox(tr("Pseudonymise cluster, node names and IP addresses"), this);
    m_pseudonymise->setToolTip(tr("For sending outside the company: every name gets the same "
                                  "stand-in in the whole report."));
    m_path = new QLineEdit(this);
    m_path->setText(QDir::home().filePath(QStringLiteral("nodetriage-report.pdf")));
    auto *browseButton = new QPushButton(tr("Browse..."), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Paper size:"), m_paper);
    form->addRow(QString(), m_pseudonymise);
    form->addRow(tr("Save to:"), pathRow);

    auto *pagesRow = new QHBoxLayout;
    for (int i = 0; i < kPreviewPages; ++i) {
        auto *label = new QLabel(this);
        label->setFixedSize(kPreviewWidth, int(kPreviewWidth * 1.42));
        label->setAlignment(Qt::AlignCenter);
        label->setFrameShape(QFrame::StyledPanel);
        label->setScaledContents(false);
        m_pages << label;
        pagesRow->addWidget(label);
    }
    auto *pagesWidget = new QWidget(this);
    pagesWidget->setLayout(pagesRow);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(pagesWidget);
    scroll->setWidgetResizable(true);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_cancel = new QPushButton(tr("Cancel export"), this);
    m_cancel->setVisible(false);
    m_buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Preview of the first pages:"), this));
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        updateSuffix();
        m_paper->setEnabled(m_format->currentData().toInt() == int(Format::Pdf));
    });
    connect(m_paper, &QComboBox::currentIndexChanged, this, &ExportDialog::refreshPreview);
    connect(m_pseudonymise, &QCheckBox::toggled, this, &ExportDialog::refreshPreview);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refreshPreview();
}

ExportDialog::~ExportDialog() {
    // Workers hold copies of everything they use; telling them to stop is enough.
    if (m_previewCancel)
        m_previewCancel->store(true);
    if (m_exportCancel)
        m_exportCancel->store(true);
    if (m_exportWatcher)
        m_exportWatcher->waitForFinished(); // a half-written file must be discarded, not orphaned
}

void ExportDialog::setFormat(Format format) {
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ExportDialog::setPath(const QString &path) {
    m_path->setText(path);
}

void ExportDialog::setPseudonymise(bool on) {
    m_pseudonymise->setChecked(on);
}

void ExportDialog::setPaper(report::PaperSize paper) {
    m_paper->setCurrentIndex(m_paper->findData(int(paper)));
}

QString ExportDialog::statusText() const {
    return m_status->text();
}

report::ReportOptions ExportDialog::options() const {
    report::ReportOptions o;
    o.paper = report::PaperSize(m_paper->currentData().toInt());
    o.pseudonymise = m_pseudonymise->isChecked();
    return o;
}

void ExportDialog::updateSuffix() {
    QFileInfo info(m_path->text());
    if (m_path->text().isEmpty())
        return;
    const QString suffix = suffixFor(Format(m_format->currentData().toInt()));
    m_path->setText(info.dir().filePath(info.completeBaseName() + u'.' + suffix));
}

void ExportDialog::browse() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), m_path->text());
    if (!path.isEmpty())
        m_path->setText(path);
}

void ExportDialog::refreshPreview() {
    if (m_previewCancel)
        m_previewCancel->store(true);
    m_previewCancel = std::make_shared<std::atomic_bool>(false);
    const quint64 job = ++m_previewJob;
    for (QLabel *l : std::as_const(m_pages)) {
        l->setPixmap({});
        l->setText(tr("Rendering..."));
    }
    // A watcher owned by the dialog, not a continuation: the dialog may close before the worker
    // ends, and the worker holds copies of everything it reads.
    auto *watcher = new QFutureWatcher<QList<QImage>>(this);
    connect(watcher, &QFutureWatcher<QList<QImage>>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        if (job != m_previewJob)
            return; // an option changed meanwhile; a newer preview is on its way
        const QList<QImage> pages = watcher->result();
        m_preview = pages;
        for (int i = 0; i < m_pages.size(); ++i) {
            if (i < pages.size()) {
                m_pages[i]->setPixmap(QPixmap::fromImage(
                    pages[i].scaledToWidth(kPreviewWidth - 4, Qt::SmoothTransformation)));
            } else {
                m_pages[i]->setText(i == 0 ? tr("Nothing to preview.") : QString());
            }
        }
        Q_EMIT previewReady();
    });
    watcher->setFuture(QtConcurrent::run(renderPreview, m_input, options(), m_previewCancel));
}

void ExportDialog::setBusy(bool busy) {
    m_export->setEnabled(!busy);
    m_cancel->setVisible(busy);
    m_progress->setVisible(busy);
    m_format->setEnabled(!busy);
    m_paper->setEnabled(!busy && m_format->currentData().toInt() == int(Format::Pdf));
    m_pseudonymise->setEnabled(!busy);
    m_path->setEnabled(!busy);
}

void ExportDialog::startExport() {
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        m_status->setText(tr("Choose where to save the report."));
        return;
    }
    if (!QFileInfo(path).dir().exists()) {
        m_status->setText(tr("The folder %1 does not exist.")
                              .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
        return;
    }
    report::ReportFiles files;
    switch (Format(m_format->currentData().toInt())) {
    case Format::Pdf:
        files.pdf = path;
        break;
    case Format::Html:
        files.html = path;
        break;
    case Format::Json:
        files.json = path;
        break;
    case Format::Markdown:
        files.markdown = path;
        break;
    }
    m_exportCancel = std::make_shared<std::atomic_bool>(false);
    setBusy(true);
    m_status->setText(tr("Exporting..."));
    m_exportWatcher = new QFutureWatcher<QString>(this);
    connect(m_exportWatcher, &QFutureWatcher<QString>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(m_exportWatcher, &QFutureWatcher<QString>::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(m_exportWatcher, &QFutureWatcher<QString>::progressTextChanged, m_status,
            &QLabel::setText);
    connect(m_exportWatcher, &QFutureWatcher<QString>::finished, this, [this, path] {
        const QString error = m_exportWatcher->result();
        m_exportWatcher->deleteLater();
        m_exportWatcher = nullptr;
        setBusy(false);
        m_status->setText(error.isEmpty() ? tr("Saved %1.").arg(QDir::toNativeSeparators(path))
                                          : error);
        Q_EMIT exportFinished(error);
    });
    m_exportWatcher->setFuture(
        QtConcurrent::run([input = m_input, files, opts = options(),
                           cancel = m_exportCancel](QPromise<QString> &promise) {
            // Throttled by QFutureWatcher; per PDF page at most.
            const QString error = report::writeReports(
                input, files, opts,
                [&promise](int done, int total, const QString &what) {
                    promise.setProgressRange(0, total);
                    promise.setProgressValueAndText(done, what);
                },
                cancel.get());
            promise.addResult(error);
        }));
}

void ExportDialog::cancelExport() {
    if (m_exportCancel)
        m_exportCancel->store(true);
}

} // namespace nt::ui
