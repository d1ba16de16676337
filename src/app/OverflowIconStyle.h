#pragma once

class QStyle;
class QWidget;

namespace das {

// The menu bar and each toolbar have an overflow button ("»", shown only when their items do not fit) whose
// icon their constructors take from the style: a PNG, the first image the window would read, and reading it
// loads every image format plugin and QtSvg (about 2 ms, all before the window can be mapped, for a button
// that is hidden at any usual width). deferOverflowIcons(), called by main() before the first widget, wraps
// the application style so that these buttons start with placeholderIcon() (same size, nothing drawn);
// loadOverflowIcons() gives the buttons of `window` their real icon once it has been painted, when the
// image plugins are loaded anyway. Without deferOverflowIcons() (the tests) loadOverflowIcons() does nothing.
void deferOverflowIcons();
void loadOverflowIcons(QWidget& window);

// The style that draws for `style`: the application's own style when `style` is the wrapper
// deferOverflowIcons() made (it only changes two icons), else `style` itself.
const QStyle* drawingStyle(const QStyle* style);

} // namespace das
