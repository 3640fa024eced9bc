# conclave_add_qtest(name SOURCES ... [LIBS ...] LABELS ... [TIMEOUT s])
# Builds one Qt Test executable and registers it with CTest. Every test runs with the
# offscreen platform, so GUI tests need no display, and finds the shared fixtures through
# CONCLAVE_SHARED_DIR (a test skips with the reason when that folder is absent).
function(conclave_add_qtest name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    if(NOT ARG_LABELS)
        message(FATAL_ERROR "conclave_add_qtest(${name}): LABELS is required")
    endif()
    add_executable(${name} ${ARG_SOURCES})
    conclave_target_warnings(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    set_target_properties(${name} PROPERTIES AUTOMOC ON
        RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;CONCLAVE_SHARED_DIR=${CONCLAVE_SHARED_DIR}")
endfunction()
