#include "HistoryLog.h"

namespace das {

Q_LOGGING_CATEGORY(lcHistory, "das.history", QtWarningMsg)

} // namespace das
