#include "kube/kubeclient.h"
