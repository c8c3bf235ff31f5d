#include "check/nodecommands.h"

namespace nt {
namespace {

QString orPlaceholder(const QString &value, const char *placeholder) {
    return value.isEmpty() ? QString::fromLatin1(placeholder) : value;
}

// The value after "/<key>/" in an ARM id, compared case-insensitively as ARM does.
QString armSegment(const QString &id, QStringView key) {
    const QStringList parts = id.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (parts[i].compare(key, Qt::CaseInsensitive) == 0)
            return parts[i + 1];
    }
    return {};
}

} // namespace

AzureNames AzureNames::forNode(const Node &node) {
    AzureNames n;
    if (node.providerID.startsWith(u"azure://")) {
        n.nodeResourceGroup = armSegment(node.providerID, u"resourceGroups");
        const QString vmss = armSegment(node.providerID, u"virtualMachineScaleSets");
        if (!vmss.isEmpty()) {
            n.scaleSet = vmss;
            n.instanceId = armSegment(node.providerID, u"virtualMachines");
        } else {
            n.scaleSet = armSegment(node.providerID, u"virtualMachines");
        }
    }
    // MC_<rg>_<cluster>_<region>: resource group and cluster names may themselves contain '_',
    // so only the four-part form can be split with confidence.
    QString mc = node.meta.labels.value(QStringLiteral("kubernetes.azure.com/cluster"));
    if (mc.isEmpty())
        mc = n.nodeResourceGroup;
    const QStringList parts = mc.split(u'_');
    if (parts.size() == 4 && parts[0].compare(u"MC", Qt::CaseInsensitive) == 0) {
        n.resourceGroup = parts[1];
        n.clusterName = parts[2];
    }
    return n;
}

NodeCommands::NodeCommands(const Node &node)
    : m_node(node.meta.name)
    , m_pool(node.pool())
    , m_names(AzureNames::forNode(node)) {}

QString NodeCommands::describe() const {
    return QStringLiteral("kubectl describe node ") + m_node;
}

QString NodeCommands::events() const {
    return QStringLiteral("kubectl get events -A --field-selector involvedObject.kind=Node,"
                          "involvedObject.name=") +
           m_node + QStringLiteral(" --sort-by=.lastTimestamp");
}

QString NodeCommands::pods() const {
    return QStringLiteral("kubectl get pods -A -o wide --field-selector spec.nodeName=") + m_node;
}

QString NodeCommands::lease() const {
    return QStringLiteral("kubectl get lease -n kube-node-lease ") + m_node +
           QStringLiteral(" -o yaml");
}

QString NodeCommands::uncordon() const {
    return QStringLiteral("kubectl uncordon ") + m_node;
}

QString NodeCommands::restartVm() const {
    const QString rg = orPlaceholder(m_names.nodeResourceGroup, "<NODE_RESOURCE_GROUP>");
    if (!m_names.instanceId.isEmpty()) {
        return QStringLiteral("az vmss restart --resource-group ") + rg +
               QStringLiteral(" --name ") + m_names.scaleSet + QStringLiteral(" --instance-ids ") +
               m_names.instanceId;
    }
    return QStringLiteral("az vm restart --resource-group ") + rg + QStringLiteral(" --name ") +
           orPlaceholder(m_names.scaleSet, "<VM_NAME>");
}

QString NodeCommands::showPool() const {
    return QStringLiteral("az aks nodepool show --resource-group ") +
           orPlaceholder(m_names.resourceGroup, "<RESOURCE_GROUP>") +
           QStringLiteral(" --cluster-name ") +
           orPlaceholder(m_names.clusterName, "<CLUSTER_NAME>") + QStringLiteral(" --name ") +
           orPlaceholder(m_pool, "<NODE_POOL>");
}

} // namespace nt
