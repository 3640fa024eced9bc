#include "reference_deepseek4.h"

#include "reference_math.h"

#include <algorithm>
#include <cmath>
#include <numeric>

// Section numbers below are those of design/deepseek4.md, the architecture as GGUF files
// encode it.

namespace conclave::test {
namespace {

using namespace reference;
using Vec = std::vector<double>;
using Streams = std::vector<Vec>; // hc streams of n_embd

// RoPE on the last n_rot dims of a head, adjacent pairs (section 5). YaRN (fac > 0) only in
// compressed layers; the net amplitude is exactly 1.
struct Rope {
    double base = 10000.0;
    double fac = 0.0;
    double original_ctx = 0.0;
    int n_rot = 0;

    double theta(int i) const {
        const double plain = std::pow(base, -2.0 * i / n_rot);
        if (fac <= 0.0) return plain;
        const double pi = 3.14159265358979323846;
        const auto corr = [&](double beta) {
            return n_rot * std::log(original_ctx / (2.0 * pi * beta)) / (2.0 * std::log(base));
        };
        const double lo = std::max(0.0, std::floor(corr(32.0)));
        const double hi = std::min(static_cast<double>(n_rot - 1), std::ceil(corr(1.0)));
        const double gamma = 1.0 - std::clamp((i - lo) / std::max(0.001, hi - lo), 0.0, 1.0);
        return plain * ((1.0 - gamma) / fac + gamma);
    }
    // Rotates v[0..dim) at position pos (by -pos*theta when inverse).
    void apply(double* v, int dim, int pos, bool inverse = false) const {
        for (int i = 0; i < n_rot / 2; ++i) {
            const double angle = (inverse ? -1.0 : 1.0) * pos * theta(i);
            double& a = v[dim - n_rot + 2 * i];
            double& b = v[dim - n_rot + 2 * i + 1];
            const double x0 = a, x1 = b;
            a = x0 * std::cos(angle) - x1 * std::sin(angle);
            b = x0 * std::sin(angle) + x1 * std::cos(angle);
        }
    }
};

struct Config {
    int n_layer = 0, n_head = 0, hd = 0, q_lora = 0, o_groups = 0, o_lora = 0, window = 0;
    int idx_heads = 0, idx_hd = 0, top_k = 0, hc = 4, sinkhorn = 0, hash_layers = 0, n_expert = 0,
        n_used = 0;
    double eps = 1e-6, hc_eps = 1e-6, weights_scale = 1.0;
    bool weights_norm = false;
    std::vector<int> ratios;
    Vec clamp_exp, clamp_shexp;
    Rope plain, compressed; // window-only layers; compressed layers (section 5)
};

// A per-layer value stored as one float or as an array over the blocks.
Vec per_layer(const gguf::GgufFile& f, const std::string& key, int n) {
    const gguf::MetadataValue* v = f.find(key);
    if (!v) return {};
    Vec out(static_cast<std::size_t>(n));
    for (int l = 0; l < n; ++l)
        out[static_cast<std::size_t>(l)] =
            v->is_array() ? v->float_at(static_cast<std::uint64_t>(l)).value_or(NAN)
                          : v->as_float().value_or(NAN);
    return out;
}

bool read_config(const gguf::GgufFile& f, Config& c) {
    if (f.get_string("general.architecture").value_or("") != "deepseek4") return false;
    const auto u = [&](const char* k) {
        return static_cast<int>(f.get_uint(std::string("deepseek4.") + k).value_or(0));
    };
    const auto fl = [&](const char* k, double fallback) {
        return f.get_float(std::string("deepseek4.") + k).value_or(fallback);
    };
    c.n_layer = u("block_count") - u("nextn_predict_layers");
    c.n_head = u("attention.head_count");
    c.hd = u("attention.key_length");
    c.q_lora = u("attention.q_lora_rank");
    c.o_groups = u("attention.output_group_count");
    c.o_lora = u("attention.output_lora_rank");
    c.window = u("attention.sliding_window");
    c.idx_heads = u("attention.indexer.head_count");
    c.idx_hd = u("attention.indexer.key_length");
    c.top_k = u("attention.indexer.top_k");
    c.hc = u("hyper_connection.count");
    c.sinkhorn = u("hyper_connection.sinkhorn_iterations");
    c.hash_layers = u("hash_layer_count");
    c.n_expert = u("expert_count");
    c.n_used = u("expert_used_count");
    c.eps = fl("attention.layer_norm_rms_epsilon", 1e-6);
    c.hc_eps = fl("hyper_connection.epsilon", 1e-6);
    c.weights_scale = fl("expert_weights_scale", 1.0);
    c.weights_norm = f.get_bool("deepseek4.expert_weights_norm").value_or(false);
    const gguf::MetadataValue* ratios = f.find("deepseek4.attention.compress_ratios");
    if (!ratios || !ratios->is_array() || ratios->size() < static_cast<std::uint64_t>(c.n_layer))
        return false;
    for (int l = 0; l < c.n_layer; ++l)
        c.ratios.push_back(
            static_cast<int>(ratios->int_at(static_cast<std::uint64_t>(l)).value_or(-1)));
    c.clamp_exp = per_layer(f, "deepseek4.swiglu_clamp_exp", c.n_layer);
    c.clamp_shexp = per_layer(f, "deepseek4.swiglu_clamp_shexp", c.n_layer);
    if (c.clamp_shexp.empty()) c.clamp_shexp = c.clamp_exp;
    const int n_rot = u("rope.dimension_count");
    c.plain = {fl("rope.freq_base", 10000.0), 0.0, 0.0, n_rot};
    c.compressed = {fl("attention.compress_rope_freq_base", 0.0), 0.0, 0.0, n_rot};
    if (f.get_string("deepseek4.rope.scaling.type").value_or("") == "yarn") {
        c.compressed.fac = fl("rope.scaling.factor", 0.0);
        c.compressed.original_ctx = u("rope.scaling.original_context_length");
    }
    return c.n_layer > 0 && c.hc > 0 && c.clamp_exp.size() == static_cast<std::size_t>(c.n_layer);
}

struct HcWeights {
    Matrix fn;
    Vec base, scale;
};

struct LayerWeights {
    HcWeights hc_attn, hc_ffn;
    Vec attn_norm, q_a_norm, kv_norm, sinks, ffn_norm, probs_bias, comp_norm, idx_norm;
    Matrix q_a, q_b, kv, out_a, out_b, comp_kv, comp_gate, comp_ape, idx_q_b, idx_proj, idx_kv,
        idx_gate, idx_ape;
    Matrix gate_inp, gate_exps, up_exps, down_exps, gate_sh, up_sh, down_sh, tid2eid;
};

LayerWeights load_layer(const Weights& w, int l) {
    const std::string p = "blk." + std::to_string(l) + ".";
    LayerWeights L;
    L.hc_attn = {w.get(p + "hc_attn_fn.weight"), w.vec(p + "hc_attn_base.weight"),
                 w.vec(p + "hc_attn_scale.weight")};
    L.hc_ffn = {w.get(p + "hc_ffn_fn.weight"), w.vec(p + "hc_ffn_base.weight"),
                w.vec(p + "hc_ffn_scale.weight")};
    L.attn_norm = w.vec(p + "attn_norm.weight");
    L.q_a = w.get(p + "attn_q_a.weight");
    L.q_a_norm = w.vec(p + "attn_q_a_norm.weight");
    L.q_b = w.get(p + "attn_q_b.weight");
    L.kv = w.get(p + "attn_kv.weight");
    L.kv_norm = w.vec(p + "attn_kv_a_norm.weight");
    L.sinks = w.vec(p + "attn_sinks.weight");
    L.out_a = w.get(p + "attn_output_a.weight");
    L.out_b = w.get(p + "attn_output_b.weight");
    L.comp_kv = w.get(p + "attn_compressor_kv.weight");
    L.comp_gate = w.get(p + "attn_compressor_gate.weight");
    L.comp_ape = w.get(p + "attn_compressor_ape.weight");
    L.comp_norm = w.vec(p + "attn_compressor_norm.weight");
    L.idx_q_b = w.get(p + "indexer.attn_q_b.weight");
    L.idx_proj = w.get(p + "indexer.proj.weight");
    L.idx_kv = w.get(p + "indexer_compressor_kv.weight");
    L.idx_gate = w.get(p + "indexer_compressor_gate.weight");
    L.idx_ape = w.get(p + "indexer_compressor_ape.weight");
    L.idx_norm = w.vec(p + "indexer_compressor_norm.weight");
    L.ffn_norm = w.vec(p + "ffn_norm.weight");
    L.gate_inp = w.get(p + "ffn_gate_inp.weight");
    L.probs_bias = w.vec(p + "exp_probs_b.bias");
    L.tid2eid = w.get(p + "ffn_gate_tid2eid.weight"); // I32 ids read as numbers
    L.gate_exps = w.get(p + "ffn_gate_exps.weight");
    L.up_exps = w.get(p + "ffn_up_exps.weight");
    L.down_exps = w.get(p + "ffn_down_exps.weight");
    L.gate_sh = w.get(p + "ffn_gate_shexp.weight");
    L.up_sh = w.get(p + "ffn_up_shexp.weight");
    L.down_sh = w.get(p + "ffn_down_shexp.weight");
    return L;
}

Vec rms(const Vec& x, double eps) {
    return rmsnorm(x, Vec(x.size(), 1.0), eps);
}

double sigmoid(double v) {
    return 1.0 / (1.0 + std::exp(-v));
}

Vec concat(const Streams& h) {
    Vec f;
    for (const Vec& s : h) f.insert(f.end(), s.begin(), s.end());
    return f;
}

// Section 4.2: the collapse weights, the write-back gains and the Sinkhorn-normalised mixing.
struct HcCoefficients {
    Vec pre, post;
    Matrix comb; // [dst][src]
};

HcCoefficients hc_coefficients(const HcWeights& w, const Streams& h, const Config& c) {
    const std::size_t n = static_cast<std::size_t>(c.hc);
    const Vec m = matvec(w.fn, rms(concat(h), c.eps));
    HcCoefficients k{Vec(n), Vec(n), Matrix(n, Vec(n))};
    for (std::size_t s = 0; s < n; ++s) {
        k.pre[s] = sigmoid(m[s] * w.scale[0] + w.base[s]) + c.hc_eps;
        k.post[s] = 2.0 * sigmoid(m[n + s] * w.scale[1] + w.base[n + s]);
    }
    Matrix& C = k.comb;
    for (std::size_t dst = 0; dst < n; ++dst)
        for (std::size_t src = 0; src < n; ++src)
            C[dst][src] = m[2 * n + dst + n * src] * w.scale[2] + w.base[2 * n + dst + n * src];
    const auto divide_columns = [&] { // every src: divide by the sum over dst
        for (std::size_t src = 0; src < n; ++src) {
            double sum = 0;
            for (std::size_t dst = 0; dst < n; ++dst) sum += C[dst][src];
            for (std::size_t dst = 0; dst < n; ++dst) C[dst][src] /= sum + c.hc_eps;
        }
    };
    const auto divide_rows = [&] { // every dst: divide by the sum over src
        for (std::size_t dst = 0; dst < n; ++dst) {
            double sum = 0;
            for (std::size_t src = 0; src < n; ++src) sum += C[dst][src];
            for (std::size_t src = 0; src < n; ++src) C[dst][src] /= sum + c.hc_eps;
        }
    };
    for (std::size_t src = 0; src < n; ++src) { // softmax over dst, then + eps
        double top = -INFINITY, sum = 0;
        for (std::size_t dst = 0; dst < n; ++dst) top = std::max(top, C[dst][src]);
        for (std::size_t dst = 0; dst < n; ++dst)
            sum += (C[dst][src] = std::exp(C[dst][src] - top));
        for (std::size_t dst = 0; dst < n; ++dst) C[dst][src] = C[dst][src] / sum + c.hc_eps;
    }
    divide_rows();
    for (int i = 1; i < c.sinkhorn; ++i) {
        divide_columns();
        divide_rows();
    }
    return k;
}

Vec collapse(const HcCoefficients& k, const Streams& h) {
    Vec x(h[0].size(), 0.0);
    for (std::size_t s = 0; s < h.size(); ++s)
        for (std::size_t d = 0; d < x.size(); ++d) x[d] += k.pre[s] * h[s][d];
    return x;
}

Streams expand(const HcCoefficients& k, const Streams& h, const Vec& out) {
    Streams next(h.size(), Vec(out.size(), 0.0));
    for (std::size_t dst = 0; dst < h.size(); ++dst)
        for (std::size_t d = 0; d < out.size(); ++d) {
            double v = k.post[dst] * out[d];
            for (std::size_t src = 0; src < h.size(); ++src) v += k.comb[dst][src] * h[src][d];
            next[dst][d] = v;
        }
    return next;
}

// Section 4.5: compressed keys of every complete block. u and g ([token][c*dim], g with the
// APE row already added) are the per-token values and scores; ratio 4 overlaps each block with
// the first halves of the previous block's tokens.
Matrix compress(const Matrix& u, const Matrix& g, int ratio, int dim, const Vec& norm,
                const Rope& rope, double eps) {
    const std::size_t r = static_cast<std::size_t>(ratio), D = static_cast<std::size_t>(dim);
    Matrix keys;
    for (std::size_t b = 0; (b + 1) * r <= u.size(); ++b) {
        struct Candidate {
            std::size_t token, offset;
        };
        std::vector<Candidate> cand;
        if (ratio == 4 && b > 0)
            for (std::size_t j = (b - 1) * r; j < b * r; ++j) cand.push_back({j, 0});
        for (std::size_t j = b * r; j < (b + 1) * r; ++j) cand.push_back({j, ratio == 4 ? D : 0});
        Vec e(D, 0.0);
        for (std::size_t d = 0; d < D; ++d) {
            double top = -INFINITY, sum = 0, acc = 0;
            for (const Candidate& k : cand) top = std::max(top, g[k.token][k.offset + d]);
            for (const Candidate& k : cand) {
                const double weight = std::exp(g[k.token][k.offset + d] - top);
                sum += weight;
                acc += weight * u[k.token][k.offset + d];
            }
            e[d] = acc / sum;
        }
        e = rmsnorm(e, norm, eps);
        rope.apply(e.data(), dim, static_cast<int>(b * r));
        keys.push_back(std::move(e));
    }
    return keys;
}

// Per-token values and APE-biased scores of a compressor.
void compressor_rows(const Matrix& x, const Matrix& kv, const Matrix& gate, const Matrix& ape,
                     int ratio, Matrix& u, Matrix& g) {
    u.clear();
    g.clear();
    for (std::size_t t = 0; t < x.size(); ++t) {
        u.push_back(matvec(kv, x[t]));
        Vec s = matvec(gate, x[t]);
        const Vec& bias = ape[t % static_cast<std::size_t>(ratio)];
        for (std::size_t d = 0; d < s.size(); ++d) s[d] += bias[d];
        g.push_back(std::move(s));
    }
}

// What a ratio-4 layer needs to pick blocks (section 4.6): queries, head weights, block keys.
struct Indexer {
    Matrix queries; // [token][heads * ihd], rotated
    Matrix weights; // [token][heads]
    Matrix keys;    // [block][ihd]
};

Indexer build_indexer(const LayerWeights& L, const Matrix& x, const Matrix& cq, const Config& c) {
    Indexer ix;
    const double inv = 1.0 / std::sqrt(static_cast<double>(c.idx_hd) * c.idx_heads);
    for (std::size_t t = 0; t < x.size(); ++t) {
        Vec q = matvec(L.idx_q_b, cq[t]);
        for (int h = 0; h < c.idx_heads; ++h)
            c.compressed.apply(q.data() + h * c.idx_hd, c.idx_hd, static_cast<int>(t));
        ix.queries.push_back(std::move(q));
        Vec w = matvec(L.idx_proj, x[t]);
        for (double& v : w) v *= inv;
        ix.weights.push_back(std::move(w));
    }
    Matrix u, g;
    compressor_rows(x, L.idx_kv, L.idx_gate, L.idx_ape, 4, u, g);
    ix.keys = compress(u, g, 4, c.idx_hd, L.idx_norm, c.compressed, c.eps);
    return ix;
}

// The blocks query t attends: all visible ones up to top_k, else the top_k largest S.
std::vector<int> select_blocks(const Indexer& ix, std::size_t t, int layer, const Config& c,
                               double& margin, Deepseek4Margins* out) {
    const std::size_t visible = (t + 1) / 4, hd = static_cast<std::size_t>(c.idx_hd);
    std::vector<int> all(visible);
    std::iota(all.begin(), all.end(), 0);
    if (visible <= static_cast<std::size_t>(c.top_k)) return all;
    Vec S(visible, 0.0);
    double largest = 0;
    for (std::size_t b = 0; b < visible; ++b) {
        for (std::size_t h = 0; h < static_cast<std::size_t>(c.idx_heads); ++h) {
            double dot = 0;
            for (std::size_t i = 0; i < hd; ++i) dot += ix.queries[t][h * hd + i] * ix.keys[b][i];
            S[b] += ix.weights[t][h] * std::max(0.0, dot);
        }
        largest = std::max(largest, std::fabs(S[b]));
    }
    std::stable_sort(all.begin(), all.end(), [&](int a, int b) {
        return S[static_cast<std::size_t>(a)] > S[static_cast<std::size_t>(b)];
    });
    const std::size_t k = static_cast<std::size_t>(c.top_k);
    const double gap =
        S[static_cast<std::size_t>(all[k - 1])] - S[static_cast<std::size_t>(all[k])];
    margin = std::min(margin, largest > 0 ? gap / largest : 0.0);
    all.resize(k);
    std::sort(all.begin(), all.end());
    if (out)
        out->indexer_choices.push_back(
            {layer, static_cast<int>(t), static_cast<int>(visible), all});
    return all;
}

// Section 4.4 steps 6-8 for query t: keys (= values) are the window's plus the compressed ones.
Vec attend(const LayerWeights& L, const Vec& q, const std::vector<const Vec*>& keys, int t,
           const Rope& rope, const Config& c) {
    const std::size_t hd = static_cast<std::size_t>(c.hd);
    const double scale = 1.0 / std::sqrt(static_cast<double>(c.hd));
    Vec heads(static_cast<std::size_t>(c.n_head) * hd, 0.0);
    for (std::size_t h = 0; h < static_cast<std::size_t>(c.n_head); ++h) {
        Vec s(keys.size());
        double top = L.sinks[h];
        for (std::size_t j = 0; j < keys.size(); ++j) {
            double dot = 0;
            for (std::size_t i = 0; i < hd; ++i) dot += q[h * hd + i] * (*keys[j])[i];
            top = std::max(top, s[j] = dot * scale);
        }
        double sum = std::exp(L.sinks[h] - top);
        for (double& v : s) sum += (v = std::exp(v - top));
        double* o = heads.data() + h * hd;
        for (std::size_t j = 0; j < keys.size(); ++j)
            for (std::size_t i = 0; i < hd; ++i) o[i] += s[j] / sum * (*keys[j])[i];
        rope.apply(o, c.hd, t, true);
    }
    const std::size_t gd = heads.size() / static_cast<std::size_t>(c.o_groups),
                      ol = static_cast<std::size_t>(c.o_lora);
    Vec low(static_cast<std::size_t>(c.o_groups) * ol, 0.0);
    for (std::size_t g = 0; g < static_cast<std::size_t>(c.o_groups); ++g)
        for (std::size_t r = 0; r < ol; ++r) {
            double v = 0;
            for (std::size_t i = 0; i < gd; ++i) v += L.out_a[g * ol + r][i] * heads[g * gd + i];
            low[g * ol + r] = v;
        }
    return matvec(L.out_b, low);
}

// Section 4.4 for every position of one layer; x = the attention-normed inputs.
Matrix attention_layer(const LayerWeights& L, const Matrix& x, int layer, const Config& c,
                       std::vector<double>& margins, Deepseek4Margins* out) {
    const int ratio = c.ratios[static_cast<std::size_t>(layer)];
    const Rope& rope = ratio == 0 ? c.plain : c.compressed;
    const std::size_t n = x.size(), hd = static_cast<std::size_t>(c.hd);
    Matrix q(n), kv(n), cq(n);
    for (std::size_t t = 0; t < n; ++t) {
        cq[t] = rmsnorm(matvec(L.q_a, x[t]), L.q_a_norm, c.eps);
        q[t] = matvec(L.q_b, cq[t]);
        for (std::size_t h = 0; h < static_cast<std::size_t>(c.n_head); ++h) {
            const Vec head = rms(Vec(q[t].begin() + static_cast<long>(h * hd),
                                     q[t].begin() + static_cast<long>((h + 1) * hd)),
                                 c.eps);
            std::copy(head.begin(), head.end(), q[t].begin() + static_cast<long>(h * hd));
            rope.apply(q[t].data() + h * hd, c.hd, static_cast<int>(t));
        }
        kv[t] = rmsnorm(matvec(L.kv, x[t]), L.kv_norm, c.eps);
        rope.apply(kv[t].data(), c.hd, static_cast<int>(t));
    }
    Matrix compressed;
    if (ratio != 0) {
        Matrix u, g;
        compressor_rows(x, L.comp_kv, L.comp_gate, L.comp_ape, ratio, u, g);
        compressed = compress(u, g, ratio, c.hd, L.comp_norm, rope, c.eps);
    }
    const Indexer ix = ratio == 4 ? build_indexer(L, x, cq, c) : Indexer{};
    Matrix a(n);
    for (std::size_t t = 0; t < n; ++t) {
        std::vector<const Vec*> keys;
        for (std::size_t j = t + 1 > static_cast<std::size_t>(c.window)
                                 ? t + 1 - static_cast<std::size_t>(c.window)
                                 : 0;
             j <= t; ++j)
            keys.push_back(&kv[j]);
        if (ratio == 128)
            for (std::size_t b = 0; (b + 1) * 128 <= t + 1; ++b) keys.push_back(&compressed[b]);
        if (ratio == 4)
            for (const int b : select_blocks(ix, t, layer, c, margins[t], out))
                keys.push_back(&compressed[static_cast<std::size_t>(b)]);
        a[t] = attend(L, q[t], keys, static_cast<int>(t), rope, c);
    }
    return a;
}

// down(silu(min(gate, L)) * clamp(up, -L, L)) (section 4.7).
Vec clamped_swiglu(const Matrix& gate, const Matrix& up, const Matrix& down, const Vec& y,
                   double limit) {
    Vec gt = matvec(gate, y);
    const Vec u = matvec(up, y);
    for (std::size_t i = 0; i < gt.size(); ++i) {
        const double gv = std::min(gt[i], limit);
        gt[i] = gv / (1.0 + std::exp(-gv)) * std::clamp(u[i], -limit, limit);
    }
    return matvec(down, gt);
}

// Section 4.7: routed experts (hash table or biased top-k of sqrt-softplus scores) plus the
// shared expert. margin: lowered to the relative gap of a score-routed choice.
Vec moe(const LayerWeights& L, const Vec& y, int token, int layer, const Config& c,
        double& margin) {
    Vec s = matvec(L.gate_inp, y);
    for (double& v : s) v = std::sqrt(v > 20.0 ? v : std::log1p(std::exp(v)));
    const std::size_t n = s.size(), k = static_cast<std::size_t>(c.n_used);
    std::vector<std::size_t> chosen;
    if (layer < c.hash_layers) {
        for (const double id : L.tid2eid[static_cast<std::size_t>(token)])
            chosen.push_back(static_cast<std::size_t>(id));
    } else {
        Vec choose = s;
        for (std::size_t e = 0; e < n; ++e) choose[e] += L.probs_bias[e];
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return choose[a] > choose[b]; });
        const double last = choose[order[k - 1]], first_out = choose[order[k]];
        margin = std::min(margin, (last - first_out) / std::max(std::fabs(last), 1e-30));
        chosen.assign(order.begin(), order.begin() + static_cast<long>(k));
    }
    double sum = 0;
    for (const std::size_t e : chosen) sum += s[e];
    const double norm = c.weights_norm ? 1.0 / std::max(sum, 6.103515625e-5) : 1.0;
    const double limit = c.clamp_exp[static_cast<std::size_t>(layer)];
    Vec f = clamped_swiglu(L.gate_sh, L.up_sh, L.down_sh, y,
                           c.clamp_shexp[static_cast<std::size_t>(layer)]);
    for (const std::size_t e : chosen) {
        const Vec o = clamped_swiglu(expert_rows(L.gate_exps, e, n), expert_rows(L.up_exps, e, n),
                                     expert_rows(L.down_exps, e, n), y, limit);
        const double weight = s[e] * norm * c.weights_scale;
        for (std::size_t d = 0; d < f.size(); ++d) f[d] += weight * o[d];
    }
    return f;
}

} // namespace

