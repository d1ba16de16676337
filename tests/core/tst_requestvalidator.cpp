#include "ConnectionRequest.h"
#include "RequestValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using das::ConnectionRequest;
using das::RequestValidator;
using das::Violation;
using das::Violations;

Q_DECLARE_METATYPE(das::ConnectionRequest)

namespace {

const QString kProject = QStringLiteral("052041494800d57c2f02c00275b4c247");
const QString kInstance32 = QStringLiteral("bcfa975193f1402fa11a6d4fd6baf5fb");
const QString kNode = QStringLiteral("6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0b");

ConnectionRequest base()
{
    ConnectionRequest r;
    r.projectId = kProject;
    r.instanceId = kInstance32 + QStringLiteral("in01");
    r.engineType = QStringLiteral("mysql");
    r.networkType = QStringLiteral("rds");
    r.username = QStringLiteral("root");
    r.password = QStringLiteral("Gauss_2345");
    return r;
}

template <typename T> ConnectionRequest with(T ConnectionRequest::*member, const T& value)
{
    ConnectionRequest r = base();
    r.*member = value;
    return r;
}

ConnectionRequest withProject(const QString& v)
{
    return with(&ConnectionRequest::projectId, v);
}
ConnectionRequest withInstance(const QString& v)
{
    return with(&ConnectionRequest::instanceId, v);
}
ConnectionRequest withEngine(const QString& v)
{
    return with(&ConnectionRequest::engineType, v);
}
ConnectionRequest withNetwork(const QString& v)
{
    return with(&ConnectionRequest::networkType, v);
}
ConnectionRequest withPair(const QString& engine, const QString& network)
{
    ConnectionRequest r = base();
    r.engineType = engine;
    r.networkType = network;
    return r;
}
ConnectionRequest withUsername(const QString& v)
{
    return with(&ConnectionRequest::username, v);
}
ConnectionRequest withPassword(const QString& v)
{
    return with(&ConnectionRequest::password, v);
}
ConnectionRequest withNodes(const QStringList& v)
{
    return with(&ConnectionRequest::nodeIds, v);
}
ConnectionRequest withPort(const QString& v)
{
    return with(&ConnectionRequest::port, v);
}
ConnectionRequest withDatabase(const QString& v)
{
    return with(&ConnectionRequest::databaseName, v);
}
ConnectionRequest withRemarks(const QString& v)
{
    return with(&ConnectionRequest::remarks, v);
}

QString repeat(const QString& unit, int count)
{
    return unit.repeated(count);
}

// 32 distinct plain IDs made of digits.
QString numberedId(int i)
{
    return QStringLiteral("%1").arg(i, 32, 10, QLatin1Char('0'));
}

QStringList describe(const Violations& violations)
{
    QStringList out;
    for (const Violation& v : violations) {
        QString text = v.field + u':' + v.code;
        if (v.index >= 0)
            text += u':' + QString::number(v.index);
        out.append(text);
    }
    return out;
}

const QStringList kValid;

} // namespace

class TestRequestValidator : public QObject
{
    Q_OBJECT

private slots:
    void validate_data();
    void validate();
    void baseRequestIsValid();
    void allViolationsInFormOrder();
    void messagesNameTheField_data();
    void messagesNameTheField();
    void portRangeMessageMentions65535_data();
    void portRangeMessageMentions65535();
    void nodeIdViolationCarriesIndex();
    void everyChoiceIsAccepted();
    void engineNetworkPairs_data();
    void engineNetworkPairs();
    void mismatchMessage();
    void networkTypesForEngine();

    void jsonBodyMinimalExactBytes();
    void jsonBodyFullExactBytes();
    void jsonBodyOmitsEmptyOptionalFields();
    void jsonBodyAlwaysHasIsSavePassword_data();
    void jsonBodyAlwaysHasIsSavePassword();
    void jsonBodyPortIsNumber();
    void jsonBodyUtf8RoundTrip();
    void fromJsonRoundTrip();
    void fromJsonTypeErrors_data();
    void fromJsonTypeErrors();
};

