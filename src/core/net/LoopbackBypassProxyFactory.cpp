#include "LoopbackBypassProxyFactory.h"

#include "EndpointResolver.h"

namespace das {

namespace {

// What a socket told to use the application's proxy settings would do for this peer.
bool applicationGoesDirect(const QNetworkProxyQuery& query)
{
    const QNetworkProxyQuery tcp(query.peerHostName(), query.peerPort(), QString(),
                                 QNetworkProxyQuery::TcpSocket);
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(tcp);
    return !proxies.isEmpty() && proxies.constFirst().type() == QNetworkProxy::NoProxy;
}

} // namespace

QList<QNetworkProxy> LoopbackBypassProxyFactory::queryProxy(const QNetworkProxyQuery& query)
{
    if (!EndpointResolver::isLoopbackHost(query.peerHostName()))
        return systemProxyForQuery(query);
    // Direct in both cases. With NoProxy, Qt 6.4 talks plain HTTP over an unbuffered socket that reads the
    // response header one byte per system call and goes back to its event loop only when the kernel has no
    // more bytes: a server streaming a 20 MB header line keeps the HTTP thread busy for 12 s, and our abort
    // and the manager's destructor wait for it. The same socket also loses answers whose closing FIN comes
    // before Qt has noted that the upload is done. DefaultProxy (the application's setting, checked here to
    // be direct) makes Qt use a buffered socket, which reads in 64 KiB blocks and returns to its event loop
    // after each one, so an abort lands within a block.
    if (applicationGoesDirect(query))
        return {QNetworkProxy(QNetworkProxy::DefaultProxy)};
    return {QNetworkProxy(QNetworkProxy::NoProxy)};
}

} // namespace das
