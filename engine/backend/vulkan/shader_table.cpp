#include "backend/vulkan/shader_table.h"

#include "shader_table_entries.h"

#include <algorithm>
#include <array>

namespace conclave::vulkan {
namespace {

#ifndef CONCLAVE_SHADER_ENTRIES
#define CONCLAVE_SHADER_ENTRIES
#endif

const EmbeddedShader kShaders[] = {
    {"", {}}, // keeps the array non-empty while no shader is declared
    CONCLAVE_SHADER_ENTRIES
};

} // namespace

std::span<const EmbeddedShader> embedded_shaders() { return std::span(kShaders).subspan(1); }

const EmbeddedShader* find_shader(std::string_view name) {
    const std::span<const EmbeddedShader> all = embedded_shaders();
    const auto found = std::find_if(all.begin(), all.end(), [&](const EmbeddedShader& s) { return s.name == name; });
    return found == all.end() ? nullptr : &*found;
}

} // namespace conclave::vulkan
