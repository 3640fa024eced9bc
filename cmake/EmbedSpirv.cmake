# cmake -DNAME=n -DINPUT=file.spv -DOUTPUT=file.cpp -P EmbedSpirv.cmake
# Writes the SPIR-V module as a 4-byte aligned byte array named conclave::vulkan::spirv::NAME.
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR bytes "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," array "${hex}")
string(REGEX REPLACE "((0x..,){24})" "\\1\n    " array "${array}")
file(WRITE ${OUTPUT}
"// Generated from ${INPUT} by cmake/EmbedSpirv.cmake.
#include <cstddef>

namespace conclave::vulkan::spirv {
extern const unsigned char ${NAME}[];
extern const std::size_t ${NAME}_bytes;
alignas(4) const unsigned char ${NAME}[] = {
    ${array}
};
const std::size_t ${NAME}_bytes = ${bytes};
} // namespace conclave::vulkan::spirv
")
