#pragma once

#include "BatchPasswords.h"

#include <QDialog>
#include <QList>

#include <memory>

class QLineEdit;

namespace Ui {
class BatchPasswordDialog;
}

namespace das {

// Asks for the database passwords of a batch once per distinct user name, masked. A field left empty means
// "the password saved in the OS keychain", which the runner looks up for each of that user's rows (a row
// without one fails; nothing else is tried). The fields are emptied as soon as the passwords are taken and
// when the dialog goes.
class BatchPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    struct User
    {
        QString username;
        int rows = 0; // rows of the batch to create with this user name
    };

    explicit BatchPasswordDialog(const QList<User>& users, QWidget* parent = nullptr);
    ~BatchPasswordDialog() override;

    // The typed passwords by user name (empty fields left out), then the fields are cleared.
    BatchPasswords takePasswords();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void clearFields();

    std::unique_ptr<Ui::BatchPasswordDialog> m_ui;
    QList<User> m_users;
    QList<QLineEdit*> m_edits;
};

} // namespace das
