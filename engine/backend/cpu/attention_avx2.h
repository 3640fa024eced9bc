#pragma once
// The attention of one token's query heads that share a KV head, on AVX2 with an F16 cache:
// each cache row is converted once for the whole group (GQA) instead of once per head, and
// scores, softmax and the weighted sum of values run without per-row calls. Used by
// cpu_attention.cpp, which keeps the generic path for everything else. Pure function.

#include <cstdint>

namespace conclave::cpu {

struct AttendGroup {
    const float* q;          // [head_dim, group]: the group's query heads, side by side
    const std::uint16_t* k;  // cache row 0 of this KV head (F16); rows `k_width` elements apart
    const std::uint16_t* v;  // its values' row 0; rows `v_width` apart (may point into k)
    std::int64_t k_width, v_width;
    std::int64_t lo, hi;     // positions attended: lo..hi inclusive
    std::int64_t ring;       // > 0: position p is row p % ring (KvLayer::ring), else row p
    int group, head_dim, head_dim_v;
    float scale, softcap;    // softcap 0: none
    const float* sinks;      // [group]: each head's sink logit (AttentionParams::sinks), or null
    float* out;              // [head_dim_v, group]
    float* scores;           // scratch: group * (hi - lo + 1) floats
};

// False (nothing written) when this processor or shape has no kernel: no AVX2, head_dim or
// head_dim_v not a multiple of 8, or more than 8 heads per KV head.
bool attend_group_f16_avx2(const AttendGroup& a);

} // namespace conclave::cpu
