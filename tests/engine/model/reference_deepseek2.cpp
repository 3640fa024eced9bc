#include "reference_deepseek2.h"

#include "reference_math.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace conclave::test {
namespace {

using namespace reference;

struct Config {
    int n_layer = 0, n_head = 0, n_dense = 0, lora = 0, nope = 0, rope = 0, v_head = 0;
    int n_used = 0, n_group = 1, n_group_used = 1;
    bool sigmoid = false, norm = false;
    double eps = 0, scale = 1, kq_scale = 1;
    Rotation rotation;
};

// How far apart a chosen score and a rejected one are, relative to the chosen one.
double relative_gap(double chosen, double rejected) {
    return (chosen - rejected) / std::max(std::fabs(chosen), 1e-30);
}

// DeepSeek's router: scores by softmax (V2) or sigmoid (V3); the selection bias shifts the
// choice only; with groups, the best groups (V2: by their best expert, V3: by their best two)
// are the only candidates; the chosen scores, optionally renormalized, times the scale.
// margin: lowered to the relative gap between the last chosen and the first rejected group or
// expert.
std::vector<double> routed_experts(const Weights& w, const std::string& p, const std::vector<double>& h, const Config& c,
                                   double& margin) {
    std::vector<double> s = matvec(w.get(p + "ffn_gate_inp.weight"), h);
    const std::size_t n = s.size();
    if (c.sigmoid) {
        for (double& v : s) v = 1.0 / (1.0 + std::exp(-v));
    } else {
        const double top = *std::max_element(s.begin(), s.end());
        double sum = 0;
        for (double& v : s) sum += (v = std::exp(v - top));
        for (double& v : s) v /= sum;
    }
    std::vector<double> choose = s;
    const std::vector<double> bias = w.vec(p + "exp_probs_b.bias");
    for (std::size_t e = 0; e < bias.size(); ++e) choose[e] += bias[e];
    if (c.n_group > 1) {
        const std::size_t per = n / static_cast<std::size_t>(c.n_group);
        std::vector<std::pair<double, std::size_t>> groups;
        for (std::size_t g = 0; g < static_cast<std::size_t>(c.n_group); ++g) {
            std::vector<double> m(choose.begin() + static_cast<long>(g * per), choose.begin() + static_cast<long>((g + 1) * per));
            std::sort(m.rbegin(), m.rend());
            groups.emplace_back(c.sigmoid ? m[0] + m[1] : m[0], g);
        }
        std::stable_sort(groups.begin(), groups.end(), [](auto a, auto b) { return a.first > b.first; });
        margin = std::min(margin, relative_gap(groups[static_cast<std::size_t>(c.n_group_used - 1)].first,
                                               groups[static_cast<std::size_t>(c.n_group_used)].first));
        for (std::size_t r = static_cast<std::size_t>(c.n_group_used); r < groups.size(); ++r)
            for (std::size_t i = 0; i < per; ++i) choose[groups[r].second * per + i] = -1e300;
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return choose[a] > choose[b]; });
    margin = std::min(margin, relative_gap(choose[order[static_cast<std::size_t>(c.n_used - 1)]],
                                           choose[order[static_cast<std::size_t>(c.n_used)]]));
    double kept = 0;
    for (int i = 0; i < c.n_used; ++i) kept += s[order[static_cast<std::size_t>(i)]];
    if (!c.norm) kept = 1.0;
    const Matrix gate = w.get(p + "ffn_gate_exps.weight"), up = w.get(p + "ffn_up_exps.weight");
    const Matrix down = w.get(p + "ffn_down_exps.weight");
    std::vector<double> out(h.size(), 0.0);
    for (int i = 0; i < c.n_used; ++i) {
        const std::size_t e = order[static_cast<std::size_t>(i)];
        const std::vector<double> y =
            swiglu_ffn(expert_rows(gate, e, n), expert_rows(up, e, n), expert_rows(down, e, n), h);
        for (std::size_t d = 0; d < out.size(); ++d) out[d] += s[e] / kept * c.scale * y[d];
    }
    if (w.file->find_tensor(p + "ffn_gate_shexp.weight")) {
        const std::vector<double> y = swiglu_ffn(w.get(p + "ffn_gate_shexp.weight"), w.get(p + "ffn_up_shexp.weight"),
                                                 w.get(p + "ffn_down_shexp.weight"), h);
        for (std::size_t d = 0; d < out.size(); ++d) out[d] += y[d];
    }
    return out;
}

