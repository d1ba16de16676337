#include "Translations.h"

#include "AppSettings.h"

#include <QActionGroup>

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>

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

QMenu* Translations::addLanguageMenu(QMenu* parent)
{
    QMenu* menu = parent->addMenu(QString());
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(menu);
    const QString chosen = AppSettings().language();
    for (const Language& lang : languages()) {
        QAction* action = menu->addAction(lang.label);
        action->setObjectName(QStringLiteral("language_") + lang.code);
        action->setCheckable(true);
        action->setChecked(lang.code == chosen);
        group->addAction(action);
        const QString code = lang.code;
        QObject::connect(action, &QAction::triggered, menu, [code] {
            AppSettings().setLanguage(code);
            apply(code);
        });
    }
    retranslateLanguageMenu(menu);
    return menu;
}

// Only the menu title and "System" are translated; every other language is named in its own.
void Translations::retranslateLanguageMenu(QMenu* menu)
{
    if (!menu)
        return;
    menu->setTitle(tr("&Language"));
    if (QAction* system = menu->findChild<QAction*>(QStringLiteral("language_system")))
        system->setText(languages().constFirst().label);
}

} // namespace das
