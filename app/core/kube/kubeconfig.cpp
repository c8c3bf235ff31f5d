#include "kube/kubeconfig.h"
