#pragma once
// The desktop app's command line after Qt has taken its own options (-platform, -style …):
// `conclave [FILE.gguf]`. The file may be a path (relative ones are taken from the working
// directory) or a file:// URL, as a file manager passes it through the .desktop file's %f.
// Pure function; thread-safe; an unusable command line gives an error message, never a throw.

#include <QString>
#include <QStringList>

namespace conclave::app {

struct CommandLine {
    QString modelFile; // absolute path of the model to open at start; empty when none was given
    QString error;     // what is wrong with the command line; empty when it is usable
};

// `arguments` as QCoreApplication::arguments() gives them: the program first.
CommandLine parseCommandLine(const QStringList& arguments, const QString& workingDirectory);

} // namespace conclave::app
