#pragma once

#include <QLoggingCategory>

namespace das {

// "das.sandbox": requests the sandbox received and how it answered (method, path, status, error code); never a header or body value.
// Off below warnings unless enabled, e.g. QT_LOGGING_RULES="das.sandbox.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

} // namespace das
