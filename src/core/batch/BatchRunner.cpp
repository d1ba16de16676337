#include "BatchRunner.h"

#include "AppPaths.h"
#include "CredentialLoader.h"
#include "HistoryStore.h"
#include "SecretJob.h"
#include "SecretStore.h"

#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace das {

namespace {

Q_LOGGING_CATEGORY(lcBatch, "das.batch", QtWarningMsg)

using Status = BatchRowResult::Status;

} // namespace

// A row from the moment it takes a place among the `parallel` until it is reported. The password lives here
// only while the row may still send it.
struct BatchRunner::Slot
{
    QString password;
    int attempts = 0; // sends so far
    QPointer<CreateSession> session;
    QPointer<SecretJob> keychain;
    QTimer retry; // the wait after a throttled answer
};

BatchRunner::BatchRunner(const CreateSession::Services& services, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_jitter(QRandomGenerator::securelySeeded())
{}

BatchRunner::~BatchRunner() = default;

bool BatchRunner::start(const BatchPlan& plan, const CreateSession::Target& target,
                        const CredentialChoice& credentials, const BatchPasswords& passwords,
                        const Options& options)
{
    if (m_running || !plan.usable() || !m_services.client)
        return false;
    m_plan = plan;
    m_target = target;
    m_credentials = credentials;
    m_passwords = passwords;
    m_options = options;
    m_options.parallel = qBound(1, options.parallel, int(MaxParallel));
    m_report = BatchReport();
    m_report.rows.reserve(plan.rows.size());
    for (int i = 0; i < plan.rows.size(); ++i)
        m_report.rows.append(rowResult(i, Status::NotRun));
    m_queue.clear();
    m_done = 0;
    m_total = int(plan.rows.size());
    m_inFlight = 0;
    m_running = true;
    m_stopping = false;
    m_begun = false;
    if (m_services.history && m_services.history->isOpen()) // see HistoryStore::Durability
        m_services.history->setDurability(HistoryStore::Durability::ProcessCrash, nullptr);
    const int generation = ++m_generation;
    QMetaObject::invokeMethod(
        this, [this, generation] { begin(generation); }, Qt::QueuedConnection);
    return true;
}

// Rows that send nothing are reported first; then the credentials are read once for the whole batch (a
// profile's secrets would otherwise be asked of the keychain once per row).
void BatchRunner::begin(int generation)
{
    if (generation != m_generation || !m_running)
        return;
    m_begun = true;
    for (int i = 0; i < m_plan.rows.size(); ++i) {
        const BatchRowPlan& row = m_plan.rows.at(i);
        if (row.willSend()) {
            m_queue.append(i);
        } else if (row.excluded) {
            finishRow(i, rowResult(i, Status::NotRun, tr("Left out of this run.")));
        } else if (row.action == BatchRowPlan::Action::Skip) {
            BatchRowResult r = rowResult(i, Status::Existing);
            r.connectionId = row.existingId;
            finishRow(i, r);
        } else {
            QStringList violations;
            for (const BatchViolation& v : row.violations)
                violations.append(v.column.isEmpty() ? v.message
                                                     : v.column + QStringLiteral(": ") + v.message);
            finishRow(i, rowResult(i, Status::Invalid, violations.join(QStringLiteral("; "))));
        }
    }
    if (m_queue.isEmpty() || !m_credentials.needsKeychain()) {
        pump();
        checkDone();
        return;
    }
    CredentialLoader::load(m_services.profiles, m_credentials, this,
                           [this, generation](const CredentialLoader::Loaded& loaded) {
                               if (generation != m_generation || !m_running || m_stopping)
                                   return;
                               if (loaded.ok) {
                                   m_credentials = m_credentials.withCredentials(loaded.credentials);
                               } else {
                                   for (const int index : std::exchange(m_queue, {}))
                                       finishRow(index, rowResult(index, Status::Failed, loaded.message));
                               }
                               pump();
                               checkDone();
                           });
}

void BatchRunner::stop()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    m_report.stopped = true;
    const int generation = m_generation;
    // From the event loop like every other signal, so that a caller may stop() from a rowFinished handler.
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (generation == m_generation)
                settleStopped();
        },
        Qt::QueuedConnection);
}

