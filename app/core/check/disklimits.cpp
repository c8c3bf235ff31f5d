#include "check/disklimits.h"

#include <cmath>
#include <QCoreApplication>

namespace nt {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DiskLimits)
};

// Premium SSD managed disks, base (unbursted) IOPS and MB/s per tier
// [MicrosoftDocs/azure-docs articles/virtual-machines/disks-scalability-targets.md,
// disk-storage-premium-ssd-sizes]; P6-P20 burst to 3500 IOPS / 170 MB/s for 30 min, which we do
// not count: a disk that lives on its burst is throttled once the credits run out.
constexpr DiskTier kPremium[] = {
    {"P1", 4, {120, 25}},       {"P2", 8, {120, 25}},       {"P3", 16, {120, 25}},
    {"P4", 32, {120, 25}},      {"P6", 64, {240, 50}},      {"P10", 128, {500, 100}},
    {"P15", 256, {1100, 125}},  {"P20", 512, {2300, 150}},  {"P30", 1024, {5000, 200}},
    {"P40", 2048, {7500, 250}}, {"P50", 4096, {7500, 250}},
};

struct VmLimit {
    const char *size;
    int vcpus;
    IoLimit uncached;
};
// Max uncached disk IOPS and MB/s per VM size [MicrosoftDocs/azure-docs articles/
// virtual-machines/dv2-dsv2-series.md, dv3-dsv3-series.md, ddv5-ddsv5-series.md] (FACTS.md).
constexpr VmLimit kVms[] = {
    {"Standard_DS2_v2", 2, {6400, 96}},     {"Standard_D2s_v3", 2, {3200, 48}},
    {"Standard_D4s_v3", 4, {6400, 96}},     {"Standard_D8s_v3", 8, {12800, 192}},
    {"Standard_D16s_v3", 16, {25600, 384}}, {"Standard_D4ds_v5", 4, {6400, 145}},
};

} // namespace

std::optional<IoLimit> vmUncachedLimit(const QString &vmSize) {
    for (const VmLimit &v : kVms) {
        if (vmSize.compare(QLatin1String(v.size), Qt::CaseInsensitive) == 0)
            return v.uncached;
    }
    return std::nullopt;
}

const DiskTier *premiumTierForSize(double sizeGiB) {
    for (const DiskTier &t : kPremium) {
        if (sizeGiB <= t.sizeGiB)
            return &t;
    }
    return nullptr;
}

const DiskTier *premiumTier(const QString &name) {
    for (const DiskTier &t : kPremium) {
        if (name.compare(QLatin1String(t.name), Qt::CaseInsensitive) == 0)
            return &t;
    }
    return nullptr;
}

const DiskTier *aksDefaultOsTier(int vcpus) {
    // AKS's default OS disk size by vCPU count [MicrosoftDocs/azure-aks-docs concepts-storage.md]
    if (vcpus <= 0)
        return nullptr;
    if (vcpus < 8)
        return premiumTier(QStringLiteral("P10"));
    if (vcpus < 16)
        return premiumTier(QStringLiteral("P15"));
    if (vcpus < 64)
        return premiumTier(QStringLiteral("P20"));
    return premiumTier(QStringLiteral("P30"));
}

std::optional<EffectiveCap> effectiveCap(const Node &node, QString *why) {
    const QString size = node.instanceType();
    const std::optional<IoLimit> vm = vmUncachedLimit(size);
    if (!vm) {
        *why = size.isEmpty() ? Tr::tr("the node has no instance-type label")
                              : Tr::tr("VM size %1 is not in the table of VM limits").arg(size);
        return std::nullopt;
    }
    EffectiveCap cap;
    cap.vm = Tr::tr("%1 uncached %2 IOPS / %3 MB/s").arg(size).arg(vm->iops).arg(vm->mbps);
    // The kubelet's ephemeral-storage capacity is the size of the file system on the OS disk
    // (a little under the disk's size), which names the tier the disk is billed as.
    const double ephemeral = node.capacity.value(QStringLiteral("ephemeral-storage")).toDouble();
    const DiskTier *tier = nullptr;
    if (ephemeral > 0) {
        const double gib = ephemeral / (1024.0 * 1024 * 1024);
        tier = premiumTierForSize(std::ceil(gib));
        cap.source = Tr::tr("from the node's ephemeral-storage capacity, %1 GiB, as a Premium SSD")
                         .arg(gib, 0, 'f', 0);
    } else {
        tier = aksDefaultOsTier(int(node.capacity.value(QStringLiteral("cpu")).toDouble()));
        cap.source = Tr::tr("AKS's default OS disk for the node's vCPU count");
    }
    if (!tier) {
        *why = Tr::tr("the OS disk tier of node %1 could not be told").arg(node.meta.name);
        return std::nullopt;
    }
    cap.disk = Tr::tr("%1 %2 IOPS / %3 MB/s")
                   .arg(QLatin1String(tier->name))
                   .arg(tier->base.iops)
                   .arg(tier->base.mbps);
    cap.limit = {qMin(tier->base.iops, vm->iops), qMin(tier->base.mbps, vm->mbps)};
    return cap;
}

} // namespace nt
