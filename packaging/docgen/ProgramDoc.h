#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

namespace das {

// What a program's --help says, kept as data so that the man page and the bash completion are written from
// the same option objects its parser uses.
struct CommandDoc
{
    QString path; // "" for the program itself, else the sub-command as typed: "create", "batch plan"
    QString description;
    QList<std::pair<QString, QString>> positional; // syntax ("FILE", "[CONNECTION_ID...]"), help
    QList<QCommandLineOption> options;             // hidden ones are left out of both outputs
    QString examples;                              // one command line per line
};

struct ProgramDoc
{
    QString program; // "das-connect-cli"
    QString summary; // the NAME line's text after the dash
    QString version;
    QStringList description;                     // paragraphs
    QList<CommandDoc> commands;                  // first the program's own options, then sub-commands
    QList<std::pair<QString, QString>> sections; // extra man sections: title, paragraphs split by "\n\n"
    QStringList seeAlso;                         // "das-connect(1)"

    // The roff source of the program's section-1 man page.
    QString manPage() const;
    // A bash script defining the completion of the program's sub-commands, options and option values.
    QString bashCompletion() const;
    // The standard -h/--help and --version, described as addHelpOption()/addVersionOption() do.
    static QList<QCommandLineOption> helpAndVersion();
};

// The handling every executable shares: when `arguments` ask for --help-man or --bash-completion, writes the
// document `make` returns to stdout and returns true.
bool printRequestedDoc(const QStringList& arguments, const std::function<ProgramDoc()>& make);
// The two hidden options above, for a QCommandLineParser that must accept them.
QList<QCommandLineOption> docOptions();

} // namespace das
