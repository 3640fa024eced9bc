#version 450
#extension GL_GOOGLE_include_directive : require
// out = a (+ or *) b over n floats, one element per invocation. Compiled once per operation
// (OP_ADD, OP_MUL). b either matches a or holds one row of ne0 values broadcast over every
// row of a (biases, per-channel scales). out may alias a: each element is read and written
// by the same invocation.
#include "common.glsl"

layout(local_size_x = 256) in;
layout(set = 0, binding = 0) readonly buffer A { float a[]; };
layout(set = 0, binding = 1) readonly buffer B { float b[]; };
layout(set = 0, binding = 2) buffer Out { float outv[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint n;         // elements of a and out
    uint ne0;       // row length
    uint broadcast; // 1: b is one row
} pc;

void main() {
    const uint i = FLAT_INVOCATION();
    if (i >= pc.n) return;
    const float x = a[pc.base[0] / 4u + i];
    const float y = b[pc.base[1] / 4u + (pc.broadcast != 0u ? i % pc.ne0 : i)];
#if defined(OP_ADD)
    outv[pc.base[2] / 4u + i] = x + y;
#elif defined(OP_MUL)
    outv[pc.base[2] / 4u + i] = x * y;
#else
#error "define OP_ADD or OP_MUL"
#endif
}
