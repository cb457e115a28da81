# Install rules: library, public headers, detector packs, the CLI, and a CMake
# package so hosts can find_package(phimask) and link phimask::phimask.
include(CMakePackageConfigHelpers)

install(TARGETS phimask EXPORT phimaskTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/phimask DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/models/ DESTINATION ${PHIMASK_MODELS_INSTALL_DIR}
    FILES_MATCHING PATTERN "*.json" PATTERN "*.txt")
if(TARGET phimask_cli)
    install(TARGETS phimask_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(EXPORT phimaskTargets NAMESPACE phimask:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/phimask)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/phimaskConfig.cmake.in
    ${PROJECT_BINARY_DIR}/phimaskConfig.cmake
    INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/phimask)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/phimaskConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
install(FILES
    ${PROJECT_BINARY_DIR}/phimaskConfig.cmake
    ${PROJECT_BINARY_DIR}/phimaskConfigVersion.cmake
    ${PROJECT_SOURCE_DIR}/cmake/FindHyperscan.cmake
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/phimask)
