#include "kube/execcredential.h"
