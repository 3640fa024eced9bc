#version 450
#extension GL_GOOGLE_include_directive : require
// DeepSeek V4's lightning indexer scores (Backend::indexer_scores): out[b, t] = sum over h of
// w[h, t] * max(0, q_h(t) . keys[:, b]) for every block b < visible[t]; other elements of out
// are not touched. One workgroup per (block, token), flattened over x and y (FLAT_WORKGROUP):
// the workgroup expands the block's key to floats in shared memory once, each thread scores
// it against every WG-th indexer head (reading that head's query row), and a tree reduction
// adds the heads' weighted shares.
//   q: [head_dim * n_head, n_tokens] F32, w: [n_head, n_tokens] F32, visible: staged uint
//   [n_tokens], keys: [head_dim, n_keys] of the variant's cache type (Q8_0: head_dim a
//   multiple of 32), out: [out_width, n_tokens] F32.
#include "common.glsl"
#include "kv_cache.glsl"

#define WG 64
#define MAX_HEAD_DIM 1024

layout(local_size_x = WG) in;
layout(set = 0, binding = 0) readonly buffer Q { float q[]; };
layout(set = 0, binding = 1) readonly buffer W { float w[]; };
layout(set = 0, binding = 2) readonly buffer Keys { uint keys[]; };
layout(set = 0, binding = 3) readonly buffer Visible { uint visible[]; };
layout(set = 0, binding = 4) buffer Out { float outv[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint head_dim;
    uint n_head;
    uint out_width; // blocks per row of out
    uint n_tokens;
} pc;

shared float key[MAX_HEAD_DIM];
shared float reduce[WG];

float key_value(uint row, uint d) {
#if defined(KV_F32)
    return uintBitsToFloat(keys[row / 4u + d]);
#elif defined(KV_F16)
    return READ_F16(keys, row + d * 2u);
#else
    const uint block = row + d / 32u * 34u;
    return READ_F16(keys, block) * float((int(READ_U8(keys, block + 2u + d % 32u)) << 24) >> 24);
#endif
}

void main() {
    const uint tid = gl_LocalInvocationID.x;
    const uint item = FLAT_WORKGROUP();
    if (item >= pc.out_width * pc.n_tokens) return;
    const uint t = item / pc.out_width, b = item % pc.out_width;
    if (b >= visible[pc.base[3] / 4u + t]) return; // uniform over the workgroup

    const uint row = pc.base[2] + b * KV_ROW_BYTES(pc.head_dim);
    for (uint d = tid; d < pc.head_dim; d += WG) key[d] = key_value(row, d);
    barrier();

    float share = 0.0;
    for (uint h = tid; h < pc.n_head; h += WG) {
        const uint q_at = pc.base[0] / 4u + (t * pc.n_head + h) * pc.head_dim;
        float dot = 0.0;
        for (uint d = 0u; d < pc.head_dim; ++d) dot += q[q_at + d] * key[d];
        share += w[pc.base[1] / 4u + t * pc.n_head + h] * max(0.0, dot);
    }
    reduce[tid] = share;
    barrier();
    for (uint stride = WG / 2u; stride > 0u; stride >>= 1u) {
        if (tid < stride) reduce[tid] += reduce[tid + stride];
        barrier();
    }
    if (tid == 0u) outv[pc.base[4] / 4u + t * pc.out_width + b] = reduce[0];
}
