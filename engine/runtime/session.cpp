#include "conclave/session.h"

#include "runtime/session_backend.h"
#include "core/thread_pool.h"
#include "model/architecture.h"
#include "runtime/sampler.h"
#include "runtime/stop_strings.h"
#include "tokenizer/detokenizer.h"

#include <algorithm>
#include <chrono>
#include <optional>

namespace conclave {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

const char* stop_reason_name(StopReason reason) {
    switch (reason) {
    case StopReason::end_of_generation: return "end_of_generation";
    case StopReason::max_tokens: return "max_tokens";
    case StopReason::stop_string: return "stop_string";
    case StopReason::context_full: return "context_full";
    case StopReason::cancelled: return "cancelled";
    case StopReason::callback: return "callback";
    }
    return "unknown";
}

const char* compute_backend_name(ComputeBackend backend) {
    switch (backend) {
    case ComputeBackend::cpu: return "cpu";
    case ComputeBackend::vulkan: return "vulkan";
    }
    return "unknown";
}

MemoryEstimate estimate_memory(const ModelInfo& info, const SessionOptions& options) {
    const int n_ctx = info.context_length > 0 ? std::min(options.n_ctx, info.context_length) : options.n_ctx;
    MemoryEstimate m;
    m.weights = info.weight_bytes;
    m.kv_cache = runtime::kv_cache_bytes(info, options.kv_type, n_ctx);
    const int batch = std::max(1, std::min(options.n_batch, std::max(n_ctx, 1)));
    m.scratch = info.scratch_bytes_fixed + info.scratch_bytes_per_token * static_cast<std::uint64_t>(batch);
    return m;
}

struct Session::Runtime {
    explicit Runtime(int n_threads) : pool(n_threads) {}
    ThreadPool pool;
    std::unique_ptr<Backend> backend;
    quant::TensorType kv_type = quant::TensorType::F16;
    std::vector<KvLayer> cache;

