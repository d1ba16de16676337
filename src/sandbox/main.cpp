#include "SandboxServer.h"

#include "AppPaths.h"
#include "BoundedRead.h"
#include "ProgramDoc.h"
#include "StopSignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSaveFile>
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
    SkFile,
    Token,
    TokenFile,
    Latency,
    ThrottleEvery,
    Mode,
    AnyIds,
    Cert,
    Key,
    Inventory,
    WriteInventory,
    State,
};

constexpr qint64 MaxSecretFileBytes = 4096;

// A secret from `fileOption`'s file (first line) or else from the environment variable `variable`; nothing if
// neither is given. Never from argv, where every local user can read it (ps, /proc/PID/cmdline).
std::optional<QString> readSecret(const QCommandLineParser& parser, const QCommandLineOption& fileOption,
                                  const char* variable, QString* error)
{
    if (parser.isSet(fileOption)) {
        const std::optional<QByteArray> bytes =
            das::BoundedRead::file(parser.value(fileOption), MaxSecretFileBytes, error);
        if (!bytes)
            return std::nullopt;
        QByteArray line = bytes->left(bytes->indexOf('\n'));
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            *error = QCoreApplication::translate("main", "%1 is empty.").arg(parser.value(fileOption));
        return line.isEmpty() ? std::nullopt : std::optional<QString>(QString::fromUtf8(line));
    }
    if (qEnvironmentVariableIsEmpty(variable))
        return std::nullopt;
    return qEnvironmentVariable(variable);
}

// The SK and the IAM token; an exit code when they are given on the command line or cannot be read.
std::optional<int> readSecrets(const QCommandLineParser& parser, const QList<QCommandLineOption>& o,
                               SandboxOptions* options)
{
    QTextStream err(stderr);
    for (const int index : {int(Sk), int(Token)}) {
        if (parser.isSet(o[index])) {
            err << QCoreApplication::translate(
                       "main", "--%1 is refused: other local users could read it in the process list (ps). "
                               "Put it in the environment variable %2 or in a file given with --%1-file.")
                       .arg(o[index].names().constFirst(), index == Sk ? QStringLiteral("DAS_SANDBOX_SK")
                                                                       : QStringLiteral("DAS_SANDBOX_TOKEN"))
                << Qt::endl;
            return 2;
        }
    }
    QString error;
    const std::optional<QString> sk = readSecret(parser, o[SkFile], "DAS_SANDBOX_SK", &error);
    const std::optional<QString> token =
        error.isEmpty() ? readSecret(parser, o[TokenFile], "DAS_SANDBOX_TOKEN", &error) : std::nullopt;
    if (!error.isEmpty()) {
        err << error << Qt::endl;
        return 2;
    }
    if (parser.isSet(o[Ak]) != sk.has_value()) {
        err << QCoreApplication::translate("main",
                                           "--ak and a secret key (DAS_SANDBOX_SK or --sk-file) go together.")
            << Qt::endl;
        return 2;
    }
    if (sk) {
        options->accessKey = parser.value(o[Ak]);
        options->secretKey = *sk;
    }
    if (token)
        options->iamToken = *token;
    return std::nullopt;
}

// --inventory replaces the built-in inventory; --write-inventory writes the one in use and ends (exit 0).
std::optional<int> readInventory(const QCommandLineParser& parser, const QList<QCommandLineOption>& o,
                                 SandboxOptions* options)
{
    QTextStream err(stderr);
    if (parser.isSet(o[Inventory])) {
        QString error;
        const std::optional<das::SandboxInventory> inventory =
            das::SandboxInventory::fromFile(parser.value(o[Inventory]), &error);
        if (!inventory) {
            err << error << Qt::endl;
            return 2;
        }
        options->setInventory(*inventory);
    }
    if (!parser.isSet(o[WriteInventory]))
        return std::nullopt;
    QSaveFile file(parser.value(o[WriteInventory]));
    if (!file.open(QIODevice::WriteOnly) || file.write(options->inventory.toJson()) < 0 || !file.commit()) {
        err << QCoreApplication::translate("main", "Cannot write %1: %2")
                   .arg(parser.value(o[WriteInventory]), file.errorString())
            << Qt::endl;
        return 1;
    }
    return 0;
}

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
    options->throttleEvery = parser.value(o[ThrottleEvery]).toInt(&ok);
    if (!ok || options->throttleEvery < 0) {
        err << QCoreApplication::translate("main",
                                           "--throttle-every must be a non-negative number (0: never).")
            << Qt::endl;
        return 2;
    }
    if (!SandboxOptions::parseMode(parser.value(o[Mode]), &options->mode)) {
        err << QCoreApplication::translate("main", "--mode must be one of %1.")
                   .arg(SandboxOptions::modeNames().join(QStringLiteral(", ")))
            << Qt::endl;
        return 2;
    }
    if (const auto exitCode = readSecrets(parser, o, options))
        return exitCode;
    if (const auto exitCode = readInventory(parser, o, options))
        return exitCode;
    options->anyIds = parser.isSet(o[AnyIds]);
    options->tlsCertificate = parser.value(o[Cert]);
    options->tlsKey = parser.value(o[Key]);
    options->stateFile = parser.value(o[State]);
    return std::nullopt;
}

