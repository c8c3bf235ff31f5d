#pragma once
// Kubernetes resource quantities ("1900m", "5497812Ki", "110", "1.5Gi", "1e3", "100M"), parsed
// exactly as apimachinery does (decimal and binary SI suffixes, decimal exponents).
#include <optional>
#include <QString>

namespace nt {

// GCC/Clang's 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef __int128 Int128;

class Quantity {
public:
    static std::optional<Quantity> parse(const QString &text);

    // Value in milli-units, rounded up like resource.Quantity.MilliValue(); saturates at int64.
    qint64 milliValue() const;
    // Value rounded up to a whole unit like resource.Quantity.Value() (bytes, cores rounded up).
    qint64 value() const;
    double toDouble() const;
    QString text() const { return m_text; }

    bool operator==(const Quantity &o) const;

private:
    // Value = m_mantissa * 10^m_exp10 * 2^m_exp2. parse() normalises as apimachinery does (rounded
    // away from zero to nano precision, capped at 2^63-1 units), so it stores nanos: m_exp10 = -9.
    Int128 m_mantissa = 0;
    int m_exp10 = 0;
    int m_exp2 = 0;
    QString m_text;
};

} // namespace nt
