// The instance picker at scale: bench_picker [instances] (default 1000). An in-process sandbox serves an
// inventory of that many instances (the built-in one, copied with new IDs); the figures are the time from
// opening the picker to every instance shown (all pages of every datastore type, then from the session
// cache), and filtering (set the search text; time until the first matching row is shown). Asserts nothing.
#include "CredentialResolver.h"
#include "DasClient.h"
#include "InstanceCatalog.h"
#include "InstancePickerDialog.h"
#include "InstanceTableModel.h"
#include "SandboxInventory.h"
#include "SandboxServer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTextStream>

#include <algorithm>
#include <optional>

using namespace das;

namespace {

// The built-in inventory's instances repeated until there are `count`, each copy with its own ID and name.
std::optional<SandboxInventory> inventoryOf(int count, QString* error)
{
    QJsonObject root = QJsonDocument::fromJson(SandboxInventory::builtIn().toJson()).object();
    const QJsonArray builtIn = root.value(QLatin1String("instances")).toArray();
    QJsonArray instances;
    for (int i = 0; i < count; ++i) {
        QJsonObject entry = builtIn.at(i % builtIn.size()).toObject();
        const int copy = i / int(builtIn.size());
        if (copy > 0) {
            const QString id = entry.value(QLatin1String("instance_id")).toString();
            const QString name = entry.value(QLatin1String("instance_name")).toString();
            entry.insert(QStringLiteral("instance_id"),
                         QString(QStringLiteral("%1").arg(copy, 3, 16, QLatin1Char('0')) + id.mid(3)));
            entry.insert(QStringLiteral("instance_name"), QString(name + QStringLiteral("-c%1").arg(copy)));
            entry.insert(QStringLiteral("instance_nodes"), QJsonArray());
        }
        instances.append(entry);
    }
    root.insert(QStringLiteral("instances"), instances);
    return SandboxInventory::fromJson(QJsonDocument(root).toJson(QJsonDocument::Compact), error);
}

struct Opened
{
    double ms = 0;
    int rows = 0;
    int requests = 0;
};

// Opens a picker as the window does and waits until its table shows the whole list.
Opened openPicker(DasClient* client, const InstanceCatalog::Request& request, SandboxServer* server,
                  std::unique_ptr<InstancePickerDialog>* keep)
{
    const int before = server->requestCount();
    QElapsedTimer timer;
    timer.start();
    auto* catalog = new InstanceCatalog({client, nullptr});
    auto dialog = std::make_unique<InstancePickerDialog>(catalog, request);
    catalog->setParent(dialog.get());
    QSignalSpy loaded(dialog.get(), &InstancePickerDialog::loaded);
    dialog->show();
    if (loaded.isEmpty() && !loaded.wait(60000))
        return {};
    QCoreApplication::processEvents(); // lay out and paint the rows
    Opened out{double(timer.nsecsElapsed()) / 1e6, dialog->filterModel()->rowCount(),
               server->requestCount() - before};
    *keep = std::move(dialog);
    return out;
}

// Sets the search text and returns the ms until the filter is applied and the view has painted.
double filterFor(InstancePickerDialog* dialog, const QString& text, int* rows)
{
    auto* search = dialog->findChild<QLineEdit*>(QStringLiteral("searchEdit"));
    QElapsedTimer timer;
    timer.start();
    search->setText(text);
    QCoreApplication::processEvents();
    *rows = dialog->filterModel()->rowCount();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char* argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count =
        argc > 1 ? std::clamp(QByteArray(argv[1]).toInt(), 1, SandboxInventory::MaxInstances) : 1000;
    QTextStream out(stdout);
    QString error;
    const std::optional<SandboxInventory> inventory = inventoryOf(count, &error);
    if (!inventory) {
        out << "inventory: " << error << Qt::endl;
        return 1;
    }
    SandboxOptions options;
    options.setInventory(*inventory);
    SandboxServer server(options);
    if (!server.start(&error)) {
        out << "sandbox: " << error << Qt::endl;
        return 1;
    }
    DasClient client;
    CredentialResolver::Inputs in;
    in.targetIsSandbox = true;
    in.sandboxDemo.accessKey = options.accessKey;
    in.sandboxDemo.secretKey = options.secretKey;
    InstanceCatalog::Request request;
    request.endpoint = server.url();
    request.projectId = inventory->projectId();
    request.credentials = CredentialResolver(nullptr).resolve(in);

    out << "instances in the sandbox inventory: " << inventory->instances().size() << Qt::endl;
    std::unique_ptr<InstancePickerDialog> dialog;
    const Opened cold = openPicker(&client, request, &server, &dialog);
    out << "open picker -> all shown (cold, " << cold.requests << " requests): " << cold.ms << " ms, "
        << cold.rows << " rows" << Qt::endl;
    dialog.reset();
    const Opened warm = openPicker(&client, request, &server, &dialog);
    out << "open picker -> all shown (session cache, " << warm.requests << " requests): " << warm.ms
        << " ms, " << warm.rows << " rows" << Qt::endl;

    int rows = 0;
    const QString queries[] = {
        QStringLiteral("o"),     QStringLiteral("orders-db-prod"),   QStringLiteral("10.1.0.1"),
        QStringLiteral("mongo"), QStringLiteral("no-such-instance"), QString()};
    for (const QString& query : queries) {
        const double ms = filterFor(dialog.get(), query, &rows);
        out << "filter \"" << query << "\": " << ms << " ms, " << rows << " rows" << Qt::endl;
    }
    // Typing a name one key at a time, as a user does: the slowest keystroke.
    double worst = 0;
    const QString name = QStringLiteral("billing-mongo-prod");
    for (int i = 1; i <= name.size(); ++i)
        worst = std::max(worst, filterFor(dialog.get(), name.left(i), &rows));
    out << "typing \"" << name << "\" key by key: slowest key " << worst << " ms, " << rows << " rows"
        << Qt::endl;
    return cold.rows == count ? 0 : 1;
}
