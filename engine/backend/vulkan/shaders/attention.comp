#version 450
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_control_flow_attributes : require
// Causal attention of one query head of one token over the KV cache, with an online softmax
// so no buffer of n_ctx scores exists: one workgroup per (head = x, token = y).
//   q: [head_dim * n_head, n_tokens] F32, out: [head_dim_v * n_head, n_tokens] F32 (out may
//      alias q when head_dim_v == head_dim: the workgroup copies its query into shared memory
//      first and is the only one to touch that range)
//   cache_k: [head_dim * n_head_kv, n_ctx] of the variant's type, row p = position p (with
//      a ring, row p % ring)
//   cache_v: [v_stride * n_head_kv, n_ctx] (v_stride = head_dim_v), or cache_k itself when
//      the cache has no V rows (latent attention: v_stride = head_dim, the values are the
//      first head_dim_v elements of each key head)
// Keys lo..pos are taken TILE = KEYS_PER_THREAD * WG at a time: each thread scores its keys
// (q from shared memory, the key row read from the cache), the workgroup finds the tile's
// maximum and every thread rescales its accumulators and its share of the softmax sum to the
// new maximum (exp(m_old - m_new)); then each thread adds the tile's weighted value rows
// into the pair of output dimensions it owns (for a given key consecutive threads read
// consecutive values, so value reads coalesce; an F16 pair is one load). The shares of the
// sum are added once, at the end, so a tile costs one workgroup reduction.
// Query head h reads KV head h / group (grouped-query attention); lo is pos - window + 1
// with a sliding window, else 0; scores are scale * q.k, soft-capped as softcap *
// tanh(s / softcap) when softcap > 0.
// Sinks (gpt-oss, has_sinks): one learned logit per query head that joins the softmax without
// a value. It seeds the running maximum, so every later rescale already accounts for it, and
// its exp(sink - max) is added to the denominator once, after the final reduction.
// A ring (ring > 0, KvLayer::ring): position p lives in cache row p % ring.
// Extra keys (DeepSeek V4's compressed blocks, has_extra): after its n_pos = pos - lo + 1
// positions, token t attends in the same softmax to rows extra_index[extra_rows_at +
// extra_index[first_token + t] ...] (up to extra_index[first_token + t + 1]) of extra_k
// ([head_dim, n_rows], one KV head, the cache's type), whose values are the keys themselves
// (head_dim_v values from each row's start). Keys are numbered j = 0 .. n_pos + n_extra - 1
// and taken a tile at a time in that order.
#include "common.glsl"
#include "kv_cache.glsl"

#define WG 128
#define KEYS_PER_THREAD 4
#define TILE (WG * KEYS_PER_THREAD)
// Each thread owns VALUE_PAIRS pairs of output dimensions, 2 * WG apart: head_dim_v <=
// 2 * WG * VALUE_PAIRS. The query sits in shared memory: head_dim <= MAX_HEAD_DIM. The wide
// variant (WIDE_HEADS) takes DeepSeek's latent heads (576 keys, 512 values) in 6.5 KiB of
// shared memory, well inside Vulkan's guaranteed 16 KiB.
#if defined(WIDE_HEADS)
#define VALUE_PAIRS 4
#define MAX_HEAD_DIM 1024
#else
#define VALUE_PAIRS 1
#define MAX_HEAD_DIM 256
#endif
#define NEG_BIG -3.0e38 // finite stand-in for -Inf: exp(NEG_BIG - m) is 0, never NaN

layout(local_size_x = WG) in;
layout(set = 0, binding = 0) readonly buffer Q { float q[]; };
layout(set = 0, binding = 1) readonly buffer K { uint cache_k[]; };
layout(set = 0, binding = 2) readonly buffer V { uint cache_v[]; };
layout(set = 0, binding = 3) buffer Out { float outv[]; };
layout(set = 0, binding = 4) readonly buffer Sinks { float sinks[]; }; // [n_head]; q when has_sinks is 0
layout(set = 0, binding = 5) readonly buffer Extra { uint extra_k[]; };  // q when has_extra is 0
layout(set = 0, binding = 6) readonly buffer ExtraIndex { uint extra_index[]; }; // staged; q when has_extra is 0
layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint head_dim;
    uint head_dim_v;
    uint group;     // n_head / n_head_kv
    uint q_width;   // head_dim * n_head
    uint out_width; // head_dim_v * n_head
    uint kv_width;  // head_dim * n_head_kv
    uint v_width;   // values of a cache_v row
    uint v_stride;  // values from one KV head's start to the next's in a cache_v row
    uint first_pos;
    uint sliding_window;
    float scale;
    float softcap;
    uint has_sinks;
    uint ring;          // > 0: position p is cache row p % ring
    uint has_extra;
    uint first_token;   // this dispatch's first token among the call's (extra_index's begin offsets)
    uint extra_rows_at; // where the row numbers start in extra_index: after n_tokens + 1 offsets
} pc;

