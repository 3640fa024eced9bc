#version 450
#extension GL_GOOGLE_include_directive : require
// out = act(gate) * up over n floats, one element per invocation: SwiGLU (ACT_SILU) or
// GeGLU with the tanh approximation (ACT_GELU_TANH), as the CPU backend computes them.
// out may alias gate or up.
#include "common.glsl"

layout(local_size_x = 256) in;
layout(set = 0, binding = 0) readonly buffer Gate { float gate[]; };
layout(set = 0, binding = 1) readonly buffer Up { float up[]; };
layout(set = 0, binding = 2) buffer Out { float outv[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint n;
} pc;

void main() {
    const uint i = FLAT_INVOCATION();
    if (i >= pc.n) return;
    const float g = gate[pc.base[0] / 4u + i];
    const float u = up[pc.base[1] / 4u + i];
#if defined(ACT_SILU)
    // exp(-g) overflows to Inf for g < -88: g / Inf is -0, the limit silu takes.
    const float act = g / (1.0 + exp(-g));
#elif defined(ACT_GELU_TANH)
    // tanh is clamped because some drivers build it from exp and return NaN (Inf / Inf) for
    // large arguments; tanh(15) is 1.0 in float already.
    const float sqrt_2_over_pi = 0.7978845608028654;
    const float t = clamp(sqrt_2_over_pi * (g + 0.044715 * g * g * g), -15.0, 15.0);
    const float act = 0.5 * g * (1.0 + tanh(t));
#else
#error "define ACT_SILU or ACT_GELU_TANH"
#endif
    outv[pc.base[2] / 4u + i] = act * u;
}
