#pragma once

#include <QNetworkProxyFactory>

namespace das {

// The system proxy for the cloud, never for loopback (the sandbox): loopback always goes direct. Shared by
// every network manager we make.
class LoopbackBypassProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override;
};

} // namespace das
