#pragma once

#include <QLoggingCategory>

namespace das {

// "das.workflow": stage changes of the workflow objects. Off below warnings unless enabled with
// QT_LOGGING_RULES="das.workflow.debug=true". Never a password, secret, token or header value: requests are
// named by instance ID and user name only.
Q_DECLARE_LOGGING_CATEGORY(lcWorkflow)

} // namespace das
