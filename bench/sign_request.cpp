// Writes curl config files for bench/cli-vs-curl.sh: N create-connection POSTs signed by the project's own
// RequestBuilder/AkSkSigner (a fresh X-Sdk-Date each), so that curl can be timed sending them with nothing
// left to compute: curl's best case. With each POST, the GET that the CLI's default duplicate check sends
// first (the first page of ListConnections for the instance), signed the same way.
//   sign_request ENDPOINT COUNT OUT_DIR PROJECT INSTANCE ENGINE NETWORK USER [DATABASE]
// The password is the first line of stdin (never argv); the credentials come from HUAWEICLOUD_SDK_AK/SK.
// OUT_DIR/curl-I.cfg holds URL, method and headers; OUT_DIR/body-I.json the body (both 0600: they hold the
// password and a signature); OUT_DIR/list-I.cfg the GET.
#include "ConnectionList.h"
#include "ConnectionRequest.h"
#include "Credentials.h"
#include "EndpointResolver.h"
#include "RequestBuilder.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>
#include <QTextStream>

#include <cstdio>

namespace {

// A value in a curl config file's double quotes: \ and " escaped.
QByteArray quoted(const QByteArray& value)
{
    QByteArray out = value;
    out.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + out + '"';
}

// The duplicate check's request, as the workflow builds it (never instantiated).
struct DuplicateCheck : das::ConnectionReader
{
    static das::ApiRequest firstPage(const Query& query) { return pageRequest(query, 0, PageSize); }
};

QByteArray curlConfig(const das::PreparedRequest& prepared)
{
    QByteArray config =
        "url = " + quoted(prepared.url.toEncoded()) + "\nrequest = " + quoted(prepared.method) + '\n';
    for (const auto& header : prepared.headers)
        config += "header = " + quoted(header.first + ": " + header.second) + '\n';
    return config;
}

bool writePrivate(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, QFile::ReadOwner | QFile::WriteOwner))
        return false;
    return file.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 9) {
        std::fputs(
            "usage: sign_request ENDPOINT COUNT OUT_DIR PROJECT INSTANCE ENGINE NETWORK USER [DATABASE]\n",
            stderr);
        return 2;
    }
    const auto endpoint = das::EndpointResolver::parseEndpoint(args.at(1));
    const int count = args.at(2).toInt();
    const QString dir = args.at(3);
    const das::Credentials credentials =
        das::Credentials::fromEnvironment(QProcessEnvironment::systemEnvironment());
    if (!endpoint.ok() || count <= 0 || !credentials.isComplete()) {
        std::fputs("sign_request: bad endpoint or count, or HUAWEICLOUD_SDK_AK/SK not set\n", stderr);
        return 2;
    }
    das::ConnectionRequest request;
    request.projectId = args.at(4);
    request.instanceId = args.at(5);
    request.engineType = args.at(6);
    request.networkType = args.at(7);
    request.username = args.at(8);
    request.databaseName = args.value(9);
    QTextStream in(stdin);
    request.password = in.readLine();

    const das::ConnectionReader::Query list{endpoint.endpoint, request.projectId, request.instanceId, {}};
    const das::ApiRequest listPage = DuplicateCheck::firstPage(list);
    for (int i = 1; i <= count; ++i) {
        request.remarks = QStringLiteral("bench curl %1").arg(i);
        const das::PreparedRequest prepared =
            das::RequestBuilder::build(endpoint.endpoint, request, credentials);
        const QString body = dir + QStringLiteral("/body-%1.json").arg(i);
        const QByteArray config =
            curlConfig(prepared) + "data-binary = " + quoted('@' + QFile::encodeName(body)) + '\n';
        const QByteArray get =
            curlConfig(das::RequestBuilder::buildCall(endpoint.endpoint, listPage, credentials));
        if (!writePrivate(body, prepared.body) ||
            !writePrivate(dir + QStringLiteral("/curl-%1.cfg").arg(i), config) ||
            !writePrivate(dir + QStringLiteral("/list-%1.cfg").arg(i), get)) {
            std::fputs("sign_request: cannot write to OUT_DIR\n", stderr);
            return 1;
        }
    }
    return 0;
}
