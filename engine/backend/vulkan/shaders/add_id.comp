#version 450
#extension GL_GOOGLE_include_directive : require
// Per-expert bias of a mixture-of-experts matmul's output (gpt-oss):
//   out[:, s] = x[:, s] + bias[:, expert_ids[s]]
//   x, out: [n, n_rows] F32, one row per slot (n_rows = n_used * n_tokens)
//   bias:   [n, n_expert] F32, a weight
//   expert_ids: [n_rows] int32, staged host data (the host routes)
// One element per invocation: consecutive threads read consecutive floats of a row of x
// and of its expert's bias row. out may alias x (each element is read and written by the
// same invocation). A slot whose expert id is out of range is left unwritten, as mul_mat_id
// leaves it, rather than read past the bias.
#include "common.glsl"

layout(local_size_x = 256) in;
layout(set = 0, binding = 0) readonly buffer X { float x[]; };
layout(set = 0, binding = 1) readonly buffer Bias { float bias[]; };
layout(set = 0, binding = 2) readonly buffer Ids { int expert_ids[]; };
layout(set = 0, binding = 3) buffer Out { float outv[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint n;        // row length
    uint n_rows;   // slots
    uint n_expert; // bias rows
} pc;

void main() {
    const uint i = FLAT_INVOCATION();
    if (i >= pc.n * pc.n_rows) return;
    const uint row = i / pc.n, col = i % pc.n;
    const int expert = expert_ids[pc.base[2] / 4u + row];
    if (expert < 0 || uint(expert) >= pc.n_expert) return;
    outv[pc.base[3] / 4u + i] = x[pc.base[0] / 4u + i] + bias[pc.base[1] / 4u + uint(expert) * pc.n + col];
}
