#pragma once

#include "ClientOptions.h"
#include "CreateResult.h"
#include "PreparedJob.h"
#include "PreparedRequest.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSslCertificate>

class QNetworkAccessManager;

namespace das {

// How one read call (a DAS list, the IAM project lookup) ended: the 2xx answer's JSON object, or a failure
// in the create explainer's terms (same sentences for a wrong SK, clock offset, throttling, TLS, an
// unreachable host), worded for a call that changes nothing on the server.
struct ReadResult
{
    bool ok = false;
    QJsonObject object;   // ok: the answer, untrusted: readers clean every string with ServerText
    CreateResult failure; // !ok: outcome, one sentence, details (failure.connectionId is never set)
    QString requestId;    // cleaned, when the server sent one

    int exitCode() const { return ok ? 0 : failure.exitCode(); }
    static ReadResult failed(const CreateResult& failure);
};

// The create explainer's sentences adapted to a read: a read may be repeated safely, so "may have been
// created" never applies.
class ReadExplainer
{
    Q_DECLARE_TR_FUNCTIONS(das::ReadExplainer)

public:
    static ReadResult fromHttp(const ErrorExplainer::HttpAnswer& answer);
    static ReadResult fromFailure(const ErrorExplainer::FailureInfo& info);
    // A 2xx answer whose data does not have the documented shape.
    static CreateResult unreadable(const QString& what, const QString& detail);
};

// One signed call other than the create. A GET is idempotent and may share kept-alive connections; any
// other method (a delete) gets a fresh connection and a one-shot body, as a create does.
class ReadJob : public PreparedJob
{
    Q_OBJECT

public:
    ReadJob(QNetworkAccessManager* nam, const PreparedRequest& request, const ClientOptions& options,
            const QList<QSslCertificate>& extraCa, bool usesIamToken, QObject* parent = nullptr);
    // A job that fails at once without sending (bad endpoint, incomplete credentials).
    ReadJob(const ReadResult& immediate, QObject* parent = nullptr);
    ~ReadJob() override;

    const ReadResult& result() const { return m_result; }

signals:
    void finished(const das::ReadResult& result);

protected:
    void ended(const NetworkEnding& ending) override;

private:
    ReadResult m_result;
};

} // namespace das

Q_DECLARE_METATYPE(das::ReadResult)
