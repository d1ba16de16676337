#include "CredentialImporter.h"

#include "EndpointResolver.h"
#include "ProfileStore.h"
#include "RequestValidator.h"
#include "SecretStore.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

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

} // namespace

QString CredentialImporter::defaultSdkCredentialsPath(const QProcessEnvironment& env)
{
    return homeOf(env) + QStringLiteral("/.huaweicloud/credentials");
}

QString CredentialImporter::defaultKooCliConfigPath(const QProcessEnvironment& env)
{
    return homeOf(env) + QStringLiteral("/.hcloud/config.json");
}

bool CredentialImporter::readSmallFile(const QString& path, QByteArray* bytes, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    if (file.size() > MaxFileBytes) {
        *error = tr("%1 is larger than %2 bytes; it is not a credentials file.")
                     .arg(QDir::toNativeSeparators(path))
                     .arg(MaxFileBytes);
        return false;
    }
    *bytes = file.read(MaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        *error = tr("Cannot read %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

// Secrets go into the keychain verbatim, so refuse what could only be a damaged file.
bool CredentialImporter::checkSecretText(const QString& value, const QString& where, QString* error)
{
    if (hasControl(value)) {
        *error = tr("%1 contains control characters; the file looks damaged.").arg(where);
        return false;
    }
    if (value.toUtf8().size() > SecretStore::MaxSecretBytes) {
        *error = tr("%1 is longer than %2 bytes.").arg(where).arg(SecretStore::MaxSecretBytes);
        return false;
    }
    return true;
}

bool CredentialImporter::fromEnvironment(const QProcessEnvironment& env, const QString& profileName,
                                         ImportedProfile* out, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QString problem;
    if (!ProfileStore::isValidName(profileName, &problem)) {
        *error = problem;
        return false;
    }
    const QString akVar = QStringLiteral("HUAWEICLOUD_SDK_AK");
    const QString skVar = QStringLiteral("HUAWEICLOUD_SDK_SK");
    const QString tokenVar = QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN");
    const QString projectVar = QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID");

    ImportedProfile imported;
    imported.profile.name = profileName;
    imported.profile.accessKey = env.value(akVar).trimmed();
    imported.secrets.secretKey = env.value(skVar).trimmed();
    imported.secrets.securityToken = env.value(tokenVar).trimmed();
    imported.profile.projectId = env.value(projectVar).trimmed();
    imported.profile.auth = imported.secrets.securityToken.isEmpty() ? Profile::AuthMethod::AkSk
                                                                     : Profile::AuthMethod::TemporaryAkSk;

    QStringList unset;
    if (imported.profile.accessKey.isEmpty())
        unset.append(akVar);
    if (imported.secrets.secretKey.isEmpty())
        unset.append(skVar);
    if (!unset.isEmpty()) {
        *error = tr("Nothing to import: %1 not set.").arg(unset.join(tr(" and ")));
        return false;
    }
    if (!checkSecretText(imported.profile.accessKey, akVar, error) ||
        !checkSecretText(imported.secrets.secretKey, skVar, error) ||
        !checkSecretText(imported.secrets.securityToken, tokenVar, error))
        return false;
    if (!imported.profile.projectId.isEmpty()) {
        const Violations v = RequestValidator::validateProjectId(imported.profile.projectId);
        if (!v.isEmpty()) {
            *error = tr("%1: %2").arg(projectVar, v.constFirst().message);
            return false;
        }
    }
    if (out)
        *out = imported;
    return true;
}

bool CredentialImporter::fromSdkCredentialsFile(const QString& path, const QString& profileName,
                                                ImportedProfile* out, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString shown = QDir::toNativeSeparators(path);
    QString problem;
    if (!ProfileStore::isValidName(profileName, &problem)) {
        *error = problem;
        return false;
    }
    QByteArray bytes;
    if (!readSmallFile(path, &bytes, error))
        return false;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError() || bytes.contains('\0')) {
        *error = tr("%1 is not a text file; expected an INI file with a [basic] section.").arg(shown);
        return false;
    }

    // The SDKs read this with INI parsers: "[section]", "key = value" (or "key: value"), '#' and ';'
    // comments.
    QString section;
    bool sawBasic = false;
    QHash<QString, QString> basic;
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
        if (basic.contains(key)) {
            *error = tr("%1, line %2: %3 appears twice in [basic].").arg(shown).arg(lineNo).arg(key);
            return false;
        }
        basic.insert(key, unquoted(line.mid(sep + 1).trimmed()));
    }

    if (!sawBasic) {
        *error = tr("%1 has no [basic] section; the SDK credentials file keeps ak and sk there.").arg(shown);
        return false;
    }
    QStringList missing;
    for (const char* key : {"ak", "sk"}) {
        if (basic.value(QLatin1String(key)).isEmpty())
            missing.append(QLatin1String(key));
    }
    if (!missing.isEmpty()) {
        *error = tr("%1: [basic] has no %2.").arg(shown, missing.join(tr(" and ")));
        return false;
    }

    ImportedProfile imported;
    imported.profile.name = profileName;
    imported.profile.accessKey = basic.value(QStringLiteral("ak"));
    imported.secrets.secretKey = basic.value(QStringLiteral("sk"));
    imported.secrets.securityToken = basic.value(QStringLiteral("security_token"));
    imported.profile.projectId = basic.value(QStringLiteral("project_id"));
    imported.profile.auth = imported.secrets.securityToken.isEmpty() ? Profile::AuthMethod::AkSk
                                                                     : Profile::AuthMethod::TemporaryAkSk;
    if (!checkSecretText(imported.profile.accessKey, tr("%1: ak").arg(shown), error) ||
        !checkSecretText(imported.secrets.secretKey, tr("%1: sk").arg(shown), error) ||
        !checkSecretText(imported.secrets.securityToken, tr("%1: security_token").arg(shown), error))
        return false;
    if (!imported.profile.projectId.isEmpty()) {
        const Violations v = RequestValidator::validateProjectId(imported.profile.projectId);
        if (!v.isEmpty()) {
            *error = tr("%1: project_id: %2").arg(shown, v.constFirst().message);
            return false;
        }
    }
    if (out)
        *out = imported;
    return true;
}

bool CredentialImporter::fromKooCliConfig(const QString& path, QList<ImportedProfile>* out, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString shown = QDir::toNativeSeparators(path);
    QByteArray bytes;
    if (!readSmallFile(path, &bytes, error))
        return false;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
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
        if (!array.at(i).isObject()) {
            *error = tr("%1: profile %2 is not a JSON object.").arg(shown).arg(i + 1);
            return false;
        }
        const QJsonObject o = array.at(i).toObject();
        const QJsonValue nameValue = o.value(QLatin1String("name"));
        const QString name = nameValue.toString().trimmed();
        if (!nameValue.isString() || name.isEmpty()) {
            *error = tr("%1: profile %2 has no name.").arg(shown).arg(i + 1);
            return false;
        }
        QString problem;
        if (!ProfileStore::isValidName(name, &problem)) {
            *error = tr("%1: profile \"%2\": %3").arg(shown, name, problem);
            return false;
        }
        if (seen.contains(name)) {
            *error = tr("%1: profile \"%2\" appears twice.").arg(shown, name);
            return false;
        }
        seen.insert(name);

        // Every field is optional text except where noted; a number or object where text belongs is damage.
        QHash<QString, QString> text;
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

        ImportedProfile imported;
        imported.profile.name = name;
        imported.profile.accessKey = text.value(QStringLiteral("accessKeyId"));
        imported.secrets.secretKey = text.value(QStringLiteral("secretAccessKey"));
        imported.secrets.securityToken = text.value(QStringLiteral("securityToken"));
        imported.profile.region = text.value(QStringLiteral("region"));
        imported.profile.projectId = text.value(QStringLiteral("projectId"));

        const QString mode = text.value(QStringLiteral("mode")).toUpper();
        if (mode.isEmpty() || mode == QLatin1String("AKSK")) {
            imported.profile.auth = imported.secrets.securityToken.isEmpty()
                                        ? Profile::AuthMethod::AkSk
                                        : Profile::AuthMethod::TemporaryAkSk;
        } else if (mode == QLatin1String("AKSKST")) {
            imported.profile.auth = Profile::AuthMethod::TemporaryAkSk;
            if (imported.secrets.securityToken.isEmpty()) {
                *error = tr("%1: profile \"%2\" uses mode AKSKST but has no securityToken.").arg(shown, name);
                return false;
            }
        } else {
            *error = tr("%1: profile \"%2\" uses mode \"%3\", which cannot be imported (only AKSK and AKSKST "
                        "profiles carry keys).")
                         .arg(shown, name, text.value(QStringLiteral("mode")));
            return false;
        }

        QStringList missing;
        if (imported.profile.accessKey.isEmpty())
            missing.append(QStringLiteral("accessKeyId"));
        if (imported.secrets.secretKey.isEmpty())
            missing.append(QStringLiteral("secretAccessKey"));
        if (!missing.isEmpty()) {
            *error = tr("%1: profile \"%2\" has no %3.").arg(shown, name, missing.join(tr(" and ")));
            return false;
        }
        const QString where = tr("%1: profile \"%2\": %3");
        if (!checkSecretText(imported.profile.accessKey,
                             where.arg(shown, name, QStringLiteral("accessKeyId")), error) ||
            !checkSecretText(imported.secrets.secretKey,
                             where.arg(shown, name, QStringLiteral("secretAccessKey")), error) ||
            !checkSecretText(imported.secrets.securityToken,
                             where.arg(shown, name, QStringLiteral("securityToken")), error))
            return false;
        if (!imported.profile.projectId.isEmpty()) {
            const Violations v = RequestValidator::validateProjectId(imported.profile.projectId);
            if (!v.isEmpty()) {
                *error = where.arg(shown, name, QStringLiteral("projectId")) + QStringLiteral(": ") +
                         v.constFirst().message;
                return false;
            }
        }
        if (!imported.profile.region.isEmpty() && !EndpointResolver::isKnownRegion(imported.profile.region)) {
            const EndpointResolver::Result r = EndpointResolver::resolveRegion(imported.profile.region);
            if (!r.ok()) {
                *error = where.arg(shown, name, QStringLiteral("region")) + QStringLiteral(": ") + r.error;
                return false;
            }
        }
        result.append(imported);
    }
    if (out)
        *out = result;
    return true;
}

} // namespace das
