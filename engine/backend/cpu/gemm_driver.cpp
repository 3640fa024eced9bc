// The GEMM driver: token panels, row chunks handed out to threads, token blocks sized for L1.
// Memory access per row chunk (16 weight rows): their prep (scales as floats) is built once,
// then for each block of tokens whose records fit in half of L1 every row sweeps the block
// in tiles of max_tokens, so activation bytes come from L1 and the chunk's weights from L1/L2.

#include "backend/cpu/gemm.h"

#include "conclave/cpu_features.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <vector>

namespace conclave::cpu {
namespace {

constexpr std::int64_t rows_per_chunk = 16;
constexpr std::size_t l1_budget = 16 * 1024;

std::int64_t round_up(std::int64_t v, std::int64_t m) { return (v + m - 1) / m * m; }

#if defined(__x86_64__)
bool has_avx2() {
    static const bool avx2 = [] {
        const CpuFeatures f = detect_cpu_features();
        return f.avx2 && f.fma && f.f16c;
    }();
    return avx2;
}
#endif

// Floats per row of prep: d, then o, then the int16 sub-scales (two per float), each part
// rounded to eight floats so every part starts 32-byte aligned relative to the row.
struct PrepLayout {
    std::int64_t d_floats, o_floats, s_floats;
    std::int64_t row_floats() const { return d_floats + o_floats + s_floats; }
};

PrepLayout prep_layout(const GemmKernel& k, const GemmPanelLayout& layout) {
    const std::int64_t n = layout.n;
    return {round_up(n / k.weight_block, 8), layout.groups_padded, k.sub_scales ? n / 32 * 8 : 0};
}

// Codes q (-127..127) to q + 128 as unsigned bytes: the row-group kernels multiply them as
// maddubs' unsigned operand.
void bias_codes(unsigned char* codes, std::int64_t n) {
    for (std::int64_t i = 0; i < n; i += 8) {
        std::uint64_t v;
        std::memcpy(&v, codes + i, 8);
        v ^= 0x8080808080808080ull;
        std::memcpy(codes + i, &v, 8);
    }
}

// Row-group kernels: each chunk's rows are prepared in groups of eight, then each group
// sweeps all of the job's tokens.
void run_groups(ThreadPool& pool, const GemmKernel& kernel, const GemmPanelLayout& layout, std::int64_t n_out,
                std::size_t w_row_bytes, std::span<const GemmJob> jobs) {
    const GemmGroupKernel& g = *kernel.group;
    constexpr std::int64_t group_rows = GemmGroupKernel::rows;
    static_assert(rows_per_chunk % group_rows == 0);
    const std::int64_t chunks_per_job = (n_out + rows_per_chunk - 1) / rows_per_chunk;
    const std::int64_t n_items = static_cast<std::int64_t>(jobs.size()) * chunks_per_job;
    const std::size_t group_bytes = g.bytes(layout.n);
    std::atomic<std::int64_t> next{0};
    pool.run([&](int, int) {
        GemmWorkspace space;
        unsigned char* group = space.reserve(group_bytes);
        for (;;) {
            const std::int64_t item = next.fetch_add(1, std::memory_order_relaxed);
            if (item >= n_items) break;
            const GemmJob& job = jobs[static_cast<std::size_t>(item / chunks_per_job)];
            const std::int64_t r0 = item % chunks_per_job * rows_per_chunk;
            const std::int64_t r1 = std::min(n_out, r0 + rows_per_chunk);
            const unsigned char* chunk = job.w + r0 * w_row_bytes;
            const std::size_t chunk_bytes = static_cast<std::size_t>(r1 - r0) * w_row_bytes;
            for (std::size_t off = 0; off < chunk_bytes; off += 64) __builtin_prefetch(chunk + off);
            for (std::int64_t r = r0; r < r1; r += group_rows) {
                const auto n_rows = static_cast<int>(std::min(group_rows, r1 - r));
                g.prep(job.w + r * w_row_bytes, w_row_bytes, n_rows, layout.n, group);
                g.sweep(GemmGroupSweep{group, job.act, job.out, r, n_rows, &layout});
            }
        }
    });
}

} // namespace

GemmPanelLayout gemm_panel_layout(quant::TensorType activation_format, std::int64_t n) {
    GemmPanelLayout l;
    l.n = n;
    const bool k_format = activation_format == quant::TensorType::Q8_K;
    l.block = k_format ? 256 : 32;
    l.group = k_format ? 16 : 32;
    l.groups_padded = round_up(n / l.group, 8);
    l.d_offset = static_cast<std::size_t>(round_up(n, 32));
    l.o_offset = l.d_offset + static_cast<std::size_t>(round_up(n / l.block, 8)) * sizeof(float);
    l.o32_offset = l.o_offset + static_cast<std::size_t>(l.groups_padded) * sizeof(float);
    const std::int64_t o32_floats = k_format ? round_up(n / 32, 8) : 0;
    l.record_bytes = static_cast<std::size_t>(
        round_up(static_cast<std::int64_t>(l.o32_offset) + o32_floats * static_cast<std::int64_t>(sizeof(float)), 64));
    return l;
}

const GemmKernel* find_gemm_kernel(quant::TensorType weight) {
#if defined(__x86_64__)
    if (has_avx2()) {
        if (const GemmKernel* k = gemm_kernel_legacy_avx2(weight)) return k;
        if (const GemmKernel* k = gemm_kernel_k_avx2(weight)) return k;
        if (const GemmKernel* k = gemm_kernel_k23_avx2(weight)) return k;
        return gemm_kernel_iq_avx2(weight);
    }
#endif
    (void)weight;
    return nullptr;
}

unsigned char* GemmWorkspace::reserve(std::size_t bytes) {
    if (bytes > m_bytes) {
        m_storage = std::make_unique_for_overwrite<unsigned char[]>(bytes + 64);
        m_bytes = bytes;
    }
    const auto address = reinterpret_cast<std::uintptr_t>(m_storage.get());
    return m_storage.get() + ((64 - address % 64) % 64);
}

GemmPanel gemm_pack(ThreadPool& pool, GemmWorkspace& space, const GemmKernel& kernel, const float* x, std::int64_t n,
                    std::int64_t rows) {
    GemmPanel panel;
    panel.layout = gemm_panel_layout(kernel.activation_format, n);
    unsigned char* records = space.reserve(panel.layout.record_bytes * static_cast<std::size_t>(rows));
    const bool biased = kernel.group != nullptr;
    pool.parallel_for(rows, 4, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t t = begin; t < end; ++t) {
            unsigned char* record = records + static_cast<std::size_t>(t) * panel.layout.record_bytes;
            gemm_pack_row_avx2(panel.layout, kernel.activation_format, x + t * n, record);
            if (biased) bias_codes(record, n);
        }
    });
    panel.records = records;
    return panel;
}

