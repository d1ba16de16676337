#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace das {

// The file side of exporting history, apart from the pane's selection logic. Its messages keep the pane's
// translation context, so that the existing translations still apply.
class HistoryExportFile
{
    Q_DECLARE_TR_FUNCTIONS(das::HistoryPane)

public:
    // Writes atomically, and with mode 0600 from the first byte. `error` names the path as shown to users.
    static bool write(const QString& path, const QByteArray& bytes, QString* error);
    // Asks where to save a CSV or JSON export, starting in `lastDir` (the documents folder when empty) and
    // remembering the folder chosen there. Empty when cancelled.
    static QString askPath(QWidget* parent, bool csv, QString* lastDir);
};

} // namespace das
