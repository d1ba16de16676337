#include "CredentialImporter.h"

#include "ProfileStore.h"
#include "RequestValidator.h"
#include "SecretLimits.h"
#include "ServerText.h"

#include "BoundedRead.h"

#include <QDir>
#include <QHash>
#include <QStringDecoder>

#include <algorithm>
#include <functional>
#include <utility>

namespace das {

namespace {

QString homeOf(const QProcessEnvironment& env)
{
    const QString home = env.value(QStringLiteral("HOME"));
    return home.isEmpty() ? QDir::homePath() : home;
}

QString unquoted(const QString& value)
{
    if (value.size() >= 2 && ((value.front() == u'"' && value.back() == u'"') ||
                              (value.front() == u'\'' && value.back() == u'\'')))
        return value.mid(1, value.size() - 2);
    return value;
}

bool hasControl(const QString& value)
{
    return std::any_of(value.begin(), value.end(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\'';
}

// 'abc or abc" is a damaged value, not one to import with its quote as part of a key.
bool hasUnmatchedQuote(const QString& value)
{
    if (value.isEmpty() || (!isQuote(value.front()) && !isQuote(value.back())))
        return false;
    return value.size() < 2 || value.front() != value.back() || !isQuote(value.front());
}

} // namespace

QString CredentialImporter::defaultSdkCredentialsPath(const QProcessEnvironment& env)
{
    return homeOf(env) + QStringLiteral("/.huaweicloud/credentials");
}

QString CredentialImporter::defaultKooCliConfigPath(const QProcessEnvironment& env)
{
    return homeOf(env) + QStringLiteral("/.hcloud/config.json");
}

bool CredentialImporter::read(Source source, const QProcessEnvironment& env, const QString& path,
                              const QString& profileName, QList<ImportedProfile>* out, QString* error)
{
    ImportedProfile one;
    bool ok = false;
    switch (source) {
    case Source::Environment:
        ok = fromEnvironment(env, profileName, &one, error);
        break;
    case Source::SdkFile:
        ok = fromSdkCredentialsFile(path.isEmpty() ? defaultSdkCredentialsPath(env) : path, profileName, &one,
                                    error);
        break;
    case Source::KooCli:
        return fromKooCliConfig(path.isEmpty() ? defaultKooCliConfigPath(env) : path, out, error);
    }
    if (ok && out)
        *out = {one};
    return ok;
}

QStringList CredentialImporter::withoutTarget(const QList<ImportedProfile>& items)
{
    QStringList names;
    for (const ImportedProfile& item : items) {
        if (item.profile.region.isEmpty() && item.profile.endpoint.isEmpty())
            names.append(item.profile.name);
    }
    return names;
}

void CredentialImporter::setMissingRegion(QList<ImportedProfile>* items, const QString& region)
{
    for (ImportedProfile& item : *items) {
        if (item.profile.region.isEmpty() && item.profile.endpoint.isEmpty())
            item.profile.region = region;
    }
}

std::optional<QByteArray> CredentialImporter::readSource(const QString& path, QString* error)
{
    QString problem;
    const auto bytes = BoundedRead::file(path, MaxFileBytes, &problem);
    if (!bytes)
        *error = tr("Cannot read the credentials to import: %1").arg(problem);
    return bytes;
}

ImportedProfile CredentialImporter::SourceFields::profileFrom(const QString& name,
                                                              const KeyValues& values) const
{
    ImportedProfile imported;
    imported.profile.name = name;
    imported.profile.accessKey = values.value(accessKey);
    imported.secrets.secretKey = values.value(secretKey);
    imported.secrets.securityToken = values.value(securityToken);
    if (!region.isEmpty())
        imported.profile.region = values.value(region);
    imported.profile.projectId = values.value(projectId);
    return imported;
}

// Secrets go into the keychain verbatim, so refuse what could only be a damaged file.
bool CredentialImporter::checkFields(const ImportedProfile& imported, const SourceFields& fields,
                                     QString* error)
{
    QStringList missing;
    if (imported.profile.accessKey.isEmpty())
        missing.append(fields.accessKey);
    if (imported.secrets.secretKey.isEmpty())
        missing.append(fields.secretKey);
    if (!missing.isEmpty()) {
        *error = fields.missing(missing.join(tr(" and ")));
        return false;
    }
    const std::pair<const QString*, const QString*> texts[] = {
        {&imported.profile.accessKey, &fields.accessKey},
        {&imported.secrets.secretKey, &fields.secretKey},
        {&imported.secrets.securityToken, &fields.securityToken},
    };
    for (const auto& [value, key] : texts) {
        const QString where = fields.prefix + *key;
        if (hasControl(*value)) {
            *error = tr("%1 contains control characters; the file looks damaged.").arg(where);
            return false;
        }
        if (value->toUtf8().size() > SecretLimits::MaxSecretBytes) {
            *error = tr("%1 is longer than %2 bytes.").arg(where).arg(SecretLimits::MaxSecretBytes);
            return false;
        }
    }
    const QString& projectId = imported.profile.projectId;
    if (!projectId.isEmpty()) {
        const Violations v = RequestValidator::validateProjectId(projectId);
        if (!v.isEmpty()) {
            *error = tr("%1: %2").arg(fields.prefix + fields.projectId, v.constFirst().message);
            return false;
        }
    }
    return true;
}

// The environment and the SDK file name no profile of their own and hold one set of fields; `read` looks
// them up by the source's key names, after the caller's profile name has been checked.
bool CredentialImporter::importSingle(const QString& profileName, ImportedProfile* out, QString* error,
                                      const std::function<bool(SourceFields*, KeyValues*, QString*)>& read)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!ProfileStore::isValidName(profileName, error))
        return false;
    SourceFields fields;
    KeyValues values;
    if (!read(&fields, &values, error))
        return false;

