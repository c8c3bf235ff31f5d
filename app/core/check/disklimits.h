#pragma once
// Azure disk and VM I/O limits: the one table of them (STYLE.md: one source of truth per fact).
// The effective cap of a node's OS disk is the lower of the disk tier's and the VM size's
// uncached limits.
#include "kube/types.h"

#include <optional>
#include <QString>

namespace nt {

struct IoLimit {
    double iops = 0;
    double mbps = 0; // MB/s (10^6 bytes)
};

struct DiskTier {
    const char *name; // "P10"
    double sizeGiB;
    IoLimit base;
};

// nullopt for a size not in the table.
std::optional<IoLimit> vmUncachedLimit(const QString &vmSize);
// The Premium SSD tier a managed disk of this size is billed as (the smallest tier that holds it).
const DiskTier *premiumTierForSize(double sizeGiB);
const DiskTier *premiumTier(const QString &name);
// AKS's default managed OS disk for a VM with this many vCPUs (P10 128 GiB for 1-7 ...).
const DiskTier *aksDefaultOsTier(int vcpus);

struct EffectiveCap {
    IoLimit limit;
    QString disk;   // "P10 (from 128 GiB node ephemeral-storage)"
    QString vm;     // "Standard_D4s_v3 6400 IOPS / 96 MB/s"
    QString source; // how the tier was inferred
};
// nullopt when the VM size or the disk tier cannot be told; `why` says which.
std::optional<EffectiveCap> effectiveCap(const Node &node, QString *why);

} // namespace nt
