#include "app_paths.h"

#include <QStandardPaths>

namespace conclave::app {

// GenericDataLocation is $XDG_DATA_HOME on Linux; the "conclave" folder inside it is shared
// with scripts/fetch-default-model, which computes the same path in shell.
QString dataFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/conclave");
}

QString modelsFolder() { return dataFolder() + QStringLiteral("/models"); }

} // namespace conclave::app
