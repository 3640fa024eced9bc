#include "engine_messages.h"

namespace conclave::app {

EngineError EngineError::from(const conclave::Error& error) {
    return make(error.code, QString::fromStdString(error.message));
}

EngineError EngineError::make(conclave::ErrorCode code, const QString& message) {
    EngineError e;
    e.code = static_cast<int>(code);
    e.codeName = QString::fromUtf8(conclave::error_code_name(code));
    e.message = message;
    return e;
}

} // namespace conclave::app