QString description()
{
    return QCoreApplication::translate(
        "main",
        "Local stand-in for Huawei Cloud DAS (create-connection and the instance, node, database-name "
        "and IAM project lookups), for demos, training and tests.");
}

// The options in OptionIndex order: what the parser accepts and what the man page and completion list.
QList<QCommandLineOption> optionList()
{
    const QCommandLineOption portOption(
        QStringLiteral("port"), QCoreApplication::translate("main", "TCP port on 127.0.0.1 (0: any free)."),
        QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption akOption(QStringLiteral("ak"),
                                      QCoreApplication::translate("main", "Accepted access key."),
                                      QStringLiteral("AK"));
    // --sk and --token are only recognised so that they can be refused with a pointer to what to use instead.
    const QCommandLineOption skOption(
        QStringLiteral("sk"), QCoreApplication::translate("main", "Refused (visible in ps): use --sk-file."),
        QStringLiteral("SK"));
    const QCommandLineOption skFileOption(
        QStringLiteral("sk-file"),
        QCoreApplication::translate(
            "main", "Secret key of --ak: first line of FILE (else the DAS_SANDBOX_SK environment variable)."),
        QStringLiteral("FILE"));
    const QCommandLineOption tokenOption(
        QStringLiteral("token"),
        QCoreApplication::translate("main", "Refused (visible in ps): use --token-file."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption tokenFileOption(
        QStringLiteral("token-file"),
        QCoreApplication::translate(
            "main",
            "Accepted IAM token: first line of FILE (else the DAS_SANDBOX_TOKEN environment variable)."),
        QStringLiteral("FILE"));
    const QCommandLineOption latencyOption(
        QStringLiteral("latency"),
        QCoreApplication::translate("main", "Delay every answer by MS milliseconds."), QStringLiteral("MS"),
        QStringLiteral("0"));
    const QCommandLineOption throttleOption(
        QStringLiteral("throttle-every"),
        QCoreApplication::translate("main", "Answer every Nth create HTTP 429 (APIGW.0308, Retry-After: 1) "
                                            "without creating it, like a gateway's rate limit (0: never)."),
        QStringLiteral("N"), QStringLiteral("0"));
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
    const QCommandLineOption inventoryOption(
        QStringLiteral("inventory"),
        QCoreApplication::translate("main",
                                    "Serve the instances of this JSON file instead of the built-in ones."),
        QStringLiteral("FILE"));
    const QCommandLineOption writeInventoryOption(
        QStringLiteral("write-inventory"),
        QCoreApplication::translate("main", "Write the inventory in use to FILE as JSON and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption stateOption(
        QStringLiteral("state"),
        QCoreApplication::translate("main", "Keep the created connections in FILE across restarts."),
        QStringLiteral("FILE"));
    return {portOption,      akOption,      skOption,        skFileOption,         tokenOption,
            tokenFileOption, latencyOption, throttleOption,  modeOption,           anyIdsOption,
            certOption,      keyOption,     inventoryOption, writeInventoryOption, stateOption};
}

das::ProgramDoc programDoc()
{
    das::ProgramDoc doc;
    doc.program = QStringLiteral("das-sandbox");
    doc.summary = QStringLiteral("local stand-in for Huawei Cloud DAS");
    doc.version = QCoreApplication::applicationVersion();
    doc.description = QStringList{
        description(),
        QStringLiteral(
            "It listens on 127.0.0.1, prints the endpoint and the credentials it accepts, and logs one "
            "line per request received and answered (never a header or body value). Point "
            "das-connect or das-connect-cli at the printed endpoint.")};
    doc.commands.append(das::CommandDoc{{}, {}, {}, das::ProgramDoc::helpAndVersion() + optionList(), {}});
    doc.sections.append({QStringLiteral("Environment"),
                         QStringLiteral("DAS_SANDBOX_SK: the secret key of --ak (or --sk-file).\n\n"
                                        "DAS_SANDBOX_TOKEN: the accepted IAM token (or --token-file).")});
    doc.seeAlso = QStringList{QStringLiteral("das-connect(1)"), QStringLiteral("das-connect-cli(1)")};
    return doc;
}

// Parses argv into `options`; returns an exit code when the arguments are unusable (message on stderr).
std::optional<int> parseArguments(const QCoreApplication& app, SandboxOptions* options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<QCommandLineOption> all = optionList();
    parser.addOptions(all);
    parser.addOptions(das::docOptions());
    parser.process(app);
    if (das::printRequestedDoc(QCoreApplication::arguments(), programDoc))
        return 0;
    return readOptions(parser, all, options);
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
    // Ctrl+C and SIGTERM (kill, a service manager, a test harness) quit the event loop, so that the server is
    // destroyed normally and writes what its --state file has not been told yet (up to the last 250 ms of
    // changes). A second signal ends the process at once. Set before the banner, which
    // is what a harness waits for before it may signal.
    const das::StopSignalWatcher stop([] { QCoreApplication::quit(); },
                                      das::StopSignalWatcher::Interrupt | das::StopSignalWatcher::Terminate);
    QTextStream out(stdout);
    out << server.banner() << Qt::flush;
    logRequests(server, out);
    return app.exec();
}
