#include "charts/diskcaps.h"

#include <array>

namespace nt::ui {

namespace {
struct Row {
    const char *size;
    double iops;
    double megabytesPerSecond;
};
// VM uncached IOPS / MB/s [MicrosoftDocs/azure-docs dv2/dv3/ddv5 series pages, via FACTS.md].
constexpr std::array<Row, 5> table{{
    {"Standard_DS2_v2", 6400, 96},
    {"Standard_D2s_v3", 3200, 48},
    {"Standard_D4s_v3", 6400, 96},
    {"Standard_D8s_v3", 12800, 192},
    {"Standard_D4ds_v5", 6400, 145},
}};
} // namespace

std::optional<DiskCaps> vmDiskCaps(const QString &instanceType) {
    for (const Row &row : table)
        if (instanceType.compare(QLatin1String(row.size), Qt::CaseInsensitive) == 0)
            return DiskCaps{row.iops, row.megabytesPerSecond * 1e6};
    return std::nullopt;
}

} // namespace nt::ui
