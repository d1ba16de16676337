// WrappedLabel keeps the heights it has laid out: it must answer exactly as QLabel does for every width, and
// again after anything that changes the answer (text, font, margins, indent, selectability, wrapping,
// format).
#include "WrappedLabel.h"

#include <QApplication>
#include <QTest>

#include <algorithm>

using namespace das;

namespace {

const QStringList Texts = {
    QStringLiteral("Select an instance first, then find its nodes on DAS."),
    QStringLiteral("请先选择实例，然后在 DAS 中查找其节点以进行选择。"),
    QStringLiteral("Sandbox demo key DASSANDBOXDEMOAK0001, from the built-in sandbox's own settings"),
    QStringLiteral("short"),
};

// The widths a form's layout passes try, from far too narrow to one line.
QList<int> widths()
{
    QList<int> out;
    for (int w = 20; w <= 900; w += 37)
        out.append(w);
    return out;
}

// `label` and a plain QLabel set up the same way agree on every width. Each width is asked twice in a row
// (the second answer is the one kept), and the widths the call before asked last, still kept, are asked
// first: what changed since must not be answered from them.
void expectQLabelHeights(const WrappedLabel& label, const char* what)
{
    QLabel plain;
    plain.setText(label.text());
    plain.setFont(label.font());
    plain.setWordWrap(label.wordWrap());
    plain.setContentsMargins(label.contentsMargins());
    plain.setMargin(label.margin());
    plain.setIndent(label.indent());
    plain.setTextFormat(label.textFormat());
    plain.setTextInteractionFlags(label.textInteractionFlags());
    plain.setAlignment(label.alignment());
    // Narrowest last, so that the kept ones are those where a change shows most.
    QList<int> descending = widths();
    std::reverse(descending.begin(), descending.end());
    const QList<int> order = widths().mid(0, 4) + descending;
    for (int width : order) {
        for (int ask = 0; ask < 2; ++ask) {
            QVERIFY2(label.heightForWidth(width) == plain.heightForWidth(width),
                     qPrintable(QStringLiteral("%1, width %2: %3 against %4")
                                    .arg(QLatin1String(what))
                                    .arg(width)
                                    .arg(label.heightForWidth(width))
                                    .arg(plain.heightForWidth(width))));
        }
    }
}

} // namespace

class TestWrappedLabel : public QObject
{
    Q_OBJECT

private slots:
    void answersAsQLabelForEveryText()
    {
        WrappedLabel label;
        label.setWordWrap(true);
        for (const QString& text : Texts) {
            label.setText(text); // each after the heights of the one before were kept
            expectQLabelHeights(label, "text");
            if (QTest::currentTestFailed())
                return;
        }
    }

    void answersAgainAfterWhatChangesTheLayout()
    {
        WrappedLabel label(Texts.constFirst());
        label.setWordWrap(true);
        expectQLabelHeights(label, "first");
        QFont bigger = label.font();
        bigger.setPointSizeF(bigger.pointSizeF() * 1.7);
        label.setFont(bigger);
        expectQLabelHeights(label, "font");
        label.setContentsMargins(9, 7, 13, 5);
        expectQLabelHeights(label, "contents margins");
        label.setMargin(6);
        expectQLabelHeights(label, "margin");
        label.setIndent(25);
        expectQLabelHeights(label, "indent");
        label.setTextInteractionFlags(Qt::TextSelectableByMouse);
        expectQLabelHeights(label, "selectable");
        label.setText(QStringLiteral("<b>Bold</b> and a long tail of plain words after it, wrapping"));
        label.setTextFormat(Qt::PlainText);
        expectQLabelHeights(label, "plain text");
        label.setTextFormat(Qt::RichText);
        expectQLabelHeights(label, "rich text");
        label.setWordWrap(false);
        expectQLabelHeights(label, "not wrapped");
    }
};

QTEST_MAIN(TestWrappedLabel)
#include "tst_wrappedlabel.moc"
