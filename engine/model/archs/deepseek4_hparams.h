#pragma once
// DeepSeek V4's hyper-parameters as GGUF files carry them (deepseek4.*), checked for the
// combinations the forward pass is written for. See ../shared/design/deepseek4.md §2.

#include "backend/backend.h"
#include "model/archs/deepseek4_hyper.h"
#include "model/model_file.h"
#include "backend/expert_routing.h"

#include <vector>

namespace conclave::model {

struct DeepSeek4Hparams {
    int n_layer = 0, n_embd = 0, n_head = 0, head_dim = 0, n_rot = 0, n_vocab = 0, n_ctx = 0;
    int q_lora_rank = 0;
    int o_groups = 0, o_lora_rank = 0;
    int window = 0;                  // sliding window of every layer
    std::vector<int> compress_ratios; // per layer: 0, 4 or 128
    int indexer_heads = 0, indexer_dim = 0, indexer_top_k = 0;
    HyperSpec hyper;
    int hash_layers = 0;             // the first layers route by token id
    int n_ff_exp = 0, n_expert_shared = 0;
    std::vector<float> clamp_routed, clamp_shared; // per layer
    float eps = 1e-6f;
    // Window-only layers rotate with the plain base; compressing layers (their window keys,
    // compressed keys and indexer too) with the compressed base and YaRN.
    RopeParams rope_window, rope_compressed;
    RoutingSpec routing;

    bool any_ratio(int ratio) const;
};

Result<DeepSeek4Hparams> read_deepseek4_hparams(const ModelFile& file);

} // namespace conclave::model
