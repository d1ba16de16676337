// The roff of a section-1 man page (man(7) macros), from a ProgramDoc.
#include "ProgramDoc.h"

namespace das {

namespace {

// Text as roff reads it: a backslash printed, a dash a minus sign (options are typed with it), and a line
// that would start with a control character made plain.
QString escaped(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\')
            out += QStringLiteral("\\e");
        else if (c == u'-')
            out += QStringLiteral("\\-");
        else
            out += c;
    }
    return out;
}

QString textLines(const QString& text)
{
    QString out;
    for (const QString& line : text.split(u'\n')) {
        const QString e = escaped(line);
        out += (e.startsWith(u'.') || e.startsWith(u'\'') ? QStringLiteral("\\&") : QString()) + e + u'\n';
    }
    return out;
}

QString paragraphs(const QStringList& list)
{
    QString out;
    for (const QString& p : list) {
        if (p.trimmed().isEmpty())
            continue;
        out += QStringLiteral(".PP\n") + textLines(p.trimmed());
    }
    return out;
}

// "-h, --help" bold, then the value's name in italics: ".TP\n\fB\-h\fR, \fB\-\-help\fR \fIFILE\fR".
QString optionTag(const QCommandLineOption& option)
{
    QStringList names;
    for (const QString& name : option.names())
        names.append(QStringLiteral("\\fB") +
                     escaped((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name) +
                     QStringLiteral("\\fR"));
    QString tag = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        tag += QStringLiteral(" \\fI") + escaped(option.valueName()) + QStringLiteral("\\fR");
    return tag;
}

QString optionList(const QList<QCommandLineOption>& options)
{
    QString out;
    for (const QCommandLineOption& option : options) {
        if (option.flags() & QCommandLineOption::HiddenFromHelp)
            continue;
        QString help = option.description();
        if (!option.defaultValues().isEmpty())
            help += QStringLiteral(" (default: ") + option.defaultValues().join(QStringLiteral(", ")) + u')';
        out += QStringLiteral(".TP\n") + optionTag(option) + u'\n' + textLines(help);
    }
    return out;
}

QString synopsis(const QString& program, const CommandDoc& command)
{
    QString out = QStringLiteral(".B ") + escaped(program) + u'\n';
    if (!command.path.isEmpty())
        out += QStringLiteral(".B ") + escaped(command.path) + u'\n';
    out += QStringLiteral(".RI [ options ]\n");
    for (const auto& positional : command.positional)
        out += QStringLiteral(".I ") + escaped(positional.first) + u'\n';
    return out;
}

QString commandSection(const QString& program, const CommandDoc& command)
{
    QString out = QStringLiteral(".SS \"") + escaped(program + u' ' + command.path) + QStringLiteral("\"\n");
    out += QStringLiteral(".PP\n") + synopsis(program, command);
    if (!command.description.isEmpty())
        out += QStringLiteral(".PP\n") + textLines(command.description);
    for (const auto& positional : command.positional)
        out += QStringLiteral(".TP\n\\fI") + escaped(positional.first) + QStringLiteral("\\fR\n") +
               textLines(positional.second);
    out += optionList(command.options);
    if (!command.examples.isEmpty())
        out += QStringLiteral(".PP\nExamples:\n.RS\n.nf\n") + textLines(command.examples) +
               QStringLiteral(".fi\n.RE\n");
    return out;
}

} // namespace

QString ProgramDoc::manPage() const
{
    const QString title = program.toUpper();
    QString out =
        QStringLiteral(".\\\" Generated from the option definitions of %1; do not edit.\n").arg(program);
    out += QStringLiteral(".TH \"%1\" 1 \"\" \"%2 %3\" \"User Commands\"\n")
               .arg(escaped(title), escaped(program), escaped(version));
    out +=
        QStringLiteral(".SH NAME\n") + escaped(program) + QStringLiteral(" \\- ") + escaped(summary) + u'\n';
    out += QStringLiteral(".SH SYNOPSIS\n");
    const bool hasCommands = commands.size() > 1;
    out += QStringLiteral(".B ") + escaped(program) + u'\n' +
           (hasCommands ? QStringLiteral(".I command\n") : QString()) + QStringLiteral(".RI [ options ]\n");
    if (!commands.isEmpty()) {
        for (const auto& positional : commands.constFirst().positional)
            out += QStringLiteral(".I ") + escaped(positional.first) + u'\n';
    }
    out += QStringLiteral(".SH DESCRIPTION\n") + paragraphs(description);
    if (!commands.isEmpty() && !commands.constFirst().options.isEmpty()) {
        out += QStringLiteral(".SH OPTIONS\n") + optionList(commands.constFirst().options);
        if (!commands.constFirst().examples.isEmpty())
            out += QStringLiteral(".SH EXAMPLES\n.nf\n") + textLines(commands.constFirst().examples) +
                   QStringLiteral(".fi\n");
    }
    if (hasCommands) {
        out += QStringLiteral(".SH COMMANDS\n");
        for (qsizetype i = 1; i < commands.size(); ++i)
            out += commandSection(program, commands.at(i));
    }
    for (const auto& [heading, text] : sections)
        out += QStringLiteral(".SH ") + escaped(heading.toUpper()) + u'\n' +
               paragraphs(text.split(QStringLiteral("\n\n")));
    if (!seeAlso.isEmpty()) {
        QStringList refs;
        for (const QString& ref : seeAlso) {
            const qsizetype open = ref.indexOf(u'(');
            const bool last = &ref == &seeAlso.constLast();
            refs.append(QStringLiteral(".BR ") + escaped(ref.left(open)) + u' ' + ref.mid(open) +
                        (last ? QString() : QStringLiteral(",")) + u'\n');
        }
        out += QStringLiteral(".SH SEE ALSO\n") + refs.join(QString());
    }
    return out;
}

} // namespace das
