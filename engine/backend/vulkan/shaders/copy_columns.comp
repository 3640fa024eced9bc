#version 450
#extension GL_GOOGLE_include_directive : require
// dst[dst_first + c, r] = src[src_first + c, r] for c < n, every row r: splits F32 rows into
// parts and joins parts into rows (DeepSeek's latent attention). One element per invocation,
// flat index i = r * n + c, so consecutive invocations read and write consecutive floats of
// one row. The other columns of dst are left as they are.
//   src: [src_width, rows] F32, dst: [dst_width, rows] F32 (distinct ranges)
#include "common.glsl"

layout(local_size_x = 256) in;
layout(set = 0, binding = 0) readonly buffer Src { float src[]; };
layout(set = 0, binding = 1) buffer Dst { float dst[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint total; // rows * n
    uint n;
    uint src_width;
    uint src_first;
    uint dst_width;
    uint dst_first;
} pc;

void main() {
    const uint i = FLAT_INVOCATION();
    if (i >= pc.total) return;
    const uint r = i / pc.n;
    const uint c = i - r * pc.n;
    dst[pc.base[1] / 4u + r * pc.dst_width + pc.dst_first + c] = src[pc.base[0] / 4u + r * pc.src_width + pc.src_first + c];
}
