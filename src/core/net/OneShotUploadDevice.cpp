#include "OneShotUploadDevice.h"

#include <cstring>

namespace das {

OneShotUploadDevice::OneShotUploadDevice(const QByteArray& data, QObject* parent)
    : QIODevice(parent)
    , m_data(data)
{
    open(QIODevice::ReadOnly);
}

qint64 OneShotUploadDevice::bytesAvailable() const
{
    return m_data.size() - m_offset + QIODevice::bytesAvailable();
}

bool OneShotUploadDevice::reset()
{
    // Rewinding before anything was read is harmless; afterwards it would be a resend.
    return m_offset == 0 && QIODevice::reset();
}

qint64 OneShotUploadDevice::readData(char* data, qint64 maxSize)
{
    const qint64 n = qMin(maxSize, qint64(m_data.size()) - m_offset);
    if (n <= 0)
        return m_offset >= m_data.size() ? -1 : 0;
    std::memcpy(data, m_data.constData() + m_offset, size_t(n));
    m_offset += n;
    return n;
}

} // namespace das
