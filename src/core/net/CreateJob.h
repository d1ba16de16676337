#pragma once

#include "ClientOptions.h"
#include "CreateResult.h"
#include "PreparedJob.h"
#include "PreparedRequest.h"

#include <QSslCertificate>

class QNetworkAccessManager;

namespace das {

// One create-connection call: a POST that is never re-sent, whose ending becomes a CreateResult.
class CreateJob : public PreparedJob
{
    Q_OBJECT

public:
    CreateJob(QNetworkAccessManager* nam, const PreparedRequest& request, const ClientOptions& options,
              const QList<QSslCertificate>& extraCa, bool usesIamToken, QObject* parent = nullptr);
    // A job that fails at once without sending (invalid input, bad endpoint).
    CreateJob(const CreateResult& immediate, QObject* parent = nullptr);
    ~CreateJob() override;

    const CreateResult& result() const { return m_result; }

signals:
    void finished(const das::CreateResult& result);

protected:
    void ended(const NetworkEnding& ending) override;

private:
    CreateResult m_result;
};

} // namespace das
