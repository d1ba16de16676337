#include "DatabaseNameCompleter.h"

#include <QCompleter>
#include <QLineEdit>
#include <QStringListModel>

namespace das {

DatabaseNameCompleter::DatabaseNameCompleter(QObject* parent)
    : QObject(parent)
{}

void DatabaseNameCompleter::ensureCompleter()
{
    if (m_completer)
        return;
    m_model = new QStringListModel(this);
    m_completer = new QCompleter(m_model, this);
    m_completer->setObjectName(QStringLiteral("databaseNameCompleter"));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    if (m_edit)
        m_edit->setCompleter(m_completer);
}

DatabaseNameCompleter::~DatabaseNameCompleter()
{
    if (m_edit && m_edit->completer() == m_completer)
        m_edit->setCompleter(nullptr);
}

void DatabaseNameCompleter::attach(QLineEdit* edit)
{
    if (m_edit && m_edit->completer() == m_completer)
        m_edit->setCompleter(nullptr);
    m_edit = edit;
    if (edit && m_completer)
        edit->setCompleter(m_completer);
}

void DatabaseNameCompleter::setNames(const QStringList& names)
{
    QStringList sorted;
    for (const QString& name : names) {
        const QString trimmed = name.trimmed();
        if (!trimmed.isEmpty())
            sorted.append(trimmed);
    }
    sorted.removeDuplicates();
    sorted.sort(Qt::CaseInsensitive);
    if (sorted.isEmpty() && !m_completer)
        return;
    ensureCompleter();
    m_model->setStringList(sorted);
}

QStringList DatabaseNameCompleter::names() const
{
    return m_model ? m_model->stringList() : QStringList();
}

} // namespace das
