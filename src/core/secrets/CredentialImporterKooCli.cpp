// KooCLI's config.json, the one importer source that holds several profiles.
#include "CredentialImporter.h"

#include "EndpointResolver.h"
#include "ProfileStore.h"
#include "ServerText.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace das {

// One entry of KooCLI's "profiles" list; `seen` holds the names before it.
bool CredentialImporter::kooCliProfile(const QJsonValue& value, qsizetype index, const QString& shown,
                                       QSet<QString>* seen, ImportedProfile* out, QString* error)
{
    if (!value.isObject()) {
        *error = tr("%1: profile %2 is not a JSON object.").arg(shown).arg(index + 1);
        return false;
    }
    const QJsonObject o = value.toObject();
    const QJsonValue nameValue = o.value(QLatin1String("name"));
    const QString name = nameValue.toString().trimmed();
    if (!nameValue.isString() || name.isEmpty()) {
        *error = tr("%1: profile %2 has no name.").arg(shown).arg(index + 1);
        return false;
    }
    QString problem;
    if (!ProfileStore::isValidName(name, &problem)) {
        *error = tr("%1: profile \"%2\": %3")
                     .arg(shown, ServerText::clean(name, ServerText::MaxMessageChars), problem);
        return false;
    }
    if (seen->contains(name)) {
        *error = tr("%1: profile \"%2\" appears twice.").arg(shown, name);
        return false;
    }
    seen->insert(name);

    // Every field is optional text; a number or object where text belongs is damage.
    KeyValues text;
    for (const char* key :
         {"mode", "accessKeyId", "secretAccessKey", "securityToken", "region", "projectId"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isString()) {
            *error = tr("%1: profile \"%2\": %3 must be text.").arg(shown, name, QLatin1String(key));
            return false;
        }
        text.insert(QLatin1String(key), v.toString().trimmed());
    }

    SourceFields fields;
    fields.prefix = tr("%1: profile \"%2\": %3").arg(shown, name, QString());
    fields.accessKey = QStringLiteral("accessKeyId");
    fields.secretKey = QStringLiteral("secretAccessKey");
    fields.securityToken = QStringLiteral("securityToken");
    fields.projectId = QStringLiteral("projectId");
    fields.region = QStringLiteral("region");
    fields.missing = [shown, name](const QString& absent) {
        return tr("%1: profile \"%2\" has no %3.").arg(shown, name, absent);
    };

    ImportedProfile imported = fields.profileFrom(name, text);
    const QString mode = text.value(QStringLiteral("mode")).toUpper();
    const bool hasToken = !imported.secrets.securityToken.isEmpty();
    if (mode.isEmpty() || mode == QLatin1String("AKSK")) {
        imported.profile.auth = hasToken ? Profile::AuthMethod::TemporaryAkSk : Profile::AuthMethod::AkSk;
    } else if (mode == QLatin1String("AKSKST") && hasToken) {
        imported.profile.auth = Profile::AuthMethod::TemporaryAkSk;
    } else if (mode == QLatin1String("AKSKST")) {
        *error = tr("%1: profile \"%2\" uses mode AKSKST but has no securityToken.").arg(shown, name);
        return false;
    } else {
        *error = tr("%1: profile \"%2\" uses mode \"%3\", which cannot be imported (only AKSK and AKSKST "
                    "profiles carry keys).")
                     .arg(shown, name,
                          ServerText::clean(text.value(QStringLiteral("mode")), ServerText::MaxMessageChars));
        return false;
    }
    if (!checkFields(imported, fields, error))
        return false;
    *out = imported;
    return true;
}

bool CredentialImporter::fromKooCliConfig(const QString& path, QList<ImportedProfile>* out, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString shown = QDir::toNativeSeparators(path);
    const auto bytes = readSource(path, error);
    QList<ImportedProfile> result;
    if (!bytes || !parseKooCliConfig(*bytes, shown, &result, error) || !checkRegions(result, shown, error))
        return false;
    if (out)
        *out = result;
    return true;
}

bool CredentialImporter::parseKooCliConfig(const QByteArray& json, const QString& shownPath,
                                           QList<ImportedProfile>* out, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString& shown = shownPath;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("%1 is not valid JSON (%2 at byte %3).")
                     .arg(shown, parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = tr("%1: expected a JSON object with a \"profiles\" list.").arg(shown);
        return false;
    }
    const QJsonValue profilesValue = doc.object().value(QLatin1String("profiles"));
    if (!profilesValue.isArray()) {
        *error = tr("%1: \"profiles\" must be a list of profiles.").arg(shown);
        return false;
    }
    const QJsonArray array = profilesValue.toArray();
    if (array.isEmpty()) {
        *error = tr("%1 has no profiles to import.").arg(shown);
        return false;
    }
    QList<ImportedProfile> result;
    QSet<QString> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        ImportedProfile imported;
        if (!kooCliProfile(array.at(i), i, shown, &seen, &imported, error))
            return false;
        result.append(imported);
    }
    if (out)
        *out = result;
    return true;
}

// A region outside the built-in list may still be served: the SDKs' environment variables and regions file
// can add it, which only the file-reading import looks at.
bool CredentialImporter::checkRegions(const QList<ImportedProfile>& items, const QString& shown,
                                      QString* error)
{
    for (const ImportedProfile& item : items) {
        const QString& region = item.profile.region;
        if (region.isEmpty() || EndpointResolver::isKnownRegion(region))
            continue;
        const EndpointResolver::Result r = EndpointResolver::resolveRegion(region);
        if (!r.ok()) {
            const QString where =
                tr("%1: profile \"%2\": %3").arg(shown, item.profile.name, QStringLiteral("region"));
            *error = tr("%1: %2").arg(where, r.error);
            return false;
        }
    }
    return true;
}

} // namespace das
