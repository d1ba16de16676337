#include "ConnectionForm.h"
#include "GuiTestBase.h"
#include "RequestValidator.h"
#include "Translations.h"

#include <QBuffer>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace das;
using namespace das::test;

namespace {

// One <message> of a Qt Linguist .ts file, as the checks below need it.
struct TsMessage
{
    QString context;
    QString source;
    QString translationType;  // the type attribute of <translation>: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // the translation text, or one entry per <numerusform>
    bool numerus = false;
    qint64 line = 0;

    QString where() const { return QStringLiteral("line %1, %2: \"%3\"").arg(line).arg(context, source); }
};

QString tsPath()
{
    return QStringLiteral(DAS_TEST_DATA_DIR "/../../translations/das-connect_zh_CN.ts");
}

QList<TsMessage> parseTs(QIODevice* device, QString* error)
{
    QList<TsMessage> messages;
    QXmlStreamReader xml(device);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("context")) {
            context.clear();
        } else if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            TsMessage m;
            m.context = context;
            m.line = xml.lineNumber();
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.translationType = xml.attributes().value(QLatin1String("type")).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == QLatin1String("numerusform"))
                                m.translations.append(xml.readElementText());
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        m.translations.append(xml.readElementText());
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.append(m);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("XML error at line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QList<TsMessage> parseTsFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return {};
    }
    return parseTs(&file, error);
}

// Messages that lrelease would drop or ship in English.
QStringList completenessProblems(const QList<TsMessage>& messages)
{
    QStringList problems;
    for (const TsMessage& m : messages) {
        if (!m.translationType.isEmpty())
            problems << QStringLiteral("%1 is marked type=\"%2\"").arg(m.where(), m.translationType);
        else if (m.translations.isEmpty())
            problems << QStringLiteral("%1 has no translation").arg(m.where());
        else if (std::any_of(m.translations.cbegin(), m.translations.cend(),
                             [](const QString& t) { return t.trimmed().isEmpty(); }))
            problems << QStringLiteral("%1 has an empty translation").arg(m.where());
    }
    return problems;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%[1-9]"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

QString sorted(const QSet<QString>& set)
{
    QStringList list = set.values();
    list.sort();
    return QLatin1Char('{') + list.join(QStringLiteral(", ")) + QLatin1Char('}');
}

// Mnemonic markers: '&' followed by a letter or digit ("&&" is a literal ampersand). Returns the marked
// characters.
QList<QChar> mnemonics(const QString& text)
{
    QList<QChar> marked;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (text.at(i + 1).isLetterOrNumber())
            marked.append(text.at(i + 1));
    }
    return marked;
}

// Placeholders and mnemonics that a translation must keep from its source.
QStringList consistencyProblems(const QList<TsMessage>& messages)
{
    static const QRegularExpression shortcut(QStringLiteral(
        "^((Ctrl|Shift|Alt|Meta)\\+)+([A-Z0-9]|F[0-9]{1,2}|Return|Enter|Esc|Delete|Tab|Space)$"));
    QStringList problems;
    for (const TsMessage& m : messages) {
        const QSet<QString> wanted = placeholders(m.source);
        const bool wantsN = m.source.contains(QLatin1String("%n")) || m.source.contains(QLatin1String("%Ln"));
        const qsizetype sourceMnemonics = mnemonics(m.source).size();
        for (const QString& t : m.translations) {
            if (t.isEmpty())
                continue; // reported by the completeness check
            const QSet<QString> got = placeholders(t);
            if (got != wanted)
                problems << QStringLiteral("%1: placeholders %2 in the source but %3 in \"%4\"")
                                .arg(m.where(), sorted(wanted), sorted(got), t);
            if (wantsN && !t.contains(QLatin1String("%n")) && !t.contains(QLatin1String("%Ln")))
                problems << QStringLiteral("%1: %n is missing from \"%2\"").arg(m.where(), t);
            const QList<QChar> marked = mnemonics(t);
            if (sourceMnemonics > 0 && marked.size() != 1)
                problems << QStringLiteral("%1: needs exactly one & mnemonic, \"%2\" has %3")
                                .arg(m.where(), t)
                                .arg(marked.size());
            else if (sourceMnemonics == 0 && !marked.isEmpty())
                problems << QStringLiteral("%1: \"%2\" adds a & mnemonic the source does not have")
                                .arg(m.where(), t);
            else if (marked.size() == 1 && marked.constFirst().unicode() > 0x7f)
                problems << QStringLiteral(
                                "%1: the mnemonic in \"%2\" must be a Latin letter or digit, as in "
                                "\"项目ID(&P)\"")
                                .arg(m.where(), t);
            if (shortcut.match(m.source).hasMatch() && t != m.source)
                problems << QStringLiteral("%1: key sequences must stay untranslated, not \"%2\"")
                                .arg(m.where(), t);
        }
    }
    return problems;
}

} // namespace