void gemm_run(ThreadPool& pool, const GemmKernel& kernel, const GemmPanelLayout& layout, std::int64_t n_out,
              std::size_t w_row_bytes, std::span<const GemmJob> jobs) {
    if (kernel.group) {
        run_groups(pool, kernel, layout, n_out, w_row_bytes, jobs);
        return;
    }
    const std::int64_t chunks_per_job = (n_out + rows_per_chunk - 1) / rows_per_chunk;
    const std::int64_t n_items = static_cast<std::int64_t>(jobs.size()) * chunks_per_job;
    const std::int64_t tile = kernel.max_tokens;
    const std::int64_t token_block =
        std::max<std::int64_t>(tile, static_cast<std::int64_t>(l1_budget / layout.record_bytes) / tile * tile);
    const PrepLayout pl = prep_layout(kernel, layout);
    std::atomic<std::int64_t> next{0};
    pool.run([&](int, int) {
        std::vector<float> prep(static_cast<std::size_t>(rows_per_chunk * pl.row_floats()));
        const auto prep_of = [&](std::int64_t i) {
            float* base = prep.data() + i * pl.row_floats();
            return GemmRowPrep{base, base + pl.d_floats, reinterpret_cast<std::int16_t*>(base + pl.d_floats + pl.o_floats)};
        };
        for (;;) {
            const std::int64_t item = next.fetch_add(1, std::memory_order_relaxed);
            if (item >= n_items) break;
            const GemmJob& job = jobs[static_cast<std::size_t>(item / chunks_per_job)];
            const std::int64_t r0 = item % chunks_per_job * rows_per_chunk;
            const std::int64_t r1 = std::min(n_out, r0 + rows_per_chunk);
            // The chunk's weights usually come from DRAM (an expert's matrix is read once per
            // prompt): ask for all of them now, so the first token tile does not wait on
            // each cache line in turn.
            const unsigned char* chunk = job.w + r0 * w_row_bytes;
            const std::size_t chunk_bytes = static_cast<std::size_t>(r1 - r0) * w_row_bytes;
            for (std::size_t off = 0; off < chunk_bytes; off += 64) __builtin_prefetch(chunk + off);
            for (std::int64_t r = r0; r < r1; ++r) kernel.prep(job.w + r * w_row_bytes, layout.n, prep_of(r - r0));
            const auto n_tokens = static_cast<std::int64_t>(job.act.size());
            for (std::int64_t t0 = 0; t0 < n_tokens; t0 += token_block) {
                const std::int64_t t1 = std::min(n_tokens, t0 + token_block);
                for (std::int64_t r = r0; r < r1; ++r) {
                    GemmTile t{job.w + r * w_row_bytes, prep_of(r - r0), nullptr, nullptr, r, &layout};
                    for (std::int64_t c = t0; c < t1; c += tile) {
                        t.act = job.act.data() + c;
                        t.out = job.out.data() + c;
                        kernel.tiles[std::min(tile, t1 - c) - 1](t);
                    }
                }
            }
        }
    });
}

} // namespace conclave::cpu
