// Fuzz target: the credential importers, bytes in: the SDK credentials INI file and KooCLI's config.json
// (the first input byte picks which). An import is all or nothing: on failure nothing is returned and a
// message says why; on success every profile has a name and the secrets its kind needs. A message never
// quotes a secret or a control character from the file.

#include "CredentialImporter.h"
#include "FuzzCheck.h"

#include <cstdint>

namespace {

void checkMessage(const QString& error)
{
    DAS_FUZZ_CHECK(!error.isEmpty(), "a failure without a message");
    for (const QChar c : error)
        DAS_FUZZ_CHECK(c.unicode() >= 0x20 || c == u'\n', "a control character in the message");
}

void checkProfile(const das::ImportedProfile& item)
{
    DAS_FUZZ_CHECK(!item.profile.name.isEmpty(), "an imported profile without a name");
    DAS_FUZZ_CHECK(!item.profile.usesAccessKey() || !item.profile.accessKey.isEmpty(),
                   "an AK profile without an AK");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray text(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    QString error;
    if (data[0] & 1) {
        QList<das::ImportedProfile> items;
        if (das::CredentialImporter::parseKooCliConfig(text, QStringLiteral("config.json"), &items, &error)) {
            DAS_FUZZ_CHECK(!items.isEmpty(), "a successful import of nothing");
            for (const das::ImportedProfile& item : std::as_const(items))
                checkProfile(item);
        } else {
            DAS_FUZZ_CHECK(items.isEmpty(), "a failed import that returned profiles");
            checkMessage(error);
        }
        return 0;
    }
    das::ImportedProfile item;
    if (das::CredentialImporter::parseSdkCredentials(text, QStringLiteral("credentials"),
                                                     QStringLiteral("fuzz"), &item, &error)) {
        checkProfile(item);
        DAS_FUZZ_CHECK(!item.secrets.secretKey.isEmpty(), "an SDK import without an SK");
    } else {
        checkMessage(error);
    }
    return 0;
}
