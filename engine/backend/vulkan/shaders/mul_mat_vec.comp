#version 450
#extension GL_GOOGLE_include_directive : require
// Matrix-vector product for generation: out[r, c] = dot(w row r, x column c) for a few
// columns (n_cols <= MAX_COLS). One workgroup per output row: its threads stride over the
// row's 8-value groups, so neighbouring threads read neighbouring bytes of the row, and every
// dequantized group is used for all columns while in registers. Partial sums meet in shared
// memory: a tree over all 64 threads (portable), or with SUBGROUP_REDUCE (devices with
// subgroup arithmetic) subgroupAdd first, so only one value per subgroup goes through shared
// memory and a single barrier.
// MUL_MAT_ID: workgroup z is a slot; the slot's expert id picks which matrix the row comes
// from, and x is the slot's (or its token's) column.
#ifdef SUBGROUP_REDUCE
#extension GL_KHR_shader_subgroup_arithmetic : require
#endif
#include "common.glsl"
#include "matmul_interface.glsl"
#include "types/dequant.glsl"

#define WG 64u
#define MAX_COLS 8u
layout(local_size_x = 64) in;

shared float partial[MAX_COLS][WG];

void main() {
    const uint tid = gl_LocalInvocationID.x;
    const uint row = gl_WorkGroupID.x + gl_WorkGroupID.y * pc.groups_x;
#ifdef MUL_MAT_ID
    // Each return below depends only on the workgroup id, so whole workgroups leave together.
    const uint slot = gl_WorkGroupID.z;
    if (row >= pc.n_out) return;
    const uint expert = id_data[pc.base[3] / 4u + slot];
    if (expert >= pc.n_expert) return;
    const uint flat_row = expert * pc.n_out + row;
    if (flat_row < pc.first_row || flat_row - pc.first_row >= pc.n_chunk_rows) return;
    const uint local_row = flat_row - pc.first_row;
    const uint x_col = pc.x_per_slot != 0u ? slot : slot / pc.n_used;
    const uint n_cols = 1u;
    const uint out_col = slot;
    const uint out_row = row;
#else
    if (row >= pc.n_chunk_rows) return;
    const uint local_row = row;
    const uint x_col = 0u;
    const uint n_cols = pc.n_cols;
    const uint out_col = 0u;
    const uint out_row = pc.first_row + row;
#endif

    float acc[MAX_COLS];
    for (uint c = 0u; c < MAX_COLS; ++c) acc[c] = 0.0;

    const uint row_byte = pc.base[0] + local_row * pc.row_bytes;
    const uint x0 = pc.base[1] / 4u + x_col * pc.x_stride;
    const uint n_groups = pc.n_in / 8u;
    for (uint g = tid; g < n_groups; g += WG) {
        float v[8];
        dequant8(row_byte + (g / GROUPS_PER_BLOCK) * BLOCK_BYTES, g % GROUPS_PER_BLOCK, v);
        for (uint c = 0u; c < MAX_COLS; ++c) {
            if (c >= n_cols) break;
            const uint xi = x0 + c * pc.x_stride + 8u * g;
            float s = 0.0;
            for (uint i = 0u; i < 8u; ++i) s += v[i] * x_data[xi + i];
            acc[c] += s;
        }
    }

#ifdef SUBGROUP_REDUCE
    for (uint c = 0u; c < MAX_COLS; ++c) {
        const float total = subgroupAdd(acc[c]);
        if (subgroupElect()) partial[c][gl_SubgroupID] = total;
    }
    barrier();
    if (tid < n_cols) {
        float sum = 0.0;
        for (uint s = 0u; s < gl_NumSubgroups; ++s) sum += partial[tid][s];
        out_data[pc.base[2] / 4u + (out_col + tid) * pc.out_stride + out_row] = sum;
    }
#else
    for (uint c = 0u; c < MAX_COLS; ++c) partial[c][tid] = acc[c];
    barrier();
    for (uint stride = WG / 2u; stride > 0u; stride /= 2u) {
        if (tid < stride)
            for (uint c = 0u; c < MAX_COLS; ++c) partial[c][tid] += partial[c][tid + stride];
        barrier();
    }
    if (tid < n_cols) out_data[pc.base[2] / 4u + (out_col + tid) * pc.out_stride + out_row] = partial[tid][0];
#endif
}
