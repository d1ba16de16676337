#include "CreateResult.h"

#include <utility>

namespace das {

CreateResult CreateResult::invalidInput(const QString& explanation)
{
    CreateResult r;
    r.outcome = Outcome::InvalidInput;
    r.explanation = explanation;
    return r;
}

bool CreateResult::isThrottled() const
{
    return httpStatus == 429 || errorCode == QLatin1String("APIGW.0308") ||
           errorCode == QLatin1String("APIG.0308");
}

int CreateResult::exitCode() const
{
    switch (outcome) {
    case Outcome::Created:
        return 0;
    case Outcome::InvalidInput:
        return 2;
    case Outcome::AuthFailed:
        return 3;
    case Outcome::ApiError:
        return 4;
    case Outcome::NotSent:
    case Outcome::Unknown:
    case Outcome::Cancelled:
        return 5;
    }
    return 5;
}

QString CreateResult::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Created:
        return QStringLiteral("created");
    case Outcome::InvalidInput:
        return QStringLiteral("invalid_input");
    case Outcome::AuthFailed:
        return QStringLiteral("auth_failed");
    case Outcome::ApiError:
        return QStringLiteral("api_error");
    case Outcome::NotSent:
        return QStringLiteral("not_sent");
    case Outcome::Unknown:
        return QStringLiteral("outcome_unknown");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("outcome_unknown");
}

void CreateResult::explain(std::function<QString()> words)
{
    explanation = words();
    reword = std::move(words);
}

} // namespace das
