// CreateSession against the real sandbox on 127.0.0.1, a real history database and a throw-away Secret
// Service: the order of the stages, what is recorded, the saved password, and cancel at every stage.
#include "CreateSession.h"
#include "DasClient.h"
#include "HistoryStore.h"
#include "KeychainTestSupport.h"
#include "ProfileManager.h"
#include "ProfileStore.h"
#include "SandboxServer.h"
#include "SecretStore.h"

#include "EndpointResolver.h"
#include "WorkflowTestSupport.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace das;
using namespace das::test;
using Outcome = CreateResult::Outcome;

namespace {

// Every line any das.* category writes while the tests run, to prove no secret reaches a log.
QMutex g_logMutex;
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (context.category && QByteArray(context.category).startsWith("das.")) {
        QMutexLocker lock(&g_logMutex);
        g_logLines.append(QLatin1String(context.category) + u' ' + message);
    }
    if (g_previousHandler && type != QtDebugMsg)
        g_previousHandler(type, context, message);
}

constexpr const char* CanaryPassword = "Canary-Pass-7f3a91";

ConnectionRequest validRequest(const QString& user = QStringLiteral("root"))
{
    ConnectionRequest r;
    r.projectId = QLatin1String(SandboxOptions::DemoProjectId);
    r.instanceId = QLatin1String(SandboxOptions::DemoInstanceId);
    r.engineType = QStringLiteral("mysql");
    r.networkType = QStringLiteral("rds");
    r.username = user;
    r.password = QLatin1String(CanaryPassword);
    return r;
}

} // namespace

class TestCreateSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<DasClient> m_client;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<ProfileManager> m_manager;
    QStringList m_keysToClear;

    CreateSession::Services services() const
    {
        return {m_client.get(), m_history.get(), m_secrets.get(), m_manager.get()};
    }

    CreateSession::Target target() const { return {m_server->url(), QString()}; }

    // Runs a session to its end and returns the names of its signals in the order they came.
    QStringList run(CreateSession& session, const ConnectionRequest& request, const CredentialChoice& choice,
                    const CreateSession::Options& options = CreateSession::Options())
    {
        QStringList stages;
        connect(&session, &CreateSession::resolvingCredentials, this,
                [&] { stages << QStringLiteral("resolving"); });
        connect(&session, &CreateSession::sending, this, [&] { stages << QStringLiteral("sending"); });
        connect(&session, &CreateSession::recorded, this, [&] { stages << QStringLiteral("recorded"); });
        connect(&session, &CreateSession::savingPassword, this, [&] { stages << QStringLiteral("saving"); });
        connect(&session, &CreateSession::passwordSaved, this, [&] { stages << QStringLiteral("saved"); });
        connect(&session, &CreateSession::passwordNotSaved, this,
                [&] { stages << QStringLiteral("notSaved"); });
        QSignalSpy finished(&session, &CreateSession::finished);
        session.start(request, target(), choice, options);
        if (!finished.wait(30000))
            stages << QStringLiteral("TIMEOUT");
        for (int i = 0; i < finished.count(); ++i)
            stages << QStringLiteral("finished");
        return stages;
    }

