// The On DAS tab on the in-process sandbox, driven with real clicks and keys: the list and its columns,
// paging over more than 200 connections, the keyword and instance filters (sent to DAS), deleted instances
// and the history mark, Adopt, Delete on DAS (Cancel, Enter and Delete) and the teardown of what this history
// created.
#include "ConnectionTableModel.h"
#include "ConnectionsPane.h"
#include "DasClient.h"
#include "DeleteConnectionsDialog.h"
#include "GuiTestBase.h"
#include "HistoryStore.h"
#include "SandboxServer.h"
#include "TeardownDialog.h"
#include "WorkflowTestSupport.h"

#include <QColor>
#include <QDateTimeEdit>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUuid>
#include <QVBoxLayout>

#include <memory>

using namespace das;
using namespace das::test;

namespace {

const QString GoneInstance = QStringLiteral("0123456789abcdef0123456789abcdefin01"); // not in the inventory

QStringList strings(std::initializer_list<const char*> texts)
{
    QStringList out;
    for (const char* text : texts)
        out << QString::fromUtf8(text);
    return out;
}

// A connection of the sandbox's state file on instance `instance` of the built-in inventory (-1: one it does
// not list). Users are user000, user001…; one in `trainingEvery` has "training class" in its remarks.
QJsonObject connection(int n, int instance, int trainingEvery = 0)
{
    const auto& instances = SandboxInventory::builtIn().instances();
    const bool gone = instance < 0;
    const QString id = gone ? GoneInstance : instances.at(instance).id();
    return QJsonObject{
        {QStringLiteral("connection_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("instance_id"), id},
        {QStringLiteral("instance_name"), gone ? QString() : instances.at(instance).name()},
        {QStringLiteral("network_type"), QStringLiteral("rds")},
        {QStringLiteral("engine_type"), QStringLiteral("mysql")},
        {QStringLiteral("datastore_version"), QStringLiteral("8.0")},
        {QStringLiteral("user_name"), QStringLiteral("user%1").arg(n, 3, 10, QLatin1Char('0'))},
        {QStringLiteral("database_name"), QStringLiteral("db%1").arg(n)},
        {QStringLiteral("is_save_password"), false},
        {QStringLiteral("ip_address"), QStringLiteral("192.168.0.10")},
        {QStringLiteral("port"), QString::number(3306 + n % 3)},
        {QStringLiteral("remarks"),
         trainingEvery > 0 && n % trainingEvery == 0 ? QStringLiteral("training class") : QString()},
        {QStringLiteral("create_at"),
         double(QDateTime(QDate(2026, 1, 1), QTime(8, 0)).toMSecsSinceEpoch() + qint64(n) * 60000)},
    };
}

} // namespace

class TestConnectionsPane : public GuiTestBase
{
    Q_OBJECT

private:
    QList<QJsonObject> m_state; // oldest first, as the sandbox keeps them; it lists newest first
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<DasClient> m_client;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<QWidget> m_window;
    ConnectionsPane* m_pane = nullptr;

    // The sandbox with m_state, the history, and the pane in a window the size of the app's.
    bool start()
    {
        QJsonArray list;
        for (const QJsonObject& c : std::as_const(m_state))
            list.append(c);
        QFile file(testFile(QStringLiteral("sandbox-state.json")));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(QJsonObject{{QStringLiteral("connections"), list}}).toJson()) < 0)
            return false;
        file.close();
        SandboxOptions options;
        options.stateFile = file.fileName();
        m_server = std::make_unique<SandboxServer>(options);
        QString error;
        m_history = std::make_unique<HistoryStore>(historyPath());
        if (!m_server->start(&error) || !m_history->open(&error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        m_client = std::make_unique<DasClient>();
        m_window = std::make_unique<QWidget>();
        m_window->resize(1024, 700);
        m_pane = new ConnectionsPane(m_window.get());
        (new QVBoxLayout(m_window.get()))->addWidget(m_pane);
        m_pane->setServices({m_client.get(), nullptr}, m_history.get());
        m_pane->setTarget(
            {m_server->url(), QString(), QLatin1String(SandboxOptions::DemoProjectId), demoChoice()});
        return showAndWait(m_window.get());
    }

    [[nodiscard]] bool listed(const std::function<void()>& action)
    {
        QSignalSpy loaded(m_pane, &ConnectionsPane::loaded);
        action();
        return loaded.wait(10000) && loaded.constFirst().constFirst().toBool();
    }
    [[nodiscard]] bool refresh()
    {
        return listed([this] { QTest::mouseClick(button("refreshButton"), Qt::LeftButton); });
    }

    QPushButton* button(const char* name) const { return child<QPushButton>(m_pane, name); }
    QTableView* table() const { return child<QTableView>(m_pane, "connectionTable"); }
    QString pageText() const { return child<QLabel>(m_pane, "pageLabel")->text(); }
    QString cell(int row, int column, int role = Qt::DisplayRole) const
    {
        return m_pane->model()->index(row, column).data(role).toString();
    }
    QString idAt(int row) const { return m_pane->model()->connectionAt(row).connectionId; }
    // The sandbox's connection IDs, oldest first.
    QStringList onSandbox() const
    {
        QStringList ids;
        for (const auto& c : m_server->connections().all())
            ids.append(c.connectionId);
        return ids;
    }
    QString stateId(int i) const { return m_state.at(i).value(QLatin1String("connection_id")).toString(); }

    void clickRow(int row, Qt::KeyboardModifiers modifiers = {})
    {
        const QRect rect = table()->visualRect(m_pane->model()->index(row, ConnectionTableModel::UserColumn));
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, modifiers, rect.center());
    }

    // A row of the history as a create by this tool writes it (origin created), `hoursAgo` old.
    qint64 addHistoryRow(const QString& connectionId, int hoursAgo,
                         HistoryRecord::Origin origin = HistoryRecord::Origin::Created)
    {
        HistoryRecord r;
        r.createdAt = QDateTime::currentDateTimeUtc().addSecs(-3600 * hoursAgo);
        r.endpoint = m_server->url().toString();
        r.projectId = QLatin1String(SandboxOptions::DemoProjectId);
        r.instanceId = QLatin1String(SandboxOptions::DemoInstanceId);
        r.engineType = QStringLiteral("mysql");
        r.networkType = QStringLiteral("rds");
        r.username = QStringLiteral("root");
        r.connectionId = connectionId;
        r.origin = origin;
        QString error;
        if (!m_history->add(r, &error))
            qWarning("history: %s", qPrintable(error));
        return r.id;
    }

    // DAS_PANE_SCREENSHOTS=DIR saves what the test shows as DIR/NAME.png, to look at.
    static void screenshot(QWidget* widget, const char* name)
    {
        const QString dir = qEnvironmentVariable("DAS_PANE_SCREENSHOTS");
        if (dir.isEmpty())
            return;
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
    }

    template <typename Dialog> Dialog* openDialog(const char* buttonName, const char* objectName)
    {
        QTest::mouseClick(button(buttonName), Qt::LeftButton);
        auto* dialog = m_pane->findChild<Dialog*>(QLatin1String(objectName));
        return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }

    // Deletes the selected rows through the dialog as a user does: Delete on DAS…, Delete, Close.
    [[nodiscard]] bool deleteSelectedOnDas(QString* question)
    {
        QPointer<DeleteConnectionsDialog> dialog =
            openDialog<DeleteConnectionsDialog>("deleteButton", "deleteConnectionsDialog");
        if (!dialog)
            return false;
        *question = child<QLabel>(dialog, "questionLabel")->text();
        screenshot(dialog, "delete-confirm");
        QTest::mouseClick(child<QPushButton>(dialog, "deleteButton"), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return dialog->ran(); }, 10000))
            return false;
        screenshot(dialog, "delete-result");
        return listed([&] { QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton); });
    }

