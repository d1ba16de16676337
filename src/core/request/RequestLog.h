#pragma once

#include <QLoggingCategory>

namespace das {

// "das.request": where an endpoint came from (built-in region, override variable, regions file, custom URL).
// Off below warnings unless enabled with QT_LOGGING_RULES="das.request.debug=true". Never a credential.
Q_DECLARE_LOGGING_CATEGORY(lcRequest)

} // namespace das
