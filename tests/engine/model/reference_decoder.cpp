#include "reference_decoder.h"
#include "reference_math.h"

#include "gguf/gguf_file.h"
#include "quant/dequantize.h"

#include <algorithm>
#include <cmath>

namespace conclave::test {
namespace {

using namespace reference;

std::vector<double> dense_ffn(const Weights& w, const std::string& p, const std::vector<double>& h, bool gelu) {
    return swiglu_ffn(w.get(p + "ffn_gate.weight"), w.get(p + "ffn_up.weight"), w.get(p + "ffn_down.weight"), h, gelu);
}

// Softmax over all experts, the top k kept and renormalized, their outputs summed.
std::vector<double> moe_ffn(const Weights& w, const std::string& p, const std::vector<double>& h) {
    const std::string arch(*w.file->get_string("general.architecture"));
    const std::size_t k = static_cast<std::size_t>(*w.file->get_uint(arch + ".expert_used_count"));
    std::vector<double> probs = matvec(w.get(p + "ffn_gate_inp.weight"), h);
    const double top = *std::max_element(probs.begin(), probs.end());
    double sum = 0;
    for (double& v : probs) sum += (v = std::exp(v - top));
    for (double& v : probs) v /= sum;
    std::vector<std::size_t> order(probs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return probs[a] > probs[b]; });
    // Qwen2-MoE and OLMoE use the softmax weights of the chosen experts as they are; the
    // others renormalize them to sum to one. A file may scale them all.
    double kept = 0;
    for (std::size_t s = 0; s < k; ++s) kept += probs[order[s]];
    if (arch == "qwen2moe" || arch == "olmoe") kept = 1.0;
    kept /= w.file->get_float(arch + ".expert_weights_scale").value_or(1.0);
    const Matrix gate = w.get(p + "ffn_gate_exps.weight"), up = w.get(p + "ffn_up_exps.weight");
    const Matrix down = w.get(p + "ffn_down_exps.weight");
    std::vector<double> out(h.size(), 0.0);
    for (std::size_t s = 0; s < k; ++s) {
        const std::size_t e = order[s];
        const std::vector<double> y = swiglu_ffn(expert_rows(gate, e, probs.size()), expert_rows(up, e, probs.size()),
                                                 expert_rows(down, e, probs.size()), h);
        for (std::size_t i = 0; i < out.size(); ++i) out[i] += probs[e] / kept * y[i];
    }
    if (w.file->find_tensor(p + "ffn_gate_inp_shexp.weight")) {
        const std::vector<double> gate_w = w.vec(p + "ffn_gate_inp_shexp.weight");
        double logit = 0;
        for (std::size_t i = 0; i < h.size(); ++i) logit += gate_w[i] * h[i];
        const double shared_gate = 1.0 / (1.0 + std::exp(-logit));
        const std::vector<double> y = swiglu_ffn(w.get(p + "ffn_gate_shexp.weight"), w.get(p + "ffn_up_shexp.weight"),
                                                 w.get(p + "ffn_down_shexp.weight"), h);
        for (std::size_t i = 0; i < out.size(); ++i) out[i] += shared_gate * y[i];
    }
    return out;
}

// gpt-oss: the router's logits (with its bias); the k largest kept and softmaxed among
// themselves; each chosen expert computes g = gate h + b_g, u = up h + b_u, then
// min(g, 7) * sigmoid(1.702 * min(g, 7)) * (clamp(u, -7, 7) + 1), then down (+ b_d).
std::vector<double> gpt_oss_moe_ffn(const Weights& w, const std::string& p, const std::vector<double>& h) {
    const std::size_t k = static_cast<std::size_t>(*w.file->get_uint("gpt-oss.expert_used_count"));
    std::vector<double> logits = matvec(w.get(p + "ffn_gate_inp.weight"), h);
    const std::vector<double> router_bias = w.vec(p + "ffn_gate_inp.bias");
    for (std::size_t e = 0; e < logits.size(); ++e) logits[e] += router_bias[e];
    std::vector<std::size_t> order(logits.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return logits[a] > logits[b]; });
    double sum = 0;
    std::vector<double> weight(k);
    for (std::size_t s = 0; s < k; ++s) sum += (weight[s] = std::exp(logits[order[s]] - logits[order[0]]));
    const std::size_t n_expert = logits.size();
    const Matrix gate = w.get(p + "ffn_gate_exps.weight"), up = w.get(p + "ffn_up_exps.weight");
    const Matrix down = w.get(p + "ffn_down_exps.weight");
    // Bias tensors [n, n_expert]: row e holds expert e's bias.
    const Matrix gate_b = w.get(p + "ffn_gate_exps.bias"), up_b = w.get(p + "ffn_up_exps.bias");
    const Matrix down_b = w.get(p + "ffn_down_exps.bias");
    std::vector<double> out(h.size(), 0.0);
    for (std::size_t s = 0; s < k; ++s) {
        const std::size_t e = order[s];
        std::vector<double> g = matvec(expert_rows(gate, e, n_expert), h);
        const std::vector<double> u = matvec(expert_rows(up, e, n_expert), h);
        for (std::size_t i = 0; i < g.size(); ++i) {
            const double gc = std::min(g[i] + gate_b[e][i], 7.0);
            const double uc = std::clamp(u[i] + up_b[e][i], -7.0, 7.0);
            g[i] = gc / (1.0 + std::exp(-1.702 * gc)) * (uc + 1.0);
        }
        const std::vector<double> y = matvec(expert_rows(down, e, n_expert), g);
        for (std::size_t i = 0; i < out.size(); ++i) out[i] += weight[s] / sum * (y[i] + down_b[e][i]);
    }
    return out;
}

} // namespace

