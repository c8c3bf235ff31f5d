#pragma once
// The uncached disk limits of the Azure VM sizes FACTS.md names ("Azure disks and VM caps"), for
// the cap line of the disk chart. A VM size not in the table has no cap line: a guessed cap would
// be worse than none. Step 6's IOPS-throttling check will judge against the same figures; when it
// lands with its own table in app/core/check, this one moves there.
#include <QString>

#include <optional>

namespace nt::ui {

struct DiskCaps {
    double iops = 0;
    double bytesPerSecond = 0;
};

// `instanceType` as the node label has it ("Standard_D4s_v3"); case-insensitive.
std::optional<DiskCaps> vmDiskCaps(const QString &instanceType);

} // namespace nt::ui
