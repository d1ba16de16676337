#pragma once

#include "ConnectionRequest.h"
#include "CreateResult.h"
#include "Credentials.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace das {

// `das-connect-cli create …`: parse, validate, sign, send, record in history, print.
class CreateCommand
{
    Q_DECLARE_TR_FUNCTIONS(CreateCommand)

public:
    CreateCommand(QTextStream& out, QTextStream& err, QTextStream& in, const QProcessEnvironment& env);
    int run(const QStringList& arguments);

private:
    void printResult(const CreateResult& result, bool json, std::optional<bool> passwordSaved = std::nullopt);

    QTextStream& m_out;
    QTextStream& m_err;
    QTextStream& m_in;
    QProcessEnvironment m_env;
};

} // namespace das
