#include "SandboxServer.h"

#include "AppPaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

#include <optional>

using das::SandboxOptions;

namespace {

// Positions in the option list parseArguments() builds.
enum OptionIndex
{
    Port,
    Ak,
    Sk,
    Token,
    Latency,
    Mode,
    AnyIds,
    Cert,
    Key,
};

std::optional<int> readOptions(const QCommandLineParser& parser, const QList<QCommandLineOption>& o,
                               SandboxOptions* options)
{
    QTextStream err(stderr);
    bool ok = false;
    const uint port = parser.value(o[Port]).toUInt(&ok);
    if (!ok || port > 65535) {
        err << QCoreApplication::translate("main", "--port must be 0-65535.") << Qt::endl;
        return 2;
    }
    options->port = quint16(port);
    options->latencyMs = parser.value(o[Latency]).toInt(&ok);
    if (!ok || options->latencyMs < 0) {
        err << QCoreApplication::translate("main", "--latency must be a non-negative number of milliseconds.")
            << Qt::endl;
        return 2;
    }
    if (!SandboxOptions::parseMode(parser.value(o[Mode]), &options->mode)) {
        err << QCoreApplication::translate("main", "--mode must be one of %1.")
                   .arg(SandboxOptions::modeNames().join(QStringLiteral(", ")))
            << Qt::endl;
        return 2;
    }
    if (parser.isSet(o[Ak]) != parser.isSet(o[Sk])) {
        err << QCoreApplication::translate("main", "--ak and --sk go together.") << Qt::endl;
        return 2;
    }
    if (parser.isSet(o[Ak])) {
        options->accessKey = parser.value(o[Ak]);
        options->secretKey = parser.value(o[Sk]);
    }
    if (parser.isSet(o[Token]))
        options->iamToken = parser.value(o[Token]);
    options->anyIds = parser.isSet(o[AnyIds]);
    options->tlsCertificate = parser.value(o[Cert]);
    options->tlsKey = parser.value(o[Key]);
    return std::nullopt;
}

// Parses argv into `options`; returns an exit code when the arguments are unusable (message on stderr).
std::optional<int> parseArguments(const QCoreApplication& app, SandboxOptions* options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Local stand-in for Huawei Cloud DAS create-connection, for demos, training and tests."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"), QCoreApplication::translate("main", "TCP port on 127.0.0.1 (0: any free)."),
        QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption akOption(QStringLiteral("ak"),
                                      QCoreApplication::translate("main", "Accepted access key."),
                                      QStringLiteral("AK"));
    const QCommandLineOption skOption(
        QStringLiteral("sk"), QCoreApplication::translate("main", "Secret key of the accepted access key."),
        QStringLiteral("SK"));
    const QCommandLineOption tokenOption(QStringLiteral("token"),
                                         QCoreApplication::translate("main", "Accepted IAM token."),
                                         QStringLiteral("TOKEN"));
    const QCommandLineOption latencyOption(
        QStringLiteral("latency"),
        QCoreApplication::translate("main", "Delay every answer by MS milliseconds."), QStringLiteral("MS"),
        QStringLiteral("0"));
    const QCommandLineOption modeOption(QStringLiteral("mode"),
                                        QCoreApplication::translate("main", "Behaviour: %1.")
                                            .arg(SandboxOptions::modeNames().join(QStringLiteral("|"))),
                                        QStringLiteral("MODE"), QStringLiteral("ok"));
    const QCommandLineOption anyIdsOption(
        QStringLiteral("any-ids"),
        QCoreApplication::translate("main", "Accept every well-formed project and instance ID."));
    const QCommandLineOption certOption(
        QStringLiteral("tls-cert"),
        QCoreApplication::translate("main", "Serve https with this PEM certificate."), QStringLiteral("PEM"));
    const QCommandLineOption keyOption(
        QStringLiteral("tls-key"), QCoreApplication::translate("main", "PEM RSA private key for --tls-cert."),
        QStringLiteral("PEM"));
    parser.addOptions({portOption, akOption, skOption, tokenOption, latencyOption, modeOption, anyIdsOption,
                       certOption, keyOption});
    parser.process(app);
    return readOptions(parser,
                       {portOption, akOption, skOption, tokenOption, latencyOption, modeOption, anyIdsOption,
                        certOption, keyOption},
                       options);
}

// One console line per request received and answered; never a header or body value.
void logRequests(das::SandboxServer& server, QTextStream& out)
{
    auto stamp = [] {
        return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    };
    QObject::connect(&server, &das::SandboxServer::requestReceived, &server,
                     [&out, stamp](const QString& method, const QString& path, const QString& requestId) {
                         out << stamp() << QStringLiteral(" received ") << method << u' ' << path
                             << QStringLiteral(" request_id=") << requestId << Qt::endl;
                     });
    QObject::connect(&server, &das::SandboxServer::requestAnswered, &server,
                     [&out, stamp](int status, const QString& code, const QString& requestId) {
                         out << stamp() << QStringLiteral(" answered ")
                             << (status ? QString::number(status) : QStringLiteral("-")) << u' '
                             << (code.isEmpty() ? QStringLiteral("-") : code)
                             << QStringLiteral(" request_id=") << requestId << Qt::endl;
                     });
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("das-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DAS_CONNECT_VERSION));
    SandboxOptions options;
    if (const auto exitCode = parseArguments(app, &options))
        return *exitCode;

    QTextStream err(stderr);
    das::SandboxServer server(options);
    QString error;
    if (!server.start(&error)) {
        err << error << Qt::endl;
        return 1;
    }
    QTextStream out(stdout);
    out << server.banner() << Qt::flush;
    logRequests(server, out);
    return app.exec();
}
