// The value of a socket call or the SocketError it failed with: no exceptions cross
// the core's API (calls run on socket threads and report to the GUI by value).
#pragma once

#include "SocketError.h"

#include <cassert>
#include <optional>
#include <utility>

namespace socketlab {

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(SocketError error) : m_error(error) { assert(error.isError()); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const SocketError &error() const { return m_error; }

    T &value() & { assert(ok()); return *m_value; }
    const T &value() const & { assert(ok()); return *m_value; }
    T &&value() && { assert(ok()); return std::move(*m_value); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

private:
    std::optional<T> m_value;
    SocketError m_error;
};

// A call that returns nothing but may fail (Python's None).
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(SocketError error) : m_error(error) {}
    bool ok() const { return !m_error.isError(); }
    explicit operator bool() const { return ok(); }
    const SocketError &error() const { return m_error; }

private:
    SocketError m_error;
};

} // namespace socketlab
