# Norms, element-wise ops, RoPE and the MoE combine (host side: vulkan_ops.cpp).
conclave_vulkan_shader(NAME scale SOURCE scale.comp)
