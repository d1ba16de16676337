#include "HelpDialog.h"

#include "ui_HelpDialog.h"

#include <QDesktopServices>
#include <QEvent>
#include <QFile>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextBrowser>

namespace das {

HelpDialog::HelpDialog(QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::HelpDialog>())
{
    m_ui->setupUi(this);
    m_ui->shortcutsTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ui->shortcutsTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_ui->shortcutsTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_ui->shortcutsTable->verticalHeader()->setVisible(false);
    // Links between README sections scroll; web links open in the browser; links to files beside the README
    // (screenshots, ARCHITECTURE.md) are not in the app and do nothing.
    m_ui->guideBrowser->setOpenLinks(false);
    connect(m_ui->guideBrowser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
            QDesktopServices::openUrl(url);
        else if (url.isRelative() && url.path().isEmpty() && url.hasFragment())
            m_ui->guideBrowser->scrollToAnchor(url.fragment());
    });
    m_ui->guideBrowser->setMarkdown(userGuide(compiledReadme()));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(820, 600);
}

HelpDialog::~HelpDialog() = default;

void HelpDialog::setShortcuts(const QList<Shortcut>& shortcuts)
{
    m_shortcuts = shortcuts;
    fillShortcuts();
}

void HelpDialog::fillShortcuts()
{
    QTableWidget* table = m_ui->shortcutsTable;
    table->setRowCount(int(m_shortcuts.size()));
    for (int row = 0; row < m_shortcuts.size(); ++row) {
        const Shortcut& s = m_shortcuts.at(row);
        int column = 0;
        for (const QString& text : {s.keys, s.description, s.where}) {
            auto* item = new QTableWidgetItem(text);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            table->setItem(row, column++, item);
        }
    }
    table->resizeRowsToContents();
}

void HelpDialog::showPage(Page page)
{
    m_ui->helpTabs->setCurrentWidget(page == Page::Shortcuts ? m_ui->shortcutsTab : m_ui->guideTab);
}

HelpDialog::Page HelpDialog::currentPage() const
{
    return m_ui->helpTabs->currentWidget() == m_ui->guideTab ? Page::UserGuide : Page::Shortcuts;
}

QTableWidget* HelpDialog::shortcutsTable() const
{
    return m_ui->shortcutsTable;
}

QTextBrowser* HelpDialog::guideBrowser() const
{
    return m_ui->guideBrowser;
}

QString HelpDialog::compiledReadme()
{
    QFile file(QStringLiteral(":/help/README.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString HelpDialog::userGuide(const QString& readme)
{
    // Sections for whoever builds or changes the app, not for whoever uses it.
    static const QStringList developerSections = {QStringLiteral("Layout"), QStringLiteral("Benchmarks"),
                                                  QStringLiteral("Testing against a real Secret Service")};
    static const QRegularExpression heading(QStringLiteral("^(#{1,6})\\s+(.*?)\\s*$"));
    static const QRegularExpression image(QStringLiteral("^\\s*!\\[[^\\]]*\\]\\([^)]*\\)\\s*$"));
    QStringList out;
    int skipBelow = 0; // while > 0: inside a skipped section of this heading level
    bool inFence = false;
    const QStringList lines = readme.split(u'\n');
    for (const QString& line : lines) {
        if (line.trimmed().startsWith(QLatin1String("```")))
            inFence = !inFence;
        const QRegularExpressionMatch match = inFence ? QRegularExpressionMatch() : heading.match(line);
        if (match.hasMatch()) {
            const int level = int(match.capturedLength(1));
            if (skipBelow > 0 && level <= skipBelow)
                skipBelow = 0;
            if (skipBelow == 0 && developerSections.contains(match.captured(2)))
                skipBelow = level;
        }
        if (skipBelow > 0 || (!inFence && image.match(line).hasMatch()))
            continue;
        out.append(line);
    }
    return out.join(u'\n');
}

void HelpDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QDialog::changeEvent(event);
}

} // namespace das
