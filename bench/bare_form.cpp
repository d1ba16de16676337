// The yardstick of bench/startup.sh: the least a Qt Widgets form can cost to start on this machine. A QWidget
// with ten QLineEdits in a QFormLayout, nothing else (no resources, no translations, no settings), linked to
// the same Qt the app uses. With DAS_STARTUP_TIMING=1 under bench/mapwait it prints the two marks it shares
// with das-connect (main() and QApplication), on the same clock.
#include <QApplication>
#include <QFormLayout>
#include <QLineEdit>
#include <QWidget>

#include <cstdio>
#include <ctime>

static void mark(const char* phase)
{
    bool ok = false;
    const long long t0 = qEnvironmentVariable("DAS_STARTUP_T0_NS").toLongLong(&ok);
    if (!ok || qEnvironmentVariableIntValue("DAS_STARTUP_TIMING") != 1)
        return;
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    const long long now = static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
    std::fprintf(stderr, "startup: %-28s %8.1f ms\n", phase, double(now - t0) / 1e6);
}

int main(int argc, char* argv[])
{
    mark("main() (loader, static init)");
    QApplication app(argc, argv);
    mark("QApplication");
    QWidget form;
    auto* layout = new QFormLayout(&form);
    for (int i = 1; i <= 10; ++i)
        layout->addRow(QStringLiteral("Field %1").arg(i), new QLineEdit(&form));
    form.show();
    mark("show()");
    return app.exec();
}