void TestRequestValidator::validate_data()
{
    QTest::addColumn<ConnectionRequest>("request");
    QTest::addColumn<QStringList>("expected");

    const QStringList projectFormat{QStringLiteral("project_id:format")};
    const QStringList instanceFormat{QStringLiteral("instance_id:format")};

    // --- project_id
    QTest::newRow("project: valid base") << base() << kValid;
    QTest::newRow("project: 32 mixed-case alnum")
        << withProject(QStringLiteral("ABCDEF0123456789abcdef0123456789")) << kValid;
    QTest::newRow("project: 32 digits") << withProject(repeat(QStringLiteral("7"), 32)) << kValid;
    QTest::newRow("project: 31 chars") << withProject(kProject.left(31)) << projectFormat;
    QTest::newRow("project: 33 chars") << withProject(kProject + u'a') << projectFormat;
    QTest::newRow("project: non-ASCII letter")
        << withProject(kProject.left(31) + QChar(0x00E9)) << projectFormat;
    QTest::newRow("project: full-width digit")
        << withProject(kProject.left(31) + QChar(0xFF11)) << projectFormat;
    QTest::newRow("project: hyphen") << withProject(kProject.left(31) + u'-') << projectFormat;
    QTest::newRow("project: underscore") << withProject(u'_' + kProject.mid(1)) << projectFormat;
    QTest::newRow("project: leading space") << withProject(u' ' + kProject.mid(1)) << projectFormat;
    QTest::newRow("project: empty") << withProject(QString())
                                    << QStringList{QStringLiteral("project_id:required")};

    // --- instance_id
    QTest::newRow("instance: 32 plain") << withInstance(kInstance32) << kValid;
    QTest::newRow("instance: 32+in01") << withInstance(kInstance32 + QStringLiteral("in01")) << kValid;
    QTest::newRow("instance: 32+in99") << withInstance(kInstance32 + QStringLiteral("in99")) << kValid;
    QTest::newRow("instance: 32+in1") << withInstance(kInstance32 + QStringLiteral("in1")) << instanceFormat;
    QTest::newRow("instance: 32+no01")
        << withInstance(kInstance32 + QStringLiteral("no01")) << instanceFormat;
    QTest::newRow("instance: 32+IN01 uppercase")
        << withInstance(kInstance32 + QStringLiteral("IN01")) << instanceFormat;
    QTest::newRow("instance: 35 chars")
        << withInstance(kInstance32.left(31) + QStringLiteral("in01")) << instanceFormat;
    QTest::newRow("instance: 37 chars")
        << withInstance(kInstance32 + QStringLiteral("in001")) << instanceFormat;
    QTest::newRow("instance: 36 non-digit suffix")
        << withInstance(kInstance32 + QStringLiteral("inab")) << instanceFormat;
    QTest::newRow("instance: 36 full-width digit suffix")
        << withInstance(kInstance32 + QStringLiteral("in") + QChar(0xFF10) + QChar(0xFF11)) << instanceFormat;
    QTest::newRow("instance: 33 plain") << withInstance(kInstance32 + u'0') << instanceFormat;
    QTest::newRow("instance: non-ASCII letter")
        << withInstance(kInstance32.left(31) + QChar(0x00E9)) << instanceFormat;
    QTest::newRow("instance: empty") << withInstance(QString())
                                     << QStringList{QStringLiteral("instance_id:required")};

    // --- engine_type
    // Each engine with a network type that goes with it (see engineNetworkPairs for every pair).
    for (const auto& [engine, network] :
         {std::pair{"mysql", "rds"}, std::pair{"sqlserver", "rds"}, std::pair{"postgresql", "rds"},
          std::pair{"taurus", "gaussdb"}, std::pair{"gaussdbv5", "gaussdb"}, std::pair{"mongodb", "dds"},
          std::pair{"ddm", "ddm"}}) {
        const QByteArray name = QByteArray("engine: ") + engine;
        QTest::newRow(name.constData()) << withPair(QLatin1String(engine), QLatin1String(network)) << kValid;
    }
    QTest::newRow("engine: MySQL") << withEngine(QStringLiteral("MySQL"))
                                   << QStringList{QStringLiteral("engine_type:not_allowed")};
    QTest::newRow("engine: trailing space")
        << withEngine(QStringLiteral("mysql ")) << QStringList{QStringLiteral("engine_type:not_allowed")};
    QTest::newRow("engine: mariadb") << withEngine(QStringLiteral("mariadb"))
                                     << QStringList{QStringLiteral("engine_type:not_allowed")};
    QTest::newRow("engine: empty") << withEngine(QString())
                                   << QStringList{QStringLiteral("engine_type:required")};

    // --- network_type
    for (const auto& [network, engine] : {std::pair{"rds", "mysql"}, std::pair{"gaussdb", "gaussdbv5"},
                                          std::pair{"dds", "mongodb"}, std::pair{"ddm", "ddm"}}) {
        const QByteArray name = QByteArray("network: ") + network;
        QTest::newRow(name.constData()) << withPair(QLatin1String(engine), QLatin1String(network)) << kValid;
    }
    QTest::newRow("network: RDS") << withNetwork(QStringLiteral("RDS"))
                                  << QStringList{QStringLiteral("network_type:not_allowed")};
    QTest::newRow("network: vpc") << withNetwork(QStringLiteral("vpc"))
                                  << QStringList{QStringLiteral("network_type:not_allowed")};
    QTest::newRow("network: empty") << withNetwork(QString())
                                    << QStringList{QStringLiteral("network_type:required")};
    // A mismatch is not piled on top of a value that is wrong by itself.
    QTest::newRow("pair: unknown engine, dds") << withPair(QStringLiteral("oracle"), QStringLiteral("dds"))
                                               << QStringList{QStringLiteral("engine_type:not_allowed")};
    QTest::newRow("pair: MySQL, dds") << withPair(QStringLiteral("MySQL"), QStringLiteral("dds"))
                                      << QStringList{QStringLiteral("engine_type:not_allowed")};
    QTest::newRow("pair: empty engine, dds")
        << withPair(QString(), QStringLiteral("dds")) << QStringList{QStringLiteral("engine_type:required")};
    QTest::newRow("pair: mongodb, vpc") << withPair(QStringLiteral("mongodb"), QStringLiteral("vpc"))
                                        << QStringList{QStringLiteral("network_type:not_allowed")};
    QTest::newRow("pair: mongodb, empty") << withPair(QStringLiteral("mongodb"), QString())
                                          << QStringList{QStringLiteral("network_type:required")};

    // --- username
    QTest::newRow("username: empty") << withUsername(QString())
                                     << QStringList{QStringLiteral("username:required")};
    QTest::newRow("username: leading space")
        << withUsername(QStringLiteral(" root")) << QStringList{QStringLiteral("username:surrounding_space")};
    QTest::newRow("username: trailing space")
        << withUsername(QStringLiteral("root ")) << QStringList{QStringLiteral("username:surrounding_space")};
    QTest::newRow("username: leading no-break space")
        << withUsername(QChar(0x00A0) + QStringLiteral("root"))
        << QStringList{QStringLiteral("username:surrounding_space")};
    QTest::newRow("username: tab inside") << withUsername(QStringLiteral("ro\tot"))
                                          << QStringList{QStringLiteral("username:control_character")};
    QTest::newRow("username: newline inside") << withUsername(QStringLiteral("ro\not"))
                                              << QStringList{QStringLiteral("username:control_character")};
    QTest::newRow("username: DEL inside") << withUsername(QStringLiteral("ro\x7Fot"))
                                          << QStringList{QStringLiteral("username:control_character")};
    QTest::newRow("username: trailing newline") << withUsername(QStringLiteral("root\n"))
                                                << QStringList{QStringLiteral("username:control_character"),
                                                               QStringLiteral("username:surrounding_space")};
    QTest::newRow("username: 128 chars") << withUsername(repeat(QStringLiteral("u"), 128)) << kValid;
    QTest::newRow("username: 129 chars")
        << withUsername(repeat(QStringLiteral("u"), 129)) << QStringList{QStringLiteral("username:too_long")};
    QTest::newRow("username: unicode") << withUsername(QStringLiteral("运维_ädmin")) << kValid;
    QTest::newRow("username: inner space") << withUsername(QStringLiteral("db admin")) << kValid;

    // --- password
    QTest::newRow("password: empty") << withPassword(QString())
                                     << QStringList{QStringLiteral("password:required")};
    QTest::newRow("password: control char") << withPassword(QStringLiteral("pa\x01ss"))
                                            << QStringList{QStringLiteral("password:control_character")};
    QTest::newRow("password: newline") << withPassword(QStringLiteral("pass\n"))
                                       << QStringList{QStringLiteral("password:control_character")};
    QTest::newRow("password: tab") << withPassword(QStringLiteral("pa\tss"))
                                   << QStringList{QStringLiteral("password:control_character")};
    QTest::newRow("password: spaces") << withPassword(QStringLiteral("  p a s s  ")) << kValid;
    QTest::newRow("password: quotes") << withPassword(QStringLiteral("p\"a's`s")) << kValid;
    QTest::newRow("password: backslash") << withPassword(QStringLiteral("p\\a\\ss\\")) << kValid;
    QTest::newRow("password: unicode") << withPassword(QStringLiteral("pässwörd密码🔑")) << kValid;
    QTest::newRow("password: 256 chars") << withPassword(repeat(QStringLiteral("p"), 256)) << kValid;
    QTest::newRow("password: 257 chars")
        << withPassword(repeat(QStringLiteral("p"), 257)) << QStringList{QStringLiteral("password:too_long")};

    // --- node_ids
    QTest::newRow("nodes: one plain") << withNodes({kNode}) << kValid;
    QTest::newRow("nodes: one with no01") << withNodes({kNode + QStringLiteral("no01")}) << kValid;
    QTest::newRow("nodes: plain and suffixed")
        << withNodes({kNode, kNode + QStringLiteral("no01")}) << kValid;
    QTest::newRow("nodes: in01 suffix")
        << withNodes({kNode + QStringLiteral("in01")}) << QStringList{QStringLiteral("node_ids:format:0")};
    QTest::newRow("nodes: second malformed")
        << withNodes({kNode, kNode.left(20)}) << QStringList{QStringLiteral("node_ids:format:1")};
    QTest::newRow("nodes: duplicate")
        << withNodes({kNode, kNode}) << QStringList{QStringLiteral("node_ids:duplicate:1")};
    QTest::newRow("nodes: duplicate at third")
        << withNodes({kNode, numberedId(1), kNode}) << QStringList{QStringLiteral("node_ids:duplicate:2")};
    QTest::newRow("nodes: empty entry")
        << withNodes({kNode, QString()}) << QStringList{QStringLiteral("node_ids:required:1")};
    {
        QStringList nodes64;
        for (int i = 0; i < 64; ++i)
            nodes64.append(numberedId(i));
        QTest::newRow("nodes: 64") << withNodes(nodes64) << kValid;
        QStringList nodes65 = nodes64;
        nodes65.append(numberedId(64));
        QTest::newRow("nodes: 65") << withNodes(nodes65) << QStringList{QStringLiteral("node_ids:too_many")};
    }

    // --- port
    const QStringList notInteger{QStringLiteral("port:not_integer")};
    const QStringList range{QStringLiteral("port:range")};
    QTest::newRow("port: empty") << withPort(QString()) << kValid;
    QTest::newRow("port: 1") << withPort(QStringLiteral("1")) << kValid;
    QTest::newRow("port: 3306") << withPort(QStringLiteral("3306")) << kValid;
    QTest::newRow("port: 65535") << withPort(QStringLiteral("65535")) << kValid;
    QTest::newRow("port: 0") << withPort(QStringLiteral("0")) << range;
    QTest::newRow("port: 65536") << withPort(QStringLiteral("65536")) << range;
    QTest::newRow("port: 70000") << withPort(QStringLiteral("70000")) << range;
    QTest::newRow("port: -1") << withPort(QStringLiteral("-1")) << notInteger;
    QTest::newRow("port: abc") << withPort(QStringLiteral("abc")) << notInteger;
    QTest::newRow("port: 3306.0") << withPort(QStringLiteral("3306.0")) << notInteger;
    QTest::newRow("port: leading space") << withPort(QStringLiteral(" 3306")) << notInteger;
    QTest::newRow("port: trailing space") << withPort(QStringLiteral("3306 ")) << notInteger;
    QTest::newRow("port: +80") << withPort(QStringLiteral("+80")) << notInteger;
    QTest::newRow("port: 20 digits") << withPort(QStringLiteral("99999999999999999999")) << notInteger;
    QTest::newRow("port: full-width digits")
        << withPort(QString(QChar(0xFF18)) + QChar(0xFF10)) << notInteger;

    // --- database_name
    QTest::newRow("database: postgres") << withDatabase(QStringLiteral("postgres")) << kValid;
    QTest::newRow("database: 128 chars") << withDatabase(repeat(QStringLiteral("d"), 128)) << kValid;
    QTest::newRow("database: 129 chars") << withDatabase(repeat(QStringLiteral("d"), 129))
                                         << QStringList{QStringLiteral("database_name:too_long")};
    QTest::newRow("database: control char") << withDatabase(QStringLiteral("db\x02name"))
                                            << QStringList{QStringLiteral("database_name:control_character")};
    QTest::newRow("database: newline") << withDatabase(QStringLiteral("db\nname"))
                                       << QStringList{QStringLiteral("database_name:control_character")};
    QTest::newRow("database: unicode") << withDatabase(QStringLiteral("生产库")) << kValid;

    // --- remarks
    QTest::newRow("remarks: newline") << withRemarks(QStringLiteral("line one\nline two")) << kValid;
    QTest::newRow("remarks: CRLF") << withRemarks(QStringLiteral("line one\r\nline two")) << kValid;
    QTest::newRow("remarks: tab") << withRemarks(QStringLiteral("a\tb"))
                                  << QStringList{QStringLiteral("remarks:control_character")};
    QTest::newRow("remarks: bell") << withRemarks(QStringLiteral("a\x07"))
                                   << QStringList{QStringLiteral("remarks:control_character")};
    QTest::newRow("remarks: 512 chars") << withRemarks(repeat(QStringLiteral("r"), 512)) << kValid;
    QTest::newRow("remarks: 513 chars")
        << withRemarks(repeat(QStringLiteral("r"), 513)) << QStringList{QStringLiteral("remarks:too_long")};
    QTest::newRow("remarks: emoji") << withRemarks(QStringLiteral("deploy 🚀✓")) << kValid;
    QTest::newRow("remarks: CJK") << withRemarks(QStringLiteral("生产库 — 接入")) << kValid;
}

