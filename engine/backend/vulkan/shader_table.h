#pragma once
// The SPIR-V modules compiled from shaders/ at build time, by name ("rms_norm",
// "mul_mat_vec_q4_k"). Names are declared with conclave_vulkan_shader() in CMake.

#include <cstdint>
#include <span>
#include <string_view>

namespace conclave::vulkan {

struct EmbeddedShader {
    std::string_view name;
    std::span<const unsigned char> spirv; // 4-byte aligned
};

std::span<const EmbeddedShader> embedded_shaders();
// Null when no shader of that name was built.
const EmbeddedShader* find_shader(std::string_view name);

} // namespace conclave::vulkan
