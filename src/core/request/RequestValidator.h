#pragma once

#include "ConnectionRequest.h"
#include "Violation.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace das {

// The only place the create-connection rules live; the window, the CLI and the sandbox all call it.
class RequestValidator
{
    Q_DECLARE_TR_FUNCTIONS(RequestValidator)

public:
    struct Choice
    {
        QString value; // exact API value
        QString label; // readable, translated
    };

    static constexpr int IdLength = 32;
    static constexpr int MaxUsernameLength = 128;
    static constexpr int MaxPasswordLength = 256;
    static constexpr int MaxDatabaseNameLength = 128;
    static constexpr int MaxRemarksLength = 512;
    static constexpr int MaxNodeIds = 64;

    static QList<Choice> engineTypes();
    static QList<Choice> networkTypes();

    // The network types that go with an engine type, the usual one first; empty for an unknown engine.
    // mysql, sqlserver, postgresql: rds; mongodb: dds; ddm: ddm; gaussdbv5: gaussdb; taurus, which the
    // sources leave open: rds or gaussdb.
    static QStringList networkTypesFor(const QString& engineType);
    // The first of networkTypesFor(engineType) (the value a picker pre-fills), or empty.
    static QString usualNetworkType(const QString& engineType);

    // Every violation at once, in form order.
    static Violations validate(const ConnectionRequest& request);

    // Single-field checks for path parameters (sandbox) and live form feedback.
    static Violations validateProjectId(const QString& value);
    static Violations validateInstanceId(const QString& value);
    static Violations validateNodeIds(const QStringList& values);
    static Violations validatePort(const QString& value);

    static bool isPlainId(const QString& value);
    static bool isIdWithSuffix(const QString& value, QLatin1String suffix);
    static bool hasControlCharacter(const QString& value, bool allowNewline);

    // Splits pasted text into IDs: separators are newlines, commas, semicolons and white space.
    static QStringList splitIdList(const QString& text);

    // Human label of an API field name, e.g. "project_id" -> "Project ID".
    static QString fieldLabel(const QString& field);
};

} // namespace das