    ImportedProfile imported = fields.profileFrom(profileName, values);
    imported.profile.auth = imported.secrets.securityToken.isEmpty() ? Profile::AuthMethod::AkSk
                                                                     : Profile::AuthMethod::TemporaryAkSk;
    if (!checkFields(imported, fields, error))
        return false;
    if (out)
        *out = imported;
    return true;
}

bool CredentialImporter::fromEnvironment(const QProcessEnvironment& env, const QString& profileName,
                                         ImportedProfile* out, QString* error)
{
    return importSingle(profileName, out, error, [&env](SourceFields* fields, KeyValues* values, QString*) {
        fields->accessKey = QStringLiteral("HUAWEICLOUD_SDK_AK");
        fields->secretKey = QStringLiteral("HUAWEICLOUD_SDK_SK");
        fields->securityToken = QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN");
        fields->projectId = QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID");
        fields->missing = [](const QString& unset) {
            return tr("Nothing to import: %1 not set.").arg(unset);
        };
        for (const QString* name :
             {&fields->accessKey, &fields->secretKey, &fields->securityToken, &fields->projectId})
            values->insert(*name, env.value(*name).trimmed());
        return true;
    });
}

// The SDKs read this with INI parsers: "[section]", "key = value" (or "key: value"), '#' and ';' comments.
bool CredentialImporter::parseSdkIni(const QString& text, const QString& shown, KeyValues* basic,
                                     QString* error)
{
    QString section;
    bool sawBasic = false;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        const int lineNo = i + 1;
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']') || line.size() < 3) {
                *error = tr("%1, line %2: a section header must look like [basic].").arg(shown).arg(lineNo);
                return false;
            }
            section = line.mid(1, line.size() - 2).trimmed().toLower();
            if (section == QLatin1String("basic")) {
                if (sawBasic) {
                    *error = tr("%1, line %2: [basic] appears twice.").arg(shown).arg(lineNo);
                    return false;
                }
                sawBasic = true;
            }
            continue;
        }
        const int eq = line.indexOf(u'=');
        const int colon = line.indexOf(u':');
        const int sep = eq < 0 ? colon : (colon < 0 ? eq : qMin(eq, colon));
        const QString key = sep > 0 ? line.left(sep).trimmed().toLower() : QString();
        if (key.isEmpty() || hasControl(line)) {
            *error =
                tr("%1, line %2: expected \"key = value\" or a [section] header.").arg(shown).arg(lineNo);
            return false;
        }
        if (section.isEmpty()) {
            *error = tr("%1, line %2: \"%3\" is outside any section; it belongs under [basic].")
                         .arg(shown)
                         .arg(lineNo)
                         .arg(key);
            return false;
        }
        if (section != QLatin1String("basic"))
            continue;
        if (basic->contains(key)) {
            *error = tr("%1, line %2: %3 appears twice in [basic].").arg(shown).arg(lineNo).arg(key);
            return false;
        }
        const QString value = line.mid(sep + 1).trimmed();
        if (hasUnmatchedQuote(value)) {
            *error = tr("%1, line %2: the value of %3 has an unmatched quote.")
                         .arg(shown)
                         .arg(lineNo)
                         .arg(ServerText::clean(key, ServerText::MaxMessageChars));
            return false;
        }
        basic->insert(key, unquoted(value));
    }
    if (!sawBasic) {
        *error = tr("%1 has no [basic] section; the SDK credentials file keeps ak and sk there.").arg(shown);
        return false;
    }
    return true;
}

bool CredentialImporter::fromSdkCredentialsFile(const QString& path, const QString& profileName,
                                                ImportedProfile* out, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const auto bytes = readSource(path, error);
    return bytes && parseSdkCredentials(*bytes, QDir::toNativeSeparators(path), profileName, out, error);
}

bool CredentialImporter::parseSdkCredentials(const QByteArray& text, const QString& shownPath,
                                             const QString& profileName, ImportedProfile* out, QString* error)
{
    return importSingle(profileName, out, error,
                        [&](SourceFields* fields, KeyValues* basic, QString* problem) {
                            return parseSdkBytes(text, shownPath, fields, basic, problem);
                        });
}

bool CredentialImporter::parseSdkBytes(QByteArray bytes, const QString& shown, SourceFields* fields,
                                       KeyValues* basic, QString* error)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError() || bytes.contains('\0')) {
        *error = tr("%1 is not a text file; expected an INI file with a [basic] section.").arg(shown);
        return false;
    }
    if (!parseSdkIni(text, shown, basic, error))
        return false;
    fields->prefix = tr("%1: %2").arg(shown, QString());
    fields->accessKey = QStringLiteral("ak");
    fields->secretKey = QStringLiteral("sk");
    fields->securityToken = QStringLiteral("security_token");
    fields->projectId = QStringLiteral("project_id");
    fields->missing = [shown](const QString& absent) {
        return tr("%1: [basic] has no %2.").arg(shown, absent);
    };
    return true;
}

} // namespace das
