#include "SecretsLog.h"

Q_LOGGING_CATEGORY(lcSecrets, "das.secrets", QtWarningMsg)
