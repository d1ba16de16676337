#pragma once

#include <QLoggingCategory>

namespace das {

// "das.app": what the window did (history opened, sandbox started, a create started and ended); never a form value other than IDs.
// Off below warnings unless enabled, e.g. QT_LOGGING_RULES="das.app.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcApp)

} // namespace das
