#pragma once
// Sliding-window layers' K/V rows as a ring. A layer that attends only to its latest
// `window` positions keeps window - 1 + kMaxStep rows (KvLayer::ring: position p is row
// p % ring) instead of a row per position of the context. Shared by every architecture with
// windowed layers (DeepSeek V4 on every layer, Gemma 3 on five of six, gpt-oss on every
// other one).
//
// A ring forgets, so prefix reuse needs to know what it still holds: a tag per ring row says
// which position it holds, and the window - 1 rows before every multiple of the checkpoint
// span are kept besides (checkpoints, K and V alike). A session can then resume a shared
// prefix near the end (the ring still has the rows) or at the checkpoint below it (at most
// span - 1 positions recomputed). The tags and checkpoints are KvLayer::extra tensors the
// architecture declares with window_extras() (or its own layout, as DeepSeek V4 does).

#include "backend/backend.h"
#include "conclave/model.h"

#include <cstdint>
#include <span>
#include <vector>

namespace conclave::model {

inline constexpr int kMaxStep = 512; // tokens one forward step writes into a ring

// The rows a ring of this window keeps: the window before a step and the step itself.
inline int window_ring_rows(int window) {
    return window - 1 + kMaxStep;
}

// The checkpoint span the llama family uses: the window - 1 rows kept per span cost about an
// eighth of a full layer's rows, and a reuse that diverges before the ring recomputes at most
// 8 windows.
inline int window_checkpoint_span(int window) {
    return 8 * window;
}

// A layer's window tensors: its K and V rows (KvLayer::k and ::v with KvLayer::ring), the
// ring's tags (F32 [1, ring]: position + 1, 0 when empty) and the checkpoint rows of K and of
// V (v_checkpoints invalid when the cache has no V rows).
struct WindowRows {
    const KvLayer& cache;
    Tensor tags;
    Tensor k_checkpoints;
    Tensor v_checkpoints;
    int window = 0;
    int span = 0; // checkpoints keep the window - 1 rows before every multiple of it
};

// The extra cache tensors of a windowed layer in the order WindowRows reads them: the tags,
// the K checkpoints and (v_width > 0) the V checkpoints. Checkpoint rows exist only for the
// multiples of the span inside the context (a checkpoint at or past its end is never used).
std::vector<CacheExtra> window_extras(int window, int span, std::int64_t k_width, std::int64_t v_width);

// Whether a step starting at first_pos finds the window - 1 rows before it (in the ring or
// the checkpoints). Always true without a ring.
bool window_available(Backend& b, const WindowRows& rows, std::int64_t first_pos);
// Puts back into the ring the rows before first_pos that it lost (from the checkpoints);
// false when one is in neither.
bool restore_window(Backend& b, const WindowRows& rows, std::int64_t first_pos);
// After the step's rows k and v ([width, n] F32; v ignored without V rows) went into the ring
// at first_pos: their tags, and their checkpoint copies where they fall in a checkpoint.
void record_window(Backend& b, const WindowRows& rows, const Tensor& k, const Tensor& v, std::int64_t first_pos);

// Where a pass can continue the windowed layers `layers` (all with the same span) that hold
// a valid prefix of `wanted` positions: `wanted` when every ring still has its rows, else the
// multiple of the span below it whose checkpoints are there, else 0.
std::int64_t window_resume_position(Backend& b, std::span<const WindowRows> layers, std::int64_t wanted);

} // namespace conclave::model
