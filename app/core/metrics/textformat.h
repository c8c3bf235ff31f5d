#pragma once
// Prometheus text exposition format 0.0.4, as served by node_exporter, the kubelet's /metrics and
// its cAdvisor endpoint. One pass over the buffer: names and label values are string_views into
// it (only values with escapes are copied), labels of all samples share one flat vector, so a
// 1.4 MB cAdvisor scrape costs a handful of allocations, not one per sample.
#include <QByteArray>
#include <QString>

#include <deque>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nt {

enum class MetricType : quint8 { Untyped, Counter, Gauge, Histogram, Summary };

// What a sample is inside its family: histograms and summaries spread one observation stream
// over several series that a chart or a quantile needs told apart.
enum class SampleKind : quint8 {
    Plain,    // counter, gauge, untyped
    Bucket,   // histogram <name>_bucket{le="..."}; Sample::bound is le
    Quantile, // summary <name>{quantile="..."}; Sample::bound is the quantile
    Sum,      // <name>_sum of a histogram or summary
    Count,    // <name>_count of a histogram or summary
};

struct Label {
    std::string_view name;
    std::string_view value; // unescaped
};

struct Sample {
    std::string_view name; // the series name as written, e.g. foo_bucket
    std::span<const Label> labels;
    double value = 0;
    std::optional<qint64> timestampMs;
    SampleKind kind = SampleKind::Plain;
    double bound = 0;   // le of a Bucket, quantile of a Quantile; 0 otherwise
    quint32 family = 0; // index into ParseResult::families

    std::optional<std::string_view> label(std::string_view labelName) const;
};

struct Family {
    std::string_view name; // without _bucket/_sum/_count
    std::string help;      // unescaped; empty when no # HELP
    MetricType type = MetricType::Untyped;
    std::vector<quint32> samples; // indexes into ParseResult::samples, in input order
};

struct ParseError {
    int line = 0; // 1-based
    QString reason;
};

// Called for every well-formed sample before it is stored; return false to drop it. Dropped
// samples cost no memory, so a caller can keep only the node's own cgroup (id="/") out of a
// scrape that lists every container.
using SampleFilter = std::function<bool(std::string_view name, std::span<const Label> labels)>;

// Move-only: samples hold spans into the label vector and views into the buffer, which a copy
// would leave pointing at the original.
class ParseResult {
public:
    ParseResult() = default;
    ParseResult(ParseResult &&) = default;
    ParseResult &operator=(ParseResult &&) = default;
    ParseResult(const ParseResult &) = delete;
    ParseResult &operator=(const ParseResult &) = delete;

    std::vector<Family> families;
    std::vector<Sample> samples;
    std::vector<ParseError> errors;
    int lines = 0;

    const Family *family(std::string_view name) const;
    // First sample with this series name whose labels include every pair of `match`.
    const Sample *find(std::string_view name, std::span<const Label> match = {}) const;

private:
    friend class TextFormatParser;
    QByteArray m_text; // keeps the views valid; implicitly shared with the caller's buffer
    std::vector<Label> m_labels;
    std::deque<std::string> m_unescaped; // deque: growing it never moves earlier strings
    std::unordered_map<std::string_view, quint32> m_familyIndex;
};

// Takes a QByteArray, not a view, so that the result can share (not copy) the buffer its views
// point into and stay valid after the caller drops its own copy.
ParseResult parseTextFormat(const QByteArray &text, const SampleFilter &filter = {});

} // namespace nt
