#pragma once
// How the next token is chosen from the model's logits. Plain data; copy freely.

#include <cstdint>

namespace conclave {

struct SamplingParams {
    float temperature = 0.8f;        // <= 0: greedy (always the most likely token)
    int top_k = 40;                  // <= 0: off
    float top_p = 0.95f;             // >= 1: off
    float min_p = 0.05f;             // <= 0: off; drops tokens below min_p * p(best)
    float repetition_penalty = 1.0f; // 1: off; divides positive logits of recent tokens
    float presence_penalty = 0.0f;   // subtracted once from tokens seen recently
    float frequency_penalty = 0.0f;  // subtracted per occurrence
    int penalty_last_n = 64;         // how many recent tokens the penalties look at
    std::uint64_t seed = 0;          // same seed, same model, same backend: same tokens
};

} // namespace conclave
