#pragma once

#include "Profile.h"

#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

namespace das {

// `das-connect-cli profile list|add|remove|import`: secrets come from stdin or the environment, never argv.
class ProfileCommand
{
    Q_DECLARE_TR_FUNCTIONS(ProfileCommand)

public:
    ProfileCommand(QTextStream& out, QTextStream& err, QTextStream& in, const QProcessEnvironment& env);
    int run(const QStringList& arguments);

private:
    int list(const QStringList& arguments);
    int add(const QStringList& arguments);
    int remove(const QStringList& arguments);
    int import(const QStringList& arguments);
    int save(const Profile& profile, const ProfileSecrets& secrets);
    int importItems(QList<ImportedProfile> items, bool overwrite);

    QTextStream& m_out;
    QTextStream& m_err;
    QTextStream& m_in;
    QProcessEnvironment m_env;
};

} // namespace das
