#include "kube/quantity.h"