std::vector<std::vector<float>> reference_decoder_logits(const std::string& path, const std::vector<int>& tokens) {
    auto opened = gguf::GgufFile::open(path);
    if (!opened) return {};
    const gguf::GgufFile& f = **opened;
    const std::string arch(*f.get_string("general.architecture"));
    const auto key = [&](const char* k) { return static_cast<int>(*f.get_uint(arch + "." + k)); };
    const int n_layer = key("block_count"), n_embd = key("embedding_length"), n_head = key("attention.head_count");
    const int n_head_kv = key("attention.head_count_kv");
    const int hd = static_cast<int>(f.get_uint(arch + ".attention.key_length").value_or(static_cast<std::uint64_t>(n_embd / n_head)));
    const double eps = *f.get_float(arch + ".attention.layer_norm_rms_epsilon");
    const double base = *f.get_float(arch + ".rope.freq_base");
    const bool neox = arch != "llama";
    const Weights w{&f};
    const Matrix embd = w.get("token_embd.weight");
    Matrix out = w.get("output.weight");
    if (out.empty()) out = embd;
    Rotation rotation{.base = base, .neox = neox, .factors = w.vec("rope_freqs.weight")};
    if (f.get_string(arch + ".rope.scaling.type").value_or("") == "yarn") {
        rotation.yarn_factor = *f.get_float(arch + ".rope.scaling.factor");
        rotation.yarn_original_ctx = static_cast<int>(*f.get_uint(arch + ".rope.scaling.original_context_length"));
    }

    const std::size_t n = tokens.size();
    Matrix x(n);
    // Gemma: embeddings scaled by sqrt(n_embd); sandwich norms; GELU-gated FFN; 5 of every 6
    // layers attend within a sliding window with RoPE base 10000.
    const bool gemma = arch == "gemma3";
    // gpt-oss: biases on q, k, v and o, attention sinks, even layers windowed, the FFN's
    // pre-norm named post_attention_norm, its own expert block.
    const bool gpt_oss = arch == "gpt-oss";
    const int window = static_cast<int>(f.get_uint(arch + ".attention.sliding_window").value_or(0));
    for (std::size_t t = 0; t < n; ++t) {
        x[t] = embd[static_cast<std::size_t>(tokens[t])];
        if (gemma)
            for (double& v : x[t]) v *= std::sqrt(static_cast<double>(n_embd));
    }
    for (int l = 0; l < n_layer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        const Matrix wq = w.get(p + "attn_q.weight"), wk = w.get(p + "attn_k.weight"), wv = w.get(p + "attn_v.weight");
        const Matrix wo = w.get(p + "attn_output.weight");
        const std::vector<double> bq = w.vec(p + "attn_q.bias"), bk = w.vec(p + "attn_k.bias"), bv = w.vec(p + "attn_v.bias");
        const std::vector<double> qn = w.vec(p + "attn_q_norm.weight"), kn = w.vec(p + "attn_k_norm.weight");
        const std::vector<double> bo = w.vec(p + "attn_output.bias"), sinks = w.vec(p + "attn_sinks.weight");
        const bool sliding = window > 0 && ((gemma && (l + 1) % 6 != 0) || (gpt_oss && l % 2 == 0));
        Rotation layer_rotation = rotation;
        if (sliding) layer_rotation.base = 10000.0;
        Matrix q(n), k(n), v(n);
        for (std::size_t t = 0; t < n; ++t) {
            const std::vector<double> h = rmsnorm(x[t], w.vec(p + "attn_norm.weight"), eps);
            q[t] = matvec(wq, h), k[t] = matvec(wk, h), v[t] = matvec(wv, h);
            for (std::size_t i = 0; i < bq.size(); ++i) q[t][i] += bq[i];
            for (std::size_t i = 0; i < bk.size(); ++i) k[t][i] += bk[i], v[t][i] += bv[i];
            const auto norm_heads = [&](std::vector<double>& m, const std::vector<double>& nw) {
                for (std::size_t h0 = 0; h0 < m.size(); h0 += static_cast<std::size_t>(hd)) {
                    std::vector<double> head(m.begin() + static_cast<long>(h0), m.begin() + static_cast<long>(h0) + hd);
                    head = rmsnorm(head, nw, eps);
                    std::copy(head.begin(), head.end(), m.begin() + static_cast<long>(h0));
                }
            };
            if (qn.size() == static_cast<std::size_t>(hd)) norm_heads(q[t], qn), norm_heads(k[t], kn);
            else if (!qn.empty()) q[t] = rmsnorm(q[t], qn, eps), k[t] = rmsnorm(k[t], kn, eps); // OLMoE
            rotate(q[t], hd, static_cast<int>(t), layer_rotation);
            rotate(k[t], hd, static_cast<int>(t), layer_rotation);
        }
        for (std::size_t t = 0; t < n; ++t) {
            std::vector<double> attn(static_cast<std::size_t>(n_head * hd), 0.0);
            for (int h = 0; h < n_head; ++h) {
                const int kvh = h / (n_head / n_head_kv);
                std::vector<double> s(t + 1, -1e300);
                const double sink = sinks.empty() ? -1e300 : sinks[static_cast<std::size_t>(h)];
                double mx = sink;
                const std::size_t first = sliding && t + 1 > static_cast<std::size_t>(window) ? t + 1 - static_cast<std::size_t>(window) : 0;
                for (std::size_t j = first; j <= t; ++j) {
                    double d = 0;
                    for (int i = 0; i < hd; ++i) d += q[t][static_cast<std::size_t>(h * hd + i)] * k[j][static_cast<std::size_t>(kvh * hd + i)];
                    s[j] = d / std::sqrt(static_cast<double>(hd));
                    mx = std::max(mx, s[j]);
                }
                double sum = sinks.empty() ? 0.0 : std::exp(sink - mx); // a sink: weight without a value
                for (double& e : s) sum += (e = std::exp(e - mx));
                for (std::size_t j = first; j <= t; ++j)
                    for (int i = 0; i < hd; ++i)
                        attn[static_cast<std::size_t>(h * hd + i)] += s[j] / sum * v[j][static_cast<std::size_t>(kvh * hd + i)];
            }
            std::vector<double> o = matvec(wo, attn);
            for (std::size_t i = 0; i < bo.size(); ++i) o[i] += bo[i];
            if (gemma) o = rmsnorm(o, w.vec(p + "post_attention_norm.weight"), eps);
            for (int i = 0; i < n_embd; ++i) x[t][static_cast<std::size_t>(i)] += o[static_cast<std::size_t>(i)];
            const std::vector<double> h = rmsnorm(x[t], w.vec(p + (gpt_oss ? "post_attention_norm.weight" : "ffn_norm.weight")), eps);
            std::vector<double> d = gpt_oss ? gpt_oss_moe_ffn(w, p, h)
                                    : f.find_tensor(p + "ffn_gate_inp.weight") ? moe_ffn(w, p, h)
                                                                               : dense_ffn(w, p, h, gemma);
            if (gemma) d = rmsnorm(d, w.vec(p + "post_ffw_norm.weight"), eps);
            for (int i = 0; i < n_embd; ++i) x[t][static_cast<std::size_t>(i)] += d[static_cast<std::size_t>(i)];
        }
    }
    std::vector<std::vector<float>> logits(n);
    for (std::size_t t = 0; t < n; ++t) {
        const std::vector<double> y = matvec(out, rmsnorm(x[t], w.vec("output_norm.weight"), eps));
        logits[t].assign(y.begin(), y.end());
    }
    return logits;
}

double nmse(const std::vector<float>& expected, const std::vector<float>& actual) {
    if (expected.size() != actual.size() || expected.empty()) return INFINITY;
    double err = 0, ref = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const double d = static_cast<double>(actual[i]) - expected[i];
        err += d * d;
        ref += static_cast<double>(expected[i]) * expected[i];
    }
    return ref > 0 ? err / ref : err;
}

} // namespace conclave::test
