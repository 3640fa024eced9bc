#version 450
#extension GL_GOOGLE_include_directive : require
// Matrix-matrix product for prompts. A workgroup computes a BM x BN tile of out (BM weight
// rows x BN columns) in steps of BK values: it dequantizes the BM x BK weight tile once into
// shared memory (one 8-value group per thread), stages the BK x BN activation tile beside it,
// and each of the 256 threads accumulates a TM x TN micro-tile in registers. Rows and columns
// of a thread's micro-tile are 16 apart, so neighbouring threads read neighbouring shared
// words. Edges (odd n_out, odd column counts) are zero-filled on load and skipped on store.
// Row tiles are workgroup x, continued in z past groups_x (a device's x limit).
// MUL_MAT_ID: workgroup y is one work item of the host's plan: an expert and up to BN of the
// slots routed to it, so one dispatch serves every expert. Plan layout (uint words):
//   [3 * item + 0] expert, [3 * item + 1] index of the item's first slot in the word array,
//   [3 * item + 2] slot count (<= BN).
#include "common.glsl"
#include "matmul_interface.glsl"
#include "types/dequant.glsl"

#define BM 64u
#define BN 64u
#define BK 32u
#define TM 4u
#define TN 4u
layout(local_size_x = 256) in;

shared float w_tile[BK][BM + 1u]; // [k][row]; the +1 keeps column reads off one bank
shared float x_tile[BK][BN + 1u]; // [k][col]
shared uint x_col_of[BN];         // x column of each tile column (~0u: none)
shared uint out_col_of[BN];

void main() {
    const uint tid = gl_LocalInvocationID.x;
    const uint row0 = (gl_WorkGroupID.x + gl_WorkGroupID.z * pc.groups_x) * BM; // within its matrix
#ifdef MUL_MAT_ID
    if (row0 >= pc.n_out) return; // the fold's spare workgroups; whole workgroups leave
#else
    if (row0 >= pc.n_chunk_rows) return;
#endif
#ifdef MUL_MAT_ID
    const uint plan = pc.base[3] / 4u + 3u * gl_WorkGroupID.y;
    const uint expert = id_data[plan];
    const uint first_slot = pc.base[3] / 4u + id_data[plan + 1u];
    const uint n_tile_cols = id_data[plan + 2u];
    const uint flat_row0 = expert * pc.n_out + row0;
    if (tid < BN) {
        const uint slot = tid < n_tile_cols ? id_data[first_slot + tid] : 0u;
        x_col_of[tid] = tid < n_tile_cols ? (pc.x_per_slot != 0u ? slot : slot / pc.n_used) : ~0u;
        out_col_of[tid] = slot;
    }
#else
    const uint col0 = gl_WorkGroupID.y * BN;
    const uint flat_row0 = pc.first_row + row0;
    if (tid < BN) {
        x_col_of[tid] = col0 + tid < pc.n_cols ? col0 + tid : ~0u;
        out_col_of[tid] = col0 + tid;
    }
#endif
    // Rows this tile may touch: inside the matrix and inside this dispatch's weight chunk.
    const uint chunk_end = pc.first_row + pc.n_chunk_rows;

    float acc[TM][TN];
    for (uint i = 0u; i < TM; ++i)
        for (uint j = 0u; j < TN; ++j) acc[i][j] = 0.0;

    const uint n_groups = pc.n_in / 8u;
    const uint load_group = tid % (BK / 8u), load_row = tid / (BK / 8u); // 4 groups x 64 rows
    const uint load_flat = flat_row0 + load_row;
    const bool row_loads = row0 + load_row < pc.n_out && load_flat >= pc.first_row && load_flat < chunk_end;
    const uint load_row_byte = pc.base[0] + (load_flat - pc.first_row) * pc.row_bytes;
    const uint tr = tid % 16u, tc = tid / 16u;
    barrier();

    for (uint k0 = 0u; k0 < pc.n_in; k0 += BK) {
        const uint g = k0 / 8u + load_group;
        float v[8];
        if (row_loads && g < n_groups) {
            dequant8(load_row_byte + (g / GROUPS_PER_BLOCK) * BLOCK_BYTES, g % GROUPS_PER_BLOCK, v);
        } else {
            for (uint i = 0u; i < 8u; ++i) v[i] = 0.0;
        }
        for (uint i = 0u; i < 8u; ++i) w_tile[8u * load_group + i][load_row] = v[i];
        // Consecutive threads read consecutive values of one x column.
        for (uint idx = tid; idx < BK * BN; idx += 256u) {
            const uint col = idx / BK, kk = idx % BK;
            const uint xc = x_col_of[col];
            x_tile[kk][col] = (xc != ~0u && k0 + kk < pc.n_in)
                                  ? x_data[pc.base[1] / 4u + xc * pc.x_stride + k0 + kk] : 0.0;
        }
        barrier();
        for (uint kk = 0u; kk < BK; ++kk) {
            float a[TM], b[TN];
            for (uint i = 0u; i < TM; ++i) a[i] = w_tile[kk][tr + 16u * i];
            for (uint j = 0u; j < TN; ++j) b[j] = x_tile[kk][tc + 16u * j];
            for (uint i = 0u; i < TM; ++i)
                for (uint j = 0u; j < TN; ++j) acc[i][j] += a[i] * b[j];
        }
        barrier();
    }

    for (uint i = 0u; i < TM; ++i) {
        const uint r = row0 + tr + 16u * i;
        const uint flat_row = flat_row0 + tr + 16u * i;
        if (r >= pc.n_out || flat_row < pc.first_row || flat_row >= chunk_end) continue;
#ifdef MUL_MAT_ID
        const uint out_row = r;
#else
        const uint out_row = flat_row;
#endif
        for (uint j = 0u; j < TN; ++j) {
            const uint col = tc + 16u * j;
            if (x_col_of[col] == ~0u) continue;
            out_data[pc.base[2] / 4u + out_col_of[col] * pc.out_stride + out_row] = acc[i][j];
        }
    }
}