void TestRequestValidator::validate()
{
    QFETCH(ConnectionRequest, request);
    QFETCH(QStringList, expected);

    const Violations violations = RequestValidator::validate(request);
    QCOMPARE(describe(violations), expected);
    for (const Violation& v : violations)
        QVERIFY2(!v.message.trimmed().isEmpty(), qPrintable(v.field + u':' + v.code));
}

void TestRequestValidator::baseRequestIsValid()
{
    const Violations violations = RequestValidator::validate(base());
    QVERIFY2(violations.isEmpty(), qPrintable(describe(violations).join(u',')));
}

void TestRequestValidator::allViolationsInFormOrder()
{
    ConnectionRequest r;
    r.projectId = QStringLiteral("short");
    r.instanceId = QStringLiteral("also-short");
    r.engineType = QStringLiteral("oracle");
    r.networkType = QString();
    r.username = QStringLiteral(" root");
    r.password = repeat(QStringLiteral("p"), 300);
    r.nodeIds = {kNode, kNode};
    r.port = QStringLiteral("0");
    r.databaseName = QStringLiteral("a\tb");
    r.remarks = repeat(QStringLiteral("r"), 600);

    const Violations violations = RequestValidator::validate(r);
    const QStringList expected{
        QStringLiteral("project_id:format"),
        QStringLiteral("instance_id:format"),
        QStringLiteral("engine_type:not_allowed"),
        QStringLiteral("network_type:required"),
        QStringLiteral("username:surrounding_space"),
        QStringLiteral("password:too_long"),
        QStringLiteral("node_ids:duplicate:1"),
        QStringLiteral("port:range"),
        QStringLiteral("database_name:control_character"),
        QStringLiteral("remarks:too_long"),
    };
    QCOMPARE(describe(violations), expected);
}

