#include "HistoryExportFile.h"

#include "AppPaths.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace das {

bool HistoryExportFile::write(const QString& path, const Producer& produce, QString* error)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(shownPath, file.errorString());
        return false;
    }
    // Applies to the temporary file, so the data is never readable by others, not even briefly.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QString why;
    if (!produce(&file, &why)) {
        file.cancelWriting();
        if (error)
            *error = tr("Cannot write %1: %2").arg(shownPath, why.isEmpty() ? file.errorString() : why);
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(shownPath, file.errorString());
        return false;
    }
    AppPaths::makePrivateFile(path);
    return true;
}

QString HistoryExportFile::askPath(QWidget* parent, bool csv, QString* lastDir)
{
    const QString suffix = csv ? QStringLiteral("csv") : QStringLiteral("json");
    QString dir = *lastDir;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // A dialog object rather than getSaveFileName(): the default suffix is then added before the
    // overwrite question, not after it.
    QFileDialog dialog(parent, tr("Export history"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setNameFilter(csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog.setDefaultSuffix(suffix);
    dialog.setDirectory(dir);
    dialog.selectFile(QStringLiteral("das-connections.") + suffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return QString();
    const QString path = dialog.selectedFiles().constFirst();
    *lastDir = QFileInfo(path).absolutePath();
    return path;
}

} // namespace das
