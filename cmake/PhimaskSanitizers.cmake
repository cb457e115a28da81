# PHIMASK_SANITIZE=ON: AddressSanitizer + UndefinedBehaviorSanitizer on everything built here.
if(PHIMASK_SANITIZE)
    if(MSVC)
        message(FATAL_ERROR "PHIMASK_SANITIZE is supported with GCC and Clang only")
    endif()
    set(_phimask_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    add_compile_options(${_phimask_san})
    add_link_options(${_phimask_san})
endif()
