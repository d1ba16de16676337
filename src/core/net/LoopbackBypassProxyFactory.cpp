#include "LoopbackBypassProxyFactory.h"

#include "EndpointResolver.h"

namespace das {

QList<QNetworkProxy> LoopbackBypassProxyFactory::queryProxy(const QNetworkProxyQuery& query)
{
    if (EndpointResolver::isLoopbackHost(query.peerHostName()))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    return systemProxyForQuery(query);
}

} // namespace das
