#include "kube/quantity.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

// Parsing follows apimachinery's resource.ParseQuantity: <sign?><digits[.digits]><suffix> where the
// suffix is a decimal SI one (n u m "" k M G T P E; metrics.k8s.io sends CPU in "n"), a binary
// SI one (Ki..Ei) or a decimal exponent (e/E followed by a signed integer). Like apimachinery, the
// parsed value is rounded away from zero to nano precision and capped at 2^63-1 units; after that
// every value fits an Int128 count of nano-units, which is what m_mantissa holds (m_exp10 = -9,
// m_exp2 = 0).

namespace nt {
namespace {

__extension__ typedef unsigned __int128 UInt128;

constexpr qint64 kInt64Max = std::numeric_limits<qint64>::max();
constexpr Int128 kNanoPerUnit = 1000000000;
constexpr Int128 kMaxNanos = static_cast<Int128>(kInt64Max) * kNanoPerUnit;

// A tiny unsigned big integer (base 2^32, little endian), only as wide as exact rounding needs.
// The bounds in toNanos() keep it to a few dozen limbs, so nothing here has to be fast.
class BigUInt {
public:
    void mulSmall(std::uint32_t factor) {
        std::uint64_t carry = 0;
        for (std::uint32_t &limb : m_limbs) {
            const std::uint64_t v = std::uint64_t(limb) * factor + carry;
            limb = std::uint32_t(v);
            carry = v >> 32;
        }
        if (carry != 0)
            m_limbs.push_back(std::uint32_t(carry));
    }
    void addSmall(std::uint32_t addend) {
        std::uint64_t carry = addend;
        for (std::size_t i = 0; carry != 0; ++i) {
            if (i == m_limbs.size())
                m_limbs.push_back(0);
            const std::uint64_t v = std::uint64_t(m_limbs[i]) + carry;
            m_limbs[i] = std::uint32_t(v);
            carry = v >> 32;
        }
    }
    // Divides in place and returns the remainder.
    std::uint32_t divSmall(std::uint32_t divisor) {
        std::uint64_t rem = 0;
        for (std::size_t i = m_limbs.size(); i-- > 0;) {
            const std::uint64_t cur = (rem << 32) | m_limbs[i];
            m_limbs[i] = std::uint32_t(cur / divisor);
            rem = cur % divisor;
        }
        trim();
        return std::uint32_t(rem);
    }
    bool isZero() const { return m_limbs.empty(); }
    // The value, or nullopt above 2^127-1.
    std::optional<Int128> toInt128() const {
        if (m_limbs.size() > 4 || (m_limbs.size() == 4 && (m_limbs[3] & 0x80000000u)))
            return std::nullopt;
        UInt128 v = 0;
        for (std::size_t i = m_limbs.size(); i-- > 0;)
            v = (v << 32) | m_limbs[i];
        return static_cast<Int128>(v);
    }
    void trim() {
        while (!m_limbs.empty() && m_limbs.back() == 0)
            m_limbs.pop_back();
    }

private:
    std::vector<std::uint32_t> m_limbs;
};

// |digits| * 10^pow10 * 2^pow2 in nano-units (pow10 already includes the +9 for nanos), rounded
// up (away from zero) and capped at kMaxNanos.
Int128 toNanos(const QString &digits, int pow10, int pow2) {
    qsizetype first = 0;
    while (first < digits.size() && digits[first] == u'0')
        ++first;
    qsizetype last = digits.size();
    while (last > first && digits[last - 1] == u'0') {
        --last;
        ++pow10;
    }
    const qsizetype significant = last - first;
    if (significant == 0)
        return 0;
    // Above 10^(digits + pow10 - 1) * 2^pow2 > kMaxNanos (~9.2e27) the value is capped; below
    // 10^-20 nano (2^60 < 10^19) it is a nonzero fraction of a nano, which rounds up to one.
    if (significant + pow10 > 30 + 1)
        return kMaxNanos;
    if (significant + pow10 < -20)
        return 1;

    BigUInt n;
    for (qsizetype i = first; i < last; ++i) {
        n.mulSmall(10);
        n.addSmall(std::uint32_t(digits[i].unicode() - u'0'));
    }
    for (int i = 0; i < pow10; ++i)
        n.mulSmall(10);
    for (int i = 0; i < pow2; ++i)
        n.mulSmall(2);
    bool inexact = false;
    for (int i = 0; i > pow10; --i)
        inexact = n.divSmall(10) != 0 || inexact;
    const std::optional<Int128> v = n.toInt128();
    if (!v || *v > kMaxNanos)
        return kMaxNanos;
    return inexact ? *v + 1 : *v;
}

// Decimal (pow10) and binary (pow2) factor of a suffix; false when it is not one.
bool interpretSuffix(QStringView suffix, int &pow10, int &pow2) {
    static const struct {
        const char16_t *text;
        int pow10, pow2;
    } table[] = {{u"", 0, 0},    {u"n", -9, 0},  {u"u", -6, 0},  {u"m", -3, 0},
                 {u"k", 3, 0},   {u"M", 6, 0},   {u"G", 9, 0},   {u"T", 12, 0},
                 {u"P", 15, 0},  {u"E", 18, 0},  {u"Ki", 0, 10}, {u"Mi", 0, 20},
                 {u"Gi", 0, 30}, {u"Ti", 0, 40}, {u"Pi", 0, 50}, {u"Ei", 0, 60}};
    for (const auto &entry : table) {
        if (suffix == QStringView(entry.text)) {
            pow10 = entry.pow10;
            pow2 = entry.pow2;
            return true;
        }
    }
    // Decimal exponent: e/E then a signed integer. "E" alone is exa (matched above).
    if (suffix.size() < 2 || (suffix[0] != u'e' && suffix[0] != u'E'))
        return false;
    QStringView exp = suffix.mid(1);
    bool negative = false;
    if (exp[0] == u'+' || exp[0] == u'-') {
        negative = exp[0] == u'-';
        exp = exp.mid(1);
    }
    // Like Go's ParseInt(.., 64): at most int64's 19 digits. Exponents are clamped at a million,
    // far past the point where the value is capped or rounded to one nano anyway.
    if (exp.isEmpty() || exp.size() > 19)
        return false;
    int value = 0;
    for (QChar c : exp) {
        if (c < u'0' || c > u'9')
            return false;
        value = std::min(value * 10 + (c.unicode() - u'0'), 1000000);
    }
    pow10 = negative ? -value : value;
    pow2 = 0;
    return true;
}

// Divides nanos by 10^scaleDigits, rounding away from zero, saturating at int64.
qint64 scaledUp(Int128 nanos, Int128 divisor) {
    const bool negative = nanos < 0;
    const Int128 magnitude = negative ? -nanos : nanos;
    Int128 q = magnitude / divisor;
    if (magnitude % divisor != 0)
        ++q;
    if (q > kInt64Max)
        return negative ? std::numeric_limits<qint64>::min() : kInt64Max;
    return negative ? -qint64(q) : qint64(q);
}

} // namespace

std::optional<Quantity> Quantity::parse(const QString &text) {
    qsizetype pos = 0;
    const qsizetype end = text.size();
    bool negative = false;
    if (pos < end && (text[pos] == u'+' || text[pos] == u'-')) {
        negative = text[pos] == u'-';
        ++pos;
    }
    const qsizetype intStart = pos;
    while (pos < end && text[pos].isDigit() && text[pos].unicode() < 128)
        ++pos;
    QString digits = text.mid(intStart, pos - intStart);
    qsizetype fracDigits = 0;
    if (pos < end && text[pos] == u'.') {
        ++pos;
        const qsizetype fracStart = pos;
        while (pos < end && text[pos].isDigit() && text[pos].unicode() < 128)
            ++pos;
        fracDigits = pos - fracStart;
        digits += text.mid(fracStart, fracDigits);
    }
    // A number needs at least one digit: "Ki", ".", "-" and "" are not quantities.
    if (digits.isEmpty())
        return std::nullopt;

    int pow10 = 0;
    int pow2 = 0;
    if (!interpretSuffix(QStringView(text).mid(pos), pow10, pow2))
        return std::nullopt;

    Quantity q;
    const Int128 nanos = toNanos(digits, pow10 - int(fracDigits) + 9, pow2);
    q.m_mantissa = negative ? -nanos : nanos;
    q.m_exp10 = -9;
    q.m_exp2 = 0;
    q.m_text = text;
    return q;
}

qint64 Quantity::milliValue() const {
    return scaledUp(m_mantissa, 1000000);
}

qint64 Quantity::value() const {
    return scaledUp(m_mantissa, kNanoPerUnit);
}

double Quantity::toDouble() const {
    return double(m_mantissa) / 1e9;
}

bool Quantity::operator==(const Quantity &o) const {
    return m_mantissa == o.m_mantissa;
}

} // namespace nt