Config read_config(const gguf::GgufFile& f) {
    const auto u = [&](const char* k, std::uint64_t fallback) {
        return static_cast<int>(f.get_uint(std::string("deepseek2.") + k).value_or(fallback));
    };
    Config c;
    c.n_layer = u("block_count", 0);
    c.n_head = u("attention.head_count", 0);
    c.n_dense = u("leading_dense_block_count", 0);
    c.lora = u("attention.kv_lora_rank", 0);
    c.rope = u("rope.dimension_count", 0);
    c.nope = u("attention.key_length_mla", 0) - c.rope;
    c.v_head = u("attention.value_length_mla", 0);
    c.n_used = u("expert_used_count", 0);
    c.n_group = u("expert_group_count", 1);
    c.n_group_used = u("expert_group_used_count", 1);
    c.sigmoid = u("expert_gating_func", 1) == 2;
    c.norm = f.get_bool("deepseek2.expert_weights_norm").value_or(false);
    c.eps = f.get_float("deepseek2.attention.layer_norm_rms_epsilon").value_or(1e-6);
    c.scale = f.get_float("deepseek2.expert_weights_scale").value_or(1.0);
    c.rotation.base = f.get_float("deepseek2.rope.freq_base").value_or(10000.0);
    c.kq_scale = 1.0 / std::sqrt(static_cast<double>(c.nope + c.rope));
    if (f.get_string("deepseek2.rope.scaling.type").value_or("") == "yarn") {
        // YaRN's frequencies, but the rotation keeps its length; the attention logits are
        // scaled by mscale^2 instead, mscale = 1 + 0.1 * mscale_all_dim * ln(factor) with
        // 0.1 * mscale_all_dim stored as yarn_log_multiplier.
        const double factor = *f.get_float("deepseek2.rope.scaling.factor");
        c.rotation.yarn_factor = factor;
        c.rotation.yarn_original_ctx = u("rope.scaling.original_context_length", 0);
        c.rotation.magnitude = 1.0;
        const double mscale = 1.0 + f.get_float("deepseek2.rope.scaling.yarn_log_multiplier").value_or(0.0) * std::log(factor);
        c.kq_scale *= mscale * mscale;
    }
    return c;
}

} // namespace