void TestRequestValidator::messagesNameTheField_data()
{
    QTest::addColumn<ConnectionRequest>("request");

    ConnectionRequest everyFieldEmpty;
    QTest::newRow("required fields empty") << everyFieldEmpty;

    ConnectionRequest malformed;
    malformed.projectId = QStringLiteral("x");
    malformed.instanceId = QStringLiteral("y");
    malformed.engineType = QStringLiteral("oracle");
    malformed.networkType = QStringLiteral("vpc");
    malformed.username = QStringLiteral("a\tb ");
    malformed.password = QStringLiteral("p\x01");
    malformed.port = QStringLiteral("abc");
    malformed.databaseName = repeat(QStringLiteral("d"), 200);
    malformed.remarks = QStringLiteral("\x07");
    QTest::newRow("malformed fields") << malformed;

    ConnectionRequest tooLong = base();
    tooLong.username = repeat(QStringLiteral("u"), 200);
    tooLong.password = repeat(QStringLiteral("p"), 300);
    tooLong.remarks = repeat(QStringLiteral("r"), 600);
    tooLong.port = QStringLiteral("65536");
    QTest::newRow("too long fields") << tooLong;

    ConnectionRequest nodes = base();
    for (int i = 0; i < 65; ++i)
        nodes.nodeIds.append(numberedId(i));
    nodes.nodeIds.append(QString());
    nodes.nodeIds.append(kNode + QStringLiteral("in01"));
    nodes.nodeIds.append(numberedId(3));
    QTest::newRow("node id problems") << nodes;

    ConnectionRequest mismatch = tooLong;
    mismatch.engineType = QStringLiteral("mongodb");
    QTest::newRow("engine and network mismatch") << mismatch;
}

