// A bash completion script from a ProgramDoc: sub-commands, each one's options, and option values (the
// alternatives of a value named "a|b|c", file names for a FILE or PEM). Plain bash: it needs neither the
// bash-completion package's helpers nor anything but compgen.
#include "ProgramDoc.h"

namespace das {

namespace {

enum class ValueKind
{
    None,         // a flag
    Alternatives, // "error|skip|create"
    File,
    Other, // a free value: nothing to offer
};

ValueKind valueKind(const QCommandLineOption& option)
{
    const QString value = option.valueName();
    if (value.isEmpty())
        return ValueKind::None;
    if (value.contains(u'|'))
        return ValueKind::Alternatives;
    if (value.endsWith(QLatin1String("FILE")) || value == QLatin1String("PEM") ||
        value == QLatin1String("PATH") || value == QLatin1String("DIR"))
        return ValueKind::File;
    return ValueKind::Other;
}

QStringList spelled(const QCommandLineOption& option)
{
    QStringList out;
    for (const QString& name : option.names())
        out.append((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name);
    return out;
}

QString quoted(const QString& word)
{
    return u'"' + word + u'"';
}

bool takesFiles(const CommandDoc& command)
{
    for (const auto& positional : command.positional) {
        if (positional.first.contains(QLatin1String("FILE")))
            return true;
    }
    return false;
}

// The `case "$path:$prev"` arms that complete an option's value.
QString valueArms(const CommandDoc& command)
{
    QString out;
    QStringList files;
    QStringList free;
    for (const QCommandLineOption& option : command.options) {
        const ValueKind kind = valueKind(option);
        QStringList patterns;
        for (const QString& name : spelled(option))
            patterns.append(quoted(command.path + u':' + name));
        if (kind == ValueKind::Alternatives)
            out += QStringLiteral("    %1) COMPREPLY=($(compgen -W \"%2\" -- \"$cur\")); return 0 ;;\n")
                       .arg(patterns.join(QStringLiteral(" | ")), option.valueName().split(u'|').join(u' '));
        else if (kind == ValueKind::File)
            files += patterns;
        else if (kind == ValueKind::Other)
            free += patterns;
    }
    if (!files.isEmpty())
        out += QStringLiteral("    %1) COMPREPLY=($(compgen -f -- \"$cur\")); return 0 ;;\n")
                   .arg(files.join(QStringLiteral(" | ")));
    if (!free.isEmpty())
        out += QStringLiteral("    %1) COMPREPLY=(); return 0 ;;\n").arg(free.join(QStringLiteral(" | ")));
    return out;
}

} // namespace

QString ProgramDoc::bashCompletion() const
{
    QString function = QStringLiteral("_") + program;
    function.replace(u'-', u'_');
    QStringList topWords;
    QStringList groups;
    QString wordArms;
    for (qsizetype i = 1; i < commands.size(); ++i) {
        const QStringList parts = commands.at(i).path.split(u' ');
        if (!topWords.contains(parts.constFirst()))
            topWords.append(parts.constFirst());
        if (parts.size() > 1 && !groups.contains(parts.constFirst()))
            groups.append(parts.constFirst());
    }
    for (const QString& group : groups) {
        QStringList verbs;
        for (const CommandDoc& command : commands) {
            if (command.path.startsWith(group + u' '))
                verbs.append(command.path.mid(group.size() + 1));
        }
        wordArms += QStringLiteral("    %1) words=\"%2\" ;;\n").arg(quoted(group), verbs.join(u' '));
    }
    QString values;
    for (const CommandDoc& command : commands) {
        QStringList options;
        for (const QCommandLineOption& option : command.options) {
            if (!(option.flags() & QCommandLineOption::HiddenFromHelp))
                options += spelled(option);
        }
        const QString words = command.path.isEmpty() ? topWords.join(u' ') : QString();
        wordArms += QStringLiteral("    %1) options=\"%2\"; words=\"%3\"; files=%4 ;;\n")
                        .arg(quoted(command.path), options.join(u' '), words,
                             takesFiles(command) ? QStringLiteral("1") : QStringLiteral("0"));
        values += valueArms(command);
    }

    QString out =
        QStringLiteral("# bash completion for %1 %2, generated from its option definitions; do not edit.\n")
            .arg(program, version);
    out += function + QStringLiteral("()\n{\n");
    out += QStringLiteral("    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\" path=\"\" word i\n"
                          "    local options=\"\" words=\"\" files=0\n"
                          "    [ \"$COMP_CWORD\" -gt 0 ] && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n");
    if (!topWords.isEmpty()) {
        // The sub-command typed so far: the first word that is not an option, and its verb for a group.
        out += QStringLiteral("    for ((i = 1; i < COMP_CWORD; i++)); do\n"
                              "        word=\"${COMP_WORDS[i]}\"\n"
                              "        [[ \"$word\" == -* ]] && continue\n"
                              "        case \"$path\" in\n"
                              "        \"\") path=\"$word\" ;;\n");
        if (!groups.isEmpty())
            out += QStringLiteral("        %1) path=\"$path $word\" ;;\n")
                       .arg(groups.join(QStringLiteral(" | ")));
        out += QStringLiteral("        *) break ;;\n"
                              "        esac\n"
                              "    done\n");
    }
    out += QStringLiteral("    case \"$path\" in\n") + wordArms + QStringLiteral("    esac\n");
    if (!values.isEmpty())
        out += QStringLiteral("    case \"$path:$prev\" in\n") + values + QStringLiteral("    esac\n");
    out += QStringLiteral("    if [[ \"$cur\" == -* ]]; then\n"
                          "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
                          "    elif [ \"$files\" = 1 ]; then\n"
                          "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                          "    else\n"
                          "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
                          "    fi\n"
                          "    return 0\n"
                          "}\n");
    out += QStringLiteral("complete -F %1 %2\n").arg(function, program);
    return out;
}

} // namespace das
