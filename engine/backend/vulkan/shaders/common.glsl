// Included by every compute shader (after `#extension GL_GOOGLE_include_directive`).
// Binding convention (vulkan_device.h): storage buffers at set 0, bindings in dispatch
// order; push constants start with base[i], the byte offset of binding i's data within
// the bound range, then the op's own 32-bit parameters:
//
//   layout(push_constant) uniform Push {
//       uint base[MAX_BINDINGS];
//       uint n;          // the op's parameters
//   } pc;

#define MAX_BINDINGS 8

// Byte access to a `uint` buffer (quantized blocks are not 4-byte aligned). Needs no
// 8/16-bit storage feature, so it runs on every Vulkan 1.2 device.
#define READ_U8(buf, byte) ((buf[(byte) >> 2u] >> (((byte) & 3u) * 8u)) & 0xFFu)
#define READ_U16(buf, byte) (READ_U8(buf, byte) | (READ_U8(buf, (byte) + 1u) << 8u))
#define READ_F16(buf, byte) unpackHalf2x16(READ_U16(buf, byte)).x
// Four bytes starting anywhere, as one little-endian word.
#define READ_U32(buf, byte) (READ_U16(buf, byte) | (READ_U16(buf, (byte) + 2u) << 16u))

// The flat index of this invocation when a dispatch spreads its groups over x and y because
// more than max_groups_x were needed (see vulkan_grid.h).
#define FLAT_INVOCATION() \
    (gl_GlobalInvocationID.x + gl_NumWorkGroups.x * gl_WorkGroupSize.x * gl_GlobalInvocationID.y)
// The flat index of this workgroup under the same x/y split.
#define FLAT_WORKGROUP() (gl_WorkGroupID.x + gl_NumWorkGroups.x * gl_WorkGroupID.y)