void TestRequestValidator::messagesNameTheField()
{
    QFETCH(ConnectionRequest, request);

    const Violations violations = RequestValidator::validate(request);
    QVERIFY(violations.size() >= 4);
    for (const Violation& v : violations) {
        const QString label = RequestValidator::fieldLabel(v.field);
        QVERIFY2(!label.isEmpty() && label != v.field, qPrintable(v.field));
        QVERIFY2(!v.message.isEmpty(), qPrintable(v.field + u':' + v.code));
        if (v.index >= 0) {
            // Per-entry messages name one node: "Node ID 3 ..." (singular of the label plus 1-based
            // position).
            QString singular = label;
            if (singular.endsWith(u's'))
                singular.chop(1);
            QVERIFY2(v.message.contains(singular), qPrintable(v.message));
            QVERIFY2(v.message.contains(QString::number(v.index + 1)), qPrintable(v.message));
        } else {
            QVERIFY2(v.message.contains(label), qPrintable(label + QStringLiteral(" not in: ") + v.message));
        }
    }
}

void TestRequestValidator::portRangeMessageMentions65535_data()
{
    QTest::addColumn<QString>("port");
    QTest::newRow("65536") << QStringLiteral("65536");
    QTest::newRow("0") << QStringLiteral("0");
    QTest::newRow("100000") << QStringLiteral("100000");
}

void TestRequestValidator::portRangeMessageMentions65535()
{
    QFETCH(QString, port);
    const Violations violations = RequestValidator::validate(withPort(port));
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.at(0).field, QStringLiteral("port"));
    QCOMPARE(violations.at(0).code, QStringLiteral("range"));
    QVERIFY2(violations.at(0).message.contains(QStringLiteral("65535")),
             qPrintable(violations.at(0).message));
}

void TestRequestValidator::nodeIdViolationCarriesIndex()
{
    const Violations violations = RequestValidator::validate(
        withNodes({kNode, numberedId(1), QString(), numberedId(1), QStringLiteral("x")}));
    QCOMPARE(violations.size(), 3);
    QCOMPARE(violations.at(0).code, QStringLiteral("required"));
    QCOMPARE(violations.at(0).index, 2);
    QCOMPARE(violations.at(1).code, QStringLiteral("duplicate"));
    QCOMPARE(violations.at(1).index, 3);
    QCOMPARE(violations.at(2).code, QStringLiteral("format"));
    QCOMPARE(violations.at(2).index, 4);
    for (const Violation& v : violations)
        QCOMPARE(v.field, QStringLiteral("node_ids"));

    const Violations tooMany = RequestValidator::validateNodeIds(QStringList(65, kNode));
    QVERIFY(!tooMany.isEmpty());
    QCOMPARE(tooMany.at(0).code, QStringLiteral("too_many"));
    QCOMPARE(tooMany.at(0).index, -1);
}

