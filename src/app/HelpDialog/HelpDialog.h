#pragma once

#include <QDialog>
#include <QList>
#include <QString>

#include <memory>

class QTableWidget;
class QTextBrowser;

namespace Ui {
class HelpDialog;
}

namespace das {

// Help → Keyboard Shortcuts and Help → User Guide, two tabs of one dialog. The shortcuts are handed in (the
// window collects them from its own actions, so the list cannot drift); the guide is the user part of the
// README compiled into the app (:/help/README.md), shown offline.
class HelpDialog : public QDialog
{
    Q_OBJECT

public:
    struct Shortcut
    {
        QString keys;        // native text, e.g. "Ctrl+P"
        QString description; // what it does, as the menu or button says it
        QString where;       // menu path or pane, e.g. "File"
    };

    enum class Page
    {
        Shortcuts,
        UserGuide,
    };

    explicit HelpDialog(QWidget* parent = nullptr);
    ~HelpDialog() override;

    void setShortcuts(const QList<Shortcut>& shortcuts);
    void showPage(Page page);
    Page currentPage() const;

    QTableWidget* shortcutsTable() const;
    QTextBrowser* guideBrowser() const;

    // The README's user sections: from the top through the user parts, without the developer sections
    // (Layout, Benchmarks, Testing against a real Secret Service) and without images (files next to the
    // README, not in the app).
    static QString userGuide(const QString& readme);
    // The README compiled into the app; empty if the resource is missing.
    static QString compiledReadme();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillShortcuts();

    std::unique_ptr<Ui::HelpDialog> m_ui;
    QList<Shortcut> m_shortcuts;
};

} // namespace das
