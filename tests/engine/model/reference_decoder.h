#pragma once
// A plain scalar implementation of the llama-family decoder (Llama, Qwen2, Qwen3, Gemma 3, the
// MoE variants, gpt-oss), written
// independently of the engine's model code: naive loops, double accumulation, the whole
// sequence recomputed at once. The engine's forward pass must match it.

#include <string>
#include <vector>

namespace conclave::test {

// Logits for every position of `tokens`, [tokens.size()][n_vocab]; empty on failure.
std::vector<std::vector<float>> reference_decoder_logits(const std::string& path, const std::vector<int>& tokens);

// Normalized mean squared error of `actual` against `expected`.
double nmse(const std::vector<float>& expected, const std::vector<float>& actual);

} // namespace conclave::test
