#include "OverflowIconStyle.h"

#include "StartupHooks.h"

#include <QApplication>
#include <QPointer>
#include <QProxyStyle>
#include <QToolBar>
#include <QToolButton>

namespace das {

namespace {

// Everything from the application's own style, except the overflow icons while `deferring`.
class OverflowIconStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    bool deferring = true;

    QIcon standardIcon(StandardPixmap icon, const QStyleOption* option, const QWidget* widget) const override
    {
        if (deferring &&
            (icon == SP_ToolBarHorizontalExtensionButton || icon == SP_ToolBarVerticalExtensionButton))
            return placeholderIcon();
        return QProxyStyle::standardIcon(icon, option, widget);
    }
};

// The wrapper deferOverflowIcons() made. Kept here rather than found from QApplication::style(): an
// application style sheet puts a style of its own in front of it.
QPointer<OverflowIconStyle> wrapper;

} // namespace

void deferOverflowIcons()
{
    if (wrapper)
        return;
    // The base is a fresh instance of the style the application would use: the same look and palette.
    wrapper = new OverflowIconStyle(QApplication::style()->name());
    QApplication::setStyle(wrapper);
}

void loadOverflowIcons(QWidget& window)
{
    OverflowIconStyle* const style = wrapper;
    if (!style || !style->deferring)
        return;
    style->deferring = false;
    // The buttons Qt makes (QMenuBarExtension, QToolBarExtension), with the icons their constructors ask for.
    const QList<QToolButton*> buttons = window.findChildren<QToolButton*>();
    for (QToolButton* button : buttons) {
        const QString name = button->objectName();
        const auto* toolBar = qobject_cast<const QToolBar*>(button->parentWidget());
        if (name == QLatin1String("qt_menubar_ext_button") ||
            (name == QLatin1String("qt_toolbar_ext_button") && toolBar)) {
            const bool vertical = toolBar && toolBar->orientation() == Qt::Vertical;
            button->setIcon(button->style()->standardIcon(vertical
                                                              ? QStyle::SP_ToolBarVerticalExtensionButton
                                                              : QStyle::SP_ToolBarHorizontalExtensionButton,
                                                          nullptr, button->parentWidget()));
        }
    }
}

const QStyle* drawingStyle(const QStyle* style)
{
    return style && style == wrapper ? wrapper->baseStyle() : style;
}

} // namespace das
