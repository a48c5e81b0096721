# A toolchain file that declares the build host's own compiler a cross compiler
# (CMAKE_SYSTEM_NAME set makes CMAKE_CROSSCOMPILING true), so that scripts/test.sh takes
# the cross-compiling path of CMakeLists.txt (build-time tools from the host sub-build,
# no target program run during the build) and can still run what it built.
# A real one differs only in the compiler and the sysroot, e.g. for 64-bit ARM:
#   set(CMAKE_SYSTEM_NAME Linux)
#   set(CMAKE_SYSTEM_PROCESSOR aarch64)
#   set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
#   set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
#   set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
#   set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
#   set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_SYSTEM_NAME ${CMAKE_HOST_SYSTEM_NAME})
set(CMAKE_SYSTEM_PROCESSOR ${CMAKE_HOST_SYSTEM_PROCESSOR})
