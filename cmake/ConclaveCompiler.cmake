# Compiler set-up shared by every target of ours: ccache, warnings, sanitizers.

find_program(CONCLAVE_CCACHE ccache)
if(CONCLAVE_CCACHE)
    set(CMAKE_C_COMPILER_LAUNCHER ${CONCLAVE_CCACHE})
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CONCLAVE_CCACHE})
    set(CMAKE_CUDA_COMPILER_LAUNCHER ${CONCLAVE_CCACHE})
endif()

# Warnings are errors in CI (CI=true in the environment) and opt-in elsewhere, so a newer
# compiler on a user's machine never breaks their build over a new warning.
if(DEFINED ENV{CI} AND "$ENV{CI}" STREQUAL "true")
    set(_conclave_werror_default ON)
else()
    set(_conclave_werror_default OFF)
endif()
option(CONCLAVE_WERROR "Treat warnings in Conclave's own code as errors" ${_conclave_werror_default})

set(CONCLAVE_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address;undefined")

# Applies our warning flags (and -Werror in CI) to one of our own targets; third-party code
# and generated Qt sources are never compiled with them.
function(conclave_target_warnings target)
    target_compile_options(${target} PRIVATE
        $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wnon-virtual-dtor>)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Wshadow=local>)
    endif()
    # GCC 12 at -O3 reports -Wrestrict and -Wstringop-overflow inside libstdc++'s own string
    # and vector code for ordinary concatenations (GCC bugs 105329, 105651); they are not
    # about our code, so they are not errors there.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
        target_compile_options(${target} PRIVATE
            $<$<COMPILE_LANGUAGE:CXX>:-Wno-restrict -Wno-stringop-overflow>)
    endif()
    if(CONCLAVE_WERROR)
        target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Werror>)
    endif()
endfunction()

# The same warnings for chosen source files only: for targets that also compile generated
# sources which do not build warning-free (the QML cache of a qt_add_qml_module).
function(conclave_source_warnings)
    set(options -Wall -Wextra -Wpedantic -Wnon-virtual-dtor)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        list(APPEND options -Wshadow=local)
        if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
            list(APPEND options -Wno-restrict -Wno-stringop-overflow)
        endif()
    endif()
    if(CONCLAVE_WERROR)
        list(APPEND options -Werror)
    endif()
    set_source_files_properties(${ARGN} PROPERTIES COMPILE_OPTIONS "${options}")
endfunction()

if(CONCLAVE_SANITIZE)
    string(REPLACE ";" "," _conclave_sanitizers "${CONCLAVE_SANITIZE}")
    add_compile_options($<$<COMPILE_LANGUAGE:C,CXX>:-fsanitize=${_conclave_sanitizers}>
                        $<$<COMPILE_LANGUAGE:C,CXX>:-fno-omit-frame-pointer>
                        $<$<COMPILE_LANGUAGE:C,CXX>:-fno-sanitize-recover=undefined>)
    add_link_options(-fsanitize=${_conclave_sanitizers})
endif()
