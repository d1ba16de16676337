#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace das {

// `das-connect-cli history [--json | --tsv]`: the creates made on this computer, newest first, with each
// one's state (and origin when it was not created here: existing, adopted).
class HistoryCommand
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)

public:
    HistoryCommand(QTextStream& out, QTextStream& err);
    int run(const QStringList& arguments);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace das
