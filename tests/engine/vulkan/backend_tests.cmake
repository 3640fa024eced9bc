conclave_add_qtest(test_vulkan_backend SOURCES test_vulkan_backend.cpp
                   LIBS conclave_vulkan_test_support conclave_tiny_models LABELS "engine;gpu" TIMEOUT 900)
conclave_add_qtest(test_placement SOURCES test_placement.cpp LIBS conclave_tiny_models LABELS "unit;engine")
conclave_add_qtest(test_vulkan_backend_ring SOURCES test_vulkan_backend_ring.cpp op_check.cpp
                   LIBS conclave_vulkan_test_support LABELS "engine;gpu" TIMEOUT 300)
