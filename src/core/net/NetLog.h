#pragma once

#include <QLoggingCategory>

// "das.net", warnings and above by default. Enable with QT_LOGGING_RULES="das.net.debug=true". Its messages
// never carry a header value, a body, a query string or any secret.
Q_DECLARE_LOGGING_CATEGORY(lcNet)
