#include "RequestValidator.h"

#include <QRegularExpression>
#include <QSet>

namespace das {

namespace {

Violation make(const char* field, const char* code, const QString& message, int index = -1)
{
    return Violation{QString::fromLatin1(field), QString::fromLatin1(code), message, index};
}

bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isChoice(const QList<RequestValidator::Choice>& choices, const QString& value)
{
    for (const auto& choice : choices) {
        if (choice.value == value)
            return true;
    }
    return false;
}

QString choiceValues(const QList<RequestValidator::Choice>& choices)
{
    QStringList values;
    for (const auto& choice : choices)
        values.append(choice.value);
    return values.join(QStringLiteral(", "));
}

void checkText(Violations& out, const char* field, const QString& value, int maxLength, bool required,
               bool allowNewline)
{
    const QString label = RequestValidator::fieldLabel(QString::fromLatin1(field));
    if (value.isEmpty()) {
        if (required)
            out.append(make(field, "required", RequestValidator::tr("%1 is required.").arg(label)));
        return;
    }
    if (RequestValidator::hasControlCharacter(value, allowNewline)) {
        out.append(make(field, "control_character",
                        allowNewline
                            ? RequestValidator::tr("%1 must not contain control characters other than "
                                                   "line breaks.")
                                  .arg(label)
                            : RequestValidator::tr("%1 must not contain control characters such as tabs "
                                                   "or line breaks.")
                                  .arg(label)));
    }
    if (value.size() > maxLength) {
        out.append(make(field, "too_long",
                        RequestValidator::tr("%1 must be at most %2 characters (it has %3).")
                            .arg(label)
                            .arg(maxLength)
                            .arg(value.size())));
    }
}

// Both values are known choices here: a mismatch is reported only on top of nothing else.
void checkEngineNetworkPair(Violations& out, const QString& engine, const QString& network)
{
    const QStringList fitting = RequestValidator::networkTypesFor(engine);
    if (fitting.isEmpty() || fitting.contains(network))
        return;
    const QString use =
        fitting.size() == 1
            ? fitting.constFirst()
            : RequestValidator::tr("%1 or %2")
                  .arg(fitting.mid(0, fitting.size() - 1).join(QStringLiteral(", ")), fitting.constLast());
    out.append(make("network_type", "engine_mismatch",
                    RequestValidator::tr("Network type %1 does not go with engine %2; use %3.")
                        .arg(network, engine, use)));
}

} // namespace

QList<RequestValidator::Choice> RequestValidator::engineTypes()
{
    return {
        {QStringLiteral("mysql"), tr("RDS for MySQL")},
        {QStringLiteral("sqlserver"), tr("RDS for SQL Server")},
        {QStringLiteral("postgresql"), tr("RDS for PostgreSQL")},
        {QStringLiteral("taurus"), tr("TaurusDB (GaussDB for MySQL)")},
        {QStringLiteral("gaussdbv5"), tr("GaussDB")},
        {QStringLiteral("mongodb"), tr("DDS (Document Database Service)")},
        {QStringLiteral("ddm"), tr("DDM (Distributed Database Middleware)")},
    };
}

QList<RequestValidator::Choice> RequestValidator::networkTypes()
{
    return {
        {QStringLiteral("rds"), tr("RDS instance")},
        {QStringLiteral("gaussdb"), tr("GaussDB instance")},
        {QStringLiteral("dds"), tr("DDS instance")},
        {QStringLiteral("ddm"), tr("DDM instance")},
    };
}

QStringList RequestValidator::networkTypesFor(const QString& engineType)
{
    const QString rds = QStringLiteral("rds");
    if (engineType == QLatin1String("mysql") || engineType == QLatin1String("sqlserver") ||
        engineType == QLatin1String("postgresql"))
        return {rds};
    if (engineType == QLatin1String("taurus"))
        return {rds, QStringLiteral("gaussdb")};
    if (engineType == QLatin1String("gaussdbv5"))
        return {QStringLiteral("gaussdb")};
    if (engineType == QLatin1String("mongodb"))
        return {QStringLiteral("dds")};
    if (engineType == QLatin1String("ddm"))
        return {QStringLiteral("ddm")};
    return {};
}

QString RequestValidator::usualNetworkType(const QString& engineType)
{
    const QStringList fitting = networkTypesFor(engineType);
    return fitting.isEmpty() ? QString() : fitting.constFirst();
}

QString RequestValidator::fieldLabel(const QString& field)
{
    if (field == QLatin1String("project_id"))
        return tr("Project ID");
    if (field == QLatin1String("instance_id"))
        return tr("Instance ID");
    if (field == QLatin1String("engine_type"))
        return tr("Engine type");
    if (field == QLatin1String("network_type"))
        return tr("Network type");
    if (field == QLatin1String("username"))
        return tr("Username");
    if (field == QLatin1String("password"))
        return tr("Password");
    if (field == QLatin1String("node_ids"))
        return tr("Node IDs");
    if (field == QLatin1String("port"))
        return tr("Port");
    if (field == QLatin1String("database_name"))
        return tr("Database name");
    if (field == QLatin1String("remarks"))
        return tr("Remarks");
    if (field == QLatin1String("is_save_password"))
        return tr("Save password");
    if (field == QLatin1String("sql_record_flag"))
        return tr("Record SQL");
    return field;
}

QStringList RequestValidator::splitIdList(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

bool RequestValidator::isPlainId(const QString& value)
{
    if (value.size() != IdLength)
        return false;
    for (const QChar c : value) {
        if (!isAsciiAlnum(c))
            return false;
    }
    return true;
}

bool RequestValidator::isIdWithSuffix(const QString& value, QLatin1String suffix)
{
    if (value.size() != IdLength + suffix.size() + 2)
        return false;
    if (!isPlainId(value.left(IdLength)) || !value.mid(IdLength, suffix.size()).startsWith(suffix))
        return false;
    const QString digits = value.right(2);
    return digits.at(0).isDigit() && digits.at(1).isDigit() && digits.at(0).unicode() < 128 &&
           digits.at(1).unicode() < 128;
}

bool RequestValidator::hasControlCharacter(const QString& value, bool allowNewline)
{
    for (const QChar c : value) {
        if (allowNewline && (c == u'\n' || c == u'\r'))
            continue;
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

Violations RequestValidator::validateProjectId(const QString& value)
{
    if (value.isEmpty())
        return {make("project_id", "required", tr("Project ID is required."))};
    if (!isPlainId(value)) {
        return {make("project_id", "format",
                     tr("Project ID must be exactly 32 letters or digits (length %1%2).")
                         .arg(value.size())
                         .arg(value.size() == IdLength ? tr(", not all letters or digits") : QString()))};
    }
    return {};
}

Violations RequestValidator::validateInstanceId(const QString& value)
{
    if (value.isEmpty())
        return {make("instance_id", "required", tr("Instance ID is required."))};
    if (!isPlainId(value) && !isIdWithSuffix(value, QLatin1String("in"))) {
        return {
            make("instance_id", "format",
                 tr("Instance ID must be 32 letters or digits, optionally followed by \"in\" and two digits "
                    "(e.g. …fbin01); length %1.")
                     .arg(value.size()))};
    }
    return {};
}

Violations RequestValidator::validateNodeIds(const QStringList& values)
{
    Violations out;
    if (values.size() > MaxNodeIds) {
        out.append(make("node_ids", "too_many",
                        tr("Node IDs: at most %1 nodes may be given (there are %2).")
                            .arg(MaxNodeIds)
                            .arg(values.size())));
    }
    QSet<QString> seen;
    for (int i = 0; i < values.size(); ++i) {
        const QString& id = values.at(i);
        if (id.isEmpty()) {
            out.append(make("node_ids", "required", tr("Node ID %1 is empty.").arg(i + 1), i));
            continue;
        }
        if (!isPlainId(id) && !isIdWithSuffix(id, QLatin1String("no"))) {
            out.append(
                make("node_ids", "format",
                     tr("Node ID %1 must be 32 letters or digits, optionally followed by \"no\" and two "
                        "digits (e.g. …0bno01); length %2.")
                         .arg(i + 1)
                         .arg(id.size()),
                     i));
            continue;
        }
        if (seen.contains(id)) {
            out.append(make("node_ids", "duplicate",
                            tr("Node ID %1 is a duplicate of an earlier node ID.").arg(i + 1), i));
            continue;
        }
        seen.insert(id);
    }
    return out;
}

Violations RequestValidator::validatePort(const QString& value)
{
    if (value.isEmpty())
        return {};
    bool ok = false;
    const qlonglong port = value.toLongLong(&ok);
    bool digitsOnly = true;
    for (const QChar c : value)
        digitsOnly = digitsOnly && c.unicode() >= u'0' && c.unicode() <= u'9';
    if (!ok || !digitsOnly)
        return {
            make("port", "not_integer", tr("Port must be a whole number from 1 to 65535, or left empty."))};
    if (port == 65536) {
        return {make(
            "port", "range",
            tr("Port 65536 is not a TCP port: the API documentation allows it, but ports end at 65535."))};
    }
    if (port < 1 || port > 65535)
        return {make("port", "range", tr("Port must be from 1 to 65535 (it is %1).").arg(value))};
    return {};
}

Violations RequestValidator::validate(const ConnectionRequest& r)
{
    Violations out;
    out += validateProjectId(r.projectId);
    out += validateInstanceId(r.instanceId);

    if (r.engineType.isEmpty())
        out.append(make("engine_type", "required", tr("Engine type is required.")));
    else if (!isChoice(engineTypes(), r.engineType))
        out.append(make("engine_type", "not_allowed",
                        tr("Engine type must be one of: %1.").arg(choiceValues(engineTypes()))));

    if (r.networkType.isEmpty())
        out.append(make("network_type", "required", tr("Network type is required.")));
    else if (!isChoice(networkTypes(), r.networkType))
        out.append(make("network_type", "not_allowed",
                        tr("Network type must be one of: %1.").arg(choiceValues(networkTypes()))));
    else if (isChoice(engineTypes(), r.engineType))
        checkEngineNetworkPair(out, r.engineType, r.networkType);

    checkText(out, "username", r.username, MaxUsernameLength, true, false);
    if (!r.username.isEmpty() && r.username != r.username.trimmed())
        out.append(make("username", "surrounding_space", tr("Username must not start or end with spaces.")));
    checkText(out, "password", r.password, MaxPasswordLength, true, false);

    out += validateNodeIds(r.nodeIds);
    out += validatePort(r.port);
    checkText(out, "database_name", r.databaseName, MaxDatabaseNameLength, false, false);
    checkText(out, "remarks", r.remarks, MaxRemarksLength, false, true);
    return out;
}

} // namespace das
