#include "phimask/version.h"

#include <hs.h>

namespace phimask {

const char* version() noexcept { return PHIMASK_VERSION_STRING; }

const char* hyperscan_version() noexcept { return hs_version(); }

}  // namespace phimask
