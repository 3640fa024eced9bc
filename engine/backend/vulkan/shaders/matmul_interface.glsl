// Bindings and parameters shared by the matmul kernels; the host side is MatmulParams in
// vulkan_matmul.cpp (same order, 32-bit fields).
//   binding 0: weights, one chunk of rows [first_row, first_row + n_chunk_rows) of the flat
//              row list (mul_mat_id: expert e's row r is flat row e * n_out + r), bytes
//   binding 1: x, F32 [n_in, n_x_cols], column c at c * x_stride
//   binding 2: out, F32 [n_out, n_cols], column c at c * out_stride
//   binding 3 (ID variants): expert ids [n_slots] (vec) or the expert work plan (tiled)
layout(set = 0, binding = 0) readonly buffer W { uint w_data[]; };
layout(set = 0, binding = 1) readonly buffer X { float x_data[]; };
layout(set = 0, binding = 2) buffer Out { float out_data[]; };
#ifdef MUL_MAT_ID
layout(set = 0, binding = 3) readonly buffer Ids { uint id_data[]; };
#endif

layout(push_constant) uniform Push {
    uint base[MAX_BINDINGS];
    uint n_in;         // values per weight row (a multiple of 8)
    uint row_bytes;
    uint first_row;    // flat row at the start of binding 0
    uint n_chunk_rows; // rows in binding 0
    uint n_out;        // rows per matrix (per expert)
    uint n_cols;       // mul_mat: tokens; mul_mat_id: slots (n_used * n_tokens)
    uint x_stride;     // floats between columns of x
    uint out_stride;   // floats between columns of out
    uint n_used;       // mul_mat_id: slots per token
    uint x_per_slot;   // mul_mat_id: 1 when x has a column per slot, 0 per token
    uint n_expert;
    uint groups_x;     // workgroups along x; row grids past it continue in y (vec) or z (tiled)
} pc;
