#include "model/model_file.h"

#include "quant/dequantize.h"

namespace conclave::model {
namespace {

std::string shape_text(const std::vector<std::int64_t>& ne) {
    std::string out = "[";
    for (std::size_t i = 0; i < ne.size(); ++i) out += (i ? ", " : "") + std::to_string(ne[i]);
    return out + "]";
}

} // namespace

Result<std::uint64_t> ModelFile::uint(const std::string& key) const {
    const std::string full = m_arch + "." + key;
    if (const auto value = m_file.get_uint(full)) return *value;
    return make_error(ErrorCode::invalid_format, "the model file lacks the required key '" + full + "'");
}

std::uint64_t ModelFile::uint_or(const std::string& key, std::uint64_t fallback) const {
    return m_file.get_uint(m_arch + "." + key).value_or(fallback);
}

Result<float> ModelFile::real(const std::string& key) const {
    const std::string full = m_arch + "." + key;
    if (const auto value = m_file.get_float(full)) return static_cast<float>(*value);
    return make_error(ErrorCode::invalid_format, "the model file lacks the required key '" + full + "'");
}

float ModelFile::real_or(const std::string& key, float fallback) const {
    return static_cast<float>(m_file.get_float(m_arch + "." + key).value_or(fallback));
}

Result<Tensor> ModelFile::weight(const std::string& name, std::vector<std::int64_t> ne) const {
    const gguf::TensorInfo* info = m_file.find_tensor(name);
    if (!info) return make_error(ErrorCode::invalid_format, "the model file lacks the tensor '" + name + "'");
    if (!info->data && !m_header_only)
        return make_error(ErrorCode::invalid_format, "tensor '" + name + "' has no data (a header-only file?)");
    Tensor t;
    t.type = info->type;
    for (std::size_t d = 0; d < 4; ++d) t.ne[d] = static_cast<std::int64_t>(info->shape[d]);
    ne.resize(4, 1);
    for (std::size_t d = 0; d < 4; ++d)
        if (t.ne[d] != ne[d])
            return make_error(ErrorCode::invalid_format,
                              "tensor '" + name + "' has shape " +
                                  shape_text({t.ne[0], t.ne[1], t.ne[2], t.ne[3]}) + ", expected " + shape_text(ne));
    if (!quant::can_dequantize(t.type))
        return make_error(ErrorCode::unsupported, "tensor '" + name + "' has type " +
                                                      std::string(quant::tensor_type_name(t.type)) +
                                                      ", which Conclave cannot compute with");
    t.data = const_cast<unsigned char*>(info->data); // weights are read-only; ops never write them
    return t;
}

Result<Tensor> ModelFile::optional_weight(const std::string& name, std::vector<std::int64_t> ne) const {
    if (!has_weight(name)) return Tensor{};
    return weight(name, std::move(ne));
}

std::string layer_weight(int layer, const char* name) {
    return "blk." + std::to_string(layer) + "." + name + ".weight";
}

} // namespace conclave::model
