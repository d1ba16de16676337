#pragma once

#include <QString>

namespace das {

struct ClientOptions
{
    int inactivityTimeoutMs = 30 * 1000; // no bytes in either direction for this long
    int deadlineMs = 120 * 1000;         // whole call, connect to last byte
    qint64 maxResponseBytes = 1024 * 1024;
    QString caFile; // extra PEM CA certificates, added to the system ones
};

} // namespace das
