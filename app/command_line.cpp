#include "command_line.h"

#include <QDir>
#include <QUrl>

namespace conclave::app {

CommandLine parseCommandLine(const QStringList& arguments, const QString& workingDirectory) {
    CommandLine result;
    QStringList files;
    bool onlyFiles = false; // after "--" every argument is a file, even one starting with '-'
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (!onlyFiles && argument == QStringLiteral("--")) {
            onlyFiles = true;
        } else if (!onlyFiles && argument.startsWith(u'-') && argument.size() > 1) {
            result.error =
                QStringLiteral("unknown option '%1' (see conclave --help)").arg(argument);
            return result;
        } else {
            files << argument;
        }
    }
    if (files.size() > 1) {
        result.error = QStringLiteral("one model file at a time, not %1").arg(files.size());
        return result;
    }
    if (files.isEmpty()) return result;

    const QString& file = files.front();
    if (file.startsWith(QStringLiteral("file:"), Qt::CaseInsensitive)) {
        const QUrl url(file);
        // file://host/… names another machine's file (a network share); only this one's.
        const bool thisMachine = url.host().isEmpty() || url.host() == QStringLiteral("localhost");
        if (!url.isLocalFile() || !thisMachine) {
            result.error = QStringLiteral("'%1' is not a local file").arg(file);
            return result;
        }
        result.modelFile = QDir::cleanPath(url.toLocalFile());
    } else {
        result.modelFile = QDir::cleanPath(QDir(workingDirectory).absoluteFilePath(file));
    }
    return result;
}

} // namespace conclave::app
