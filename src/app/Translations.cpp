#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace das {

namespace {

QString g_current = QStringLiteral("en");

} // namespace

QList<Translations::Language> Translations::languages()
{
    return {{QStringLiteral("system"), QCoreApplication::translate("Translations", "System default")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

std::unique_ptr<QTranslator>& Translations::appTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

std::unique_ptr<QTranslator>& Translations::qtTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

QString Translations::current()
{
    return g_current;
}

QString Translations::apply(const QString& code)
{
    QString wanted = code;
    if (wanted.isEmpty() || wanted == QLatin1String("system")) {
        const QLocale locale;
        wanted = locale.language() == QLocale::Chinese && locale.script() != QLocale::TraditionalChineseScript
                     ? QStringLiteral("zh_CN")
                     : QStringLiteral("en");
    }
    for (auto* slot : {&appTranslator(), &qtTranslator()}) {
        if (*slot) {
            QCoreApplication::removeTranslator(slot->get());
            slot->reset();
        }
    }
    g_current = QStringLiteral("en");
    if (wanted == QLatin1String("en"))
        return g_current;

    auto app = std::make_unique<QTranslator>();
    if (!app->load(QStringLiteral(":/i18n/das-connect_") + wanted + QStringLiteral(".qm")))
        return g_current;
    QCoreApplication::installTranslator(app.get());
    appTranslator() = std::move(app);

    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + wanted, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    g_current = wanted;
    return g_current;
}

} // namespace das
