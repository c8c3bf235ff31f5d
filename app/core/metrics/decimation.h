#pragma once
// Min/max decimation to a chart's pixel width: per pixel column the lowest and the highest value
// of the buckets that fall in it, in time order. At most 2 x pixels points, and every extreme
// survives: a single one-second spike in a day of flat data is still drawn at 800 px, where
// averaging or picking every n-th point would erase it.
#include "metrics/bucketring.h"

#include <span>
#include <vector>

namespace nt {

struct ChartPoint {
    qint64 timeMs = 0;
    double value = 0;
};

// Buckets outside [fromMs, toMs] are ignored; pixels < 1 gives no points.
std::vector<ChartPoint> decimateMinMax(std::span<const Bucket> buckets, qint64 fromMs, qint64 toMs,
                                       int pixels);

} // namespace nt
