#pragma once
// A plain scalar deepseek2 forward pass, written independently of the engine: attention in
// its uncompressed form (each head's keys and values up-projected from the latent with
// attn_k_b / attn_v_b, ordinary multi-head attention over them) where the engine attends in
// the latent space with those projections absorbed; routing from the model card's
// description; double accumulation; the whole sequence recomputed at once.

#include <string>
#include <vector>

namespace conclave::test {

// Logits for every position of `tokens`, [tokens.size()][n_vocab]; empty on failure.
// routing_margins (if given) receives, per position, the smallest relative gap over all MoE
// layers between the last chosen and the first rejected expert (or expert group) in
// selection score: where it is tiny, rounding upstream may legitimately choose the other one.
std::vector<std::vector<float>> reference_deepseek2_logits(const std::string& path, const std::vector<int>& tokens,
                                                          std::vector<double>* routing_margins = nullptr);

} // namespace conclave::test
