#include "metrics/histogram.h"

#include "metrics/textformat.h"

#include <algorithm>
#include <cmath>

namespace nt {

std::optional<double> histogramQuantile(double q, std::vector<HistogramBucket> buckets) {
    if (!(q >= 0 && q <= 1))
        return std::nullopt;
    std::sort(buckets.begin(), buckets.end(),
              [](const HistogramBucket &a, const HistogramBucket &b) {
                  return a.upperBound < b.upperBound;
              });
    // Merge equal bounds (two series reduced into one) so interpolation never divides by zero.
    std::vector<HistogramBucket> b;
    b.reserve(buckets.size());
    for (const HistogramBucket &x : buckets) {
        if (std::isnan(x.upperBound) || std::isnan(x.count))
            continue;
        if (!b.empty() && b.back().upperBound == x.upperBound)
            b.back().count += x.count;
        else
            b.push_back(x);
    }
    if (b.size() < 2 || !std::isinf(b.back().upperBound) || b.back().upperBound < 0)
        return std::nullopt;
    for (size_t i = 1; i < b.size(); ++i)
        b[i].count = std::max(b[i].count, b[i - 1].count);
    const double observations = b.back().count;
    if (observations <= 0)
        return std::nullopt;

    double rank = q * observations;
    // Rank 0 asks for the smallest observation: it lives in the first bucket that has any, not
    // in a leading empty one (where Prometheus would divide 0 by 0).
    const auto it = std::partition_point(b.begin(), b.end(), [rank](const HistogramBucket &x) {
        return rank > 0 ? x.count < rank : x.count <= 0;
    });
    const size_t i = size_t(it - b.begin());
    // In the +Inf bucket there is no upper edge to interpolate to: the last finite bound is the
    // best statement, as Prometheus answers.
    if (i == b.size() - 1)
        return b[b.size() - 2].upperBound;
    if (i == 0 && b[0].upperBound <= 0)
        return b[0].upperBound;
    double start = 0;
    double count = b[i].count;
    if (i > 0) {
        start = b[i - 1].upperBound;
        count -= b[i - 1].count;
        rank -= b[i - 1].count;
    }
    if (count <= 0)
        return start;
    return start + (b[i].upperBound - start) * (rank / count);
}

std::vector<HistogramBucket> histogramBuckets(const ParseResult &result, std::string_view family,
                                              std::span<const Label> match) {
    std::vector<HistogramBucket> out;
    const Family *f = result.family(family);
    if (!f || f->type != MetricType::Histogram)
        return out;
    for (const quint32 index : f->samples) {
        const Sample &s = result.samples[index];
        if (s.kind != SampleKind::Bucket)
            continue;
        bool all = true;
        for (const Label &want : match)
            all = all && s.label(want.name) == want.value;
        if (!all)
            continue;
        const auto same = std::find_if(out.begin(), out.end(), [&](const HistogramBucket &b) {
            return b.upperBound == s.bound;
        });
        if (same != out.end())
            same->count += s.value;
        else
            out.push_back({s.bound, s.value});
    }
    return out;
}

std::vector<HistogramBucket> histogramIncrease(std::span<const HistogramBucket> earlier,
                                               std::span<const HistogramBucket> later) {
    std::vector<HistogramBucket> out(later.begin(), later.end());
    bool reset = false;
    for (HistogramBucket &b : out) {
        const auto before = std::find_if(earlier.begin(), earlier.end(), [&](const auto &e) {
            return e.upperBound == b.upperBound;
        });
        if (before == earlier.end())
            continue; // a new bucket: everything in it is new
        if (b.count < before->count)
            reset = true;
        b.count -= before->count;
    }
    if (reset)
        return {later.begin(), later.end()};
    return out;
}

} // namespace nt
