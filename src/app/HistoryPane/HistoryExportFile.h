#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QIODevice;
class QWidget;

namespace das {

// The file side of exporting history, apart from the pane's selection logic. Its messages keep the pane's
// translation context, so that the existing translations still apply.
class HistoryExportFile
{
    Q_DECLARE_TR_FUNCTIONS(das::HistoryPane)

public:
    // Writes atomically, and with mode 0600 from the first byte, what `produce` writes to the device it is
    // given (streamed: never the whole document in memory); `produce` returns false, saying why, when it
    // failed, and the file is then left as it was. `error` names the path as shown to users.
    using Producer = std::function<bool(QIODevice* device, QString* why)>;
    static bool write(const QString& path, const Producer& produce, QString* error);
    // Asks where to save a CSV or JSON export, starting in `lastDir` (the documents folder when empty) and
    // remembering the folder chosen there. Empty when cancelled.
    static QString askPath(QWidget* parent, bool csv, QString* lastDir);
};

} // namespace das
