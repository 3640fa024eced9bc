#pragma once
// Loaders of every architecture in archs/, listed in registry.cpp.

#include "model/architecture.h"

namespace conclave::model {

Result<std::unique_ptr<ArchModel>> load_llama(const ModelFile& file);
Result<std::unique_ptr<ArchModel>> load_qwen2(const ModelFile& file);
Result<std::unique_ptr<ArchModel>> load_qwen3(const ModelFile& file);
Result<std::unique_ptr<ArchModel>> load_gemma3(const ModelFile& file);
Result<std::unique_ptr<ArchModel>> load_qwen3moe(const ModelFile& file);
Result<std::unique_ptr<ArchModel>> load_qwen2moe(const ModelFile& file);
Result<std::unique_ptr<ArchModel>> load_olmoe(const ModelFile& file);
Result<std::unique_ptr<ArchModel>> load_gpt_oss(const ModelFile& file);
Result<std::unique_ptr<ArchModel>> load_deepseek2(const ModelFile& file);
Result<std::unique_ptr<ArchModel>> load_deepseek4(const ModelFile& file);

} // namespace conclave::model
