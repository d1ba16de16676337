#pragma once

#include <QLoggingCategory>

namespace das {

// "das.cli": which command ran and its exit status; never an argument value.
// Off below warnings unless enabled, e.g. QT_LOGGING_RULES="das.cli.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCli)

} // namespace das
