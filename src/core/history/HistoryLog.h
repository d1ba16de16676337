#pragma once

#include <QLoggingCategory>

namespace das {

// The history library's diagnostics, off below warnings unless enabled, e.g. with
// QT_LOGGING_RULES="das.history.debug=true". Lines name paths, schema versions and row ids only: never a
// remark, a username or anything else typed into the form (and history holds no password to log).
Q_DECLARE_LOGGING_CATEGORY(lcHistory)

} // namespace das
