#pragma once
// DeepSeek V4's sliding-window rows: every layer attends only to its latest `window`
// positions, so a layer keeps a ring of window - 1 + kMaxStep rows (KvLayer::ring) instead of
// a row per position of the context. A tag per ring row says which position it holds, and
// the window - 1 rows before every multiple of kWindowCheckpointSpan are kept besides, so a
// session can resume from a shared prefix near the end (the ring still has its rows) or from
// the checkpoint below it (at most kWindowCheckpointSpan - 1 positions recomputed).

#include "backend/backend.h"

#include <cstdint>

namespace conclave::model {

inline constexpr int kMaxStep = 512;                 // tokens one forward step writes
inline constexpr int kWindowCheckpointSpan = 1024;   // a multiple of the compressor's span

// A layer's window tensors: its K rows (KvLayer::k with KvLayer::ring), the ring's tags (F32
// [1, ring]: position + 1, 0 when empty) and the checkpoint rows.
struct WindowRows {
    const KvLayer& cache;
    const Tensor& tags;
    const Tensor& checkpoints;
    int window = 0;
};

// Whether a step starting at first_pos finds the window - 1 rows before it (in the ring or
// the checkpoints). Always true without a ring.
bool window_available(Backend& b, const WindowRows& rows, std::int64_t first_pos);
// Puts back into the ring the rows before first_pos that it lost (from the checkpoints);
// false when one is in neither.
bool restore_window(Backend& b, const WindowRows& rows, std::int64_t first_pos);
// After the step's rows `kv` ([head_dim, n] F32) went into the ring at first_pos: their tags,
// and their checkpoint copies where they fall in a checkpoint.
void record_window(Backend& b, const WindowRows& rows, const Tensor& kv, std::int64_t first_pos);

} // namespace conclave::model
