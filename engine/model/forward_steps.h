#pragma once
// The steps every architecture's forward pass begins and ends with: checking the batch's
// token ids, their positions, the token embeddings, a cancel check between layers, and the
// output (final norm, LM head, logits of the last or of every token copied to the host).

#include "model/architecture.h"

#include <functional>
#include <vector>

namespace conclave::model {

// An invalid_argument error naming the first token id outside [0, n_vocab).
Result<void> check_token_ids(std::span<const std::int32_t> tokens, int n_vocab);

// first_pos, first_pos + 1, ... for each token of the batch.
std::vector<std::int32_t> batch_positions(const ForwardBatch& batch);

// [n_embd, n_tokens] F32 embedding rows of the batch's tokens.
Tensor embed_tokens(Backend& b, const Tensor& table, const ForwardBatch& batch, int n_embd);

// A cancelled error when the user asked to stop.
Result<void> check_cancel(const ForwardBatch& batch);

// Runs a batch longer than max_step as consecutive steps of at most max_step tokens (a ring
// of window rows holds one step's rows besides the window), each through `step`, the logits
// joined as one pass would give them.
Result<void> forward_in_steps(ForwardBatch& batch, std::int64_t max_step, const std::function<Result<void>(ForwardBatch&)>& step);

// RMSNorm(x, norm) of the rows whose logits the batch asks for, times `output`, into
// batch.logits (left empty when the batch asks for none).
void write_logits(Backend& b, const Tensor& x, const Tensor& norm, float eps, const Tensor& output, ForwardBatch& batch);

} // namespace conclave::model
