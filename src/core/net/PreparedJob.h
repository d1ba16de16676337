#pragma once

#include "NetworkJob.h"
#include "PreparedRequest.h"

namespace das {

// A NetworkJob that sends one signed PreparedRequest and turns its ending into a result through an explainer
// (ErrorExplainer for creates, ReadExplainer for reads). What differs between a create and a read is only
// whether the call may be repeated and which explainer words the ending.
class PreparedJob : public NetworkJob
{
    Q_OBJECT

public:
    const PreparedRequest& request() const { return m_request; }

protected:
    PreparedJob(QNetworkAccessManager* nam, const PreparedRequest& request, const ClientOptions& options,
                const QList<QSslCertificate>& extraCa, bool usesIamToken, bool idempotent, QObject* parent);
    // A job that fails at once without sending.
    explicit PreparedJob(QObject* parent);

    NetworkCall call() const override;

    // The explainer's result for an ending; `immediate` for a job that had nothing to send.
    template <class Explainer, class Result>
    Result explain(const NetworkEnding& ending, const Result& immediate) const
    {
        switch (ending.kind) {
        case NetworkEnding::Kind::NoNetwork:
            break;
        case NetworkEnding::Kind::Answer:
            return Explainer::fromHttp(answerOf(ending));
        case NetworkEnding::Kind::Aborted:
        case NetworkEnding::Kind::Failed:
            return Explainer::fromFailure(failureInfo(ending));
        }
        return immediate;
    }

private:
    ErrorExplainer::HttpAnswer answerOf(const NetworkEnding& ending) const;

    PreparedRequest m_request;
    bool m_usesIamToken = false;
    bool m_idempotent = true;
};

} // namespace das
