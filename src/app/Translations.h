#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTranslator>

#include <memory>

class QMenu;

namespace das {

// Loads the app's compiled-in translation and Qt's own for a language; switching live sends LanguageChange.
class Translations
{
    Q_DECLARE_TR_FUNCTIONS(das::Translations)

public:
    struct Language
    {
        QString code;  // "system", "en", "zh_CN"
        QString label; // in its own language
    };

    static QList<Language> languages();
    // Resolves "system" to the locale's language; returns the code actually applied ("en" when none fits).
    static QString apply(const QString& code);
    static QString current();

    // Adds View → Language: one checkable action per language; choosing one applies it live and remembers it.
    static QMenu* addLanguageMenu(QMenu* parent);
    static void retranslateLanguageMenu(QMenu* menu);

private:
    static std::unique_ptr<QTranslator>& appTranslator();
    static std::unique_ptr<QTranslator>& qtTranslator();
};

} // namespace das
