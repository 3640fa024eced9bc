#pragma once
// DeepSeek V4's KV compression, on the host. A compressing layer turns every `ratio` positions
// into one compressed key: per dimension, a softmax over the block's positions of a learned
// score (g) weights their values (u). Ratio 4 blocks overlap the previous block (each
// position carries two halves, one for its own block and one for the next); ratio 128 blocks
// do not. The per-position (u, g) rows of blocks not yet complete are the compressor's state:
// they live in the layer's cache (a ring of the latest positions plus, for ratio 4, the rows
// just before every multiple of 128) so that a pass can start at any position the session
// resumes from (positions of the latest 256, or a multiple of 256). Also here: the lightning indexer's choice of blocks for each query.

#include "backend/backend.h"

#include <cstdint>
#include <span>
#include <vector>

namespace conclave::model {

struct CompressorGeometry {
    int ratio = 0; // 4 or 128
    int width = 0; // values of one compressed key
    int halves() const { return ratio == 4 ? 2 : 1; }
    int row() const { return halves() * width; } // u (and g) values per position
};

// Rows of the state ring and the position span of ratio-4 checkpoints.
inline constexpr int kStateRingRows = 256;
inline constexpr int kCheckpointSpan = 256;

// The first position whose rows a pass starting at first_pos needs: the start of first_pos's
// block, and for overlapping blocks (ratio 4) the start of the one before.
std::int64_t first_needed_position(int ratio, std::int64_t first_pos);

// Per-position state rows of positions [first, first + count), `stride` floats each (the last
// one is the position + 1, so a ring slot tells which position it holds).
struct StateRows {
    std::int64_t first = 0;
    std::int64_t count = 0;
    int stride = 0;
    std::vector<float> data;
    float* at(std::int64_t pos) { return data.data() + (pos - first) * stride; }
    const float* at(std::int64_t pos) const { return data.data() + (pos - first) * stride; }
};

// Compressed key b (before its norm and RoPE) of one compressor whose u and g halves start
// at u_offset and g_offset in each state row; rows must hold every position the block reads.
void pool_block(const CompressorGeometry& geometry, std::int64_t block, const StateRows& rows, int u_offset, int g_offset,
                float* out);

// Columns of a state row (offset, count).
struct ColumnSpan {
    int offset = 0;
    int count = 0;
};

// The layer's state tensors in its cache: the ring (kStateRingRows whole rows) and, for ratio
// 4, the checkpoint rows of the 4 positions before each multiple of kCheckpointSpan. Those
// are only ever read by the block after theirs, which uses the first half of their u and g:
// a checkpoint row keeps just the columns `kept` (then the position + 1). Both F32.
struct StateTensors {
    Tensor ring;
    Tensor checkpoints; // invalid for ratio 128
    std::vector<ColumnSpan> kept;
};

// Reads positions [rows.first, rows.first + rows.count) into rows.data from the ring slots
// that still hold them or from the checkpoints; false when one is in neither.
bool read_state(Backend& b, const StateTensors& state, StateRows& rows);
// Stores the rows of positions [from, rows.first + rows.count) into the ring (the latest
// kStateRingRows of them) and the checkpoints.
void write_state(Backend& b, StateTensors& state, const StateRows& rows, std::int64_t from);

// The lightning indexer's choice for each query token: the top_k of its complete blocks b <
// visible[t] by score (Backend::indexer_scores; scores holds `stride` values per token), or
// all of them when there are at most top_k. Appends block ids to rows; begin gets
// n_tokens + 1 offsets into rows.
void select_blocks(std::span<const float> scores, std::int64_t stride, std::span<const std::int64_t> visible, int top_k,
                   std::vector<std::int32_t>& rows, std::vector<std::int32_t>& begin);

} // namespace conclave::model