shared float q_head[MAX_HEAD_DIM];
shared float reduce[WG];
shared float probs[TILE];

// A 2-byte aligned half or a signed byte of a cache buffer: one word load each.
#define READ_HALF_AT(buf, byte) unpackHalf2x16(buf[(byte) >> 2u] >> (((byte) & 2u) * 8u)).x
#define READ_I8_AT(buf, byte) ((int(buf[(byte) >> 2u] >> (((byte) & 3u) * 8u)) << 24) >> 24)

// Value `d` of the cache row starting at byte `row` (F32 and F16 rows start 4- and 2-byte
// aligned; Q8_0 blocks at even bytes).
#if defined(KV_F32)
#define CACHE_VALUE(buf, row, d) uintBitsToFloat(buf[((row) >> 2u) + (d)])
#elif defined(KV_F16)
#define CACHE_VALUE(buf, row, d) READ_HALF_AT(buf, (row) + (d) * 2u)
#else
#define CACHE_VALUE(buf, row, d) \
    (READ_HALF_AT(buf, (row) + (d) / 32u * 34u) * float(READ_I8_AT(buf, (row) + (d) / 32u * 34u + 2u + (d) % 32u)))
#endif

// Values d and d + 1 (d even) of the row starting at byte `row` of buffer `buf`: one load for
// an F16 pair in an aligned row, one scale for a Q8_0 pair (d even: both in one block).
// GLSL takes no buffer parameters: the functions for the cache and for the extra keys are
// written once here and stamped out per buffer below.
#if defined(KV_F32)
#define DEFINE_VALUE_PAIR(name, buf)                                                                          \
    vec2 name(uint row, uint d, bool aligned) {                                                               \
        return vec2(uintBitsToFloat(buf[(row >> 2u) + d]), uintBitsToFloat(buf[(row >> 2u) + d + 1u]));      \
    }
#elif defined(KV_F16)
#define DEFINE_VALUE_PAIR(name, buf)                                                                          \
    vec2 name(uint row, uint d, bool aligned) {                                                               \
        if (aligned) return unpackHalf2x16(buf[(row >> 2u) + d / 2u]);                                        \
        return vec2(CACHE_VALUE(buf, row, d), CACHE_VALUE(buf, row, d + 1u));                                 \
    }
#else
#define DEFINE_VALUE_PAIR(name, buf)                                                                          \
    vec2 name(uint row, uint d, bool aligned) {                                                               \
        const uint block = row + d / 32u * 34u;                                                               \
        const uint q = block + 2u + d % 32u;                                                                  \
        return READ_HALF_AT(buf, block) * vec2(float(READ_I8_AT(buf, q)), float(READ_I8_AT(buf, q + 1u)));    \
    }
#endif

// q_head . the key head starting at byte `row` of buffer `buf`.
#if defined(KV_Q8_0)
// One scale per block of 32: the block's integer-valued products are summed first.
#define DEFINE_KEY_DOT(name, buf)                                                                             \
    float name(uint row) {                                                                                    \
        float sum = 0.0;                                                                                      \
        for (uint b = 0u; b < pc.head_dim / 32u; ++b) {                                                       \
            const uint block = row + b * 34u;                                                                 \
            float block_sum = 0.0;                                                                            \
            for (uint j = 0u; j < 32u; ++j) block_sum += float(READ_I8_AT(buf, block + 2u + j)) * q_head[b * 32u + j]; \
            sum += READ_HALF_AT(buf, block) * block_sum;                                                      \
        }                                                                                                     \
        return sum;                                                                                           \
    }
