#pragma once
// Tiled GEMM of quantized weights with 8-bit activations, the prompt-processing path of
// mul_mat and mul_mat_id. Weights are read in place (the mapped file); activations are
// quantized once per matmul into a panel of token records; a driver hands threads chunks of
// weight rows (dynamically, so a thread that is slowed down takes fewer) and each chunk runs
// a register-blocked micro-kernel over one weight row and up to GemmKernel::max_tokens tokens
// at a time, accumulators in registers, or (kernels with a GemmGroupKernel) over eight rows
// prepared together and up to four tokens.
//
// The product per 32-element block is split as  d_w * d_a * Σ q_w q_a  +  o_w * o_a:  the
// integer part uses unsigned codes (maddubs), and every constant offset of the format (Q4_0's
// -8, Q4_1's minimum, Q4_K's minimum, Q6_K's -32) goes into o_w per group with o_a = d_a * Σ q_a
// per group, one float FMA per eight groups. This is the same arithmetic as the single-row
// kernels (quant_dot*.cpp), so results agree with the scalar reference to float rounding.
//
// Token record (one per activation row, `record_bytes` apart, 64-byte aligned):
//   int8  qs[n]                  the codes, in element order
//   float d[n / block]           the scale of each activation block (32, or 256 for Q8_K)
//   float o[n_groups, padded 8]  d * Σ qs per offset group (32 elements, 16 for Q8_K), then zeros
//   float o32[n / 32]            Q8_K only: d * Σ qs per 32, for weights whose offset is per 32
//                                (Q4_K, Q5_K: one FMA per super-block instead of two)
// Pure functions apart from the workspace the caller passes; thread-safe for distinct
// workspaces.

#include "core/thread_pool.h"
#include "quant/tensor_types.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace conclave::cpu {

// Where the parts of one token record lie, for a given activation format and row length.
struct GemmPanelLayout {
    std::int64_t n = 0;            // elements per row
    std::int64_t block = 32;       // elements per activation scale
    std::int64_t group = 32;       // elements per offset group
    std::int64_t groups_padded = 0; // offset entries, a multiple of 8
    std::size_t d_offset = 0, o_offset = 0, o32_offset = 0, record_bytes = 0; // o32: Q8_K only
};
GemmPanelLayout gemm_panel_layout(quant::TensorType activation_format, std::int64_t n);

// Per weight row, converted once per row chunk: block scales as floats, offsets per group,
// and for K-quants the sub-block scales as 16 int16 lanes per 32 elements (for madd).
struct GemmRowPrep {
    float* d;        // [n / weight block]
    float* o;        // [groups_padded], zeros past the end
    std::int16_t* s; // [n / 32][16]; K-quants only
};

// One tile: weight row `w` (its prep in `prep`) against `n_tokens` (<= max_tokens) records;
// writes out[t][row].
struct GemmTile {
    const void* w;
    GemmRowPrep prep;
    const unsigned char* const* act;
    float* const* out;
    std::int64_t row;
    const GemmPanelLayout* layout;
};
using GemmTileFn = void (*)(const GemmTile& tile);
using GemmPrepFn = void (*)(const void* w, std::int64_t n, const GemmRowPrep& prep);

// A row-group kernel: eight weight rows at a time, their codes expanded and interleaved once
// per row chunk into a buffer the sweep reads (gemm_rows8_tile_avx2.h). Its token records
// carry activation codes biased by +128 (unsigned), see GemmKernel::group.
struct GemmGroupSweep {
    const unsigned char* group;             // prepared by prep: the group's eight rows
    std::span<const unsigned char* const> act;
    std::span<float* const> out;
    std::int64_t row0;                      // output index of the group's first row
    int n_rows;                             // rows of the group that exist (1..8)
    const GemmPanelLayout* layout;
};
struct GemmGroupKernel {
    static constexpr int rows = 8;
    std::size_t (*bytes)(std::int64_t n); // prepared bytes per group of rows
    // Prepares rows w, w + row_bytes, ... (n_rows of them, the rest of the group zero).
    void (*prep)(const unsigned char* w, std::size_t row_bytes, int n_rows, std::int64_t n, unsigned char* group);
    void (*sweep)(const GemmGroupSweep& s);
};

struct GemmKernel {
    quant::TensorType activation_format;
    int max_tokens;               // tiles[0..max_tokens-1] take 1..max_tokens tokens
    GemmPrepFn prep;
    GemmTileFn tiles[8];
    std::int64_t weight_block;    // elements per weight scale: GemmRowPrep::d has n / weight_block
    bool sub_scales;              // GemmRowPrep::s used
    // Non-null: the driver runs this row-group kernel instead of prep and tiles, and the
    // panel's codes are stored biased (q + 128 as unsigned bytes).
    const GemmGroupKernel* group;
};

// Below this many tokens the per-row kernels win: the GEMM converts each weight row's scales
// once per matmul, which one or two tokens cannot amortize.
constexpr std::int64_t gemm_min_tokens = 4;

// The kernel for a weight type on this processor, or null (then mul_mat keeps its
// per-row path).
const GemmKernel* find_gemm_kernel(quant::TensorType weight);
const GemmKernel* gemm_kernel_legacy_avx2(quant::TensorType weight);
const GemmKernel* gemm_kernel_k_avx2(quant::TensorType weight);
const GemmKernel* gemm_kernel_k23_avx2(quant::TensorType weight);
const GemmKernel* gemm_kernel_iq_avx2(quant::TensorType weight);

// Quantizes one activation row into a token record (AVX2; same codes and scales as
// quantize_activations for that format).
void gemm_pack_row_avx2(const GemmPanelLayout& layout, quant::TensorType format, const float* x, unsigned char* record);

// Grows-only, 64-byte aligned memory for panels, reused across matmuls. Owned by the backend.
class GemmWorkspace {
public:
    unsigned char* reserve(std::size_t bytes);
    std::size_t capacity() const { return m_bytes; }

private:
    std::unique_ptr<unsigned char[]> m_storage;
    std::size_t m_bytes = 0;
};

// The activation rows of one matmul, quantized once (codes biased by +128 when
// kernel.group is set).
struct GemmPanel {
    GemmPanelLayout layout;
    const unsigned char* records = nullptr;
    const unsigned char* record(std::int64_t i) const { return records + static_cast<std::size_t>(i) * layout.record_bytes; }
};
GemmPanel gemm_pack(ThreadPool& pool, GemmWorkspace& space, const GemmKernel& kernel, const float* x, std::int64_t n,
                    std::int64_t rows);

// One weight matrix ([n, n_out], rows `w_row_bytes` apart) against a list of token records,
// writing out[i][0..n_out).
struct GemmJob {
    const unsigned char* w;
    std::span<const unsigned char* const> act;
    std::span<float* const> out;
};

// Runs every job's row chunks across the pool in one parallel region.
void gemm_run(ThreadPool& pool, const GemmKernel& kernel, const GemmPanelLayout& layout, std::int64_t n_out,
              std::size_t w_row_bytes, std::span<const GemmJob> jobs);

} // namespace conclave::cpu
