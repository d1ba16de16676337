#pragma once

#include "Violation.h"

#include <QString>

#include <functional>

namespace das {

// What happened to one create-connection call, ready to show: one sentence plus details.
struct CreateResult
{
    enum class Outcome
    {
        Created,      // connection_id received
        InvalidInput, // rejected locally, nothing sent
        AuthFailed,   // 401/403, APIGW.0301 and friends
        ApiError,     // any other error answer from the gateway or DAS
        NotSent,      // network failure before the request left: refused, DNS, TLS, proxy
        Unknown,      // the request may have been processed but no usable answer came back
        Cancelled,    // the user cancelled
    };

    Outcome outcome = Outcome::Unknown;
    QString connectionId;
    QString requestId;
    int httpStatus = 0;
    QString errorCode;
    QString errorMessage; // the server's error_msg, cleaned by ServerText like every server-provided field
    QString explanation;  // one translated sentence
    QString detail;       // technical detail: network error text, body excerpt, clock offset
    bool timedOut = false;
    bool requestSent = false;
    qint64 clockOffsetSeconds = 0; // server Date minus local clock, when known
    int retryAfterSeconds = 0;     // a throttled answer's Retry-After (delta seconds, at most an hour), or 0
    Violations violations;         // for InvalidInput
    // Words the explanation again in the language installed now, from what the result was made of (set where
    // the sentence is made, e.g. ErrorExplainer); empty when it cannot. A front end uses it only while it
    // still yields the sentence shown, so an explanation changed or added to later is never replaced.
    std::function<QString()> reword;

    bool succeeded() const { return outcome == Outcome::Created; }
    // Refused by the gateway's throttling (HTTP 429, APIGW.0308) before DAS saw it: the one failure that may
    // be sent again.
    bool isThrottled() const;

    // Refused before anything was sent, with one sentence saying why.
    static CreateResult invalidInput(const QString& explanation);

    // Sets the explanation from `words` and keeps `words` as the way to reword it.
    void explain(std::function<QString()> words);

    // das-connect-cli exit status: 0 ok, 2 invalid input, 3 auth, 4 other API error, 5 network/unknown.
    int exitCode() const;
    static QString outcomeName(Outcome outcome);
};

} // namespace das
