#include "CreateCommandLine.h"

#include <algorithm>

namespace das {

namespace {

QString option(const char* name, const QString& value)
{
    return QLatin1String("--") + QLatin1String(name) + u'=' + value;
}

bool needsEscape(QChar c)
{
    const QChar::Category category = c.category();
    return category == QChar::Other_Control || category == QChar::Other_Format ||
           category == QChar::Separator_Line || category == QChar::Separator_Paragraph;
}

// $'…' with every byte of the UTF-8 text that is not plain printable ASCII written as \xHH: the same bytes
// in any locale, and nothing in the pasted text moves the cursor or reorders what the terminal shows.
QString ansiCQuote(const QString& text)
{
    QString out = QStringLiteral("$'");
    const QByteArray utf8 = text.toUtf8();
    for (const char byte : utf8) {
        const auto u = static_cast<unsigned char>(byte);
        if (u == '\\' || u == '\'')
            out += u'\\' + QLatin1Char(byte);
        else if (u >= 0x20 && u < 0x7f)
            out += QLatin1Char(byte);
        else
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    return out + u'\'';
}

} // namespace

QString CreateCommandLine::shellQuote(const QString& text)
{
    // Plain words (IDs, engine types, a region) stay readable as they are.
    static const QLatin1String safe("@%+=:,./-_");
    const bool plain = !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c.isLetterOrNumber() && c.unicode() < 0x80) || safe.contains(c);
    });
    if (plain)
        return text;
    if (std::any_of(text.cbegin(), text.cend(), needsEscape))
        return ansiCQuote(text);
    QString quoted = text;
    quoted.replace(u'\'', QLatin1String("'\\''"));
    return u'\'' + quoted + u'\'';
}

QStringList CreateCommandLine::arguments(const Input& input)
{
    const ConnectionRequest& r = input.request;
    QStringList args{QStringLiteral("create")};
    if (!input.profile.isEmpty())
        args << option("profile", input.profile);
    if (!input.region.isEmpty())
        args << option("region", input.region);
    else if (!input.endpoint.isEmpty())
        args << option("endpoint", input.endpoint.toString());
    auto add = [&args](const char* name, const QString& value) {
        if (!value.isEmpty())
            args << option(name, value);
    };
    add("project-id", r.projectId);
    add("instance-id", r.instanceId);
    add("engine-type", r.engineType);
    add("network-type", r.networkType);
    add("username", r.username);
    for (const QString& node : r.nodeIds)
        args << option("node-id", node);
    add("port", r.port);
    add("database-name", r.databaseName);
    add("remarks", r.remarks);
    if (r.isSavePassword)
        args << QStringLiteral("--save-password");
    // The keychain choice is always spelled out: the CLI's default follows --save-password, the window's box
    // is separate.
    args << option("keychain", input.keychain ? QStringLiteral("yes") : QStringLiteral("no"));
    if (r.sqlRecordFlag)
        args << QStringLiteral("--sql-record");
    args << QStringLiteral("--password-stdin");
    return args;
}

QString CreateCommandLine::command(const Input& input)
{
    // Options are written --name=value, so that a value starting with '-' cannot be read as an option.
    QStringList args = arguments(input);
    QStringList words{shellQuote(input.program) + u' ' + args.takeFirst()};
    for (const QString& arg : std::as_const(args)) {
        const qsizetype equals = arg.indexOf(u'=');
        words << (equals < 0 ? arg : arg.left(equals + 1) + shellQuote(arg.mid(equals + 1)));
    }
    return words.join(QStringLiteral(" \\\n  "));
}

QString CreateCommandLine::script(const Input& input)
{
    const QString comment = tr("Type the database password when asked (it is not shown); it goes to the "
                               "command through a pipe, never on its command line.");
    // bash and zsh alike: printf is a builtin, so the password is in no process's argv; IFS= keeps its
    // spaces; the subshell ends the variable with the command and keeps the command's exit status.
    return QStringLiteral("# ") + comment.simplified() +
           QStringLiteral("\n(printf 'Password: ' >&2; IFS= read -rs DAS_PASSWORD && echo >&2 &&\n"
                          "printf '%s\\n' \"$DAS_PASSWORD\" | ") +
           command(input) + QStringLiteral(")\n");
}

} // namespace das
