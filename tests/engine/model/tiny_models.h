#pragma once
// Tiny random-weight models written with our GGUF writer, for architecture tests. Weights
// are seeded from the tensor name, so a model is the same in every run.

#include "gguf/gguf_writer.h"

#include <optional>
#include <string>

namespace conclave::test {

struct TinyDecoder {
    std::string arch = "llama";   // llama, qwen2, qwen3, gemma3, qwen3moe, qwen2moe, olmoe, gpt-oss
    int n_vocab = 97;
    int n_embd = 64;
    int n_head = 4;
    int n_head_kv = 2;
    int head_dim = 0;                // > 0: written as attention.key_length/value_length (else n_embd / n_head)
    int n_layer = 2;
    int n_ff = 96;
    int n_ctx = 256;
    float rope_base = 10000.0f;
    bool tied_output = false;
    bool rope_freq_factors = false;  // Llama 3 style rope_freqs.weight
    float yarn_factor = 0.0f;        // > 0: rope.scaling.type yarn with this factor
    int yarn_original_ctx = 0;
    int n_expert = 0;                // > 0: routed experts replace the dense FFN
    int n_expert_used = 0;
    int n_ff_exp = 32;
    float expert_weights_scale = 0.0f; // > 0: written as <arch>.expert_weights_scale
    int sliding_window = 0;          // gemma3, gpt-oss: attention.sliding_window
    quant::TensorType matrix_type = quant::TensorType::F32; // type of the 2-D weights
    std::optional<quant::TensorType> expert_type;           // routed experts' type, else matrix_type
    // A minimal SentencePiece-style vocabulary (<unk>, <s>, </s>, then "t3"...), so that peers
    // that insist on one (llama.cpp) load the file; our engine needs none to run token ids.
    bool with_vocab = false;
};

// gpt-oss in miniature: 4 layers (0 and 2 windowed), a window of 5 positions so a 17-token
// prompt outgrows it, heads of 32 with q wider than the embedding (as gpt-oss-20b's 64 x 64
// against 2880), 8 experts as wide as the embedding (as gpt-oss's) of which 4 are used, YaRN
// over an original context of 8.
TinyDecoder tiny_gpt_oss();

// Writes the model; false when a tensor could not be built (a test bug).
bool write_tiny_decoder(const TinyDecoder& spec, const std::string& path);

// values ([rows][row] floats) as tensor data of `type`; random valid blocks for types we only
// read (IQ4_NL, IQ4_XS, Q2_K, Q3_K). ok turns false when a row cannot be encoded.
std::vector<unsigned char> encode_weights(const std::vector<float>& values, std::int64_t row, quant::TensorType type, bool& ok);

// The tokenizer.* keys of a minimal SentencePiece-style vocabulary (<unk>, <s>, </s>, then
// "t3"...), so that peers that insist on one (llama.cpp) load a tiny file.
void write_minimal_vocab(gguf::GgufWriter& w, int n_vocab);

// A tensor of seeded values (from its name; norms centred on 1) encoded as `type`; false
// when it could not be built.
bool add_seeded_tensor(gguf::GgufWriter& w, const std::string& name, const std::vector<std::int64_t>& ne, float scale,
                       quant::TensorType type);

// Deterministic pseudo-random values in [-scale, scale) from a name.
std::vector<float> seeded_values(const std::string& name, std::size_t n, float scale);

} // namespace conclave::test
