// KV store and attention on a Vulkan device (shaders/kv_store.comp, shaders/attention.comp),
// one shader variant per cache type: F32, F16, or Q8_0 (head_dim a multiple of 32, so no
// block straddles two heads), and for attention a wide variant per type for heads past 256
// values. Attention takes gpt-oss's sinks (one logit per query head), DeepSeek's latent
// heads (values narrower than keys, read from the key cache when there are no V rows),
// DeepSeek V4's extra keys per query token (their row numbers staged beside the dispatch) and
// a ring of rows (KvLayer::ring: position p in row p % ring), for any cache type.

#include "backend/vulkan/vulkan_grid.h"
#include "backend/vulkan/vulkan_ops.h"

#include <algorithm>
#include <cassert>
#include <string>
#include <vector>

namespace conclave::vulkan {
namespace {

using quant::TensorType;

constexpr std::uint32_t kKvStoreLocalSize = 64;    // local_size_x of kv_store.comp
constexpr int kNarrowHeadDim = 256; // attention.comp without WIDE_HEADS: MAX_HEAD_DIM (and 2 * WG values)
constexpr std::uint32_t kMaxTokensPerDispatch = 65535; // the guaranteed maxComputeWorkGroupCount[1]

std::string variant(std::string_view shader, TensorType cache_type) {
    switch (cache_type) {
    case TensorType::F32: return std::string(shader) + "_f32";
    case TensorType::F16: return std::string(shader) + "_f16";
    case TensorType::Q8_0: return std::string(shader) + "_q8_0";
    default: break;
    }
    assert(false && "KV cache type without a Vulkan kernel");
    return {};
}

// F16 and Q8_0 caches are read and merged a 32-bit word at a time, so the binding must cover
// the word holding its last byte.
BufferSlice whole_words(const BufferSlice& s) { return s.whole_words(); }

// The shaders address a cache in one binding with 32-bit byte offsets; the device would
// silently clip a larger binding.
[[maybe_unused]] bool fits_one_binding(const VulkanDevice& device, const DeviceTensor& cache) {
    const std::uint64_t bytes = whole_words(cache.slice).bytes;
    return bytes <= device.info().max_binding_bytes && bytes <= 0xffffffffu;
}

void store_rows(VulkanDevice& device, const DeviceTensor& cache, const DeviceTensor& src, std::int64_t first_pos) {
    assert(src.type == TensorType::F32 && src.ne[0] == cache.ne[0]);
    assert(first_pos >= 0 && first_pos + src.rows() <= cache.rows());
    assert(cache.type != TensorType::Q8_0 || cache.ne[0] % 32 == 0);
    assert(fits_one_binding(device, cache));
    const std::uint64_t first_byte = static_cast<std::uint64_t>(first_pos) * cache.row_bytes();
    const auto n = static_cast<std::uint64_t>(src.n_elements());
    if (n == 0) return;
    std::uint64_t n_items = n; // F32: one value per word
    if (cache.type == TensorType::F16) {
        // The binding starts at a multiple of the storage alignment, so the destination's
        // position within its first word is the same on the device as in the offsets here.
        const std::uint64_t start = cache.slice.offset + first_byte;
        n_items = (start + 2 * n + 3) / 4 - start / 4;
    } else if (cache.type == TensorType::Q8_0) {
        n_items = n / 32;
    }
    struct Params {
        std::uint32_t n, first_byte, n_items;
    } params{static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(first_byte), static_cast<std::uint32_t>(n_items)};
    const GroupGrid grid = item_grid(device, n_items, kKvStoreLocalSize);
    device.dispatch(variant("kv_store", cache.type), {src.slice, whole_words(cache.slice)}, params, grid.x, grid.y);
}

int value_dim(const AttentionParams& p) { return p.head_dim_v > 0 ? p.head_dim_v : p.head_dim; }

// The extra keys' index as the shader reads it: the n_tokens + 1 offsets (extra_begin, made
// relative to its first) followed by the row numbers, as 32-bit values in staging memory.
BufferSlice stage_extra_index(VulkanDevice& device, const AttentionParams& p, [[maybe_unused]] std::int64_t n_tokens) {
    assert(static_cast<std::int64_t>(p.extra_begin.size()) == n_tokens + 1);
    const std::int32_t first = p.extra_begin.front();
    std::vector<std::uint32_t> index;
    index.reserve(p.extra_begin.size() + static_cast<std::size_t>(p.extra_begin.back() - first));
    for (const std::int32_t b : p.extra_begin) index.push_back(static_cast<std::uint32_t>(b - first));
    for (std::int32_t i = first; i < p.extra_begin.back(); ++i) {
        const std::int32_t row = p.extra_rows[static_cast<std::size_t>(i)];
        assert(row >= 0);
        index.push_back(static_cast<std::uint32_t>(row));
    }
    return device.stage(index.data(), index.size() * sizeof(std::uint32_t));
}

} // namespace

void kv_store(VulkanDevice& device, const DeviceTensor& cache_k, const DeviceTensor& cache_v, const DeviceTensor& k,
              const DeviceTensor& v, std::int64_t first_pos, std::int64_t ring) {
    const auto store = [&](std::int64_t first_token, std::int64_t count) {
        const std::int64_t row = ring > 0 ? (first_pos + first_token) % ring : first_pos + first_token;
        const auto take = [&](const DeviceTensor& src) {
            DeviceTensor part = src;
            part.ne = {src.ne[0], count, 1, 1};
            part.slice = src.slice.sub(static_cast<std::uint64_t>(first_token) * src.row_bytes(),
                                       static_cast<std::uint64_t>(count) * src.row_bytes());
            return part;
        };
        store_rows(device, cache_k, take(k), row);
        if (cache_v.valid()) store_rows(device, cache_v, take(v), row);
    };
    const std::int64_t n = k.rows();
    if (ring <= 0) {
        store(0, n);
        return;
    }
    assert(ring <= cache_k.rows());
    // The last min(n, ring) tokens, in at most two runs: up to the ring's end, then from row 0.
    const std::int64_t first = std::max<std::int64_t>(0, n - ring);
    const std::int64_t until_end = ring - (first_pos + first) % ring;
    const std::int64_t head = std::min(n - first, until_end);
    if (head > 0) store(first, head);
    if (first + head < n) store(first + head, n - first - head);
}

bool attention_supported(const AttentionParams& params, TensorType k_type, std::optional<TensorType> v_type) {
    if (!supports(Op::attention, k_type) || (v_type && *v_type != k_type)) return false;
    // Extra keys (DeepSeek V4's compressed blocks): one KV head of the cache's type whose
    // values are the keys themselves, as in a cache without V rows.
    if (params.extra_keys.valid() && (v_type || params.extra_keys.type != k_type ||
                                      params.extra_keys.ne[0] != params.head_dim || params.n_head_kv != 1))
        return false;
    const int dv = value_dim(params);
    if (params.head_dim <= 0 || params.head_dim > kMaxAttentionHeadDim || params.head_dim % 2 != 0) return false;
    if (dv <= 0 || dv > kMaxAttentionHeadDim || dv % 2 != 0) return false;
    if (!v_type && dv > params.head_dim) return false; // the values are the start of each key head
    // Q8_0: no block straddles two heads, of keys or of separate values.
    return k_type != TensorType::Q8_0 || (params.head_dim % 32 == 0 && (!v_type || dv % 32 == 0));
}

void attention(VulkanDevice& device, const AttentionTensors& t, std::int64_t first_pos, const AttentionParams& p) {
    const DeviceTensor& q = t.q;
    const bool has_v = t.cache_v.valid();
    const DeviceTensor& values = has_v ? t.cache_v : t.cache_k; // no V rows: values inside the keys
    const int dv = value_dim(p);
    assert(p.n_head > 0 && p.n_head_kv > 0 && p.n_head % p.n_head_kv == 0);
    assert(attention_supported(p, t.cache_k.type, has_v ? std::optional(t.cache_v.type) : std::nullopt));
    assert(q.type == TensorType::F32 && q.ne[0] == std::int64_t{p.head_dim} * p.n_head);
    assert(t.out.n_elements() == std::int64_t{dv} * p.n_head * q.rows());
    assert(t.cache_k.ne[0] == std::int64_t{p.head_dim} * p.n_head_kv);
    assert(!has_v || t.cache_v.ne[0] == std::int64_t{dv} * p.n_head_kv);
    assert(t.ring > 0 ? t.ring <= t.cache_k.rows() : first_pos + q.rows() <= t.cache_k.rows());
    assert(fits_one_binding(device, t.cache_k) && fits_one_binding(device, values));
    const bool has_extra = t.extra_keys.valid();
    assert(has_extra == p.extra_keys.valid() && (!has_extra || fits_one_binding(device, t.extra_keys)));
    assert(!t.sinks.valid() || (t.sinks.type == TensorType::F32 && t.sinks.n_elements() == p.n_head));
    // Heads up to 256 keep the original kernel; wider ones (latent attention) its variant
    // with a larger query buffer and more value pairs per thread.
    const bool wide = p.head_dim > kNarrowHeadDim || dv > kNarrowHeadDim;
    const std::string shader = variant(wide ? "attention_wide" : "attention", t.cache_k.type);
    const std::uint64_t q_row_bytes = q.row_bytes();
    const std::uint64_t out_row_bytes = std::uint64_t{4} * static_cast<std::uint64_t>(dv) * static_cast<std::uint64_t>(p.n_head);
    const BufferSlice extra_index = has_extra ? stage_extra_index(device, p, q.rows()) : BufferSlice{};
    // One workgroup per (head, token); prompts longer than the y limit go in several dispatches.
    for (std::int64_t t0 = 0; t0 < q.rows(); t0 += kMaxTokensPerDispatch) {
        const std::int64_t count = std::min<std::int64_t>(kMaxTokensPerDispatch, q.rows() - t0);
        const auto first = static_cast<std::uint64_t>(t0), n = static_cast<std::uint64_t>(count);
        struct Params {
            std::uint32_t head_dim, head_dim_v, group, q_width, out_width, kv_width, v_width, v_stride, first_pos,
                sliding_window;
            float scale, softcap;
            std::uint32_t has_sinks, ring, has_extra, first_token, extra_rows_at;
        } params{static_cast<std::uint32_t>(p.head_dim),
                 static_cast<std::uint32_t>(dv),
                 static_cast<std::uint32_t>(p.n_head / p.n_head_kv),
                 static_cast<std::uint32_t>(q.ne[0]),
                 static_cast<std::uint32_t>(std::int64_t{dv} * p.n_head),
                 static_cast<std::uint32_t>(t.cache_k.ne[0]),
                 static_cast<std::uint32_t>(values.ne[0]),
                 static_cast<std::uint32_t>(has_v ? dv : p.head_dim),
                 static_cast<std::uint32_t>(first_pos + t0),
                 static_cast<std::uint32_t>(std::max(0, p.sliding_window)),
                 p.scale,
                 p.softcap,
                 t.sinks.valid() ? 1u : 0u,
                 static_cast<std::uint32_t>(std::max<std::int64_t>(0, t.ring)),
                 has_extra ? 1u : 0u,
                 static_cast<std::uint32_t>(t0),
                 static_cast<std::uint32_t>(q.rows() + 1)};
        // Without sinks or extra keys, q stands in for the unused bindings.
        const BufferSlice q_part = q.slice.sub(first * q_row_bytes, n * q_row_bytes);
        device.dispatch(shader,
                        {q_part, whole_words(t.cache_k.slice), whole_words(values.slice),
                         t.out.slice.sub(first * out_row_bytes, n * out_row_bytes), t.sinks.valid() ? t.sinks.slice : q_part,
                         has_extra ? whole_words(t.extra_keys.slice) : q_part, has_extra ? extra_index : q_part},
                        params, static_cast<std::uint32_t>(p.n_head), static_cast<std::uint32_t>(count));
    }
}

} // namespace conclave::vulkan
