conclave_add_qtest(test_vulkan_device SOURCES test_vulkan_device.cpp LIBS conclave_vulkan_test_support
                   LABELS "engine;gpu" TIMEOUT 300)
