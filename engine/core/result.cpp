#include "conclave/result.h"

namespace conclave {

const char* error_code_name(ErrorCode code) {
    switch (code) {
    case ErrorCode::io: return "io";
    case ErrorCode::invalid_format: return "invalid_format";
    case ErrorCode::unsupported: return "unsupported";
    case ErrorCode::out_of_memory: return "out_of_memory";
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::cancelled: return "cancelled";
    case ErrorCode::device: return "device";
    case ErrorCode::template_error: return "template_error";
    }
    return "unknown";
}

} // namespace conclave