#elif defined(KV_F16)
// A word-aligned row takes two halves per load.
#define DEFINE_KEY_DOT(name, buf)                                                                             \
    float name(uint row) {                                                                                    \
        float sum = 0.0;                                                                                      \
        if ((row & 3u) == 0u && (pc.head_dim & 1u) == 0u) {                                                   \
            for (uint d = 0u; d < pc.head_dim; d += 2u) {                                                     \
                const vec2 k = unpackHalf2x16(buf[(row >> 2u) + d / 2u]);                                     \
                sum += k.x * q_head[d] + k.y * q_head[d + 1u];                                                \
            }                                                                                                 \
        } else {                                                                                              \
            for (uint d = 0u; d < pc.head_dim; ++d) sum += CACHE_VALUE(buf, row, d) * q_head[d];              \
        }                                                                                                     \
        return sum;                                                                                           \
    }
#else
#define DEFINE_KEY_DOT(name, buf)                                                                             \
    float name(uint row) {                                                                                    \
        float sum = 0.0;                                                                                      \
        for (uint d = 0u; d < pc.head_dim; ++d) sum += CACHE_VALUE(buf, row, d) * q_head[d];                  \
        return sum;                                                                                           \
    }
#endif

DEFINE_VALUE_PAIR(value_pair, cache_v)
DEFINE_VALUE_PAIR(extra_value_pair, extra_k)
DEFINE_KEY_DOT(key_dot, cache_k)
DEFINE_KEY_DOT(extra_key_dot, extra_k)

// Tree reduction over `reduce` (max when take_max, else sum); every thread gets the result.
float reduce_workgroup(float value, bool take_max) {
    const uint tid = gl_LocalInvocationID.x;
    reduce[tid] = value;
    barrier();
    for (uint stride = WG / 2u; stride > 0u; stride >>= 1u) {
        if (tid < stride) reduce[tid] = take_max ? max(reduce[tid], reduce[tid + stride]) : reduce[tid] + reduce[tid + stride];
        barrier();
    }
    const float result = reduce[0];
    barrier(); // `reduce` is reused by the next call
    return result;
}

// The cache row (of keys and of values) holding a position.
uint cache_row(uint position) { return pc.ring > 0u ? position % pc.ring : position; }

