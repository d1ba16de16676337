#pragma once

#include "OutcomeReconciler.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

namespace das {

struct DasContext;

// `das-connect-cli connections` (every connection DAS holds for the project, all pages, marked when this
// computer's history holds it) and `reconcile` (settles the history's pending and unknown rows for the
// target by asking DAS what exists). Both take the target and credential options of create.
class ConnectionsCommand
{
    Q_DECLARE_TR_FUNCTIONS(das::ConnectionsCommand)

public:
    ConnectionsCommand(QTextStream& out, QTextStream& err, const QProcessEnvironment& env);
    // `verb` is connections or reconcile.
    int run(const QString& verb, const QStringList& arguments);

    static bool isVerb(const QString& verb);

private:
    int list(DasContext& c, const QString& instanceId, const QString& filter, bool json);
    int reconcile(DasContext& c, bool json);
    // One row's verdict: "created (confirmed on DAS): ID", "not created, safe to create again", …
    static QString verdictText(const OutcomeReconciler::Outcome& outcome);

    QTextStream& m_out;
    QTextStream& m_err;
    QProcessEnvironment m_env;
};

} // namespace das
