#pragma once
// MappedFile: a whole file mapped read-only into memory (or a caller-owned buffer viewed the
// same way), so tensor data is used in place without copying. Owns the mapping; unmaps on
// destruction. Immutable; safe to read from any thread.

#include "conclave/result.h"

#include <cstdint>
#include <memory>
#include <string>

namespace conclave::gguf {

class MappedFile {
public:
    static Result<std::unique_ptr<MappedFile>> map(const std::string& path);
    // Views memory the caller keeps alive for the MappedFile's lifetime (fuzzing, tests).
    static std::unique_ptr<MappedFile> view(const unsigned char* data, std::uint64_t size, std::string name);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const unsigned char* data() const { return m_data; }
    std::uint64_t size() const { return m_size; }
    const std::string& path() const { return m_path; }

private:
    MappedFile() = default;

    const unsigned char* m_data = nullptr;
    std::uint64_t m_size = 0;
    bool m_owns_mapping = false;
    std::string m_path;
};

} // namespace conclave::gguf
