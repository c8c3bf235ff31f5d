#pragma once
// Quantiles from cumulative histogram buckets, as PromQL's histogram_quantile() computes them:
// linear interpolation inside the bucket that holds the rank. Used for the kubelet's PLEG relist
// p99 (KubeletPlegDurationHigh fires at p99 >= 10 s), fed with bucket increases between two
// scrapes so the quantile describes that interval, not the kubelet's whole life.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace nt {

class ParseResult;
struct Label;

struct HistogramBucket {
    double upperBound = 0; // le
    double count = 0;      // cumulative: observations <= upperBound
};

// Absent (never a made-up 0) when q is outside [0, 1], there is no +Inf bucket, fewer than two
// buckets, or no observation. Buckets may come in any order; equal bounds are added together and
// counts that decrease with the bound (scraped mid-update) are raised to stay monotonic.
std::optional<double> histogramQuantile(double q, std::vector<HistogramBucket> buckets);

// The _bucket samples of histogram family `family` whose labels include every pair of `match`,
// summed per le (PromQL's sum by (le)).
std::vector<HistogramBucket> histogramBuckets(const ParseResult &result, std::string_view family,
                                              std::span<const Label> match = {});

// Bucket by bucket increase from `earlier` to `later` (same bounds); a bucket whose count went
// down means the kubelet restarted, and then `later` alone is the increase, as rate() does.
std::vector<HistogramBucket> histogramIncrease(std::span<const HistogramBucket> earlier,
                                               std::span<const HistogramBucket> later);

} // namespace nt
