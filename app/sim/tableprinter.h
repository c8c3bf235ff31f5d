#pragma once
// Server-side printing: the meta.k8s.io/v1 Table kubectl asks for with `Accept: ...;as=Table`.
// Columns and cell formats follow the API server's own printers (pkg/printers/internalversion).
#include "objectstore.h"

#include <string>
#include <vector>

namespace nt::sim {

enum class IncludeObject { None, Metadata, Object };
IncludeObject parseIncludeObject(const std::string &value); // default Metadata

// listMeta: the JSON text of the list's metadata ({"resourceVersion":..., "continue":...}).
std::string renderTable(const ObjectStore &store, const std::string &resource,
                        const std::vector<const StoredObject *> &items, const std::string &listMeta,
                        IncludeObject include, int64_t nowSecs);

} // namespace nt::sim
