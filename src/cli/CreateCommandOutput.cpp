// What `das-connect-cli create` prints: its progress on stderr while the create runs, and its outcome (the
// connection ID, an existing connection chosen, an unsettled or failed create) as text or JSON. The rest of
// CreateCommand (options, input, the session) is in CreateCommand.cpp.
#include "CreateCommand.h"

#include "PhaseTimer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace das {

namespace {

// What a shell reports for a process ended by SIGINT (128 + 2), as batch apply does.
constexpr int ExitInterrupted = 130;

} // namespace

int CreateCommand::printInterrupted(const CreateSession::Outcome& outcome, const Input& in)
{
    CreateResult result = outcome.result;
    result.explanation = result.requestSent
                             ? tr("interrupted: the create may have reached DAS; it is recorded as pending "
                                  "and `das-connect-cli reconcile` will resolve it.")
                             : tr("interrupted: nothing was sent.");
    printFailure(result, in.json, QJsonObject{{QStringLiteral("interrupted"), true}});
    if (in.json) // the JSON goes to stdout; the sentence is for whoever pressed Ctrl+C
        m_err << result.explanation << Qt::endl;
    return ExitInterrupted;
}

void CreateCommand::connectProgress(CreateSession& session)
{
    QObject::connect(&session, &CreateSession::checkingDuplicates, &session, [this] {
        PhaseTimer::mark("credentials ready (event loop)");
        m_err << tr("checking for an existing connection…") << Qt::endl;
    });
    QObject::connect(&session, &CreateSession::sending, &session,
                     [] { PhaseTimer::mark("pending row committed, request signed"); });
    QObject::connect(&session, &CreateSession::reconciling, &session, [this](int attempt, int attempts) {
        m_err << tr("answer lost; asking DAS whether it was created (look %1 of %2)…")
                     .arg(attempt)
                     .arg(attempts)
              << Qt::endl;
    });
    QObject::connect(&session, &CreateSession::recorded, &session,
                     [this](const CreateResult&, qint64, const QString& warning) {
                         PhaseTimer::mark("answer explained, result row committed");
                         if (!warning.isEmpty())
                             m_err << tr("warning: %1").arg(warning) << Qt::endl;
                     });
    QObject::connect(&session, &CreateSession::passwordSaved, &session, [this] {
        m_err << tr("The database password was saved in the OS keychain.") << Qt::endl;
    });
    QObject::connect(&session, &CreateSession::passwordNotSaved, &session, [this](const QString& reason) {
        m_err << tr("warning: the connection was created, but the database password was not saved: %1")
                     .arg(reason)
              << Qt::endl;
    });
}

void CreateCommand::printOutcome(const CreateSession::Outcome& outcome, const Input& in)
{
    const CreateResult& result = outcome.result;
    if (!result.succeeded()) {
        printUnsettled(outcome, in);
        return;
    }
    const bool reconciled = outcome.reconciliation == CreateSession::Reconciliation::Confirmed;
    if (outcome.existing)
        m_err << tr("DAS already holds this connection; nothing was created.") << Qt::endl;
    else if (reconciled)
        m_err << tr("The answer was lost, but DAS lists the connection: it was created.") << Qt::endl;
    if (!in.json) {
        m_out << result.connectionId << Qt::endl;
        return;
    }
    QJsonObject object;
    object.insert(QStringLiteral("connection_id"), result.connectionId);
    // An existing or reconciled connection has no create answer, hence no request ID.
    if (!result.requestId.isEmpty())
        object.insert(QStringLiteral("request_id"), result.requestId);
    if (outcome.passwordSaved)
        object.insert(QStringLiteral("password_saved"), *outcome.passwordSaved);
    if (outcome.existing)
        object.insert(QStringLiteral("existing"), true);
    if (reconciled)
        object.insert(QStringLiteral("reconciled"), true);
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
}

void CreateCommand::printUnsettled(const CreateSession::Outcome& outcome, const Input& in)
{
    CreateResult result = outcome.result;
    QJsonObject extra;
    const auto ids = &ConnectionInfo::idsOf;
    // The duplicate check refused before anything was sent.
    if (!outcome.duplicates.isEmpty() && !outcome.existing && !result.requestSent) {
        const QStringList existing = ids(outcome.duplicates);
        result.explanation =
            tr("DAS already holds a connection for instance %1, user %2 and database %3: %4. "
               "Use --if-exists skip to use an existing one, or --if-exists create to create another.")
                .arg(in.request.instanceId, in.request.username,
                     in.request.databaseName.isEmpty() ? QStringLiteral("(none)") : in.request.databaseName,
                     existing.join(QStringLiteral(", ")));
        extra.insert(QStringLiteral("existing_connection_ids"), QJsonArray::fromStringList(existing));
    }
    switch (outcome.reconciliation) {
    case CreateSession::Reconciliation::NotCreated:
        result.explanation = tr("The answer was lost, and DAS lists no such connection: it was not created. "
                                "It is safe to run the same create again.");
        extra.insert(QStringLiteral("reconciliation"), QStringLiteral("not_created"));
        break;
    case CreateSession::Reconciliation::Ambiguous:
        result.explanation =
            tr("The answer was lost, and DAS lists several connections this create could have made: %1. It "
               "is left unknown in the history; look at them with das-connect-cli connections.")
                .arg(ids(outcome.candidates).join(QStringLiteral(", ")));
        extra.insert(QStringLiteral("reconciliation"), QStringLiteral("ambiguous"));
        extra.insert(QStringLiteral("candidates"), QJsonArray::fromStringList(ids(outcome.candidates)));
        break;
    case CreateSession::Reconciliation::Failed:
        result.explanation += u' ' + tr("DAS could not be asked whether it was created; run das-connect-cli "
                                        "reconcile later to find out.");
        extra.insert(QStringLiteral("reconciliation"), QStringLiteral("failed"));
        break;
    case CreateSession::Reconciliation::None:
    case CreateSession::Reconciliation::Confirmed:
        break;
    }
    printFailure(result, in.json, extra);
}

void CreateCommand::printFailure(const CreateResult& result, bool json, const QJsonObject& extra)
{
    const QList<std::pair<QString, QString>> details = {
        {QStringLiteral("error_code"), result.errorCode},
        {QStringLiteral("error_msg"), result.errorMessage},
        {QStringLiteral("request_id"), result.requestId},
        {QStringLiteral("detail"), result.detail},
    };
    if (!json) {
        m_err << tr("error: %1").arg(result.explanation) << Qt::endl;
        if (result.httpStatus)
            m_err << tr("  HTTP status: %1").arg(result.httpStatus) << Qt::endl;
        for (const auto& [name, value] : details) {
            if (!value.isEmpty())
                m_err << QStringLiteral("  %1 %2").arg(name + u':', -12).arg(value) << Qt::endl;
        }
        return;
    }
    QJsonObject object = extra;
    object.insert(QStringLiteral("outcome"), CreateResult::outcomeName(result.outcome));
    object.insert(QStringLiteral("explanation"), result.explanation);
    if (result.httpStatus)
        object.insert(QStringLiteral("http_status"), result.httpStatus);
    for (const auto& [name, value] : details) {
        if (!value.isEmpty())
            object.insert(name, value);
    }
    QJsonArray violations;
    for (const Violation& v : result.violations) {
        violations.append(QJsonObject{{QStringLiteral("field"), v.field},
                                      {QStringLiteral("code"), v.code},
                                      {QStringLiteral("message"), v.message}});
    }
    if (!violations.isEmpty())
        object.insert(QStringLiteral("violations"), violations);
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
}

} // namespace das
