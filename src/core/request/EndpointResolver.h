#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace das {

// Turns a region id or a custom URL into the DAS endpoint, with the SDKs' override rules.
class EndpointResolver
{
    Q_DECLARE_TR_FUNCTIONS(EndpointResolver)

public:
    struct Region
    {
        QString id;
        QString name;
    };

    struct Result
    {
        QUrl endpoint;  // scheme://host[:port][/base], no trailing slash
        QString source; // where it came from, for display
        QString error;  // non-empty on failure
        bool ok() const { return error.isEmpty(); }
    };

    static QList<Region> regions();
    static bool isKnownRegion(const QString& id);

    // The DAS endpoint the built-in list gives a known region (https://das.{region}.myhuaweicloud.com, but
    // na-mexico-1 is served from das.la-south-2); empty for an unknown one. No override is consulted.
    static QUrl builtInEndpoint(const QString& regionId);

    // Environment HUAWEICLOUD_SDK_REGION_DAS_<ID>, then regions.yaml, then the built-in list.
    static Result resolveRegion(const QString& regionId,
                                const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

    // A custom endpoint (Huawei Cloud Stack, a proxy, the sandbox). http:// only for loopback hosts.
    static Result parseEndpoint(const QString& text);

    static bool isLoopbackHost(const QString& host);
    static QString regionsFilePath(const QProcessEnvironment& env);
    static QString environmentVariableFor(const QString& regionId);

    // The regions file is read only when it is a regular file of at most this size (a real one is a few KiB;
    // yaml-cpp needs about 40 times a file's size in memory and 0.35 s per MiB).
    static constexpr qint64 MaxRegionsFileBytes = 1024 * 1024;

    // The endpoint regions.yaml gives `regionId` (`DAS: [{id, endpoint | endpoints: [...]}]`), parsed from
    // `yaml` (the file's bytes; nothing is read here). Empty when the file does not name the region; on a
    // malformed file also empty, with `error` naming `shownPath`. Never throws, whatever the bytes.
    static QString endpointFromRegionsYaml(const QByteArray& yaml, const QString& regionId,
                                           const QString& shownPath, QString* error);
};

} // namespace das
