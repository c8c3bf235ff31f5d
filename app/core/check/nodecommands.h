#pragma once
// Commands a finding suggests, with the cluster's real names filled in: kubectl for the node,
// az for its VM instance and node pool. Names we cannot know are left as <PLACEHOLDERS>.
#include "kube/types.h"

#include <QString>
#include <QStringList>

namespace nt {

// What is known about the cluster's Azure names, from the kubeconfig and the nodes.
struct AzureNames {
    QString resourceGroup;     // the cluster's resource group
    QString clusterName;       // the AKS resource name
    QString nodeResourceGroup; // MC_... where the VM scale sets live
    QString scaleSet;          // VMSS name, or the VM name for availability-set nodes
    QString instanceId;        // VMSS instance id; empty for a standalone VM

    // From providerID "azure:///subscriptions/S/resourceGroups/RG/providers/Microsoft.Compute/
    // virtualMachineScaleSets/VMSS/virtualMachines/ID" and the kubernetes.azure.com/cluster
    // label "MC_<rg>_<cluster>_<region>" (read only when that split is unambiguous).
    static AzureNames forNode(const Node &node);
};

class NodeCommands {
public:
    explicit NodeCommands(const Node &node);

    QString describe() const;  // kubectl describe node N
    QString events() const;    // kubectl get events ... involvedObject.name=N
    QString pods() const;      // kubectl get pods -A -o wide --field-selector spec.nodeName=N
    QString lease() const;     // kubectl get lease -n kube-node-lease N -o yaml
    QString uncordon() const;  // kubectl uncordon N
    QString restartVm() const; // az vmss restart ... / az vm restart ...
    QString showPool() const;  // az aks nodepool show ...

private:
    QString m_node;
    QString m_pool;
    AzureNames m_names;
};

} // namespace nt
