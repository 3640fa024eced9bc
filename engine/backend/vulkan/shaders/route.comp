#version 450
#extension GL_GOOGLE_include_directive : require
// Expert routing of a mixture-of-experts layer, as Backend::route and the host reference
// (backend/expert_routing.cpp) define it, choice for choice:
//   logits:  [n_expert, n_tokens] F32 (the router's output, where the GPU left it)
//   bias:    [n_expert] F32 selection-only bias (DeepSeek V3), or logits standing in
//   fixed:   [n_used, n_tokens] I32 staged expert ids (hash routing), or logits standing in
//   ids:     [n_used, n_tokens] I32 out, best first, ties to the lower id
//   weights: [n_used, n_tokens] F32 out
// One workgroup per token. Scores are computed in parallel into shared memory with the
// carefully rounded exp/log1p/sqrt/division of exact_math.glsl, so they equal the CPU's to
// an ulp or so; the order-sensitive steps (the softmax sum, the group ranking, the weights'
// sum) run on thread 0 in the host's order. Top-k takes n_used rounds: every thread offers its
// best untaken expert, thread 0 picks among the 64 offers. A token costs a few thousand
// steps of one thread, far less than the host round trip it replaces.
#include "common.glsl"
#include "exact_math.glsl"

#define WG 64u
#define MAX_EXPERTS 1024u
#define MAX_GROUPS 64u
#define MAX_USED 64u
layout(local_size_x = 64) in;

layout(set = 0, binding = 0) readonly buffer Logits { float logits[]; };
layout(set = 0, binding = 1) readonly buffer Bias { float bias[]; };
layout(set = 0, binding = 2) readonly buffer Fixed { int fixed_ids[]; };
layout(set = 0, binding = 3) writeonly buffer Ids { int ids[]; };
layout(set = 0, binding = 4) writeonly buffer Weights { float weights[]; };
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint n_expert;
    uint n_used;
    uint n_tokens;
    uint gating;       // 0 softmax, 1 sigmoid, 2 sqrt(softplus)
    uint has_bias;
    uint fixed_choice; // 1: the experts come from `fixed_ids`
    uint normalize;
    float scale;
    uint n_group;      // > 1 only when group-limited selection applies
    uint n_group_used;
    uint group_best;   // 1: a group scores its best expert; 0: the sum of its best two
} pc;

shared float score[MAX_EXPERTS];
shared float selection[MAX_EXPERTS];
shared uint taken[MAX_EXPERTS / 32u];
shared float offer_value[WG];
shared int offer_id[WG];
shared float group_score[MAX_GROUPS];
shared float shared_value; // the softmax's maximum, then its sum
shared int chosen[MAX_USED];

// Whether (va, a) ranks before (vb, b): the higher value, on a tie the lower id.
bool ranks_before(float va, int a, float vb, int b) {
    return va > vb || (va == vb && a < b);
}

float gate(float logit) {
    if (pc.gating == 1u) return divide_rounded(1.0, 1.0 + exp_accurate(-logit));
    // softplus(v) = ln(1 + e^v), which is v itself (to float precision) beyond 20.
    return sqrt_rounded(logit > 20.0 ? logit : log1p_accurate(exp_accurate(logit)));
}

void compute_scores(uint tid, uint first) {
    const uint n = pc.n_expert;
    if (pc.gating != 0u) {
        for (uint e = tid; e < n; e += WG) score[e] = gate(logits[first + e]);
        barrier();
        return;
    }
    if (tid == 0u) {
        float top = logits[first];
        for (uint e = 1u; e < n; ++e) top = max(top, logits[first + e]);
        shared_value = top;
    }
    barrier();
    const float top = shared_value;
    for (uint e = tid; e < n; e += WG) score[e] = exp_accurate(logits[first + e] - top);
    barrier();
    if (tid == 0u) {
        precise float sum = 0.0;
        for (uint e = 0u; e < n; ++e) sum += score[e];
        shared_value = sum;
    }
    barrier();
    const float sum = shared_value;
    for (uint e = tid; e < n; e += WG) score[e] = divide_rounded(score[e], sum);
    barrier();
}

