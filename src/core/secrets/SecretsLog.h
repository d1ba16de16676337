#pragma once

#include <QLoggingCategory>

// "das.secrets": what the keychain jobs and profile transactions did (job kind, outcome status, elapsed time;
// profile names). Never a secret value and never a keychain entry's content. Off below warnings by default;
// QT_LOGGING_RULES="das.secrets.debug=true" turns the debug lines on.
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
