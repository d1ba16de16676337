#pragma once

#include "TargetOptions.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

namespace das {

class DasClient;
class ProfileManager;

// `das-connect-cli projects | instances | nodes | databases`: the read calls behind the pickers, over the
// same workflow objects as the window (ProjectLookup, InstanceCatalog, NodeList, DatabaseNameList). Text
// output is an aligned table with a header; --json prints one JSON array with the API's field names.
class DiscoveryCommand
{
    Q_DECLARE_TR_FUNCTIONS(das::DiscoveryCommand)

public:
    DiscoveryCommand(QTextStream& out, QTextStream& err, const QProcessEnvironment& env);
    // `verb` is projects, instances, nodes or databases.
    int run(const QString& verb, const QStringList& arguments);

    static bool isVerb(const QString& verb);

private:
    struct Context;

    int projects(Context& c);
    int instances(Context& c);
    int nodes(Context& c);
    int databases(Context& c);
    void printJson(const QJsonArray& items);

    QTextStream& m_out;
    QTextStream& m_err;
    QProcessEnvironment m_env;
};

} // namespace das
