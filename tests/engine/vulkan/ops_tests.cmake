# Norms, element-wise ops, RoPE, MoE combine, KV store and attention against the CPU backend.
conclave_add_qtest(test_vulkan_ops SOURCES test_vulkan_ops.cpp op_check.cpp LIBS conclave_vulkan_test_support
                   LABELS "engine;gpu;kernels" TIMEOUT 600)
conclave_add_qtest(test_vulkan_attention SOURCES test_vulkan_attention.cpp op_check.cpp
                   LIBS conclave_vulkan_test_support LABELS "engine;gpu;kernels" TIMEOUT 600)
# DeepSeek V4's stream mixes and indexer scores; KV rings and extra keys in attention.
conclave_add_qtest(test_vulkan_stream_ops SOURCES test_vulkan_stream_ops.cpp op_check.cpp
                   LIBS conclave_vulkan_test_support LABELS "engine;gpu;kernels" TIMEOUT 600)
conclave_add_qtest(test_vulkan_attention_ring SOURCES test_vulkan_attention_ring.cpp op_check.cpp
                   LIBS conclave_vulkan_test_support LABELS "engine;gpu;kernels" TIMEOUT 600)
# Expert routing (softmax / sigmoid / sqrt-softplus, bias, groups, hash) against the CPU.
conclave_add_qtest(test_vulkan_routing SOURCES test_vulkan_routing.cpp op_check.cpp
                   LIBS conclave_vulkan_test_support LABELS "engine;gpu;kernels" TIMEOUT 300)