// After stop(): rows not started, waiting to be sent again or waiting for the keychain become NotRun (nothing
// of theirs is on DAS); sessions in flight are left to finish, so that no answer is lost.
void BatchRunner::settleStopped()
{
    if (!m_running)
        return;
    for (const int index : std::exchange(m_queue, {}))
        finishRow(index, rowResult(index, Status::NotRun, tr("Not started: the run was stopped.")));
    QList<int> idle;
    for (const auto& [index, slot] : m_slots) {
        if (!slot->session)
            idle.append(index);
    }
    for (const int index : idle) {
        Slot* slot = m_slots.at(index).get();
        if (slot->keychain)
            slot->keychain->disconnect(this);
        BatchRowResult r =
            rowResult(index, Status::NotRun,
                      slot->attempts > 0 ? tr("Throttled, and not sent again: the run was stopped.")
                                         : tr("Not started: the run was stopped."));
        r.attempts = slot->attempts;
        finishRow(index, r);
    }
    checkDone();
}

// Fills the free places; a row that ends at once (no password) frees its place for the next in this loop.
void BatchRunner::pump()
{
    while (m_running && m_begun && !m_stopping && m_inFlight < m_options.parallel && !m_queue.isEmpty())
        startRow(m_queue.takeFirst());
}

void BatchRunner::startRow(int index)
{
    Slot* slot = (m_slots[index] = std::make_unique<Slot>()).get();
    ++m_inFlight;
    slot->retry.setSingleShot(true);
    slot->retry.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early: before Retry-After
    slot->retry.callOnTimeout(this, [this, index] {
        if (!m_stopping)
            send(index, m_slots.at(index)->password);
    });
    emit rowStarted(m_plan.rows.at(index).row);
    const QString password = m_passwords.forRow(m_plan.rows.at(index).request);
    if (password.isEmpty())
        lookUpPassword(index);
    else
        send(index, password);
}

// A row no given source has a password for: the one saved in the keychain for its key, as a single create
// would offer it. Nothing is sent without one.
void BatchRunner::lookUpPassword(int index)
{
    const ConnectionRequest& request = m_plan.rows.at(index).request;
    const QString howTo = tr("Give the password of %1 with --password-stdin or --passwords-file, or when the "
                             "window asks for it, and apply the rows not created again.")
                              .arg(request.username);
    if (!m_services.secrets) {
        finishRow(
            index,
            rowResult(index, Status::Failed,
                      tr("No password for this row, and the OS keychain is not available. %1").arg(howTo)));
        return;
    }
    SecretJob* job =
        m_services.secrets->read(CreateSession::passwordKey(m_target.endpoint.toString(), request));
    m_slots.at(index)->keychain = job;
    const int generation = m_generation;
    connect(job, &SecretJob::finished, this, [this, index, generation, howTo](const SecretResult& result) {
        const auto it = m_slots.find(index);
        if (generation != m_generation || it == m_slots.end() || it->second->session)
            return;
        it->second->keychain = nullptr;
        if (m_stopping) {
            finishRow(index, rowResult(index, Status::NotRun, tr("Not started: the run was stopped.")));
        } else if (result.ok() && !result.secret.isEmpty()) {
            send(index, result.secret);
        } else {
            const QString why =
                result.status == SecretResult::Status::NotFound
                    ? tr("No password for this row, and the OS keychain holds none saved for it.")
                    : tr("No password for this row, and the OS keychain could not be read: %1")
                          .arg(result.message);
            finishRow(index, rowResult(index, Status::Failed, why + u' ' + howTo));
        }
        pump();
        checkDone();
    });
}

void BatchRunner::send(int index, const QString& password)
{
    Slot* slot = m_slots.at(index).get();
    slot->password = password;
    ++slot->attempts;
    ConnectionRequest request = m_plan.rows.at(index).request;
    request.password = password;
    auto* session = new CreateSession(m_services, this);
    slot->session = session;
    connect(session, &CreateSession::finished, this, [this, index, session](const CreateSession::Outcome& o) {
        session->deleteLater();
        onSessionFinished(index, o);
    });
    CreateSession::Options options;
    options.ifExists = CreateSession::IfExists::Create; // the plan's listing was the duplicate check
    options.reconcileScheduleMs = m_options.reconcileScheduleMs;
    qCDebug(lcBatch) << "batch: row" << m_plan.rows.at(index).row << "attempt" << slot->attempts;
    session->start(request, m_target, m_credentials, options);
}

