# Decides which optional parts to build. Each option defaults to what this machine can build
# and configure prints the choice with its reason, so a missing tool is never a silent surprise.

set(CONCLAVE_GUI "AUTO" CACHE STRING "Build the Qt Quick desktop app (ON, OFF or AUTO)")
set(CONCLAVE_VULKAN "AUTO" CACHE STRING "Build the Vulkan backend (ON, OFF or AUTO)")
set(CONCLAVE_CUDA "AUTO" CACHE STRING "Build the CUDA backend (ON, OFF or AUTO)")
set(CONCLAVE_CUDA_ARCHITECTURES "80;86;89;90" CACHE STRING "GPU architectures the CUDA path targets")

# Resolves an AUTO/ON/OFF option against whether it can be built. ON that cannot be built is
# a configure error; AUTO quietly falls back to OFF with the reason printed.
function(conclave_resolve_option name available reason)
    set(requested "${${name}}")
    string(TOUPPER "${requested}" requested)
    if(requested STREQUAL "OFF" OR requested STREQUAL "FALSE" OR requested STREQUAL "0")
        set(value OFF)
        set(reason "disabled by ${name}=OFF")
    elseif(available)
        set(value ON)
    elseif(requested STREQUAL "AUTO")
        set(value OFF)
    else()
        message(FATAL_ERROR "${name}=ON but it cannot be built: ${reason}")
    endif()
    string(REPLACE "CONCLAVE_" "" label "${name}")
    message(STATUS "Conclave ${label}: ${value} (${reason})")
    set(${name} ${value} PARENT_SCOPE)
endfunction()

# Engine only: the engine library and the plain C++ checks in tests/cross, with no Qt, SQLite,
# GUI or GPU backend, for cross builds (scripts/test-cross-arm64) where none of those exist.
option(CONCLAVE_ENGINE_ONLY "Build only the engine and its Qt-free checks (cross builds)" OFF)
if(CONCLAVE_ENGINE_ONLY)
    foreach(_conclave_part GUI VULKAN CUDA)
        set(CONCLAVE_${_conclave_part} OFF)
        message(STATUS "Conclave ${_conclave_part}: OFF (CONCLAVE_ENGINE_ONLY=ON)")
    endforeach()
    message(STATUS "Conclave ENGINE_ONLY: ON (engine and tests/cross only; no Qt, SQLite or storage)")
    return()
endif()

# Qt: Core and Test are needed by storage and the tests; Quick by the desktop app.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Test)
find_package(Qt6 6.4 QUIET COMPONENTS Gui Quick QuickControls2 QuickTest LinguistTools)
if(Qt6Quick_FOUND AND Qt6QuickControls2_FOUND AND Qt6QuickTest_FOUND AND Qt6LinguistTools_FOUND)
    conclave_resolve_option(CONCLAVE_GUI TRUE "Qt ${Qt6_VERSION} Quick and Controls")
else()
    conclave_resolve_option(CONCLAVE_GUI FALSE "Qt 6 Quick/QuickControls2/QuickTest/LinguistTools not found")
endif()

find_package(SQLite3 REQUIRED)

find_package(Vulkan QUIET COMPONENTS glslc)
if(NOT Vulkan_FOUND)
    conclave_resolve_option(CONCLAVE_VULKAN FALSE "Vulkan headers or loader not found")
elseif(NOT Vulkan_glslc_FOUND)
    conclave_resolve_option(CONCLAVE_VULKAN FALSE "glslc not found")
else()
    conclave_resolve_option(CONCLAVE_VULKAN TRUE "Vulkan ${Vulkan_VERSION}, ${Vulkan_GLSLC_EXECUTABLE}")
endif()

include(CheckLanguage)
string(TOUPPER "${CONCLAVE_CUDA}" _conclave_cuda_request)
if(_conclave_cuda_request STREQUAL "OFF")
    conclave_resolve_option(CONCLAVE_CUDA FALSE "")
else()
    check_language(CUDA)
    if(CMAKE_CUDA_COMPILER)
        set(CMAKE_CUDA_ARCHITECTURES ${CONCLAVE_CUDA_ARCHITECTURES})
        # CMake 3.25 has no C++20 flags for nvcc; CUDA sources are written to C++17.
        set(CMAKE_CUDA_STANDARD 17)
        set(CMAKE_CUDA_STANDARD_REQUIRED ON)
        enable_language(CUDA)
        find_package(CUDAToolkit REQUIRED)
        string(REPLACE ";" ";" _arches "${CONCLAVE_CUDA_ARCHITECTURES}")
        conclave_resolve_option(CONCLAVE_CUDA TRUE
            "nvcc ${CUDAToolkit_VERSION_MAJOR}.${CUDAToolkit_VERSION_MINOR}, sm_${_arches}")
    else()
        conclave_resolve_option(CONCLAVE_CUDA FALSE "nvcc not found")
    endif()
endif()
