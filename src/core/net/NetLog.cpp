#include "NetLog.h"

Q_LOGGING_CATEGORY(lcNet, "das.net", QtWarningMsg)
