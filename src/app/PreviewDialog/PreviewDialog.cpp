#include "PreviewDialog.h"

#include "ui_PreviewDialog.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPushButton>

namespace das {

PreviewDialog::PreviewDialog(const PreparedRequest& request, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreviewDialog>())
    , m_request(request)
{
    m_ui->setupUi(this);
    m_ui->previewText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->previewText->setPlainText(m_request.maskedText());
    connect(m_ui->copyHttpButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_request.maskedText()); });
    connect(m_ui->copyCurlButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_request.maskedCurl()); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(760, 420);
}

PreviewDialog::~PreviewDialog() = default;

QString PreviewDialog::text() const
{
    return m_ui->previewText->toPlainText();
}

} // namespace das
