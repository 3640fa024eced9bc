# mul_mat and mul_mat_id (host side: vulkan_matmul.cpp, matmul_plan.cpp). Four kernels per
# weight type, each compiled with the type's define (shaders/types/dequant.glsl):
#   mul_mat_vec_<type>      a few tokens (generation)
#   mul_mat_tiled_<type>    prompts
#   mul_mat_vec_id_<type>   mixture-of-experts, a few tokens
#   mul_mat_tiled_id_<type> mixture-of-experts, prompts (one dispatch over all experts)
# and the vec kernels again with a subgroup reduction (mul_mat_vec_sg_<type>,
# mul_mat_vec_sg_id_<type>) for devices with subgroup arithmetic.
target_sources(conclave_engine PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/../vulkan_matmul.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../matmul_plan.cpp)

foreach(_type F32 F16 BF16 Q8_0 Q4_0 Q4_1 Q5_0 Q5_1 Q4_K Q5_K Q6_K IQ4_NL IQ4_XS MXFP4)
    string(TOLOWER ${_type} _name)
    conclave_vulkan_shader(NAME mul_mat_vec_${_name} SOURCE mul_mat_vec.comp DEFINES TYPE_${_type})
    conclave_vulkan_shader(NAME mul_mat_tiled_${_name} SOURCE mul_mat_tiled.comp DEFINES TYPE_${_type})
    conclave_vulkan_shader(NAME mul_mat_vec_id_${_name} SOURCE mul_mat_vec.comp DEFINES TYPE_${_type} MUL_MAT_ID)
    conclave_vulkan_shader(NAME mul_mat_tiled_id_${_name} SOURCE mul_mat_tiled.comp DEFINES TYPE_${_type} MUL_MAT_ID)
    conclave_vulkan_shader(NAME mul_mat_vec_sg_${_name} SOURCE mul_mat_vec.comp DEFINES TYPE_${_type} SUBGROUP_REDUCE)
    conclave_vulkan_shader(NAME mul_mat_vec_sg_id_${_name} SOURCE mul_mat_vec.comp
                           DEFINES TYPE_${_type} MUL_MAT_ID SUBGROUP_REDUCE)
endforeach()
