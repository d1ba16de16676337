#pragma once

#include <QByteArray>
#include <QIODevice>

namespace das {

// Request body that cannot be rewound. QNetworkAccessManager silently resends a request whose connection
// drops before the answer; for a create that could create twice, so the resend must fail instead. (Not a
// QBuffer: QNAM reads QBuffers directly and would rewind them anyway.)
class OneShotUploadDevice : public QIODevice
{
    Q_OBJECT

public:
    explicit OneShotUploadDevice(const QByteArray& data, QObject* parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    qint64 size() const override { return m_data.size(); }
    bool reset() override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

} // namespace das
