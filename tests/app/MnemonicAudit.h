#pragma once

// Walks a top-level window or dialog and lists what makes its Alt+letter keys ambiguous or dead: two
// mnemonics on the same letter in one scope (the window's menu bar titles, labels, buttons, group boxes and
// tabs share one scope; each menu is a scope of its own), a label mnemonic without a buddy, and a buddy that
// cannot take focus. Only what the user can reach counts: widgets hidden by the state the window is in (a
// stacked page not shown, a collapsed section) have no live shortcut.

#include <QString>
#include <QStringList>

class QWidget;

namespace das::test {

// The mnemonic letter of `text` in upper case ("&File" -> 'F', "文件(&F)" -> 'F', "A && B" -> none), or a
// null QChar.
QChar mnemonicOf(const QString& text);

// One line per problem found in `window`, e.g. "Alt+P: label 'Project ID' and button 'Paste'"; empty when
// every mnemonic is unique and leads somewhere.
QStringList mnemonicProblems(const QWidget* window);

} // namespace das::test
