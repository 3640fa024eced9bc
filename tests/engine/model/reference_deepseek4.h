#pragma once
// A plain scalar deepseek4 (DeepSeek V4) forward pass, written straight from
// design/deepseek4.md and independently of the engine: hyper-connections with Sinkhorn mixing,
// attention over a sliding window plus compressed keys (ratio 128: all complete blocks;
// ratio 4: the lightning indexer's top-k), sqrt-softplus routing. Weights read with our GGUF
// reader and dequantized by our quant code; double arithmetic; the whole sequence recomputed
// at once (no cache, no batching), so it says what any batching must give.

#include <string>
#include <vector>

namespace conclave::test {

// Where rounding may legitimately flip a discrete choice, per position (INFINITY where the
// position makes no such choice), and what the indexer chose.
struct Deepseek4Margins {
    // Smallest relative gap, over the layers routed by score (not the hash-routed ones),
    // between the last chosen and the first rejected expert's selection score (score + bias).
    std::vector<double> routing;
    // Smallest gap, over the ratio-4 layers, between the indexer score S of the last kept and
    // the first dropped block, relative to the largest |S| of that query; 0 is an exact tie.
    std::vector<double> indexer;
    // Every query that saw more complete ratio-4 blocks than top_k: the blocks it attended.
    struct IndexerChoice {
        int layer = 0;
        int position = 0;
        int n_visible = 0;
        std::vector<int> blocks; // ascending
    };
    std::vector<IndexerChoice> indexer_choices;
};

// Logits for every position of `tokens`, [tokens.size()][n_vocab]; empty on failure (file
// unreadable, or not a deepseek4 file this reference understands).
std::vector<std::vector<float>> reference_deepseek4_logits(const std::string& gguf_path,
                                                           const std::vector<int>& tokens,
                                                           Deepseek4Margins* margins = nullptr);

} // namespace conclave::test
