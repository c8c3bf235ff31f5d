#pragma once
// A value or an error message, for APIs that fail with one clear sentence for the user.
// (std::expected is C++23; Debian 12's GCC 12 does not have it.)
#include <QString>
#include <optional>
#include <utility>

namespace nt {

struct Error {
    QString message; // one sentence, user-facing, already translated, names what and where
};

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error.message)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const { return *m_value; }
    const QString &error() const { return m_error; }

private:
    std::optional<T> m_value;
    QString m_error;
};

} // namespace nt