// On the GUI fixture for its throw-away HOME: Translations::apply() remembers the language in the settings.
class TestTranslations : public GuiTestBase
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        Translations::apply(QStringLiteral("en"));
        GuiTestBase::cleanup();
    }

    void zhCnLoadsAndSwitchesLive()
    {
        ConnectionForm form;
        auto* label = form.findChild<QLabel*>(QStringLiteral("projectIdLabel"));
        const QString english = label->text();
        QCOMPARE(english, QStringLiteral("&Project ID *"));

        QCOMPARE(Translations::apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        // installTranslator() posts LanguageChange to the windows; let it arrive.
        QTRY_VERIFY2(label->text() != english, qPrintable(label->text()));
        QVERIFY(label->text().contains(QStringLiteral("项目")));
        // Core messages are translated too.
        const Violations v = RequestValidator::validateProjectId(QString());
        QVERIFY2(!v.constFirst().message.contains(QStringLiteral("required")),
                 qPrintable(v.constFirst().message));

        QCOMPARE(Translations::apply(QStringLiteral("en")), QStringLiteral("en"));
        QTRY_COMPARE(label->text(), english);
    }

    void tsFileIsComplete()
    {
        QString error;
        const QList<TsMessage> messages = parseTsFile(tsPath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 100,
                 qPrintable(QStringLiteral("only %1 messages in %2").arg(messages.size()).arg(tsPath())));
        const QStringList problems = completenessProblems(messages);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 unfinished message(s):\n").arg(problems.size()) +
                            problems.join(u'\n')));
    }

    void translationsKeepPlaceholdersAndMnemonics()
    {
        QString error;
        const QList<TsMessage> messages = parseTsFile(tsPath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        const QStringList problems = consistencyProblems(messages);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size()) + problems.join(u'\n')));
    }

    // The checks above must be able to fail: feed them a .ts with one mistake of each kind.
    void checksCatchBrokenTranslations()
    {
        QByteArray ts = R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Sample</name>
    <message><source>Good %1 of %2</source><translation>%2 中的 %1</translation></message>
    <message><source>&amp;Project ID *</source><translation>项目ID(&amp;P) *</translation></message>
    <message><source>Ctrl+P</source><translation>Ctrl+P</translation></message>
    <message><source>Unfinished</source><translation type="unfinished">未完成</translation></message>
    <message><source>Vanished</source><translation type="vanished">已消失</translation></message>
    <message><source>Obsolete</source><translation type="obsolete">已废弃</translation></message>
    <message><source>Empty</source><translation></translation></message>
    <message numerus="yes"><source>%n rows</source><translation><numerusform></numerusform></translation></message>
    <message><source>Lost %1 and %2</source><translation>只有 %1</translation></message>
    <message><source>Extra %1</source><translation>%1 和 %2</translation></message>
    <message numerus="yes"><source>%n items</source><translation><numerusform>若干项</numerusform></translation></message>
    <message><source>&amp;File</source><translation>文件</translation></message>
    <message><source>Save &amp;as</source><translation>另存为(&amp;A)(&amp;S)</translation></message>
    <message><source>&amp;View</source><translation>&amp;视图</translation></message>
    <message><source>No mnemonic</source><translation>添加(&amp;A)</translation></message>
    <message><source>Ctrl+Return</source><translation>Ctrl+回车</translation></message>
</context>
</TS>
)";
        QBuffer buffer(&ts);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QString error;
        const QList<TsMessage> messages = parseTs(&buffer, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(messages.size(), 16);
        QCOMPARE(messages.at(1).source, QStringLiteral("&Project ID *"));
        QCOMPARE(messages.at(1).translations, QStringList{QStringLiteral("项目ID(&P) *")});

        const QStringList incomplete = completenessProblems(messages);
        QCOMPARE(incomplete.size(), 5);
        for (const char* expected :
             {"\"Unfinished\"", "\"Vanished\"", "\"Obsolete\"", "\"Empty\"", "\"%n rows\""})
            QVERIFY2(incomplete.join(u'\n').contains(QLatin1String(expected)), expected);

        const QStringList inconsistent = consistencyProblems(messages);
        const QString all = inconsistent.join(u'\n');
        QCOMPARE(inconsistent.size(), 8);
        for (const char* expected : {"\"Lost %1 and %2\"", "\"Extra %1\"", "\"%n items\"", "\"&File\"",
                                     "\"Save &as\"", "\"&View\"", "\"No mnemonic\"", "\"Ctrl+Return\""})
            QVERIFY2(all.contains(QLatin1String(expected)), expected);
        QVERIFY2(!all.contains(QLatin1String("Good %1")), qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("Project ID")), qPrintable(all));
    }

    void unknownLanguageFallsBackToEnglish()
    {
        QCOMPARE(Translations::apply(QStringLiteral("xx_YY")), QStringLiteral("en"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
