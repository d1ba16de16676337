#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QCompleter;
class QLineEdit;
class QStringListModel;

namespace das {

// Offers an instance's database names (DatabaseNameList) as completions on a line edit: case-insensitive,
// names that start with what was typed, in a popup. Not a widget: it owns a QCompleter and its model and
// installs the completer on the line edit it is attached to. Typing stays free; a name DAS does not list is
// still accepted. The QCompleter and its model are made when the first names arrive: the window builds
// this before its first paint, and until DAS has listed an instance's databases there is nothing to offer.
class DatabaseNameCompleter : public QObject
{
    Q_OBJECT

public:
    explicit DatabaseNameCompleter(QObject* parent = nullptr);
    ~DatabaseNameCompleter() override;
    // Null until setNames() was first given a name.
    QCompleter* completer() const { return m_completer; }

    // Installs the completer on `edit` (replacing the one it had), now or once it exists; null detaches.
    void attach(QLineEdit* edit);
    // The names offered, sorted and without duplicates; an empty list offers nothing (e.g. another instance).
    void setNames(const QStringList& names);
    QStringList names() const;

private:
    void ensureCompleter();

    QStringListModel* m_model = nullptr;
    QCompleter* m_completer = nullptr;
    QPointer<QLineEdit> m_edit;
};

} // namespace das
