#include "kube/types.h"
