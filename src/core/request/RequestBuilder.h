#pragma once

#include "ConnectionRequest.h"
#include "Credentials.h"
#include "PreparedRequest.h"

#include <QDateTime>
#include <QUrl>

namespace das {

// Builds and signs the create-connection call. Called for every send, so every send has a fresh signature.
class RequestBuilder
{
public:
    static constexpr const char* ContentType = "application/json;charset=UTF-8";

    static QUrl createConnectionUrl(const QUrl& endpoint, const QString& projectId,
                                    const QString& instanceId);

    static PreparedRequest build(const QUrl& endpoint, const ConnectionRequest& request,
                                 const Credentials& credentials,
                                 const QDateTime& now = QDateTime::currentDateTimeUtc());
};

} // namespace das
