#include "model/archs/deepseek4_compressor.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace conclave::model {
namespace {

// Checkpoint row of a position in the last 4 before a multiple of 128, or -1.
std::int64_t checkpoint_row(std::int64_t pos) {
    const std::int64_t offset = pos % kCheckpointSpan - (kCheckpointSpan - 4);
    return offset < 0 ? -1 : pos / kCheckpointSpan * 4 + offset;
}

// A state row from its checkpoint's kept columns (the others zero: nothing reads them).
void scatter_checkpoint(const std::vector<float>& kept_row, const StateTensors& state, float* row, int stride) {
    std::fill(row, row + stride, 0.0f);
    std::size_t at = 0;
    for (const ColumnSpan& span : state.kept) {
        std::copy_n(kept_row.begin() + static_cast<std::ptrdiff_t>(at), span.count, row + span.offset);
        at += static_cast<std::size_t>(span.count);
    }
    row[stride - 1] = kept_row.back();
}

std::int64_t ring_slot(std::int64_t pos) { return pos % kStateRingRows; }

std::vector<float> download_row(Backend& b, const Tensor& t, std::int64_t row) {
    std::vector<float> out(static_cast<std::size_t>(t.ne[0]));
    b.download(b.view_rows(t, row, 1), out.data(), out.size() * sizeof(float));
    return out;
}

} // namespace

std::int64_t first_needed_position(int ratio, std::int64_t first_pos) {
    const std::int64_t block_start = first_pos / ratio * ratio;
    return std::max<std::int64_t>(0, ratio == 4 ? block_start - ratio : block_start);
}

void pool_block(const CompressorGeometry& geometry, std::int64_t block, const StateRows& rows, int u_offset, int g_offset,
                float* out) {
    const int r = geometry.ratio, d = geometry.width;
    // Candidates: the block's own positions (their second half when blocks overlap) and, for
    // overlapping blocks after the first, the previous block's positions (their first half).
    struct Candidate {
        std::int64_t pos;
        int half;
    };
    std::vector<Candidate> candidates;
    const int own_half = geometry.halves() - 1;
    if (geometry.halves() == 2 && block > 0)
        for (int j = 0; j < r; ++j) candidates.push_back({(block - 1) * r + j, 0});
    for (int j = 0; j < r; ++j) candidates.push_back({block * r + j, own_half});
    std::vector<float> scores(candidates.size());
    for (int i = 0; i < d; ++i) {
        float top = -INFINITY;
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            scores[c] = rows.at(candidates[c].pos)[g_offset + candidates[c].half * d + i];
            top = std::max(top, scores[c]);
        }
        float sum = 0.0f, acc = 0.0f;
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            const float e = std::exp(scores[c] - top);
            sum += e;
            acc += e * rows.at(candidates[c].pos)[u_offset + candidates[c].half * d + i];
        }
        out[i] = acc / sum;
    }
}

bool read_state(Backend& b, const StateTensors& state, StateRows& rows) {
    rows.data.resize(static_cast<std::size_t>(rows.count * rows.stride));
    for (std::int64_t pos = rows.first; pos < rows.first + rows.count; ++pos) {
        const std::vector<float> ring_row = download_row(b, state.ring, ring_slot(pos));
        if (ring_row.back() == static_cast<float>(pos + 1)) {
            std::copy(ring_row.begin(), ring_row.end(), rows.at(pos));
            continue;
        }
        const std::int64_t row = checkpoint_row(pos);
        if (!state.checkpoints.valid() || row < 0 || row >= state.checkpoints.ne[1]) return false;
        const std::vector<float> kept = download_row(b, state.checkpoints, row);
        if (kept.back() != static_cast<float>(pos + 1)) return false;
        scatter_checkpoint(kept, state, rows.at(pos), rows.stride);
    }
    return true;
}

void write_state(Backend& b, StateTensors& state, const StateRows& rows, std::int64_t from) {
    const std::int64_t end = rows.first + rows.count;
    const auto bytes = static_cast<std::uint64_t>(rows.stride) * sizeof(float);
    for (std::int64_t pos = std::max(from, end - kStateRingRows); pos < end; ++pos) {
        Tensor slot = b.view_rows(state.ring, ring_slot(pos), 1);
        b.upload(slot, rows.at(pos), bytes);
    }
    if (!state.checkpoints.valid()) return;
    std::vector<float> kept;
    for (std::int64_t pos = from; pos < end; ++pos) {
        const std::int64_t row = checkpoint_row(pos);
        if (row < 0 || row >= state.checkpoints.ne[1]) continue;
        kept.clear();
        for (const ColumnSpan& span : state.kept) kept.insert(kept.end(), rows.at(pos) + span.offset, rows.at(pos) + span.offset + span.count);
        kept.push_back(rows.at(pos)[rows.stride - 1]);
        Tensor slot = b.view_rows(state.checkpoints, row, 1);
        b.upload(slot, kept.data(), kept.size() * sizeof(float));
    }
}

void select_blocks(std::span<const float> scores, std::int64_t stride, std::span<const std::int64_t> visible, int top_k,
                   std::vector<std::int32_t>& rows, std::vector<std::int32_t>& begin) {
    begin.push_back(static_cast<std::int32_t>(rows.size()));
    std::vector<std::int32_t> order;
    for (std::size_t t = 0; t < visible.size(); ++t) {
        const std::int64_t n_blocks = visible[t];
        if (n_blocks <= top_k) {
            for (std::int64_t blk = 0; blk < n_blocks; ++blk) rows.push_back(static_cast<std::int32_t>(blk));
            begin.push_back(static_cast<std::int32_t>(rows.size()));
            continue;
        }
        const float* s = scores.data() + static_cast<std::int64_t>(t) * stride;
        order.resize(static_cast<std::size_t>(n_blocks));
        std::iota(order.begin(), order.end(), 0);
        // Equal scores go to the later block (the nearer context); llama.cpp's order there
        // is unspecified.
        std::partial_sort(order.begin(), order.begin() + top_k, order.end(), [&](std::int32_t a, std::int32_t c) {
            return s[a] > s[c] || (s[a] == s[c] && a > c);
        });
        rows.insert(rows.end(), order.begin(), order.begin() + top_k);
        begin.push_back(static_cast<std::int32_t>(rows.size()));
    }
}

} // namespace conclave::model
