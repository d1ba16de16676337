#include "BatchPasswordDialog.h"

#include "ui_BatchPasswordDialog.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace das {

namespace {

constexpr int MaxFieldsHeight = 360;

// A user name shown in a label: an ampersand in it is text, not a mnemonic.
QString labelText(const BatchPasswordDialog::User& user)
{
    QString name = user.username;
    name.replace(u'&', QStringLiteral("&&"));
    return BatchPasswordDialog::tr("%1 (%n row(s)):", nullptr, user.rows).arg(name);
}

} // namespace

BatchPasswordDialog::BatchPasswordDialog(const QList<User>& users, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::BatchPasswordDialog>())
    , m_users(users)
{
    m_ui->setupUi(this);
    for (int i = 0; i < m_users.size(); ++i) {
        auto* edit = new QLineEdit(m_ui->fieldsWidget);
        edit->setObjectName(QStringLiteral("passwordEdit%1").arg(i));
        edit->setEchoMode(QLineEdit::Password);
        // A password is never offered to other programs or kept by the input method.
        edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
        edit->setContextMenuPolicy(Qt::NoContextMenu);
        auto* label = new QLabel(m_ui->fieldsWidget);
        label->setTextFormat(Qt::PlainText); // the user name comes from the file: never markup
        m_ui->fieldsLayout->addRow(label, edit);
        m_edits.append(edit);
    }
    if (!m_edits.isEmpty())
        m_edits.constFirst()->setFocus();
    m_ui->runButton->setDefault(true);
    connect(m_ui->runButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(this, &QDialog::rejected, this, &BatchPasswordDialog::clearFields);
    retranslate();
    // A dozen or so users show without scrolling; a longer list scrolls inside the dialog.
    m_ui->fieldsScroll->setMinimumHeight(qMin(m_ui->fieldsWidget->sizeHint().height(), MaxFieldsHeight));
    resize(qMax(width(), 560), sizeHint().height());
}

BatchPasswordDialog::~BatchPasswordDialog()
{
    clearFields();
}

BatchPasswords BatchPasswordDialog::takePasswords()
{
    BatchPasswords passwords;
    for (int i = 0; i < m_edits.size(); ++i) {
        if (!m_edits.at(i)->text().isEmpty())
            passwords.setForUser(m_users.at(i).username, m_edits.at(i)->text());
    }
    clearFields();
    return passwords;
}

void BatchPasswordDialog::clearFields()
{
    for (QLineEdit* edit : std::as_const(m_edits))
        edit->clear();
}

void BatchPasswordDialog::retranslate()
{
    int rows = 0;
    for (const User& user : std::as_const(m_users))
        rows += user.rows;
    m_ui->introLabel->setText(
        tr("Enter the database password of each user name; it is used for every row of that user "
           "(%n row(s) to create). Leave a field empty to use the password saved in the OS keychain for "
           "each of that user's rows: a row without a saved password fails.",
           nullptr, rows));
    for (int i = 0; i < m_edits.size(); ++i) {
        auto* label = qobject_cast<QLabel*>(m_ui->fieldsLayout->labelForField(m_edits.at(i)));
        if (label)
            label->setText(labelText(m_users.at(i)));
        m_edits.at(i)->setAccessibleName(tr("Password of %1").arg(m_users.at(i).username));
        m_edits.at(i)->setPlaceholderText(tr("Empty: the saved password"));
    }
}

void BatchPasswordDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace das
