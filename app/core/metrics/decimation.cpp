#include "metrics/decimation.h"

#include <algorithm>

namespace nt {

namespace {

struct Column {
    ChartPoint low;
    ChartPoint high;
    bool any = false;

    void add(qint64 timeMs, double min, double max) {
        if (!any || min < low.value)
            low = {timeMs, min};
        if (!any || max > high.value)
            high = {timeMs, max};
        any = true;
    }

    void emit(std::vector<ChartPoint> &out) const {
        if (!any)
            return;
        if (low.timeMs == high.timeMs && low.value == high.value) {
            out.push_back(low);
            return;
        }
        // Time order keeps the polyline honest: a dip then a spike is drawn as such.
        const bool lowFirst = low.timeMs <= high.timeMs;
        out.push_back(lowFirst ? low : high);
        out.push_back(lowFirst ? high : low);
    }
};

} // namespace

std::vector<ChartPoint> decimateMinMax(std::span<const Bucket> buckets, qint64 fromMs, qint64 toMs,
                                       int pixels) {
    std::vector<ChartPoint> out;
    if (pixels < 1 || toMs <= fromMs)
        return out;
    out.reserve(std::min(buckets.size() * 2, size_t(pixels) * 2));
    const double span = double(toMs - fromMs);
    Column column;
    qint64 current = -1;
    for (const Bucket &b : buckets) {
        if (b.timeMs < fromMs || b.timeMs > toMs)
            continue;
        const auto x =
            std::min<qint64>(qint64(double(b.timeMs - fromMs) / span * pixels), pixels - 1);
        if (x != current) {
            column.emit(out);
            column = Column();
            current = x;
        }
        column.add(b.timeMs, b.min, b.max);
    }
    column.emit(out);
    return out;
}

} // namespace nt