std::vector<std::vector<float>> reference_deepseek2_logits(const std::string& path, const std::vector<int>& tokens,
                                                          std::vector<double>* routing_margins) {
    auto opened = gguf::GgufFile::open(path);
    if (!opened) return {};
    const gguf::GgufFile& f = **opened;
    const Config c = read_config(f);
    const Weights w{&f};
    const Matrix embd = w.get("token_embd.weight"), out = w.get("output.weight");
    const std::size_t n = tokens.size();
    const auto H = static_cast<std::size_t>(c.n_head), nope = static_cast<std::size_t>(c.nope);
    const auto rope = static_cast<std::size_t>(c.rope), lora = static_cast<std::size_t>(c.lora);
    const auto dv = static_cast<std::size_t>(c.v_head), qh = nope + rope;
    Matrix x(n);
    for (std::size_t t = 0; t < n; ++t) x[t] = embd[static_cast<std::size_t>(tokens[t])];
    std::vector<double> margins(n, INFINITY);
    for (int l = 0; l < c.n_layer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        // attn_k_b: per head a [kv_lora_rank x qk_nope] block of rows; attn_v_b: [v_head x kv_lora_rank].
        const Matrix k_b = w.get(p + "attn_k_b.weight"), v_b = w.get(p + "attn_v_b.weight");
        const bool lite = f.find_tensor(p + "attn_q.weight") != nullptr;
        Matrix q(n), k(n), v(n); // per position: every head's full query, key and value
        for (std::size_t t = 0; t < n; ++t) {
            const std::vector<double> h = rmsnorm(x[t], w.vec(p + "attn_norm.weight"), c.eps);
            q[t] = lite ? matvec(w.get(p + "attn_q.weight"), h)
                        : matvec(w.get(p + "attn_q_b.weight"),
                                 rmsnorm(matvec(w.get(p + "attn_q_a.weight"), h), w.vec(p + "attn_q_a_norm.weight"), c.eps));
            const std::vector<double> kv = matvec(w.get(p + "attn_kv_a_mqa.weight"), h);
            const std::vector<double> latent =
                rmsnorm(std::vector<double>(kv.begin(), kv.begin() + static_cast<long>(lora)), w.vec(p + "attn_kv_a_norm.weight"), c.eps);
            std::vector<double> k_rope(kv.begin() + static_cast<long>(lora), kv.end());
            rotate(k_rope, c.rope, static_cast<int>(t), c.rotation);
            k[t].assign(H * qh, 0.0);
            v[t].assign(H * dv, 0.0);
            for (std::size_t hd = 0; hd < H; ++hd) {
                std::vector<double> q_rope(q[t].begin() + static_cast<long>(hd * qh + nope), q[t].begin() + static_cast<long>((hd + 1) * qh));
                rotate(q_rope, c.rope, static_cast<int>(t), c.rotation);
                std::copy(q_rope.begin(), q_rope.end(), q[t].begin() + static_cast<long>(hd * qh + nope));
                for (std::size_t i = 0; i < nope; ++i) {
                    double s = 0;
                    for (std::size_t r = 0; r < lora; ++r) s += k_b[hd * lora + r][i] * latent[r];
                    k[t][hd * qh + i] = s;
                }
                std::copy(k_rope.begin(), k_rope.end(), k[t].begin() + static_cast<long>(hd * qh + nope));
                for (std::size_t j = 0; j < dv; ++j) {
                    double s = 0;
                    for (std::size_t r = 0; r < lora; ++r) s += v_b[hd * dv + j][r] * latent[r];
                    v[t][hd * dv + j] = s;
                }
            }
        }
        for (std::size_t t = 0; t < n; ++t) {
            std::vector<double> attn(H * dv, 0.0);
            for (std::size_t hd = 0; hd < H; ++hd) {
                std::vector<double> s(t + 1);
                double top = -1e300;
                for (std::size_t j = 0; j <= t; ++j) {
                    double d = 0;
                    for (std::size_t i = 0; i < qh; ++i) d += q[t][hd * qh + i] * k[j][hd * qh + i];
                    top = std::max(top, s[j] = d * c.kq_scale);
                }
                double sum = 0;
                for (double& e : s) sum += (e = std::exp(e - top));
                for (std::size_t j = 0; j <= t; ++j)
                    for (std::size_t i = 0; i < dv; ++i) attn[hd * dv + i] += s[j] / sum * v[j][hd * dv + i];
            }
            const std::vector<double> o = matvec(w.get(p + "attn_output.weight"), attn);
            for (std::size_t i = 0; i < o.size(); ++i) x[t][i] += o[i];
            const std::vector<double> h = rmsnorm(x[t], w.vec(p + "ffn_norm.weight"), c.eps);
            const std::vector<double> d =
                l < c.n_dense ? swiglu_ffn(w.get(p + "ffn_gate.weight"), w.get(p + "ffn_up.weight"), w.get(p + "ffn_down.weight"), h)
                              : routed_experts(w, p, h, c, margins[t]);
            for (std::size_t i = 0; i < d.size(); ++i) x[t][i] += d[i];
        }
    }
    std::vector<std::vector<float>> logits(n);
    for (std::size_t t = 0; t < n; ++t) {
        const std::vector<double> y = matvec(out, rmsnorm(x[t], w.vec("output_norm.weight"), c.eps));
        logits[t].assign(y.begin(), y.end());
    }
    if (routing_margins) *routing_margins = std::move(margins);
    return logits;
}

} // namespace conclave::test
