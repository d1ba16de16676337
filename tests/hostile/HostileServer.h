#pragma once

#include <QByteArray>
#include <QMutex>
#include <QThread>

#include <atomic>

class QTcpSocket;

// A raw HTTP server on 127.0.0.1 that answers every request with one hostile answer. It runs its own event
// loop in a thread of its own, so that it keeps serving while the test waits for the CLI process.
class HostileServer : public QThread
{
    Q_OBJECT

public:
    enum class Mode
    {
        Raw,           // writes `answer` and closes
        RawThenReset,  // writes `answer` and resets the connection (RST)
        EndlessBody,   // 200 without a length, body bytes as fast as the client takes them
        SlowHeaders,   // one header byte every 100 ms, forever
        HugeHeaderLine // a 20 MB header line, then a complete small answer
    };

    HostileServer();
    ~HostileServer() override;

    // Listens; false when no port could be had.
    bool begin();
    quint16 port() const { return m_port; }
    void serve(Mode mode, const QByteArray& answer = QByteArray());
    int requestCount() const { return m_requests; }

protected:
    void run() override;

private:
    void answer(QTcpSocket* socket);
    void streamBody(QTcpSocket* socket);
    void dripHeaders(QTcpSocket* socket);

    mutable QMutex m_lock;
    Mode m_mode = Mode::Raw;
    QByteArray m_answer;
    std::atomic<quint16> m_port{0};
    std::atomic<int> m_requests{0};
    std::atomic<bool> m_ready{false};
};
