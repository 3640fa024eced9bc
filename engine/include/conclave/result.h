#pragma once
// Result<T>: the value of an engine call or the Error that prevented it. Shaped like
// std::expected (not available in our C++20 toolchains) so it can be swapped for it later.
// No exception crosses the engine's public API; every failure a user can cause arrives here.

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace conclave {

// Values are stable: they are shown in logs and may be stored. Never reorder or reuse them.
enum class ErrorCode : std::uint16_t {
    io = 1,               // a file could not be opened, read, mapped or written
    invalid_format = 2,   // the bytes are not what the format requires
    unsupported = 3,      // valid, but something Conclave does not run (architecture, type, version)
    out_of_memory = 4,    // a memory budget (RAM or VRAM) is too small
    invalid_argument = 5, // the caller passed something out of range
    cancelled = 6,        // the caller asked to stop
    device = 7,           // a GPU or driver failed
    template_error = 8,   // a chat template failed to render
};

// What went wrong, in words a user can act on ("truncated at byte 1204", not "read failed").
struct Error {
    ErrorCode code = ErrorCode::invalid_argument;
    std::string message;
};

const char* error_code_name(ErrorCode code);

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result of an operation with no value: ok, or the Error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error make_error(ErrorCode code, std::string message) {
    return Error{code, std::move(message)};
}

} // namespace conclave
