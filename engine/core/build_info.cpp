#include "conclave/build_info.h"

#include "conclave_build_config.h"

namespace conclave {

std::string_view engine_version() { return CONCLAVE_VERSION_STRING; }

std::vector<std::string> compiled_backends() {
    std::vector<std::string> backends{"cpu"};
#if CONCLAVE_HAS_VULKAN
    backends.emplace_back("vulkan");
#endif
#if CONCLAVE_HAS_CUDA
    backends.emplace_back("cuda");
#endif
    return backends;
}

std::string version_line(std::string_view program) {
    std::string line(program);
    line += ' ';
    line += engine_version();
    line += " (backends: ";
    const std::vector<std::string> backends = compiled_backends();
    for (std::size_t i = 0; i < backends.size(); ++i) {
        if (i) line += ", ";
        line += backends[i];
    }
    line += ')';
    return line;
}

} // namespace conclave
