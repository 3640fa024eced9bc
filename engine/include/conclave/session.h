#pragma once
// Session: one conversation's inference state over a Model — its KV cache, its thread pool
// and the tokens the cache holds. Each call reuses the longest common prefix with what the
// cache already holds, so a follow-up chat turn only processes its new tokens.
// Use from one thread at a time; request_cancel() may be called from any thread and takes
// effect between tokens and between layers.

#include "conclave/model.h"
#include "conclave/result.h"
#include "conclave/sampling.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace conclave {

// Stored in settings; never reorder or reuse values.
// q8_0: 8.5 bits per value (about half of f16's memory) for long contexts; needs a head
// size that is a multiple of 32, otherwise Session::create refuses it.
enum class KvCacheType : std::uint8_t { f16 = 0, f32 = 1, q8_0 = 2 };

// Stored in settings; never reorder or reuse values.
enum class ComputeBackend : std::uint8_t { cpu = 0, vulkan = 1 };
const char* compute_backend_name(ComputeBackend backend);

struct SessionOptions {
    int n_ctx = 4096;      // clamped to the model's trained context length
    int n_threads = 0;     // 0: one per hardware thread
    int n_batch = 256;     // prompt tokens per forward pass
    KvCacheType kv_type = KvCacheType::f16;
    // Vulkan: weights placed on the GPU within gpu_budget (routed experts go to the CPU
    // first when they do not all fit). Without a usable device the session runs on the CPU
    // and says why in Session::backend_note().
    ComputeBackend backend = ComputeBackend::cpu;
    int gpu_device = -1;            // -1: the best device (discrete, integrated, software)
    std::uint64_t gpu_budget = 0;   // bytes; 0: what the device reports free, less a margin
};

// Memory a session of a model needs, before creating it.
struct MemoryEstimate {
    std::uint64_t weights = 0;  // the model's tensor data (mapped; resident as it is used)
    std::uint64_t kv_cache = 0; // K and V for the (clamped) context length
    std::uint64_t scratch = 0;  // activations of one batch of n_batch tokens
    std::uint64_t total() const { return weights + kv_cache + scratch; }
};
MemoryEstimate estimate_memory(const ModelInfo& info, const SessionOptions& options);

// Stored with messages; never reorder or reuse values.
enum class StopReason : std::uint8_t {
    end_of_generation = 0, // the model emitted an end-of-generation token
    max_tokens = 1,
    stop_string = 2,
    context_full = 3,
    cancelled = 4,
    callback = 5,          // the token callback asked to stop
};

const char* stop_reason_name(StopReason reason);

struct GenerateOptions {
    SamplingParams sampling;
    int max_tokens = 512;
    std::vector<std::int32_t> stop_tokens; // end-of-generation ids (not emitted)
    // Generation ends when the answer's text contains one of these; neither it nor anything
    // after it is shown. Needs the model's tokenizer (ignored for vocabulary-less files).
    std::vector<std::string> stop_strings;
};

struct GenerationResult {
    std::vector<std::int32_t> tokens; // generated, without the stop token
    std::string text;                 // what was shown: UTF-8, without a matched stop string
    std::string stop_string;          // the stop string that ended it, if one did
    std::int32_t stop_token = -1;     // the end-of-generation id that ended it, if one did
    StopReason stop_reason = StopReason::max_tokens;
    int n_prompt = 0;            // prompt tokens given
    int n_prompt_evaluated = 0;  // of which computed (the rest came from the cache)
    double prompt_ms = 0.0;
    double generate_ms = 0.0;    // from the first to the last generated token
    double first_token_ms = 0.0; // from the call to the first generated token
};

// One step of a streamed answer. text is whole UTF-8 characters released by this token; it
// is empty while a character or a possible stop string is incomplete, and holds more than
// the token's own text when held-back text is released. A last call with token -1 carries
// text still held back when generation ended (if any).
struct GeneratedPiece {
    std::int32_t token = -1;
    std::string_view text;
    double ms = 0.0; // since generate() was called
};

// Called for each generated token; return false to stop.
using PieceCallback = std::function<bool(const GeneratedPiece&)>;

class Session {
public:
    static Result<std::unique_ptr<Session>> create(const Model& model, const SessionOptions& options = {});
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Makes the cache hold exactly `tokens` and returns the logits of the last one. With
    // all_logits every token is recomputed and one row of logits per token is returned.
    Result<std::vector<float>> evaluate(std::span<const std::int32_t> tokens, bool all_logits = false);

    // What generate does with its prompt: like evaluate, but the last prompt_tail tokens
    // always run as one batch of their own, also when the cache holds them, so the logits do
    // not depend on what the cache held and a fixed seed regenerates the same answer. A
    // follow-up turn thus recomputes at least this many tokens. (evaluate itself recomputes
    // only the last token, so callers that extend a sequence one token at a time stay cheap.)
    static constexpr std::size_t prompt_tail = 8;
    Result<std::vector<float>> evaluate_prompt(std::span<const std::int32_t> tokens);

    Result<GenerationResult> generate(std::span<const std::int32_t> prompt, const GenerateOptions& options,
                                      const PieceCallback& on_piece = {});

    void request_cancel() { m_cancel.store(true); }
    // The backend running this session ("cpu" or "vulkan") and, when the GPU was asked for
    // but is not (fully) used, why: no device, out of GPU memory, a device error mid-answer.
    std::string_view backend_name() const;
    const std::string& backend_note() const { return m_backend_note; }
    // What goes where when the session runs on a GPU (empty on the CPU).
    const std::vector<std::string>& placement_report() const { return m_placement_report; }
    // What this session holds: its KV cache, the most scratch any pass has used so far, and
    // the model's weights.
    MemoryEstimate memory_used() const;
    int n_ctx() const { return m_n_ctx; }
    std::span<const std::int32_t> cached_tokens() const { return m_cached; }
    const Model& model() const { return m_model; }

private:
    Session(const Model& model, int n_ctx, int n_batch);
    // Runs tokens after the cache; want_logits false: only the cache is wanted (empty result).
    Result<std::vector<float>> extend(std::span<const std::int32_t> tokens, bool all_logits, bool want_logits = true);
    void fall_back_to_cpu(const std::string& why);
    // How many leading tokens the cache already holds (never the last one).
    std::size_t reusable_prefix(std::span<const std::int32_t> tokens, std::size_t tail) const;

    struct Runtime;
    const Model& m_model;
    int m_n_ctx;
    int m_n_batch;
    std::unique_ptr<Runtime> m_runtime;
    std::vector<std::int32_t> m_cached;
    std::size_t m_reused = 0; // positions the last evaluate() took from the cache
    std::atomic<bool> m_cancel{false};
    std::string m_backend_note;
    std::vector<std::string> m_placement_report;
};

} // namespace conclave
