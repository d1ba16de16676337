#include "HistoryWatcher.h"

#include "HistoryLog.h"
#include "HistoryStore.h"

#include <QTimer>

namespace das {

HistoryWatcher::HistoryWatcher(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(DefaultIntervalMs);
    // Coarse: a second's precision is plenty, and it lets the system batch wake-ups.
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &HistoryWatcher::checkNow);
}

void HistoryWatcher::setStore(HistoryStore* store)
{
    m_store = store;
    m_version = m_store && m_store->isOpen() ? m_store->dataVersion() : -1;
}

void HistoryWatcher::setActive(bool active)
{
    if (active == m_timer->isActive())
        return;
    if (!active) {
        m_timer->stop();
        return;
    }
    m_timer->start();
    checkNow();
}

bool HistoryWatcher::isActive() const
{
    return m_timer->isActive();
}

void HistoryWatcher::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

int HistoryWatcher::interval() const
{
    return m_timer->interval();
}

bool HistoryWatcher::checkNow()
{
    if (!m_store || !m_store->isOpen())
        return false;
    const qint64 version = m_store->dataVersion();
    if (version < 0 || version == m_version)
        return false;
    const bool first = m_version < 0; // opened after setStore(): nothing to compare with yet
    m_version = version;
    if (first)
        return false;
    qCDebug(lcHistory) << "history changed by another connection";
    // Their creates are after the search index's mark: indexed before the change is shown, the filter does
    // not match them by LIKE (the store's own commit does not move data_version).
    m_store->indexSearchTail();
    emit changed();
    return true;
}

} // namespace das