void TestRequestValidator::everyChoiceIsAccepted()
{
    const auto engines = RequestValidator::engineTypes();
    const auto networks = RequestValidator::networkTypes();
    QCOMPARE(engines.size(), 7);
    QCOMPARE(networks.size(), 4);
    QSet<QString> networkValues;
    for (const auto& network : networks)
        networkValues.insert(network.value);
    QSet<QString> used;
    for (const auto& engine : engines) {
        QVERIFY(!engine.label.isEmpty());
        const QStringList fitting = RequestValidator::networkTypesFor(engine.value);
        QVERIFY2(!fitting.isEmpty(), qPrintable(engine.value));
        for (const QString& network : fitting) {
            QVERIFY2(networkValues.contains(network), qPrintable(engine.value + u'/' + network));
            ConnectionRequest r = base();
            r.engineType = engine.value;
            r.networkType = network;
            QVERIFY2(RequestValidator::validate(r).isEmpty(), qPrintable(engine.value + u'/' + network));
            used.insert(network);
        }
    }
    // Every network type goes with some engine.
    QCOMPARE(used, networkValues);
}

// Every engine x network pair (7 x 4), against the table written out here rather than read from the code.
void TestRequestValidator::engineNetworkPairs_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("network");
    QTest::addColumn<bool>("fits");
    const QHash<QString, QStringList> table{
        {QStringLiteral("mysql"), {QStringLiteral("rds")}},
        {QStringLiteral("sqlserver"), {QStringLiteral("rds")}},
        {QStringLiteral("postgresql"), {QStringLiteral("rds")}},
        {QStringLiteral("taurus"), {QStringLiteral("rds"), QStringLiteral("gaussdb")}},
        {QStringLiteral("gaussdbv5"), {QStringLiteral("gaussdb")}},
        {QStringLiteral("mongodb"), {QStringLiteral("dds")}},
        {QStringLiteral("ddm"), {QStringLiteral("ddm")}},
    };
    for (const QString& engine :
         {QStringLiteral("mysql"), QStringLiteral("sqlserver"), QStringLiteral("postgresql"),
          QStringLiteral("taurus"), QStringLiteral("gaussdbv5"), QStringLiteral("mongodb"),
          QStringLiteral("ddm")}) {
        for (const QString& network : {QStringLiteral("rds"), QStringLiteral("gaussdb"),
                                       QStringLiteral("dds"), QStringLiteral("ddm")}) {
            const QByteArray name = (engine + u'/' + network).toLatin1();
            QTest::newRow(name.constData()) << engine << network << table.value(engine).contains(network);
        }
    }
}

void TestRequestValidator::engineNetworkPairs()
{
    QFETCH(QString, engine);
    QFETCH(QString, network);
    QFETCH(bool, fits);
    const Violations violations = RequestValidator::validate(withPair(engine, network));
    if (fits) {
        QVERIFY2(violations.isEmpty(), qPrintable(describe(violations).join(u',')));
        QVERIFY(RequestValidator::networkTypesFor(engine).contains(network));
        return;
    }
    QCOMPARE(describe(violations), QStringList{QStringLiteral("network_type:engine_mismatch")});
    QVERIFY(!RequestValidator::networkTypesFor(engine).contains(network));
    // The message names both values and what fits.
    const QString message = violations.constFirst().message;
    QVERIFY2(message.contains(network) && message.contains(engine), qPrintable(message));
    for (const QString& fitting : RequestValidator::networkTypesFor(engine))
        QVERIFY2(message.contains(fitting), qPrintable(message));
}

void TestRequestValidator::mismatchMessage()
{
    const Violations mysql =
        RequestValidator::validate(withPair(QStringLiteral("mysql"), QStringLiteral("dds")));
    QCOMPARE(mysql.size(), 1);
    QCOMPARE(mysql.constFirst().field, QStringLiteral("network_type"));
    QCOMPARE(mysql.constFirst().message,
             QStringLiteral("Network type dds does not go with engine mysql; use rds."));
    const Violations taurus =
        RequestValidator::validate(withPair(QStringLiteral("taurus"), QStringLiteral("dds")));
    QCOMPARE(taurus.size(), 1);
    QCOMPARE(taurus.constFirst().message,
             QStringLiteral("Network type dds does not go with engine taurus; use rds or gaussdb."));
}