void main() {
    const uint tid = gl_LocalInvocationID.x;
    const uint head = gl_WorkGroupID.x;
    const uint t = gl_WorkGroupID.y;
    const uint pos = pc.first_pos + t;
    const uint lo = pc.sliding_window > 0u && pos + 1u > pc.sliding_window ? pos + 1u - pc.sliding_window : 0u;
    const uint q_at = pc.base[0] / 4u + t * pc.q_width + head * pc.head_dim;
    const uint kv_offset = head / pc.group * pc.head_dim;
    const uint row_bytes = KV_ROW_BYTES(pc.kv_width);
    const uint v_row_bytes = KV_ROW_BYTES(pc.v_width);
    // Byte of this KV head's part of row 0 (Q8_0 blocks never straddle heads: head_dim and
    // v_stride are multiples of 32).
    const uint k_head = pc.base[1] + KV_ROW_BYTES(kv_offset);
    const uint v_head = pc.base[2] + KV_ROW_BYTES(head / pc.group * pc.v_stride);
    // The keys: n_pos positions lo..pos, then n_extra extra rows.
    const uint n_pos = pos + 1u - lo;
    uint extra_first = 0u, n_extra = 0u;
    if (pc.has_extra != 0u) {
        const uint at = pc.base[6] / 4u + pc.first_token + t;
        extra_first = pc.base[6] / 4u + pc.extra_rows_at + extra_index[at];
        n_extra = extra_index[at + 1u] - extra_index[at];
    }
    const uint n_keys_total = n_pos + n_extra;
    const uint extra_row_bytes = KV_ROW_BYTES(pc.head_dim);

    for (uint d = tid; d < pc.head_dim; d += WG) q_head[d] = q[q_at + d];
    barrier();

    // A sink of -Inf (or below NEG_BIG) weighs nothing; keeping it finite avoids Inf - Inf.
    const float sink = pc.has_sinks != 0u ? max(sinks[pc.base[4] / 4u + head], NEG_BIG) : NEG_BIG;
    float running_max = sink;
    float sum_share = 0.0; // this thread's keys' part of the softmax sum, at running_max
    // This thread's output dimensions: the pairs d0 + 2 * WG * i, d0 + 1 + 2 * WG * i for
    // i < n_pairs.
    const uint d0 = 2u * tid;
    const bool owns = d0 < pc.head_dim_v;
    // (The narrow kernel's single pair needs no count: `owns` decides, as it always did.)
    const uint n_pairs = owns ? min(uint(VALUE_PAIRS), (pc.head_dim_v - d0 + 2u * WG - 1u) / (2u * WG)) : 0u;
    // F16 pairs load as one word when the rows are word-aligned (uniform over the workgroup).
    const bool aligned = ((v_head | v_row_bytes) & 3u) == 0u;
    const bool extra_aligned = ((pc.base[5] | extra_row_bytes) & 3u) == 0u;
    vec2 acc[VALUE_PAIRS];
    [[unroll]] for (uint i = 0u; i < VALUE_PAIRS; ++i) acc[i] = vec2(0.0);

    for (uint tile = 0u; tile < n_keys_total; tile += TILE) {
        float scores[KEYS_PER_THREAD];
        float local_max = NEG_BIG;
        for (uint k = 0u; k < KEYS_PER_THREAD; ++k) {
            const uint key = tile + tid + k * WG;
            float score = NEG_BIG;
            if (key < n_keys_total) {
                const float dot = key < n_pos ? key_dot(k_head + cache_row(lo + key) * row_bytes)
                                              : extra_key_dot(pc.base[5] + extra_index[extra_first + key - n_pos] * extra_row_bytes);
                score = dot * pc.scale;
                // tanh clamped: some drivers build it from exp and give NaN for large arguments.
                if (pc.softcap > 0.0) score = pc.softcap * tanh(clamp(score / pc.softcap, -15.0, 15.0));
            }
            scores[k] = score;
            local_max = max(local_max, score);
        }
        const float new_max = max(running_max, reduce_workgroup(local_max, true));
        const float rescale = exp(running_max - new_max);
        sum_share *= rescale;
        for (uint k = 0u; k < KEYS_PER_THREAD; ++k) {
            const float p = tile + tid + k * WG < n_keys_total ? exp(scores[k] - new_max) : 0.0;
            probs[tid + k * WG] = p;
            sum_share += p;
        }
        running_max = new_max;
        barrier(); // probs complete

        const uint n_keys = min(TILE, n_keys_total - tile);
        if (owns) {
            vec2 sum[VALUE_PAIRS];
            [[unroll]] for (uint i = 0u; i < VALUE_PAIRS; ++i) sum[i] = vec2(0.0);
            // Positions first, then extra rows: the branch is the same for every thread.
            const uint n_window = tile < n_pos ? min(n_keys, n_pos - tile) : 0u;
            for (uint j = 0u; j < n_window; ++j) {
                const uint row = v_head + cache_row(lo + tile + j) * v_row_bytes;
                [[unroll]] for (uint i = 0u; i < VALUE_PAIRS; ++i)
                    if (VALUE_PAIRS == 1 || i < n_pairs) sum[i] += probs[j] * value_pair(row, d0 + 2u * WG * i, aligned);
            }
            for (uint j = n_window; j < n_keys; ++j) {
                const uint row = pc.base[5] + extra_index[extra_first + tile + j - n_pos] * extra_row_bytes;
                [[unroll]] for (uint i = 0u; i < VALUE_PAIRS; ++i)
                    if (VALUE_PAIRS == 1 || i < n_pairs)
                        sum[i] += probs[j] * extra_value_pair(row, d0 + 2u * WG * i, extra_aligned);
            }
            [[unroll]] for (uint i = 0u; i < VALUE_PAIRS; ++i) acc[i] = acc[i] * rescale + sum[i];
        }
        barrier(); // probs is rewritten by the next tile
    }

    float running_sum = reduce_workgroup(sum_share, false);
    if (pc.has_sinks != 0u) running_sum += exp(sink - running_max); // running_max >= sink: at most 1
    const float inv = 1.0 / running_sum;
    const uint out_at = pc.base[3] / 4u + t * pc.out_width + head * pc.head_dim_v;
    [[unroll]] for (uint i = 0u; i < VALUE_PAIRS; ++i) {
        if (i < n_pairs) { // n_pairs is 0 for a thread that owns nothing
            const uint d = d0 + 2u * WG * i;
            outv[out_at + d] = acc[i].x * inv;
            outv[out_at + d + 1u] = acc[i].y * inv;
        }
    }
}
