#include "gguf/mapped_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace conclave::gguf {

Result<std::unique_ptr<MappedFile>> MappedFile::map(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return make_error(ErrorCode::io, "cannot open '" + path + "': " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return make_error(ErrorCode::io, "cannot read '" + path + "': " + std::strerror(err));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return make_error(ErrorCode::io, "'" + path + "' is not a regular file");
    }
    auto file = std::unique_ptr<MappedFile>(new MappedFile());
    file->m_path = path;
    file->m_size = static_cast<std::uint64_t>(st.st_size);
    if (file->m_size == 0) {
        ::close(fd);
        return make_error(ErrorCode::invalid_format, "'" + path + "' is empty, not a GGUF file");
    }
    void* mapping = ::mmap(nullptr, file->m_size, PROT_READ, MAP_PRIVATE, fd, 0);
    const int err = errno;
    ::close(fd); // the mapping keeps the file alive
    if (mapping == MAP_FAILED)
        return make_error(ErrorCode::io, "cannot map '" + path + "': " + std::strerror(err));
    file->m_data = static_cast<const unsigned char*>(mapping);
    file->m_owns_mapping = true;
    return file;
}

std::unique_ptr<MappedFile> MappedFile::view(const unsigned char* data, std::uint64_t size, std::string name) {
    auto file = std::unique_ptr<MappedFile>(new MappedFile());
    file->m_data = data;
    file->m_size = size;
    file->m_path = std::move(name);
    return file;
}

MappedFile::~MappedFile() {
    if (m_owns_mapping) ::munmap(const_cast<unsigned char*>(m_data), m_size);
}

} // namespace conclave::gguf
