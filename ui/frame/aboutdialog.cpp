#include "frame/aboutdialog.h"

#include "util/buildinfo.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <vterm.h>

namespace nt::ui {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About NodeTriage"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto *title = new QLabel(this);
    title->setObjectName(QStringLiteral("title"));
    // The product name and version: the same in every language.
    title->setText(QStringLiteral("<h2>NodeTriage %1</h2>").arg(nodetriageVersion())); // i18n-ok
    auto *text = new QLabel(
        tr("Finds out why AKS worker nodes are unhealthy: node health with live charts, "
           "control plane connectivity, DNS, kubelet errors, Node Problem Detector and disk "
           "throttling, with the evidence and the fix.") +
            QStringLiteral("<p>") +
            tr("Licensed under the GNU General Public License, version 3 or later.") +
            QStringLiteral("</p>"),
        this);
    text->setWordWrap(true);

    QList<LibraryInfo> libraries = coreLibraries();
    libraries.append({QStringLiteral("Qt Charts"), QString::fromLatin1(qVersion()),
                      QStringLiteral("GPL-3.0-only"), QStringLiteral("https://www.qt.io/")});
    libraries.append({QStringLiteral("libvterm"),
                      QStringLiteral("%1.%2").arg(VTERM_VERSION_MAJOR).arg(VTERM_VERSION_MINOR),
                      QStringLiteral("MIT"), QStringLiteral("https://www.leonerd.org.uk/code/libvterm/")});

    auto *table = new QTableWidget(int(libraries.size()), 3, this);
    table->setObjectName(QStringLiteral("libraries"));
    table->setHorizontalHeaderLabels({tr("Library"), tr("Version"), tr("Licence")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int row = 0; row < libraries.size(); ++row) {
        const LibraryInfo &lib = libraries[row];
        auto *name = new QTableWidgetItem(lib.name);
        name->setToolTip(lib.url);
        table->setItem(row, 0, name);
        table->setItem(row, 1, new QTableWidgetItem(lib.version));
        table->setItem(row, 2, new QTableWidgetItem(lib.licence));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->resizeColumnsToContents();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    connect(aboutQt, &QPushButton::clicked, this, [] { QApplication::aboutQt(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(520, 420);
}

} // namespace nt::ui