private slots:
    void init()
    {
        GuiTestBase::init();
        m_state.clear();
        for (int n = 0; n < 5; ++n)
            m_state.append(connection(n, n % 2));
        m_state.append(connection(5, -1));
    }

    void cleanup()
    {
        m_window.reset();
        m_client.reset();
        m_server.reset();
        m_history.reset();
        GuiTestBase::cleanup();
    }

    void listsTheSandboxsConnections()
    {
        QVERIFY(start());
        QCOMPARE(m_pane->model()->rowCount(), 0);
        QVERIFY(refresh());
        QCOMPARE(m_pane->model()->rowCount(), 6);
        QCOMPARE(pageText(), QStringLiteral("Page 1 of 1 · 6 connection(s)"));
        const QStringList headers = strings({"User name", "Instance", "Engine", "Network", "Database", "Port",
                                             "Created", "Status", "In history"});
        for (int column = 0; column < headers.size(); ++column)
            QCOMPARE(m_pane->model()->headerData(column, Qt::Horizontal).toString(), headers.at(column));
        // Newest first: row 1 is connection 4, on the inventory's first instance.
        const SandboxInventory::Instance& instance = SandboxInventory::builtIn().instances().at(0);
        QCOMPARE(idAt(1), stateId(4));
        QCOMPARE(cell(1, ConnectionTableModel::UserColumn), QStringLiteral("user004"));
        QCOMPARE(cell(1, ConnectionTableModel::InstanceColumn), instance.name());
        QVERIFY(cell(1, ConnectionTableModel::InstanceColumn, Qt::ToolTipRole).contains(instance.id()));
        QCOMPARE(cell(1, ConnectionTableModel::EngineColumn), QStringLiteral("mysql 8.0"));
        QCOMPARE(cell(1, ConnectionTableModel::NetworkColumn), QStringLiteral("rds"));
        QCOMPARE(cell(1, ConnectionTableModel::DatabaseColumn), QStringLiteral("db4"));
        QCOMPARE(cell(1, ConnectionTableModel::PortColumn), QStringLiteral("3307"));
        const QDateTime created = QDateTime(QDate(2026, 1, 1), QTime(8, 4));
        QCOMPARE(cell(1, ConnectionTableModel::CreatedColumn),
                 created.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(cell(1, ConnectionTableModel::StatusColumn), QStringLiteral("Normal"));
        QVERIFY(!m_pane->model()
                     ->index(1, ConnectionTableModel::StatusColumn)
                     .data(Qt::ForegroundRole)
                     .isValid());
        QVERIFY(child<QWidget>(m_pane, "tablePage")->isVisible());
        screenshot(m_window.get(), "pane");
    }

    void emptyListSaysSo()
    {
        m_state.clear();
        QVERIFY(start());
        QVERIFY(refresh());
        QCOMPARE(m_pane->model()->rowCount(), 0);
        auto* empty = child<QLabel>(m_pane, "emptyLabel");
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("DAS lists no connections in project %1.")
                                    .arg(QLatin1String(SandboxOptions::DemoProjectId)));
        QVERIFY(!button("deleteButton")->isEnabled());
    }

    void instanceDeletedIsMarked()
    {
        QVERIFY(start());
        QVERIFY(refresh());
        QCOMPARE(idAt(0), stateId(5)); // the newest, on an instance the sandbox does not list
        QCOMPARE(cell(0, ConnectionTableModel::StatusColumn), QStringLiteral("Instance deleted"));
        QCOMPARE(cell(0, ConnectionTableModel::InstanceColumn), GoneInstance);
        const QVariant colour =
            m_pane->model()->index(0, ConnectionTableModel::StatusColumn).data(Qt::ForegroundRole);
        QCOMPARE(qvariant_cast<QColor>(colour), QColor(QStringLiteral("#b3261e")));
        for (int row = 1; row < 6; ++row)
            QCOMPARE(cell(row, ConnectionTableModel::StatusColumn), QStringLiteral("Normal"));
    }

    void pagesOverMoreThanTwoHundred()
    {
        m_state.clear();
        for (int n = 0; n < 230; ++n)
            m_state.append(connection(n, n % 4));
        QVERIFY(start());
        QVERIFY(refresh());
        QCOMPARE(m_pane->model()->rowCount(), 100);
        QCOMPARE(pageText(), QStringLiteral("Page 1 of 3 · 230 connection(s)"));
        QCOMPARE(cell(0, ConnectionTableModel::UserColumn), QStringLiteral("user229"));
        QVERIFY(!button("previousButton")->isEnabled());
        QVERIFY(listed([this] { QTest::mouseClick(button("nextButton"), Qt::LeftButton); }));
        QCOMPARE(pageText(), QStringLiteral("Page 2 of 3 · 230 connection(s)"));
        QCOMPARE(cell(0, ConnectionTableModel::UserColumn), QStringLiteral("user129"));
        QVERIFY(listed([this] { QTest::mouseClick(button("nextButton"), Qt::LeftButton); }));
        QCOMPARE(pageText(), QStringLiteral("Page 3 of 3 · 230 connection(s)"));
        QCOMPARE(m_pane->model()->rowCount(), 30);
        QCOMPARE(cell(29, ConnectionTableModel::UserColumn), QStringLiteral("user000"));
        QVERIFY(!button("nextButton")->isEnabled());
        QVERIFY(listed([this] { QTest::mouseClick(button("previousButton"), Qt::LeftButton); }));
        QCOMPARE(pageText(), QStringLiteral("Page 2 of 3 · 230 connection(s)"));
        QCOMPARE(m_pane->model()->rowCount(), 100);
        QCOMPARE(cell(99, ConnectionTableModel::UserColumn), QStringLiteral("user030"));
        clickRow(2);
        clickRow(4, Qt::ControlModifier);
        screenshot(m_window.get(), "pane-page2");
        m_window->resize(640, 600);
        screenshot(m_window.get(), "pane-narrow");
    }

    void filterIsSentAsCondition()
    {
        m_state.clear();
        for (int n = 0; n < 230; ++n)
            m_state.append(connection(n, n % 4, 10));
        QVERIFY(start());
        QVERIFY(refresh());
        QCOMPARE(m_pane->model()->rowCount(), 100);
        auto* filter = child<QLineEdit>(m_pane, "filterEdit");
        QTest::mouseClick(filter, Qt::LeftButton);
        QTest::keyClicks(filter, QStringLiteral("TRAINING"));
        QVERIFY(listed([filter] { QTest::keyClick(filter, Qt::Key_Return); }));
        QCOMPARE(m_pane->model()->rowCount(), 23); // 0, 10, …, 220: DAS did the matching, on every page
        QCOMPARE(pageText(), QStringLiteral("Page 1 of 1 · 23 connection(s)"));
        for (const ConnectionInfo& c : m_pane->model()->connections())
            QCOMPARE(c.remarks, QStringLiteral("training class"));
        retype(filter, QStringLiteral("no such keyword"));
        QVERIFY(listed([filter] { QTest::keyClick(filter, Qt::Key_Return); }));
        QCOMPARE(m_pane->model()->rowCount(), 0);
        QCOMPARE(child<QLabel>(m_pane, "emptyLabel")->text(),
                 QStringLiteral("No connection on DAS matches these filters."));
    }

    void instanceFilter()
    {
        QVERIFY(start());
        const QString second = SandboxInventory::builtIn().instances().at(1).id();
        auto* edit = child<QLineEdit>(m_pane, "instanceFilterEdit");
        QTest::mouseClick(edit, Qt::LeftButton);
        QTest::keyClicks(edit, second);
        QVERIFY(listed([edit] { QTest::keyClick(edit, Qt::Key_Enter); }));
        QCOMPARE(m_pane->model()->rowCount(), 2); // connections 1 and 3
        for (const ConnectionInfo& c : m_pane->model()->connections())
            QCOMPARE(c.instanceId, second);
    }

    void historyRowsAreMarked()
    {
        QVERIFY(start());
        addHistoryRow(stateId(2), 1);
        QVERIFY(refresh());
        const QString mark = QStringLiteral("\u2713");
        for (int row = 0; row < 6; ++row)
            QCOMPARE(cell(row, ConnectionTableModel::HistoryColumn),
                     idAt(row) == stateId(2) ? mark : QString());
        const int known = 3; // newest first: 5, 4, 3, 2
        QCOMPARE(idAt(known), stateId(2));
        clickRow(known);
        QVERIFY(!button("adoptButton")->isEnabled()); // already there
        clickRow(known - 1, Qt::ControlModifier);
        QVERIFY(button("adoptButton")->isEnabled());
    }

    void adoptAddsAHistoryRow()
    {
        QVERIFY(start());
        QVERIFY(refresh());
        QSignalSpy changed(m_pane, &ConnectionsPane::historyChanged);
        clickRow(1);
        clickRow(2, Qt::ControlModifier);
        QTest::mouseClick(button("adoptButton"), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_history->count(), 2);
        const QList<HistoryRecord> rows = m_history->byConnectionIds({idAt(1), idAt(2)});
        QCOMPARE(rows.size(), 2);
        for (const HistoryRecord& r : rows) {
            QCOMPARE(r.origin, HistoryRecord::Origin::Adopted);
            QCOMPARE(r.state, HistoryRecord::State::Created);
            QCOMPARE(r.endpoint, m_server->url().toString());
            QCOMPARE(r.projectId, QLatin1String(SandboxOptions::DemoProjectId));
        }
        QCOMPARE(rows.at(0).username, m_pane->model()->connectionAt(2).userName); // oldest first
        QCOMPARE(rows.at(0).createdAt, m_pane->model()->connectionAt(2).createAt);
        QCOMPARE(cell(1, ConnectionTableModel::HistoryColumn), QStringLiteral("\u2713"));
        QVERIFY(!button("adoptButton")->isEnabled());
    }

    void contextMenuOffersTheActions()
    {
        QVERIFY(start());
        QVERIFY(refresh());
        const QRect rect = table()->visualRect(m_pane->model()->index(0, 0));
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, rect.center());
        emit table()->customContextMenuRequested(rect.center());
        auto* menu = m_pane->findChild<QMenu*>(QStringLiteral("connectionsMenu"));
        QVERIFY(menu);
        QStringList texts;
        for (QAction* action : menu->actions()) {
            if (!action->isSeparator() && action->isEnabled())
                texts << action->text();
        }
        QCOMPARE(texts, strings({"&Adopt into history", "&Delete on DAS…", "&Tear down…", "&Refresh"}));
        menu->close();
    }

    void cancelAndEnterDeleteNothing()
    {
        QVERIFY(start());
        QVERIFY(refresh());
        const QStringList before = onSandbox();
        clickRow(1);
        clickRow(2, Qt::ControlModifier);
        QPointer<DeleteConnectionsDialog> dialog =
            openDialog<DeleteConnectionsDialog>("deleteButton", "deleteConnectionsDialog");
        QVERIFY(dialog);
        const SandboxInventory& inventory = SandboxInventory::builtIn();
        QCOMPARE(child<QLabel>(dialog, "questionLabel")->text(),
                 QStringLiteral("Delete 2 connection(s) on DAS from 2 instance(s): %1, %2?")
                     .arg(inventory.instances().at(0).name(), inventory.instances().at(1).name()));
        QCOMPARE(child<QListWidget>(dialog, "itemList")->count(), 2);
        QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
        QTRY_VERIFY(!dialog);

        // Enter, also with the Delete button focused, is Cancel.
        dialog = openDialog<DeleteConnectionsDialog>("deleteButton", "deleteConnectionsDialog");
        QVERIFY(dialog);
        auto* deleteButton = child<QPushButton>(dialog, "deleteButton");
        deleteButton->setFocus();
        QTest::keyClick(deleteButton, Qt::Key_Return);
        QTRY_VERIFY(!dialog);
        // The Delete key on the table asks too.
        m_window->activateWindow(); // the dialog was the active window until it closed
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Delete);
        dialog = m_pane->findChild<DeleteConnectionsDialog*>(QStringLiteral("deleteConnectionsDialog"));
        QVERIFY(dialog && QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(child<QListWidget>(dialog, "itemList")->count(), 2);
        QTest::keyClick(dialog, Qt::Key_Enter);
        QTRY_VERIFY(!dialog);
        QCOMPARE(onSandbox(), before);
        QCOMPARE(m_server->requestCount(), 1); // the list only
    }

    void deleteRemovesExactlyTheSelection()
    {
        QVERIFY(start());
        QVERIFY(refresh());
        const QStringList doomed{idAt(1), idAt(3), idAt(4)};
        const qint64 doomedRow = addHistoryRow(doomed.at(1), 1);
        const qint64 keptRow = addHistoryRow(idAt(2), 1);
        QSignalSpy changed(m_pane, &ConnectionsPane::historyChanged);
        clickRow(1);
        clickRow(3, Qt::ControlModifier);
        clickRow(4, Qt::ControlModifier);
        QString question;
        QVERIFY(deleteSelectedOnDas(&question));
        QVERIFY(question.startsWith(QStringLiteral("Delete 3 connection(s) on DAS from 2 instance(s)")));
        QCOMPARE(changed.count(), 1);
        QStringList left;
        for (int i = 0; i < m_state.size(); ++i) {
            if (!doomed.contains(stateId(i)))
                left << stateId(i);
        }
        QCOMPARE(onSandbox(), left);
        QCOMPARE(m_pane->model()->rowCount(), 3); // listed again
        for (const ConnectionInfo& c : m_pane->model()->connections())
            QVERIFY(!doomed.contains(c.connectionId));
        QCOMPARE(m_history->byId(doomedRow).state, HistoryRecord::State::Deleted);
        QCOMPARE(m_history->byId(keptRow).state, HistoryRecord::State::Created);
    }

    void teardownDeletesWhatThisHistoryCreatedSince()
    {
        QVERIFY(start());
        const qint64 old = addHistoryRow(stateId(0), 48);    // before the time: stays
        const qint64 recent1 = addHistoryRow(stateId(1), 1); // goes
        const qint64 recent2 = addHistoryRow(stateId(3), 2); // goes
        const qint64 adopted = addHistoryRow(stateId(4), 1, HistoryRecord::Origin::Adopted); // never
        const QString goneId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const qint64 gone = addHistoryRow(goneId, 1); // no longer on DAS
        QVERIFY(refresh());
        QSignalSpy changed(m_pane, &ConnectionsPane::historyChanged);

        QPointer<TeardownDialog> teardown = openDialog<TeardownDialog>("teardownButton", "teardownDialog");
        QVERIFY(teardown);
        teardown->setSince(QDateTime::currentDateTime().addSecs(-6 * 3600));
        QTest::mouseClick(child<QPushButton>(teardown, "listButton"), Qt::LeftButton);
        auto* deleteButton = child<QPushButton>(teardown, "deleteButton");
        QTRY_VERIFY_WITH_TIMEOUT(deleteButton->isVisible(), 10000);
        QCOMPARE(deleteButton->text(), QStringLiteral("&Delete 2 connection(s)…"));
        auto* plan = child<QTableView>(teardown, "planTable");
        QStringList planned;
        for (int row = 0; row < plan->model()->rowCount(); ++row)
            planned << plan->model()->index(row, 0).data(ConnectionTableModel::ConnectionIdRole).toString();
        QCOMPARE(planned, QStringList({stateId(3), stateId(1)})); // oldest first
        QVERIFY(child<QLabel>(teardown, "goneLabel")->text().startsWith(QStringLiteral("1 connection(s)")));
        QCOMPARE(m_history->byId(gone).state, HistoryRecord::State::Deleted);
        screenshot(teardown, "teardown");

        QTest::mouseClick(deleteButton, Qt::LeftButton);
        QPointer<DeleteConnectionsDialog> confirm =
            teardown->findChild<DeleteConnectionsDialog*>(QStringLiteral("deleteConnectionsDialog"));
        QVERIFY(confirm && QTest::qWaitForWindowExposed(confirm));
        QVERIFY(child<QLabel>(confirm, "questionLabel")
                    ->text()
                    .startsWith(QStringLiteral("Delete 2 connection(s)")));
        QTest::mouseClick(child<QPushButton>(confirm, "deleteButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(confirm->ran(), 10000);
        QTest::mouseClick(child<QPushButton>(confirm, "closeButton"), Qt::LeftButton);
        QTRY_VERIFY(!confirm);
        QVERIFY(teardown->ran());
        QVERIFY(
            listed([&] { QTest::mouseClick(child<QPushButton>(teardown, "closeButton"), Qt::LeftButton); }));
        QCOMPARE(changed.count(), 1);

        QCOMPARE(onSandbox(), QStringList({stateId(0), stateId(2), stateId(4), stateId(5)}));
        QCOMPARE(m_history->byId(recent1).state, HistoryRecord::State::Deleted);
        QCOMPARE(m_history->byId(recent2).state, HistoryRecord::State::Deleted);
        QCOMPARE(m_history->byId(old).state, HistoryRecord::State::Created);
        QCOMPARE(m_history->byId(adopted).state, HistoryRecord::State::Created);
        QCOMPARE(m_pane->model()->rowCount(), 4);
    }

    void newTargetCancelsTheList()
    {
        QVERIFY(start());
        m_server->setLatencyMs(3000);
        QSignalSpy loaded(m_pane, &ConnectionsPane::loaded);
        QTest::mouseClick(button("refreshButton"), Qt::LeftButton);
        QVERIFY(m_pane->isLoading());
        m_pane->setTarget(
            {m_server->url(), QString(), QLatin1String(SandboxInventory::SecondProjectId), demoChoice()});
        QVERIFY(!m_pane->isLoading());
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(m_pane->model()->rowCount(), 0);
        m_server->setLatencyMs(0);
    }

    void failureIsExplained()
    {
        QVERIFY(start());
        CredentialChoice wrong = demoChoice();
        wrong.credentials.secretKey = QStringLiteral("not-the-sandbox-secret-key");
        m_pane->setTarget({m_server->url(), QString(), QLatin1String(SandboxOptions::DemoProjectId), wrong});
        QSignalSpy loaded(m_pane, &ConnectionsPane::loaded);
        QTest::mouseClick(button("refreshButton"), Qt::LeftButton);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.constFirst().constFirst().toBool(), false);
        auto* message = child<QLabel>(m_pane, "messageLabel");
        QVERIFY(!message->text().isEmpty());
        QCOMPARE(message->property("role").toString(), QStringLiteral("error"));
        // Red by its palette (no style sheet on the pane), and back to the pane's colour when it is news
        // again.
        QVERIFY(m_pane->styleSheet().isEmpty());
        QCOMPARE(message->palette().color(QPalette::WindowText), QColor(0xb3, 0x26, 0x1e));
        m_pane->setTarget(
            {m_server->url(), QString(), QLatin1String(SandboxOptions::DemoProjectId), demoChoice()});
        QTest::mouseClick(button("refreshButton"), Qt::LeftButton);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.constLast().constFirst().toBool(), true);
        QCOMPARE(message->palette().color(QPalette::WindowText),
                 m_pane->palette().color(QPalette::WindowText));
    }
};

QTEST_MAIN(TestConnectionsPane)
#include "tst_connectionspane.moc"
