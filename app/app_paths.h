#pragma once
// Where Conclave keeps its files: $XDG_DATA_HOME/conclave (default ~/.local/share/conclave)
// for the database and models. Pure functions of the environment; thread-safe.

#include <QString>

namespace conclave::app {

QString dataFolder();
QString modelsFolder();

} // namespace conclave::app
