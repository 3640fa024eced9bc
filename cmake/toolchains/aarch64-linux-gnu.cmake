# Cross compiling for 64-bit ARM Linux with Debian's cross toolchain (g++-aarch64-linux-gnu)
# from an x86-64 host; no foreign dpkg architecture is needed. Programs run under qemu-user,
# which CMake uses as the emulator for tests (try_run, add_test). Used with
# CONCLAVE_ENGINE_ONLY=ON, since Qt and SQLite are not installed for aarch64
# (scripts/test-cross-arm64).

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(CONCLAVE_CROSS_TRIPLE aarch64-linux-gnu)
set(CMAKE_C_COMPILER ${CONCLAVE_CROSS_TRIPLE}-gcc)
set(CMAKE_CXX_COMPILER ${CONCLAVE_CROSS_TRIPLE}-g++)

# The target's libraries and headers live in the cross toolchain's sysroot-like prefix.
set(CMAKE_FIND_ROOT_PATH /usr/${CONCLAVE_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# -L points qemu at the target's dynamic loader and libraries; the CPU model comes from the
# QEMU_CPU environment variable (e.g. max with dotprod, cortex-a53 without).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /usr/${CONCLAVE_CROSS_TRIPLE})
