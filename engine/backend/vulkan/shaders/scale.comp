#version 450
#extension GL_GOOGLE_include_directive : require
// x *= factor, in place, over n floats.
#include "common.glsl"

layout(local_size_x = 256) in;
layout(set = 0, binding = 0) buffer X { float x[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint n;
    float factor;
} pc;

void main() {
    const uint i = FLAT_INVOCATION();
    if (i < pc.n) x[pc.base[0] / 4u + i] *= pc.factor;
}