// Leaves -infinity on the experts of every group not among the n_group_used best (a group
// ranks by its score, ties to the lower group, as the host's stable sort).
void keep_best_groups(uint tid) {
    const uint per_group = pc.n_expert / pc.n_group;
    if (tid < pc.n_group) {
        float best = -1.0 / 0.0, second = -1.0 / 0.0;
        for (uint i = 0u; i < per_group; ++i) {
            const float v = selection[tid * per_group + i];
            if (v > best) {
                second = best;
                best = v;
            } else if (v > second) {
                second = v;
            }
        }
        group_score[tid] = pc.group_best != 0u || per_group < 2u ? best : best + second;
    }
    barrier();
    for (uint e = tid; e < pc.n_expert; e += WG) {
        const uint g = e / per_group;
        uint rank = 0u;
        for (uint h = 0u; h < pc.n_group; ++h)
            if (ranks_before(group_score[h], int(h), group_score[g], int(g))) ++rank;
        if (rank >= pc.n_group_used) selection[e] = -1.0 / 0.0;
    }
    barrier();
}

void choose_top(uint tid) {
    for (uint e = tid; e < MAX_EXPERTS / 32u; e += WG) taken[e] = 0u;
    barrier();
    for (uint s = 0u; s < pc.n_used; ++s) {
        int best = -1;
        float best_value = 0.0;
        for (uint e = tid; e < pc.n_expert; e += WG) {
            if ((taken[e / 32u] & (1u << (e % 32u))) != 0u) continue;
            if (best < 0 || ranks_before(selection[e], int(e), best_value, best)) {
                best = int(e);
                best_value = selection[e];
            }
        }
        offer_value[tid] = best_value;
        offer_id[tid] = best;
        barrier();
        if (tid == 0u) {
            int pick = -1;
            float pick_value = 0.0;
            for (uint i = 0u; i < WG; ++i) {
                if (offer_id[i] < 0) continue;
                if (pick < 0 || ranks_before(offer_value[i], offer_id[i], pick_value, pick)) {
                    pick = offer_id[i];
                    pick_value = offer_value[i];
                }
            }
            chosen[s] = pick;
            taken[uint(pick) / 32u] |= 1u << (uint(pick) % 32u);
        }
        barrier();
    }
}

void main() {
    const uint t = FLAT_WORKGROUP();
    if (t >= pc.n_tokens) return; // whole workgroups leave together
    const uint tid = gl_LocalInvocationID.x;
    const uint k = pc.n_used;
    compute_scores(tid, pc.base[0] / 4u + t * pc.n_expert);
    if (pc.fixed_choice != 0u) {
        if (tid < k) chosen[tid] = fixed_ids[pc.base[2] / 4u + t * k + tid];
        barrier();
    } else {
        for (uint e = tid; e < pc.n_expert; e += WG) {
            precise const float biased = score[e] + (pc.has_bias != 0u ? bias[pc.base[1] / 4u + e] : 0.0);
            selection[e] = biased;
        }
        barrier();
        if (pc.n_group > 1u) keep_best_groups(tid);
        choose_top(tid);
    }
    if (tid != 0u) return;
    precise float kept = 0.0;
    for (uint s = 0u; s < k; ++s) kept += score[chosen[s]];
    // The host's floor on the sum (the smallest normal half): sigmoid scores that all
    // underflow do not divide by zero.
    const float divisor = pc.normalize != 0u ? max(kept, 6.103515625e-5) : 1.0;
    for (uint s = 0u; s < k; ++s) {
        precise const float w = divide_rounded(score[chosen[s]], divisor) * pc.scale;
        ids[pc.base[3] / 4u + t * k + s] = chosen[s];
        weights[pc.base[4] / 4u + t * k + s] = w;
    }
}
