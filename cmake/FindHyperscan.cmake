# Finds the Hyperscan API (Vectorscan or Intel Hyperscan) through pkg-config's
# libhs, and defines the imported target Hyperscan::hs.
#
# Both libvectorscan-dev (preferred: BSD, x86_64 and arm64) and libhyperscan-dev
# install libhs.pc; HYPERSCAN_FLAVOR says which one was found.

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
    pkg_check_modules(PC_LIBHS QUIET libhs)
endif()

find_path(Hyperscan_INCLUDE_DIR NAMES hs.h HINTS ${PC_LIBHS_INCLUDE_DIRS} PATH_SUFFIXES hs)
find_library(Hyperscan_LIBRARY NAMES hs HINTS ${PC_LIBHS_LIBRARY_DIRS})
set(Hyperscan_VERSION ${PC_LIBHS_VERSION})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Hyperscan
    REQUIRED_VARS Hyperscan_LIBRARY Hyperscan_INCLUDE_DIR
    VERSION_VAR Hyperscan_VERSION)

if(Hyperscan_FOUND AND NOT TARGET Hyperscan::hs)
    add_library(Hyperscan::hs UNKNOWN IMPORTED)
    set_target_properties(Hyperscan::hs PROPERTIES
        IMPORTED_LOCATION "${Hyperscan_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${Hyperscan_INCLUDE_DIR}")
endif()

mark_as_advanced(Hyperscan_INCLUDE_DIR Hyperscan_LIBRARY)