void TestRequestValidator::networkTypesForEngine()
{
    QCOMPARE(RequestValidator::networkTypesFor(QStringLiteral("mysql")), QStringList{QStringLiteral("rds")});
    QCOMPARE(RequestValidator::networkTypesFor(QStringLiteral("taurus")),
             (QStringList{QStringLiteral("rds"), QStringLiteral("gaussdb")}));
    QCOMPARE(RequestValidator::networkTypesFor(QStringLiteral("gaussdbv5")),
             QStringList{QStringLiteral("gaussdb")});
    QCOMPARE(RequestValidator::networkTypesFor(QStringLiteral("mongodb")),
             QStringList{QStringLiteral("dds")});
    QCOMPARE(RequestValidator::networkTypesFor(QStringLiteral("ddm")), QStringList{QStringLiteral("ddm")});
    QVERIFY(RequestValidator::networkTypesFor(QStringLiteral("oracle")).isEmpty());
    QVERIFY(RequestValidator::networkTypesFor(QStringLiteral("MySQL")).isEmpty());
    QVERIFY(RequestValidator::networkTypesFor(QString()).isEmpty());

    QCOMPARE(RequestValidator::usualNetworkType(QStringLiteral("sqlserver")), QStringLiteral("rds"));
    QCOMPARE(RequestValidator::usualNetworkType(QStringLiteral("postgresql")), QStringLiteral("rds"));
    QCOMPARE(RequestValidator::usualNetworkType(QStringLiteral("taurus")), QStringLiteral("rds"));
    QCOMPARE(RequestValidator::usualNetworkType(QStringLiteral("gaussdbv5")), QStringLiteral("gaussdb"));
    QCOMPARE(RequestValidator::usualNetworkType(QStringLiteral("mongodb")), QStringLiteral("dds"));
    QCOMPARE(RequestValidator::usualNetworkType(QStringLiteral("ddm")), QStringLiteral("ddm"));
    QVERIFY(RequestValidator::usualNetworkType(QStringLiteral("mariadb")).isEmpty());
}

void TestRequestValidator::jsonBodyMinimalExactBytes()
{
    QCOMPARE(base().toJsonBody(),
             QByteArrayLiteral("{\"engine_type\":\"mysql\",\"network_type\":\"rds\",\"username\":"
                               "\"root\",\"is_save_password\":false,\"password\":\"Gauss_2345\"}"));
}

void TestRequestValidator::jsonBodyFullExactBytes()
{
    // Same body as the "create-connection-full-with-project-header" signing vector.
    ConnectionRequest r = base();
    r.engineType = QStringLiteral("postgresql");
    r.username = QStringLiteral("dba_admin");
    r.isSavePassword = true;
    r.password = QStringLiteral("p@ss w0rd\"\\");
    r.nodeIds = {kNode + QStringLiteral("no01")};
    r.remarks = QStringLiteral("onboarding batch 7");
    r.port = QStringLiteral("5432");
    r.databaseName = QStringLiteral("postgres");
    r.sqlRecordFlag = true;
    QCOMPARE(r.toJsonBody(),
             QByteArrayLiteral(
                 "{\"engine_type\":\"postgresql\",\"network_type\":\"rds\",\"username\":\"dba_admin\","
                 "\"is_save_password\":true,\"password\":\"p@ss w0rd\\\"\\\\\",\"node_ids\":["
                 "\"6b0e3d1c2a9f4e8b9c7d5a4f3e2d1c0bno01\"],\"remarks\":\"onboarding batch 7\","
                 "\"port\":5432,\"database_name\":\"postgres\",\"sql_record_flag\":true}"));
}

void TestRequestValidator::jsonBodyOmitsEmptyOptionalFields()
{
    const QByteArray body = base().toJsonBody();
    for (const char* key : {"node_ids", "remarks", "port", "database_name", "sql_record_flag"})
        QVERIFY2(!body.contains(QByteArray('"' + QByteArray(key) + '"')), key);

    ConnectionRequest r = base();
    r.remarks = QStringLiteral("x");
    const QByteArray withRemarks = r.toJsonBody();
    QVERIFY(withRemarks.contains("\"remarks\":\"x\""));
    QVERIFY(!withRemarks.contains("\"port\""));
}

void TestRequestValidator::jsonBodyAlwaysHasIsSavePassword_data()
{
    QTest::addColumn<bool>("save");
    QTest::addColumn<QByteArray>("fragment");
    QTest::newRow("false") << false << QByteArrayLiteral("\"is_save_password\":false");
    QTest::newRow("true") << true << QByteArrayLiteral("\"is_save_password\":true");
}

void TestRequestValidator::jsonBodyAlwaysHasIsSavePassword()
{
    QFETCH(bool, save);
    QFETCH(QByteArray, fragment);
    ConnectionRequest r = base();
    r.isSavePassword = save;
    QVERIFY(r.toJsonBody().contains(fragment));
    ConnectionRequest empty;
    empty.isSavePassword = save;
    QVERIFY(empty.toJsonBody().contains(fragment));
}

