#pragma once
// Facts about this build of the engine: its version and the backends compiled into it.
// Pure functions of the build; thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace conclave {

// The version from the top-level CMake project(), e.g. "0.1.0".
std::string_view engine_version();

// Backends compiled into this binary, in preference order: "cpu" always, then "vulkan"
// and "cuda" when their options were ON at configure time. Whether a device exists at run
// time is a separate question (see gpu_devices.h).
std::vector<std::string> compiled_backends();

// One line for --version output: "Conclave 0.1.0 (backends: cpu, vulkan)".
std::string version_line(std::string_view program);

} // namespace conclave
