# Norms, element-wise ops, RoPE, the MoE combine, per-expert biases and column copies (host
# side: vulkan_ops.cpp).
conclave_vulkan_shader(NAME scale SOURCE scale.comp)
conclave_vulkan_shader(NAME rms_norm SOURCE rms_norm.comp)
conclave_vulkan_shader(NAME add SOURCE binary.comp DEFINES OP_ADD)
conclave_vulkan_shader(NAME mul SOURCE binary.comp DEFINES OP_MUL)
conclave_vulkan_shader(NAME swiglu SOURCE gated.comp DEFINES ACT_SILU)
conclave_vulkan_shader(NAME geglu SOURCE gated.comp DEFINES ACT_GELU_TANH)
conclave_vulkan_shader(NAME swiglu_clamped SOURCE swiglu_clamped.comp)
conclave_vulkan_shader(NAME moe_combine SOURCE moe_combine.comp)
conclave_vulkan_shader(NAME add_id SOURCE add_id.comp)
conclave_vulkan_shader(NAME rope SOURCE rope.comp)
conclave_vulkan_shader(NAME copy_columns SOURCE copy_columns.comp)
target_sources(conclave_engine PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../vulkan_ops.cpp)
target_sources(conclave_engine PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../vulkan_grid.cpp)
# DeepSeek V4's stream mixes and its lightning indexer's scores, one indexer variant per
# cache type of the keys (host side: vulkan_ops.cpp, vulkan_indexer.cpp).
conclave_vulkan_shader(NAME mix_rows SOURCE mix_rows.comp)
foreach(_key_type IN ITEMS f32 f16 q8_0)
    string(TOUPPER ${_key_type} _key_define)
    conclave_vulkan_shader(NAME indexer_scores_${_key_type} SOURCE indexer_scores.comp DEFINES KV_${_key_define})
endforeach()
target_sources(conclave_engine PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../vulkan_indexer.cpp)
# Expert routing: router logits to expert ids and weights on the device (host side:
# vulkan_routing.cpp).
conclave_vulkan_shader(NAME route SOURCE route.comp)
target_sources(conclave_engine PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../vulkan_routing.cpp)
