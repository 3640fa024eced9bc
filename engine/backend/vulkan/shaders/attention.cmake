# KV store and attention, one variant per KV cache type (host side: vulkan_attention.cpp).
foreach(_kv_type IN ITEMS f32 f16 q8_0)
    string(TOUPPER ${_kv_type} _kv_define)
    conclave_vulkan_shader(NAME kv_store_${_kv_type} SOURCE kv_store.comp DEFINES KV_${_kv_define})
    conclave_vulkan_shader(NAME attention_${_kv_type} SOURCE attention.comp DEFINES KV_${_kv_define})
    # Heads past 256 values (DeepSeek's latent attention: 576 keys, 512 values).
    conclave_vulkan_shader(NAME attention_wide_${_kv_type} SOURCE attention.comp DEFINES KV_${_kv_define} WIDE_HEADS)
endforeach()
target_sources(conclave_engine PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../vulkan_attention.cpp)
