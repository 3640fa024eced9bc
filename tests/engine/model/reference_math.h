#pragma once
// Plain scalar building blocks of the reference decoders (reference_decoder.cpp,
// reference_deepseek2.cpp): weights read from the file as doubles, matrix-vector products,
// RMSNorm, RoPE with YaRN, gated FFNs. Written for clarity, never for speed.

#include "gguf/gguf_file.h"
#include "quant/dequantize.h"

#include <string>
#include <vector>

namespace conclave::test::reference {

using Matrix = std::vector<std::vector<double>>; // [rows][cols]

struct Weights {
    const gguf::GgufFile* file;
    Matrix get(const std::string& name) const {
        const gguf::TensorInfo* t = file->find_tensor(name);
        if (!t) return {};
        const std::int64_t cols = static_cast<std::int64_t>(t->shape[0]);
        const std::int64_t rows = static_cast<std::int64_t>(t->n_elements()) / cols;
        const std::uint64_t row_bytes = t->n_bytes / static_cast<std::uint64_t>(rows);
        Matrix m(static_cast<std::size_t>(rows));
        std::vector<float> buffer(static_cast<std::size_t>(cols));
        for (std::int64_t r = 0; r < rows; ++r) {
            (void)quant::dequantize_row(t->type, t->data + r * row_bytes, row_bytes, buffer.data(), cols);
            m[static_cast<std::size_t>(r)].assign(buffer.begin(), buffer.end());
        }
        return m;
    }
    std::vector<double> vec(const std::string& name) const {
        Matrix m = get(name);
        return m.empty() ? std::vector<double>{} : m[0];
    }
};

struct Rotation {
    double base = 10000.0;
    bool neox = false;
    std::vector<double> factors;   // Llama 3 per-pair divisors, or empty
    double yarn_factor = 0.0;      // YaRN context extension factor, or 0
    int yarn_original_ctx = 0;
    // The rotated values' scale; below 0: YaRN's own 1 + 0.1 ln(factor) (1 without YaRN).
    double magnitude = -1.0;
};

std::vector<double> matvec(const Matrix& w, const std::vector<double>& x);
std::vector<double> rmsnorm(const std::vector<double>& x, const std::vector<double>& w, double eps);
// Rotates each head of v (head_dim values per head) for position pos.
void rotate(std::vector<double>& v, int head_dim, int pos, const Rotation& r);
// down(silu(gate h) * up h), or GELU-tanh gated.
std::vector<double> swiglu_ffn(const Matrix& gate, const Matrix& up, const Matrix& down, const std::vector<double>& h,
                               bool gelu = false);
// Expert e's matrix: rows [e * rows_per_expert, (e + 1) * rows_per_expert) of the stack.
Matrix expert_rows(const Matrix& stack, std::size_t e, std::size_t n_expert);

} // namespace conclave::test::reference
