#pragma once

#include "AkSkSigner.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace das {

// A signed request exactly as it goes on the wire, plus what is needed to mask it for display.
struct PreparedRequest
{
    QByteArray method;
    QUrl url;
    HeaderList headers; // in send order, Host included
    QByteArray body;
    QByteArray maskedPasswordJson; // the `"password":"…"` fragment to hide in previews

    QByteArray header(const QByteArray& name) const;

    // Method, URL, headers and body as sent, with password, tokens and signature replaced by ********.
    QString maskedText() const;
    // The same as a curl command line, equally masked.
    QString maskedCurl() const;

    static constexpr const char* Mask = "********";
};

} // namespace das
