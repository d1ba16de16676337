#include "AppPaths.h"

#include <QApplication>
#include <QLabel>

// Placeholder window until the form lands (issue 3).
int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    das::AppPaths::setupApplication();
    QLabel label(QCoreApplication::translate("main", "DAS Connect"));
    label.resize(480, 240);
    label.show();
    return app.exec();
}
