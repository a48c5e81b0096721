# A toolchain file that declares the build host's own compiler a cross compiler
# (CMAKE_SYSTEM_NAME set makes CMAKE_CROSSCOMPILING true), so that scripts/test.sh takes
# the cross-compiling path of CMakeLists.txt (build-time tools from the host sub-build,
# no target program run during the build) and can still run what it built.
# A real one differs only in the compiler and the sysroot: tests/arm64.cmake, for 64-bit ARM.
set(CMAKE_SYSTEM_NAME ${CMAKE_HOST_SYSTEM_NAME})
set(CMAKE_SYSTEM_PROCESSOR ${CMAKE_HOST_SYSTEM_PROCESSOR})
