// Library version.
#pragma once

namespace phimask {

/// "MAJOR.MINOR.PATCH" of this library.
const char* version() noexcept;

/// The Hyperscan-API library's version string as it reports it (hs_version()).
const char* hyperscan_version() noexcept;

}  // namespace phimask
