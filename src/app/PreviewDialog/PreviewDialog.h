#pragma once

#include "PreparedRequest.h"

#include <QDialog>

#include <memory>

namespace Ui {
class PreviewDialog;
}

namespace das {

// Shows the request exactly as it would be sent, masked, and copies it (still masked).
class PreviewDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreviewDialog(const PreparedRequest& request, QWidget* parent = nullptr);
    ~PreviewDialog() override;

    QString text() const;

private:
    std::unique_ptr<Ui::PreviewDialog> m_ui;
    PreparedRequest m_request;
};

} // namespace das
