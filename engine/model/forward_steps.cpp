#include "model/forward_steps.h"

#include <algorithm>

namespace conclave::model {

Result<void> check_token_ids(std::span<const std::int32_t> tokens, int n_vocab) {
    for (const std::int32_t id : tokens)
        if (id < 0 || id >= n_vocab)
            return make_error(ErrorCode::invalid_argument, "token id " + std::to_string(id) + " is outside the vocabulary");
    return {};
}

std::vector<std::int32_t> batch_positions(const ForwardBatch& batch) {
    std::vector<std::int32_t> positions(batch.tokens.size());
    for (std::size_t i = 0; i < positions.size(); ++i)
        positions[i] = static_cast<std::int32_t>(batch.first_pos + static_cast<std::int64_t>(i));
    return positions;
}

Tensor embed_tokens(Backend& b, const Tensor& table, const ForwardBatch& batch, int n_embd) {
    Tensor x = b.scratch(quant::TensorType::F32, {n_embd, static_cast<std::int64_t>(batch.tokens.size()), 1, 1});
    b.get_rows(table, batch.tokens, x);
    return x;
}

Result<void> forward_in_steps(ForwardBatch& batch, std::int64_t max_step, const std::function<Result<void>(ForwardBatch&)>& step) {
    const auto limit = static_cast<std::size_t>(max_step);
    if (batch.tokens.size() <= limit) return step(batch);
    std::vector<float> all, step_logits;
    for (std::size_t done = 0; done < batch.tokens.size(); done += limit) {
        ForwardBatch part = batch;
        part.tokens = batch.tokens.subspan(done, std::min(limit, batch.tokens.size() - done));
        part.first_pos = batch.first_pos + static_cast<std::int64_t>(done);
        part.logits = &step_logits;
        part.no_logits = batch.no_logits || done + limit < batch.tokens.size();
        if (Result<void> ok = step(part); !ok) return ok;
        if (batch.all_logits) all.insert(all.end(), step_logits.begin(), step_logits.end());
    }
    *batch.logits = batch.all_logits ? std::move(all) : std::move(step_logits);
    return {};
}

Result<void> check_cancel(const ForwardBatch& batch) {
    if (batch.cancel && batch.cancel->load(std::memory_order_relaxed))
        return make_error(ErrorCode::cancelled, "stopped by the user");
    return {};
}

void write_logits(Backend& b, const Tensor& x, const Tensor& norm, float eps, const Tensor& output, ForwardBatch& batch) {
    if (batch.no_logits && !batch.all_logits) {
        batch.logits->clear();
        return;
    }
    const std::int64_t n = x.ne[1], n_embd = x.ne[0], n_vocab = output.ne[1];
    const std::int64_t first_out = batch.all_logits ? 0 : n - 1;
    const std::int64_t n_out = n - first_out;
    Tensor normed = b.scratch(quant::TensorType::F32, {n_embd, n_out, 1, 1});
    b.rms_norm(b.view_rows(x, first_out, n_out), norm, eps, normed);
    Tensor logits = b.scratch(quant::TensorType::F32, {n_vocab, n_out, 1, 1});
    b.mul_mat(output, normed, logits);
    batch.logits->resize(static_cast<std::size_t>(n_out * n_vocab));
    b.download(logits, batch.logits->data(), batch.logits->size() * sizeof(float));
}

} // namespace conclave::model
