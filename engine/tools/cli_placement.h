#pragma once
// `conclave-cli info FILE --placement [--gpu-budget SIZE] [--ctx N] [--json]`: where each
// weight of the model would live on a GPU with that budget (detected from the best Vulkan
// device when not given), and the memory expected on each side.

#include <cstdint>
#include <string>

namespace conclave::cli {

int print_placement(const std::string& path, int n_ctx, std::uint64_t gpu_budget, bool json);

} // namespace conclave::cli
