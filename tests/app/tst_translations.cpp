#include "ConnectionForm.h"
#include "RequestValidator.h"
#include "Translations.h"

#include <QLabel>
#include <QTest>

using namespace das;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Translations::apply(QStringLiteral("en")); }

    void zhCnLoadsAndSwitchesLive()
    {
        ConnectionForm form;
        auto* label = form.findChild<QLabel*>(QStringLiteral("projectIdLabel"));
        const QString english = label->text();
        QCOMPARE(english, QStringLiteral("&Project ID *"));

        QCOMPARE(Translations::apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QVERIFY2(label->text() != english, qPrintable(label->text()));
        QVERIFY(label->text().contains(QStringLiteral("项目")));
        // Core messages are translated too.
        const Violations v = RequestValidator::validateProjectId(QString());
        QVERIFY2(!v.constFirst().message.contains(QStringLiteral("required")),
                 qPrintable(v.constFirst().message));

        QCOMPARE(Translations::apply(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(label->text(), english);
    }

    void unknownLanguageFallsBackToEnglish()
    {
        QCOMPARE(Translations::apply(QStringLiteral("xx_YY")), QStringLiteral("en"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
