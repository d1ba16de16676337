#pragma once

#include <QObject>

class QTimer;

namespace das {

class HistoryStore;

// Notices when someone else changed the history: another process (das-connect-cli, a second window) or
// another HistoryStore on the same file committed. Polls the store's PRAGMA data_version, which SQLite bumps
// on other connections' commits only, so the store's own writes (already shown by whoever made them) do not
// count. A file watcher would miss WAL-only commits and fire on checkpoints; the poll is one cheap query.
// Polls only while active: the front end activates it while the history is on screen in the active window.
class HistoryWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 1000;

    explicit HistoryWatcher(QObject* parent = nullptr);

    // Not owned; null stops watching. The store's current version is the baseline: no change is reported for
    // what was committed before.
    void setStore(HistoryStore* store);
    HistoryStore* store() const { return m_store; }

    // Starting checks at once (what changed while inactive shows without waiting a period), then every
    // interval.
    void setActive(bool active);
    bool isActive() const;
    void setInterval(int milliseconds);
    int interval() const;

    // Compares now; when the version moved since the last look, indexes the new rows for search
    // (HistoryStore::indexSearchTail) and emits changed(). True when it did.
    bool checkNow();

signals:
    // The history holds other rows, or other values in them, than when last looked at.
    void changed();

private:
    HistoryStore* m_store = nullptr;
    QTimer* m_timer = nullptr;
    qint64 m_version = -1;
};

} // namespace das