void TestRequestValidator::jsonBodyPortIsNumber()
{
    const QByteArray body = withPort(QStringLiteral("3306")).toJsonBody();
    QVERIFY2(body.contains("\"port\":3306"), body.constData());
    QVERIFY(!body.contains("\"port\":\"3306\""));
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QVERIFY(doc.isObject());
    QVERIFY(doc.object().value(QLatin1String("port")).isDouble());
    QCOMPARE(doc.object().value(QLatin1String("port")).toInt(), 3306);
}

void TestRequestValidator::jsonBodyUtf8RoundTrip()
{
    ConnectionRequest r = base();
    r.username = QStringLiteral("运维");
    r.password = QStringLiteral("pässwörd");
    r.remarks = QStringLiteral("生产库 — 接入 ✓ 🚀\nline 2");
    const QByteArray body = r.toJsonBody();
    QVERIFY(body.contains(QStringLiteral("生产库").toUtf8()));

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject object = doc.object();
    QCOMPARE(object.value(QLatin1String("remarks")).toString(), r.remarks);
    QCOMPARE(object.value(QLatin1String("username")).toString(), r.username);
    QCOMPARE(object.value(QLatin1String("password")).toString(), r.password);
}

void TestRequestValidator::fromJsonRoundTrip()
{
    ConnectionRequest r = base();
    r.isSavePassword = true;
    r.nodeIds = {kNode, kNode + QStringLiteral("no02")};
    r.port = QStringLiteral("3306");
    r.databaseName = QStringLiteral("db");
    r.remarks = QStringLiteral("生产 🚀");
    r.sqlRecordFlag = true;

    Violations errors;
    const ConnectionRequest back =
        ConnectionRequest::fromJson(QJsonDocument::fromJson(r.toJsonBody()).object(), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors).join(u',')));
    QCOMPARE(back.engineType, r.engineType);
    QCOMPARE(back.networkType, r.networkType);
    QCOMPARE(back.username, r.username);
    QCOMPARE(back.password, r.password);
    QCOMPARE(back.isSavePassword, true);
    QCOMPARE(back.nodeIds, r.nodeIds);
    QCOMPARE(back.port, QStringLiteral("3306"));
    QCOMPARE(back.databaseName, r.databaseName);
    QCOMPARE(back.remarks, r.remarks);
    QCOMPARE(back.sqlRecordFlag, true);
    QCOMPARE(back.toJsonBody(), r.toJsonBody());
}

void TestRequestValidator::fromJsonTypeErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");

    const QByteArray head = "\"engine_type\":\"mysql\",\"network_type\":\"rds\",\"username\":\"root\","
                            "\"password\":\"x\"";
    QTest::newRow("valid") << QByteArray('{' + head + ",\"is_save_password\":false,\"port\":3306}")
                           << QStringList();
    QTest::newRow("port as string") << QByteArray('{' + head +
                                                  ",\"is_save_password\":false,\"port\":\"3306\"}")
                                    << QStringList{QStringLiteral("port:type")};
    QTest::newRow("port as bool") << QByteArray('{' + head + ",\"is_save_password\":false,\"port\":true}")
                                  << QStringList{QStringLiteral("port:type")};
    QTest::newRow("is_save_password missing")
        << QByteArray('{' + head + '}') << QStringList{QStringLiteral("is_save_password:type")};
    QTest::newRow("is_save_password string") << QByteArray('{' + head + ",\"is_save_password\":\"false\"}")
                                             << QStringList{QStringLiteral("is_save_password:type")};
    QTest::newRow("is_save_password number") << QByteArray('{' + head + ",\"is_save_password\":0}")
                                             << QStringList{QStringLiteral("is_save_password:type")};
    QTest::newRow("node_ids string") << QByteArray('{' + head +
                                                   ",\"is_save_password\":false,\"node_ids\":\"a\"}")
                                     << QStringList{QStringLiteral("node_ids:type")};
    QTest::newRow("node_ids object") << QByteArray('{' + head +
                                                   ",\"is_save_password\":false,\"node_ids\":{}}")
                                     << QStringList{QStringLiteral("node_ids:type")};
    QTest::newRow("node_ids numbers")
        << QByteArray('{' + head + ",\"is_save_password\":false,\"node_ids\":[1,2]}")
        << QStringList{QStringLiteral("node_ids:type")};
    QTest::newRow("username number")
        << QByteArray("{\"engine_type\":\"mysql\",\"network_type\":\"rds\",\"username\":7,\"password\":\"x\","
                      "\"is_save_password\":true}")
        << QStringList{QStringLiteral("username:type")};
}

void TestRequestValidator::fromJsonTypeErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    Violations errors;
    const ConnectionRequest r = ConnectionRequest::fromJson(doc.object(), &errors);
    QCOMPARE(describe(errors), expected);
    for (const Violation& v : errors)
        QVERIFY(!v.message.isEmpty());
    if (expected.isEmpty())
        QCOMPARE(r.port, QStringLiteral("3306"));
}

QTEST_GUILESS_MAIN(TestRequestValidator)
#include "tst_requestvalidator.moc"