void BatchRunner::onSessionFinished(int index, const CreateSession::Outcome& outcome)
{
    Slot* slot = m_slots.at(index).get();
    slot->session = nullptr;
    const bool isThrottled = !outcome.result.succeeded() && outcome.result.isThrottled();
    if (isThrottled && m_stopping) {
        BatchRowResult r =
            rowResult(index, Status::NotRun, tr("Throttled, and not sent again: the run was stopped."));
        r.attempts = slot->attempts;
        finishRow(index, r);
    } else if (isThrottled && slot->attempts <= m_options.maxThrottleRetries) {
        // Refused at the gateway before DAS saw it: the one answer that is safe to send again, after a wait.
        // The row keeps its place among the `parallel`, so a throttled batch slows down instead of pressing
        // on.
        const int waitMs = backoffMs(slot->attempts, outcome.result.retryAfterSeconds);
        qCDebug(lcBatch) << "batch: row" << m_plan.rows.at(index).row << "throttled, waiting" << waitMs;
        emit throttled(m_plan.rows.at(index).row, waitMs);
        slot->retry.start(waitMs);
    } else {
        finishRow(index, resultOf(index, outcome));
    }
    pump();
    checkDone();
}

BatchRowResult BatchRunner::resultOf(int index, const CreateSession::Outcome& outcome) const
{
    const CreateResult& result = outcome.result;
    BatchRowResult r = rowResult(index, Status::Failed, result.explanation);
    r.attempts = m_slots.at(index)->attempts;
    r.requestId = result.requestId;
    if (result.succeeded()) {
        r.status = outcome.existing ? Status::Existing : Status::Created;
        r.connectionId = result.connectionId;
        r.reconciled = outcome.reconciliation == CreateSession::Reconciliation::Confirmed;
        r.error = outcome.historyWarning; // created, but the history may not show it
    } else if (outcome.reconciliation == CreateSession::Reconciliation::NotCreated) {
        r.status = Status::Failed; // the explanation says it is safe to create again
    } else if (result.outcome == CreateResult::Outcome::Unknown ||
               (result.outcome == CreateResult::Outcome::Cancelled && result.requestSent)) {
        r.status = Status::Unknown;
    } else if (result.isThrottled()) {
        r.error = tr("%1 Still throttled after %n attempts.", nullptr, r.attempts).arg(result.explanation);
    }
    return r;
}

BatchRowResult BatchRunner::rowResult(int index, BatchRowResult::Status status, const QString& error) const
{
    const BatchRowPlan& plan = m_plan.rows.at(index);
    BatchRowResult r;
    r.row = plan.row;
    r.status = status;
    // An invalid row may not have made a request field: the file's cell is what the user knows it by.
    r.instanceId =
        plan.request.instanceId.isEmpty() ? plan.source.value("instance_id") : plan.request.instanceId;
    r.username = plan.request.username.isEmpty() ? plan.source.value("username") : plan.request.username;
    r.databaseName =
        plan.request.databaseName.isEmpty() ? plan.source.value("database_name") : plan.request.databaseName;
    r.error = error;
    return r;
}

void BatchRunner::finishRow(int index, const BatchRowResult& result)
{
    const auto it = m_slots.find(index);
    if (it != m_slots.end()) {
        it->second->password.clear();
        m_slots.erase(it);
        --m_inFlight;
    }
    m_report.rows[index] = result;
    ++m_done;
    qCDebug(lcBatch) << "batch: row" << result.row << BatchRowResult::statusName(result.status) << "after"
                     << result.attempts << "sends";
    emit rowFinished(result);
    emit progress(m_done, m_total);
}

int BatchRunner::backoffDelayMs(const Options& options, int attempt, int retryAfterSeconds,
                                QRandomGenerator* random)
{
    if (retryAfterSeconds > 0) {
        const qint64 ms = qint64(retryAfterSeconds) * 1000;
        return int(options.retryAfterCapMs > 0 ? qMin<qint64>(ms, options.retryAfterCapMs) : ms);
    }
    // Full jitter (a random wait up to the doubled ceiling) spreads the rows that were throttled together,
    // so they do not all come back at the same moment and get throttled again.
    const int doublings = qBound(0, attempt - 1, 30);
    const qint64 ceiling =
        qMin<qint64>(qMax(0, options.backoffCapMs), qint64(qMax(0, options.backoffBaseMs)) << doublings);
    return int(random->bounded(quint32(ceiling) + 1U));
}

int BatchRunner::backoffMs(int attempt, int retryAfterSeconds)
{
    return backoffDelayMs(m_options, attempt, retryAfterSeconds, &m_jitter);
}

void BatchRunner::checkDone()
{
    if (!m_running || !m_begun || m_inFlight > 0 || !m_queue.isEmpty())
        return;
    m_running = false;
    m_passwords.clear();
    m_slots.clear();
    m_credentials = CredentialChoice(); // a profile's secrets, read for this run only
    if (m_services.history && m_services.history->isOpen())
        m_services.history->setDurability(HistoryStore::Durability::EveryCommit, nullptr);
    emit finished(m_report);
}

} // namespace das