std::vector<std::vector<float>> reference_deepseek4_logits(const std::string& gguf_path,
                                                           const std::vector<int>& tokens,
                                                           Deepseek4Margins* margins) {
    auto opened = gguf::GgufFile::open(gguf_path);
    if (!opened) return {};
    const gguf::GgufFile& f = **opened;
    Config c;
    if (!read_config(f, c)) return {};
    const Weights w{&f};
    const std::size_t n = tokens.size();
    std::vector<Streams> H(n);
    {
        const Matrix embd = w.get("token_embd.weight");
        for (const int token : tokens)
            if (token < 0 || static_cast<std::size_t>(token) >= embd.size()) return {};
        for (std::size_t t = 0; t < n; ++t)
            H[t].assign(static_cast<std::size_t>(c.hc), embd[static_cast<std::size_t>(tokens[t])]);
    }
    std::vector<double> routing(n, INFINITY), indexer(n, INFINITY);
    if (margins) margins->indexer_choices.clear();
    for (int l = 0; l < c.n_layer; ++l) {
        const LayerWeights L = load_layer(w, l);
        std::vector<HcCoefficients> k(n);
        Matrix x(n);
        for (std::size_t t = 0; t < n; ++t) {
            k[t] = hc_coefficients(L.hc_attn, H[t], c);
            x[t] = rmsnorm(collapse(k[t], H[t]), L.attn_norm, c.eps);
        }
        const Matrix a = attention_layer(L, x, l, c, indexer, margins);
        for (std::size_t t = 0; t < n; ++t) {
            H[t] = expand(k[t], H[t], a[t]);
            const HcCoefficients kf = hc_coefficients(L.hc_ffn, H[t], c);
            const Vec y = rmsnorm(collapse(kf, H[t]), L.ffn_norm, c.eps);
            H[t] = expand(kf, H[t], moe(L, y, tokens[t], l, c, routing[t]));
        }
    }
    const Matrix fn = w.get("output_hc_fn.weight"), out = w.get("output.weight");
    const Vec base = w.vec("output_hc_base.weight"), scale = w.vec("output_hc_scale.weight"),
              norm = w.vec("output_norm.weight");
    std::vector<std::vector<float>> logits(n);
    for (std::size_t t = 0; t < n; ++t) {
        const Vec m = matvec(fn, rms(concat(H[t]), c.eps));
        Vec z(H[t][0].size(), 0.0);
        for (std::size_t s = 0; s < H[t].size(); ++s) {
            const double pre = sigmoid(m[s] * scale[0] + base[s]) + c.hc_eps;
            for (std::size_t d = 0; d < z.size(); ++d) z[d] += pre * H[t][s][d];
        }
        const Vec y = matvec(out, rmsnorm(z, norm, c.eps));
        logits[t].assign(y.begin(), y.end());
    }
    if (margins) {
        margins->routing = std::move(routing);
        margins->indexer = std::move(indexer);
    }
    return logits;
}

} // namespace conclave::test
