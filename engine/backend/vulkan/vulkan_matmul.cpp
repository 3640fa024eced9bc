// mul_mat and mul_mat_id on Vulkan: picks the kernel (matrix-vector for a few tokens, tiled
// for prompts), splits weights larger than one binding into row chunks (one dispatch each),
// and for mixture-of-experts prompts groups the slots per expert (expert ids are host data)
// into one plan, staged next to the dispatch, so one dispatch covers every expert.
// Kernels: shaders/mul_mat_vec.comp, shaders/mul_mat_tiled.comp, per type shaders/types/.

#include "backend/vulkan/vulkan_matmul.h"

#include "backend/vulkan/matmul_plan.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <string>

namespace conclave::vulkan {
namespace {

// Tile sizes of mul_mat_tiled.comp (BM rows by BN columns).
constexpr std::uint32_t kTileRows = 64;
constexpr std::uint32_t kTileCols = 64;

// Push constants after base[]: mirrors shaders/matmul_interface.glsl field by field.
struct MatmulParams {
    std::uint32_t n_in = 0;
    std::uint32_t row_bytes = 0;
    std::uint32_t first_row = 0;
    std::uint32_t n_chunk_rows = 0;
    std::uint32_t n_out = 0;
    std::uint32_t n_cols = 0;
    std::uint32_t x_stride = 0;
    std::uint32_t out_stride = 0;
    std::uint32_t n_used = 1;
    std::uint32_t x_per_slot = 0;
    std::uint32_t n_expert = 1;
    std::uint32_t groups_x = 1;
};

std::string shader_name(const char* kernel, quant::TensorType type) {
    std::string name = kernel;
    for (const char c : quant::tensor_type_name(type))
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

std::uint32_t u32(std::int64_t v) {
    return static_cast<std::uint32_t>(v);
}
std::uint32_t ceil_div(std::int64_t a, std::int64_t b) {
    return u32((a + b - 1) / b);
}

// A 1-D grid of n workgroups folded into two dimensions, the first at most max_x.
struct Grid {
    std::uint32_t x = 1, y = 1;
};
Grid fold(std::int64_t n, std::uint32_t max_x) {
    const auto x =
        static_cast<std::uint32_t>(std::min<std::int64_t>(std::max<std::int64_t>(n, 1), max_x));
    return {x, ceil_div(std::max<std::int64_t>(n, 1), x)};
}

// The bytes of a chunk's rows, extended to end on a 4-byte boundary: shaders read whole
// words, and a binding's range ends where the slice does. The extension stays inside the
// buffer, whose size VulkanDevice::allocate rounds up to 4.
BufferSlice rows_of(const DeviceTensor& w, const RowChunk& chunk) {
    const std::uint64_t row_bytes = w.row_bytes();
    BufferSlice rows = w.slice.sub(static_cast<std::uint64_t>(chunk.first_row) * row_bytes,
                                   static_cast<std::uint64_t>(chunk.n_rows) * row_bytes);
    rows.bytes += (4 - (rows.offset + rows.bytes) % 4) % 4;
    return rows;
}

// The push constants of a mul_mat_id over n_slots slots (before the chunk's rows and grid).
MatmulParams id_params(const DeviceTensor& w, const DeviceTensor& x, std::int64_t n_slots, int n_used) {
    MatmulParams p;
    p.n_in = u32(w.ne[0]);
    p.row_bytes = u32(static_cast<std::int64_t>(w.row_bytes()));
    p.n_out = u32(w.ne[1]);
    p.n_cols = u32(n_slots);
    p.x_stride = u32(w.ne[0]);
    p.out_stride = u32(w.ne[1]);
    p.n_used = u32(n_used);
    p.x_per_slot = x.rows() == n_slots ? 1u : 0u;
    p.n_expert = u32(w.ne[2]);
    return p;
}

} // namespace

MatmulLimits matmul_limits(const DeviceInfo& info) {
    return {info.max_binding_bytes, std::max<std::uint64_t>(info.storage_alignment, 1),
            info.max_groups_x, info.features.subgroup_arithmetic};
}

void mul_mat(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x,
             const DeviceTensor& out) {
    mul_mat(device, w, x, out, matmul_limits(device.info()));
}

void mul_mat_id(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x,
                std::span<const std::int32_t> expert_ids, int n_used, const DeviceTensor& out) {
    mul_mat_id(device, w, x, expert_ids, n_used, out, matmul_limits(device.info()));
}

void mul_mat_id(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x, const DeviceTensor& expert_ids,
                int n_used, const DeviceTensor& out) {
    mul_mat_id(device, w, x, expert_ids, n_used, out, matmul_limits(device.info()));
}

// w [n_in, n_out], x [n_in, n_tokens], out [n_out, n_tokens].
void mul_mat(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x,
             const DeviceTensor& out, const MatmulLimits& limits) {
    const std::int64_t n_in = w.ne[0], n_out = w.rows(), n_tokens = x.rows();
    assert(n_in % 8 == 0 && x.ne[0] == n_in && out.ne[0] == n_out && out.rows() == n_tokens);
    if (n_out == 0 || n_tokens == 0) return;
    const bool vec = n_tokens <= kMaxVecTokens;
    const std::string shader = shader_name(!vec                     ? "mul_mat_tiled_"
                                           : limits.subgroup_reduce ? "mul_mat_vec_sg_"
                                                                    : "mul_mat_vec_",
                                           w.type);

    MatmulParams p;
    p.n_in = u32(n_in);
    p.row_bytes = u32(static_cast<std::int64_t>(w.row_bytes()));
    p.n_out = u32(n_out);
    p.n_cols = u32(n_tokens);
    p.x_stride = u32(n_in);
    p.out_stride = u32(n_out);
    for (const RowChunk& chunk :
         split_rows(n_out, w.row_bytes(), limits.max_binding_bytes, limits.storage_alignment)) {
        p.first_row = u32(chunk.first_row);
        p.n_chunk_rows = u32(chunk.n_rows);
        if (vec) {
            const Grid grid = fold(chunk.n_rows, limits.max_groups_x);
            p.groups_x = grid.x;
            device.dispatch(shader, {rows_of(w, chunk), x.slice, out.slice}, p, grid.x, grid.y);
        } else {
            const Grid grid = fold(ceil_div(chunk.n_rows, kTileRows), limits.max_groups_x);
            p.groups_x = grid.x;
            device.dispatch(shader, {rows_of(w, chunk), x.slice, out.slice}, p, grid.x,
                            ceil_div(n_tokens, kTileCols), grid.y);
        }
    }
}

// w [n_in, n_out, n_expert]; x [n_in, n_tokens] or [n_in, n_used * n_tokens];
// out [n_out, n_used * n_tokens]. The weights are treated as one list of n_expert * n_out
// rows, so a split may fall inside an expert's matrix.
void mul_mat_id(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x,
                std::span<const std::int32_t> expert_ids, int n_used, const DeviceTensor& out,
                const MatmulLimits& limits) {
    const std::int64_t n_out = w.ne[1], n_expert = w.ne[2];
    const auto n_slots = static_cast<std::int64_t>(expert_ids.size());
    assert(w.ne[0] % 8 == 0 && n_used > 0 && n_slots % n_used == 0 && out.ne[0] == n_out &&
           out.rows() == n_slots);
    if (n_out == 0 || n_slots == 0) return;
    const std::int64_t n_tokens = n_slots / n_used;
    const bool vec = n_tokens <= kMaxVecTokens;
    const std::string shader = shader_name(!vec                     ? "mul_mat_tiled_id_"
                                           : limits.subgroup_reduce ? "mul_mat_vec_sg_id_"
                                                                    : "mul_mat_vec_id_",
                                           w.type);

    MatmulParams p = id_params(w, x, n_slots, n_used);

    const BufferSlice ids =
        vec ? device.stage(expert_ids.data(), expert_ids.size_bytes()) : BufferSlice{};
    for (const RowChunk& chunk : split_rows(n_out * n_expert, w.row_bytes(),
                                            limits.max_binding_bytes, limits.storage_alignment)) {
        p.first_row = u32(chunk.first_row);
        p.n_chunk_rows = u32(chunk.n_rows);
        // Experts with rows in this chunk; a chunk no slot routes to costs no dispatch.
        const std::int64_t first_expert = chunk.first_row / n_out;
        const std::int64_t last_expert = (chunk.first_row + chunk.n_rows - 1) / n_out;
        const bool used = std::any_of(expert_ids.begin(), expert_ids.end(), [&](std::int32_t e) {
            return e >= first_expert && e <= last_expert;
        });
        if (!used) continue;
        if (vec) {
            const Grid grid = fold(n_out, limits.max_groups_x);
            p.groups_x = grid.x;
            device.dispatch(shader, {rows_of(w, chunk), x.slice, out.slice, ids}, p, grid.x, grid.y,
                            u32(n_slots));
        } else {
            // Only this chunk's experts enter the plan, so no work item idles on rows
            // another chunk holds.
            std::vector<std::int32_t> chunk_ids(expert_ids.begin(), expert_ids.end());
            for (std::int32_t& e : chunk_ids)
                if (e < first_expert || e > last_expert) e = -1;
            const ExpertPlan plan = plan_expert_tiles(chunk_ids, n_expert, kTileCols);
            const BufferSlice staged =
                device.stage(plan.words.data(), plan.words.size() * sizeof(std::uint32_t));
            const Grid grid = fold(ceil_div(n_out, kTileRows), limits.max_groups_x);
            p.groups_x = grid.x;
            device.dispatch(shader, {rows_of(w, chunk), x.slice, out.slice, staged}, p, grid.x,
                            plan.n_items, grid.y);
        }
    }
}

// The ids in device memory (route()'s output): the host cannot see which experts are used,
// so every row chunk is dispatched and the kernel skips slots whose expert lies in another
// chunk. Matrix-vector kernels only (a few tokens).
void mul_mat_id(VulkanDevice& device, const DeviceTensor& w, const DeviceTensor& x, const DeviceTensor& expert_ids,
                int n_used, const DeviceTensor& out, const MatmulLimits& limits) {
    const std::int64_t n_out = w.ne[1], n_expert = w.ne[2];
    const std::int64_t n_slots = expert_ids.n_elements();
    assert(expert_ids.type == quant::TensorType::I32);
    assert(w.ne[0] % 8 == 0 && n_used > 0 && n_slots % n_used == 0 && out.ne[0] == n_out && out.rows() == n_slots);
    assert(n_slots / n_used <= kMaxVecTokens);
    if (n_out == 0 || n_slots == 0) return;
    const std::string shader = shader_name(limits.subgroup_reduce ? "mul_mat_vec_sg_id_" : "mul_mat_vec_id_", w.type);
    MatmulParams p = id_params(w, x, n_slots, n_used);
    for (const RowChunk& chunk : split_rows(n_out * n_expert, w.row_bytes(), limits.max_binding_bytes,
                                            limits.storage_alignment)) {
        p.first_row = u32(chunk.first_row);
        p.n_chunk_rows = u32(chunk.n_rows);
        const Grid grid = fold(n_out, limits.max_groups_x);
        p.groups_x = grid.x;
        device.dispatch(shader, {rows_of(w, chunk), x.slice, out.slice, expert_ids.slice}, p, grid.x, grid.y,
                        u32(n_slots));
    }
}

} // namespace conclave::vulkan