private slots:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("das.*.debug=true"));
        g_previousHandler = qInstallMessageHandler(captureLog);
        if (!test::haveThrowAwayKeyring())
            QSKIP(test::needKeyringMessage());
        test::forceSecretServiceBackend();
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<SandboxServer>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_client = std::make_unique<DasClient>();
        m_history = std::make_unique<HistoryStore>(m_dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(m_history->open(&error), qPrintable(error));
        m_secrets = std::make_unique<SecretStore>();
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        m_profiles = std::make_unique<ProfileStore>(m_settings.get());
        m_manager = std::make_unique<ProfileManager>(m_profiles.get(), m_secrets.get());
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        for (const QString& key : std::as_const(m_keysToClear))
            test::clearEntry(key);
    }

    void init()
    {
        if (m_server)
            m_server->setMode(SandboxOptions::Mode::Ok);
    }

    void createdIsRecordedBeforeItIsReported()
    {
        CreateSession session(services());
        qint64 recordedId = 0;
        connect(&session, &CreateSession::recorded, this,
                [&](const CreateResult& r, qint64 id, const QString& w) {
                    // By the time anyone hears of the ID, its row is committed.
                    QVERIFY(w.isEmpty());
                    QCOMPARE(m_history->byId(id).connectionId, r.connectionId);
                    recordedId = id;
                });
        const int before = m_server->requestCount();
        QCOMPARE(
            run(session, validRequest(), demoChoice()),
            QStringList({QStringLiteral("sending"), QStringLiteral("recorded"), QStringLiteral("finished")}));
        const CreateSession::Outcome& o = session.outcome();
        QVERIFY(o.result.succeeded());
        QCOMPARE(o.historyId, recordedId);
        QVERIFY(recordedId > 0);
        QVERIFY(!o.passwordSaved.has_value());
        QCOMPARE(m_server->requestCount(), before + 1);
        QVERIFY(m_server->issuedConnectionIds().contains(o.result.connectionId));
        QVERIFY(session.request().password.isEmpty()); // not held after the end
    }

    // Write-ahead: the row exists before the send and ends not_created on a definite refusal, with the
    // refusal's sentence and no connection ID; `recorded` is not signalled (there is no ID to show).
    void refusalIsRecordedNotCreated()
    {
        m_server->setMode(SandboxOptions::Mode::E500);
        const int rows = m_history->count();
        CreateSession session(services());
        QCOMPARE(run(session, validRequest(), demoChoice()),
                 QStringList({QStringLiteral("sending"), QStringLiteral("finished")}));
        QCOMPARE(session.outcome().result.outcome, Outcome::ApiError);
        QCOMPARE(m_history->count(), rows + 1);
        const HistoryRecord row = m_history->fetch().constFirst();
        QCOMPARE(row.state, HistoryRecord::State::NotCreated);
        QVERIFY(row.connectionId.isEmpty());
        QCOMPARE(row.stateDetail, session.outcome().result.explanation);
        QVERIFY(m_history->unresolved().isEmpty());
    }

    // A request refused before sending leaves no row at all: it was never an attempt.
    void invalidRequestLeavesNoRow()
    {
        const int rows = m_history->count();
        ConnectionRequest request = validRequest();
        request.instanceId = QStringLiteral("not-an-instance");
        CreateSession session(services());
        QCOMPARE(run(session, request, demoChoice()), QStringList({QStringLiteral("finished")}));
        QCOMPARE(session.outcome().result.outcome, Outcome::InvalidInput);
        QCOMPARE(m_history->count(), rows);
    }

    void passwordSavedAndReadBack()
    {
        ConnectionRequest request = validRequest(QStringLiteral("saver_") + test::uniqueTag());
        request.isSavePassword = true;
        const QString key = CreateSession::passwordKey(m_server->url().toString(), request);
        m_keysToClear << key;
        CreateSession session(services());
        QCOMPARE(run(session, request, demoChoice()),
                 QStringList({QStringLiteral("sending"), QStringLiteral("recorded"), QStringLiteral("saving"),
                              QStringLiteral("saved"), QStringLiteral("finished")}));
        QCOMPARE(session.outcome().passwordSaved, std::optional<bool>(true));
        QVERIFY(m_history->byId(session.outcome().historyId).passwordSaved);
        QCOMPARE(test::lookup(key).out, QByteArray(CanaryPassword));
    }

    // The window asks for DAS's is_save_password and for the keychain apart: each follows its own flag.
    void keychainFollowsItsOwnFlag()
    {
        ConnectionRequest dasOnly = validRequest(QStringLiteral("dasonly_") + test::uniqueTag());
        dasOnly.isSavePassword = true;
        const QString dasOnlyKey = CreateSession::passwordKey(m_server->url().toString(), dasOnly);
        m_keysToClear << dasOnlyKey;
        CreateSession::Options noKeychain;
        noKeychain.keychainPassword = false;
        CreateSession first(services());
        QCOMPARE(
            run(first, dasOnly, demoChoice(), noKeychain),
            QStringList({QStringLiteral("sending"), QStringLiteral("recorded"), QStringLiteral("finished")}));
        QVERIFY(!first.outcome().passwordSaved.has_value());
        QCOMPARE(test::lookup(dasOnlyKey).out, QByteArray());

        ConnectionRequest keychainOnly = validRequest(QStringLiteral("kconly_") + test::uniqueTag());
        keychainOnly.isSavePassword = false;
        const QString keychainKey = CreateSession::passwordKey(m_server->url().toString(), keychainOnly);
        m_keysToClear << keychainKey;
        CreateSession::Options keychain;
        keychain.keychainPassword = true;
        CreateSession second(services());
        QCOMPARE(run(second, keychainOnly, demoChoice(), keychain),
                 QStringList({QStringLiteral("sending"), QStringLiteral("recorded"), QStringLiteral("saving"),
                              QStringLiteral("saved"), QStringLiteral("finished")}));
        QCOMPARE(second.outcome().passwordSaved, std::optional<bool>(true));
        QCOMPARE(test::lookup(keychainKey).out, QByteArray(CanaryPassword));
    }

    void noCredentialsSendsNothing()
    {
        CredentialChoice none;
        none.error = QStringLiteral("no credentials here");
        const int before = m_server->requestCount();
        CreateSession session(services());
        QCOMPARE(run(session, validRequest(), none), QStringList({QStringLiteral("finished")}));
        QCOMPARE(session.outcome().result.outcome, Outcome::InvalidInput);
        QCOMPARE(session.outcome().result.explanation, QStringLiteral("no credentials here"));
        QCOMPARE(m_server->requestCount(), before);
    }

    void unreadableProfileSendsNothing()
    {
        Profile p;
        p.name = QStringLiteral("nosecret_") + test::uniqueTag();
        p.accessKey = QStringLiteral("NOSECRETAK0000000001");
        p.region = QStringLiteral("cn-north-4");
        QString error;
        QVERIFY2(m_profiles->save(p, &error), qPrintable(error)); // settings only: no SK in the keychain
        CredentialResolver::Inputs in;
        in.profile = p.name;
        const CredentialChoice choice = CredentialResolver(m_profiles.get()).resolve(in);
        QVERIFY(choice.needsKeychain());
        const int before = m_server->requestCount();
        CreateSession session(services());
        QCOMPARE(run(session, validRequest(), choice),
                 QStringList({QStringLiteral("resolving"), QStringLiteral("finished")}));
        QVERIFY(session.outcome().credentialsUnavailable);
        QVERIFY2(session.outcome().result.explanation.contains(QStringLiteral("Nothing was sent")),
                 qPrintable(session.outcome().result.explanation));
        QCOMPARE(m_server->requestCount(), before);
    }

    void cancelBeforeSendingSendsNothing()
    {
        const int before = m_server->requestCount();
        CreateSession session(services());
        QSignalSpy finished(&session, &CreateSession::finished);
        QSignalSpy sending(&session, &CreateSession::sending);
        session.start(validRequest(), target(), demoChoice());
        session.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(session.outcome().result.outcome, Outcome::Cancelled);
        // The queued start must not send afterwards.
        QCoreApplication::processEvents();
        QCOMPARE(sending.count(), 0);
        QCOMPARE(m_server->requestCount(), before);
        QCOMPARE(finished.count(), 1);
    }

    void cancelWhileSending()
    {
        m_server->setMode(SandboxOptions::Mode::Hang);
        CreateSession session(services());
        QSignalSpy finished(&session, &CreateSession::finished);
        connect(m_server.get(), &SandboxServer::requestReceived, &session, &CreateSession::cancel);
        session.start(validRequest(), target(), demoChoice());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.count(), 1);
        const CreateResult& r = session.outcome().result;
        QVERIFY2(r.outcome == Outcome::Cancelled || r.outcome == Outcome::Unknown,
                 qPrintable(CreateResult::outcomeName(r.outcome)));
        QVERIFY(!session.isRunning());
    }

    void historyUnavailableWarns()
    {
        HistoryStore closed(m_dir.filePath(QStringLiteral("never-opened.sqlite")));
        CreateSession::Services s = services();
        s.history = &closed;
        CreateSession session(s);
        QString warning;
        connect(&session, &CreateSession::recorded, this,
                [&](const CreateResult&, qint64, const QString& w) { warning = w; });
        run(session, validRequest(), demoChoice());
        QVERIFY(session.outcome().result.succeeded());
        QCOMPARE(session.outcome().historyId, 0);
        QVERIFY(!warning.isEmpty());
        QCOMPARE(session.outcome().historyWarning, warning);
    }

    void profileSecretsComeFromTheKeychain()
    {
        Profile p;
        p.name = QStringLiteral("demo_") + test::uniqueTag();
        p.accessKey = QLatin1String(SandboxOptions::DemoAccessKey);
        p.endpoint = m_server->url().toString();
        ProfileSecrets secrets;
        secrets.secretKey = QLatin1String(SandboxOptions::DemoSecretKey);
        bool ok = false;
        bool done = false;
        m_manager->saveProfile(p, secrets, [&](bool success, const QString&) {
            ok = success;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY(ok);
        m_keysToClear << SecretStore::profileSecretKey(p.name, QLatin1String(SecretStore::SecretKeyField));
        CredentialResolver::Inputs in;
        in.profile = p.name;
        CreateSession session(services());
        QCOMPARE(run(session, validRequest(), CredentialResolver(m_profiles.get()).resolve(in)),
                 QStringList({QStringLiteral("resolving"), QStringLiteral("sending"),
                              QStringLiteral("recorded"), QStringLiteral("finished")}));
        QVERIFY(session.outcome().result.succeeded());
    }

    void runsOnlyOnce()
    {
        CreateSession session(services());
        run(session, validRequest(), demoChoice());
        const int before = m_server->requestCount();
        QSignalSpy finished(&session, &CreateSession::finished);
        session.start(validRequest(), target(), demoChoice());
        QCoreApplication::processEvents();
        QCOMPARE(finished.count(), 0);
        QCOMPARE(m_server->requestCount(), before);
    }

    // Runs last (slots run in declaration order): every log line of every test above, with every das.*
    // category at debug level, carries no secret.
    void logsCarryNoSecret()
    {
        QVERIFY(EndpointResolver::resolveRegion(QStringLiteral("cn-north-4"), QProcessEnvironment()).ok());
        QMutexLocker lock(&g_logMutex);
        for (const char* category :
             {"das.workflow ", "das.net ", "das.secrets ", "das.history ", "das.request ", "das.sandbox "}) {
            const bool seen = std::any_of(g_logLines.cbegin(), g_logLines.cend(), [&](const QString& line) {
                return line.startsWith(QLatin1String(category));
            });
            QVERIFY2(seen, category); // the call sites were exercised, so the check below means something
        }
        for (const QString& line : std::as_const(g_logLines)) {
            for (const char* secret : {CanaryPassword, SandboxOptions::DemoSecretKey,
                                       "Signature=", "SDK-HMAC", "X-Auth-Token", "X-Security-Token"})
                QVERIFY2(!line.contains(QLatin1String(secret)), qPrintable(line));
        }
    }
};

QTEST_GUILESS_MAIN(TestCreateSession)
#include "tst_createsession.moc"
