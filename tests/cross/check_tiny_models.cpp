#include "check_tiny_models.h"

#include "conclave/model.h"
#include "conclave/session.h"
#include "quant/tensor_types.h"
#include "reference_decoder.h"
#include "reference_deepseek2.h"
#include "tiny_deepseek2.h"
#include "tiny_models.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace conclave::test {
namespace {

using quant::TensorType;

// Rows of test_decoder_models.cpp that reach every kernel family: legacy types (Q4_0, Q5_1,
// Q8_0 with a tied output), F16 weights (the float vector kernels), a mixture of experts
// (the expert matmul) and, at 256 wide, the K-quants (Q4_K, Q6_K; one layer, since their
// reference quantizer dominates the run time under emulation).
struct ModelCase {
    const char* name;
    const char* arch;
    TensorType type;
    int n_embd = 64;
    int n_ff = 96;
    bool tied = false;
    int n_expert = 0;
    int n_layer = 2;
};

// Quantized weights meet activations rounded to 8 bits per block of 32 (Q8_0/Q8_1), about
// 2e-4 NMSE on these models, or per 256 (Q8_K for the K-quants), which measures 2e-3 to 6e-3
// here with the AVX2 and the NEON kernels alike; float weights differ from the reference only
// by float-vs-double arithmetic (and F16's activation rounding). A kernel bug shows as ~1.
double bound_for(TensorType type) {
    if (type == TensorType::F32 || type == TensorType::F16) return 1e-5;
    return quant::tensor_type_info(type).block_size == 256 ? 1e-2 : 2e-3;
}

const std::vector<int> prompt{1, 5, 9, 42, 17, 3, 88, 60, 7, 7, 23, 51, 2, 96, 0, 33, 71};

// The engine's logits for the prompt against the reference's, position by position.
void compare(CheckReport& report, const char* name, const std::string& path, int n_vocab, double bound,
             const std::vector<std::vector<float>>& expected) {
    auto model = Model::load(path);
    if (!report.check(model.ok(), "%s: load failed: %s", name, model.ok() ? "" : model.error().message.c_str()))
        return;
    auto session = Session::create(**model, {.n_ctx = 64, .n_threads = 2, .kv_type = KvCacheType::f32});
    if (!report.check(session.ok(), "%s: no session", name)) return;
    auto logits = (*session)->evaluate(std::vector<std::int32_t>(prompt.begin(), prompt.end()), true);
    if (!report.check(logits.ok(), "%s: evaluate failed", name)) return;
    if (!report.check(expected.size() == prompt.size(), "%s: reference decoder failed", name)) return;
    const auto width = static_cast<std::ptrdiff_t>(n_vocab);
    for (std::size_t t = 0; t < prompt.size(); ++t) {
        const auto first = logits->begin() + static_cast<std::ptrdiff_t>(t) * width;
        const double e = nmse(expected[t], std::vector<float>(first, first + width));
        report.check(e < bound, "%s position %zu: NMSE %g (bound %g)", name, t, e, bound);
    }
}

// DeepSeek V3's latent attention and grouped sigmoid routing in miniature (F32 weights: the
// latent attention's generic path and the F32 vector kernels on NEON).
void check_deepseek(CheckReport& report, const std::string& dir) {
    const TinyDeepSeek2 spec = tiny_deepseek3();
    const std::string path = dir + "/deepseek3-f32.gguf";
    if (!report.check(write_tiny_deepseek2(spec, path), "deepseek3-f32: could not write the model")) return;
    compare(report, "deepseek3-f32", path, spec.n_vocab, 1e-5, reference_deepseek2_logits(path, prompt));
}

void check_model(CheckReport& report, const ModelCase& c, const std::string& dir) {
    TinyDecoder spec;
    spec.arch = c.arch;
    spec.matrix_type = c.type;
    spec.n_embd = c.n_embd;
    spec.n_ff = c.n_ff;
    spec.tied_output = c.tied;
    spec.n_expert = c.n_expert;
    spec.n_expert_used = c.n_expert ? 2 : 0;
    spec.n_layer = c.n_layer;
    const std::string path = dir + "/" + c.name + ".gguf";
    if (!report.check(write_tiny_decoder(spec, path), "%s: could not write the model", c.name))
        return;
    compare(report, c.name, path, spec.n_vocab, bound_for(c.type), reference_decoder_logits(path, prompt));
}

} // namespace

void check_tiny_models(CheckReport& report) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "conclave-cross-XXXXXX").string();
    if (!report.check(mkdtemp(pattern.data()) != nullptr, "could not create a temporary folder"))
        return;
    const ModelCase cases[] = {
        {"llama-q4_0", "llama", TensorType::Q4_0},
        {"qwen3-q5_1", "qwen3", TensorType::Q5_1},
        {"qwen2-q8_0-tied", "qwen2", TensorType::Q8_0, 64, 96, true},
        {"llama-f16", "llama", TensorType::F16},
        {"qwen3moe-q8_0", "qwen3moe", TensorType::Q8_0, 64, 96, false, 8},
        {"llama-q4_k", "llama", TensorType::Q4_K, 256, 256, false, 0, 1},
        {"qwen3-q6_k", "qwen3", TensorType::Q6_K, 256, 256, false, 0, 1},
    };
    for (const ModelCase& c : cases) {
        const auto start = std::chrono::steady_clock::now();
        check_model(report, c, pattern);
        std::printf(
            "  %-30s (%.1f s)\n", c.name,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    const auto start = std::chrono::steady_clock::now();
    check_deepseek(report, pattern);
    std::printf("  %-30s (%.1f s)\n", "deepseek3-f32",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    std::error_code ignored;
    std::filesystem::remove_all(pattern, ignored);
}

} // namespace conclave::test
