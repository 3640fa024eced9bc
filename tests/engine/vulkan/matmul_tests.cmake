# mul_mat / mul_mat_id kernels against the CPU backend and exact math, every weight type.
conclave_add_qtest(test_vulkan_matmul
    SOURCES test_vulkan_matmul.cpp ${CMAKE_CURRENT_SOURCE_DIR}/../kernels/weight_blocks.cpp
    LIBS conclave_vulkan_test_support LABELS "engine;gpu;kernels" TIMEOUT 600)
target_include_directories(test_vulkan_matmul PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../kernels)
