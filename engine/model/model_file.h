#pragma once
// ModelFile: typed access to one architecture's hyper-parameters and weights in a GGUF file.
// Keys are read with the "<arch>." prefix GGUF uses; weights are bound by their GGUF names
// with their shapes checked, so a forward pass never meets a tensor of the wrong size.
// Errors name the key or tensor and what was expected.

#include "backend/tensor.h"
#include "conclave/result.h"
#include "gguf/gguf_file.h"

#include <array>
#include <string>
#include <vector>

namespace conclave::model {

class ModelFile {
public:
    // header_only: weights without data (a header-only copy) bind with null data, for
    // Model::inspect, which sizes a model and never runs it.
    ModelFile(const gguf::GgufFile& file, std::string arch, bool header_only = false)
        : m_file(file), m_arch(std::move(arch)), m_header_only(header_only) {}

    const gguf::GgufFile& gguf() const { return m_file; }
    const std::string& arch() const { return m_arch; }
    bool header_only() const { return m_header_only; }

    // "<arch>.<key>" as an unsigned integer; an error naming the key when absent.
    Result<std::uint64_t> uint(const std::string& key) const;
    std::uint64_t uint_or(const std::string& key, std::uint64_t fallback) const;
    Result<float> real(const std::string& key) const;
    float real_or(const std::string& key, float fallback) const;

    // The weight called `name` with exactly the shape `ne` (trailing 1s may be omitted).
    Result<Tensor> weight(const std::string& name, std::vector<std::int64_t> ne) const;
    // The same, or an invalid Tensor when the file does not have it.
    Result<Tensor> optional_weight(const std::string& name, std::vector<std::int64_t> ne) const;
    bool has_weight(const std::string& name) const { return m_file.find_tensor(name) != nullptr; }

private:
    const gguf::GgufFile& m_file;
    std::string m_arch;
    bool m_header_only = false;
};

// "blk.<layer>.<name>.weight"
std::string layer_weight(int layer, const char* name);

} // namespace conclave::model
