// conclave: the desktop app. Everything but argument handling lives in conclave_app.

#include "build_summary.h"
#include "chat_storage.h"
#include "command_line.h"
#include "composition.h"
#include "translations.h"
#include "unix_signal_quit.h"

#include <QDir>
#include <QGuiApplication>
#include <QIcon>

#include <cstdio>
#include <cstring>

namespace {

// --version and --help must work without a display, so they are answered before the
// QGuiApplication (which needs a windowing system) exists.
int answerWithoutDisplay(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("%s\n", qPrintable(conclave::app::buildSummary()));
            return 0;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::printf("usage: conclave [--version] [--help] [Qt options] [FILE.gguf]\n"
                        "Conclave: chat with local language models.\n"
                        "FILE.gguf (a path or a file:// URL) is opened at start.\n"
                        "CONCLAVE_LANGUAGE=en|de|es|fr|ja|zh_CN chooses the language (default: the "
                        "system's).\n");
            return 0;
        }
    }
    return -1;
}

} // namespace

int main(int argc, char** argv) {
    if (const int code = answerWithoutDisplay(argc, argv); code >= 0) return code;

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Conclave"));
    QGuiApplication::setOrganizationName(QStringLiteral("Conclave"));
    QGuiApplication::setApplicationVersion(QStringLiteral(CONCLAVE_APP_VERSION));
    // The desktop file's name lets Wayland compositors match the window to its icon and entry.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.conclave.Conclave"));
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(
            QStringLiteral(":/icons/hicolor/%1x%1/apps/io.github.conclave.Conclave.png").arg(size));
    QGuiApplication::setWindowIcon(icon);

    // What is left once Qt has taken its own options: at most one model file.
    const conclave::app::CommandLine commandLine =
        conclave::app::parseCommandLine(QCoreApplication::arguments(), QDir::currentPath());
    if (!commandLine.error.isEmpty()) {
        std::fprintf(stderr, "conclave: %s\n", qPrintable(commandLine.error));
        return 2;
    }

    // The system's language unless CONCLAVE_LANGUAGE names one ("de", "zh_CN", "en").
    conclave::app::installTranslation(qEnvironmentVariable("CONCLAVE_LANGUAGE"));

    conclave::app::UnixSignalQuit signals_to_quit;
    conclave::app::Composition composition(conclave::app::databasePath(), commandLine.modelFile);
    QObject::connect(&signals_to_quit, &conclave::app::UnixSignalQuit::quitRequested, &app,
                     &QCoreApplication::quit);
    QObject::connect(&composition, &conclave::app::Composition::quitRequested, &app,
                     &QCoreApplication::quit);
    // Any way out of the event loop (window closed, a signal) stops a streaming answer first.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &composition.chat(),
                     &conclave::ui::ChatController::prepareToQuit);
    if (!composition.window().show()) return 1;
    return QGuiApplication::exec();
}