    void allocate_cache(const model::ModelShape& shape, int n_ctx) {
        cache.clear();
        for (int i = 0; i < shape.n_layer; ++i) {
            // A ring only when it is shorter than the context (runtime::kv_layer_rows).
            const std::int64_t rows = runtime::kv_layer_rows(shape.ring_of(i), n_ctx);
            const bool ring = rows < n_ctx;
            KvLayer layer{backend->allocate(kv_type, {shape.k_width, rows, 1, 1}),
                          shape.v_width > 0 ? backend->allocate(kv_type, {shape.v_width, rows, 1, 1}) : Tensor{},
                          {},
                          ring ? rows : 0};
            if (static_cast<std::size_t>(i) < shape.extra_cache.size())
                for (const CacheExtra& extra : shape.extra_cache[static_cast<std::size_t>(i)])
                    layer.extra.push_back(backend->allocate(extra.f32 ? quant::TensorType::F32 : kv_type,
                                                            {extra.width, extra.rows(n_ctx), 1, 1}));
            cache.push_back(std::move(layer));
        }
    }
};

std::string_view Session::backend_name() const { return m_runtime->backend->name(); }

Session::Session(const Model& model, int n_ctx, int n_batch) : m_model(model), m_n_ctx(n_ctx), m_n_batch(n_batch) {}

Session::~Session() = default;

Result<std::unique_ptr<Session>> Session::create(const Model& model, const SessionOptions& options) {
    const model::ModelShape& shape = model.arch().shape();
    if (options.n_ctx <= 0) return make_error(ErrorCode::invalid_argument, "the context length must be positive");
    const int n_ctx = shape.n_ctx_train > 0 ? std::min(options.n_ctx, shape.n_ctx_train) : options.n_ctx;
    auto session = std::unique_ptr<Session>(new Session(model, n_ctx, std::max(1, options.n_batch)));
    session->m_runtime = std::make_unique<Runtime>(options.n_threads);
    runtime::SessionBackend chosen = runtime::make_session_backend(model, options, n_ctx, session->m_runtime->pool);
    session->m_runtime->backend = std::move(chosen.backend);
    session->m_backend_note = std::move(chosen.note);
    session->m_placement_report = std::move(chosen.report);
    const quant::TensorType kv = options.kv_type == KvCacheType::f32    ? quant::TensorType::F32
                                 : options.kv_type == KvCacheType::q8_0 ? quant::TensorType::Q8_0
                                                                        : quant::TensorType::F16;
    if (kv == quant::TensorType::Q8_0 && shape.head_dim % 32 != 0)
        return make_error(ErrorCode::unsupported, "a Q8_0 KV cache needs a head size that is a multiple of 32 (this model's is " +
                                                      std::to_string(shape.head_dim) + "); use F16");
    session->m_runtime->kv_type = kv;
    session->m_runtime->allocate_cache(shape, n_ctx);
    if (Result<void> ok = session->m_runtime->backend->status(); !ok) session->fall_back_to_cpu(ok.error().message);
    return session;
}

MemoryEstimate Session::memory_used() const {
    MemoryEstimate m;
    m.weights = m_model.info().weight_bytes;
    for (const KvLayer& layer : m_runtime->cache) {
        m.kv_cache += layer.k.n_bytes() + (layer.v.valid() ? layer.v.n_bytes() : 0);
        for (const Tensor& extra : layer.extra) m.kv_cache += extra.n_bytes();
    }
    m.scratch = runtime::backend_scratch_bytes(*m_runtime->backend);
    return m;
}

void Session::fall_back_to_cpu(const std::string& why) {
    m_runtime->backend = runtime::make_cpu_backend(m_runtime->pool).backend;
    m_runtime->allocate_cache(m_model.arch().shape(), m_n_ctx);
    m_cached.clear();
    m_backend_note = why + "; running on the CPU from now on";
    m_placement_report.clear();
}

// Runs `tokens` after what the cache holds, in batches of n_batch. When the GPU fails on
// the way, the session moves to the CPU and recomputes everything the cache held.
Result<std::vector<float>> Session::extend(std::span<const std::int32_t> tokens, bool all_logits, bool want_logits) {
    const std::size_t held = m_cached.size();
    std::vector<float> logits, all;
    if (m_cached.size() + tokens.size() > static_cast<std::size_t>(m_n_ctx))
        return make_error(ErrorCode::invalid_argument, "the conversation needs " +
                                                           std::to_string(m_cached.size() + tokens.size()) +
                                                           " tokens but the context holds " + std::to_string(m_n_ctx));
    for (std::size_t done = 0; done < tokens.size();) {
        const std::size_t count = std::min<std::size_t>(static_cast<std::size_t>(m_n_batch), tokens.size() - done);
        model::ForwardBatch batch;
        batch.tokens = tokens.subspan(done, count);
        batch.first_pos = static_cast<std::int64_t>(m_cached.size());
        batch.all_logits = all_logits;
        // Only the last batch's logits are returned; the output matrix is skipped for the rest.
        batch.no_logits = !all_logits && (!want_logits || done + count < tokens.size());
        batch.cache = &m_runtime->cache;
        batch.cancel = &m_cancel;
        batch.logits = &logits;
        Result<void> ran = m_model.arch().forward(*m_runtime->backend, batch);
        if (Result<void> device = m_runtime->backend->status(); !device) {
            std::vector<std::int32_t> again(m_cached.begin(), m_cached.begin() + static_cast<std::ptrdiff_t>(held));
            again.insert(again.end(), tokens.begin(), tokens.end());
            fall_back_to_cpu(device.error().message);
            return extend(again, all_logits, want_logits);
        }
        if (!ran) return ran.error();
        m_cached.insert(m_cached.end(), batch.tokens.begin(), batch.tokens.end());
        if (all_logits) all.insert(all.end(), logits.begin(), logits.end());
        done += count;
    }
    return all_logits ? all : logits;
}

std::size_t Session::reusable_prefix(std::span<const std::int32_t> tokens, std::size_t tail) const {
    std::size_t keep = 0;
    while (keep < m_cached.size() && keep < tokens.size() && m_cached[keep] == tokens[keep]) ++keep;
    // The tail is always recomputed; at least the last token, whose logits are the answer.
    keep = std::min(keep, tokens.size() - std::min(tokens.size(), std::max<std::size_t>(tail, 1)));
    // An architecture with rolling state may only continue from an earlier position.
    if (keep == 0) return 0;
    const std::int64_t resume = m_model.arch().resume_position(*m_runtime->backend, m_runtime->cache, static_cast<std::int64_t>(keep));
    return static_cast<std::size_t>(std::clamp<std::int64_t>(resume, 0, static_cast<std::int64_t>(keep)));
}

Result<std::vector<float>> Session::evaluate(std::span<const std::int32_t> tokens, bool all_logits) {
    m_cancel.store(false);
    if (tokens.empty()) return make_error(ErrorCode::invalid_argument, "no tokens to evaluate");
    const std::size_t keep = all_logits ? 0 : reusable_prefix(tokens, 1);
    m_reused = keep;
    m_cached.resize(keep);
    return extend(tokens.subspan(keep), all_logits);
}

Result<std::vector<float>> Session::evaluate_prompt(std::span<const std::int32_t> tokens) {
    m_cancel.store(false);
    if (tokens.empty()) return make_error(ErrorCode::invalid_argument, "no tokens to evaluate");
    const std::size_t keep = reusable_prefix(tokens, prompt_tail);
    m_reused = keep;
    m_cached.resize(keep);
    // The prompt's last few tokens always run as one batch of their own, after the rest. A
    // regenerated answer reuses the cache and recomputes only that tail, and a batch's tokens
    // round differently with other batch sizes (a GEMM tile sums in another order than the
    // one-row kernels); with the same tail on a cold cache too, the logits do not depend on
    // what the cache held, so a fixed seed gives the same answer when it is regenerated.
    const std::size_t tail_begin = tokens.size() - std::min(tokens.size(), prompt_tail);
    if (keep < tail_begin) {
        Result<std::vector<float>> head = extend(tokens.subspan(keep, tail_begin - keep), false, false);
        if (!head) return head.error();
    }
    return extend(tokens.subspan(std::max(keep, tail_begin)), false);
}

Result<GenerationResult> Session::generate(std::span<const std::int32_t> prompt, const GenerateOptions& options,
                                           const PieceCallback& on_piece) {
    const Clock::time_point start = Clock::now();
    GenerationResult result;
    result.n_prompt = static_cast<int>(prompt.size());
    if (prompt.size() >= static_cast<std::size_t>(m_n_ctx)) {
        result.stop_reason = StopReason::context_full;
        return result;
    }
    Result<std::vector<float>> logits = evaluate_prompt(prompt);
    if (!logits) {
        if (logits.error().code == ErrorCode::cancelled) {
            result.stop_reason = StopReason::cancelled;
            return result;
        }
        return logits.error();
    }
    result.n_prompt_evaluated = static_cast<int>(prompt.size() - m_reused);
    result.prompt_ms = ms_since(start);

    runtime::Sampler sampler(options.sampling);
    std::optional<tokenizer::Detokenizer> detokenizer;
    if (m_model.tokenizer()) detokenizer.emplace(*m_model.tokenizer());
    runtime::StopStringFilter stops(detokenizer ? options.stop_strings : std::vector<std::string>{});
    std::vector<std::int32_t> history(prompt.begin(), prompt.end());
    const Clock::time_point gen_start = Clock::now();
    for (int i = 0; i < options.max_tokens; ++i) {
        if (m_cancel.load()) {
            result.stop_reason = StopReason::cancelled;
            break;
        }
        const std::int32_t id = sampler.sample(*logits, history);
        if (i == 0) result.first_token_ms = ms_since(start);
        if (std::find(options.stop_tokens.begin(), options.stop_tokens.end(), id) != options.stop_tokens.end()) {
            result.stop_reason = StopReason::end_of_generation;
            result.stop_token = id;
            break;
        }
        result.tokens.push_back(id);
        history.push_back(id);
        runtime::StopStringFilter::Step shown = stops.push(detokenizer ? detokenizer->push(id) : std::string());
        result.text += shown.text;
        if (on_piece && !on_piece(GeneratedPiece{id, shown.text, ms_since(start)})) {
            result.stop_reason = StopReason::callback;
            break;
        }
        if (shown.stopped) {
            result.stop_reason = StopReason::stop_string;
            result.stop_string = std::move(shown.matched);
            break;
        }
        if (i + 1 == options.max_tokens) break;
        if (m_cached.size() + 1 >= static_cast<std::size_t>(m_n_ctx)) {
            result.stop_reason = StopReason::context_full;
            break;
        }
        const std::int32_t next[] = {id};
        logits = extend(next, false);
        if (!logits) {
            if (logits.error().code != ErrorCode::cancelled) return logits.error();
            result.stop_reason = StopReason::cancelled;
            break;
        }
    }
    result.generate_ms = ms_since(gen_start);
    if (result.stop_reason != StopReason::stop_string) {
        // A partial character at the very end becomes U+FFFD; a partial stop string is text.
        runtime::StopStringFilter::Step last = stops.push(detokenizer ? detokenizer->flush() : std::string());
        const std::string rest = last.text + stops.finish();
        if (last.stopped) result.stop_reason = StopReason::stop_string, result.stop_string = std::move(last.matched);
        result.text += rest;
        if (on_piece && !rest.empty()) on_piece(GeneratedPiece{-1, rest, ms_since(start)});
    }
    return result;
}

} // namespace conclave
