#pragma once
// The instruction-set extensions of the processor this process runs on, as far as both the
// CPU and the operating system support them (AVX needs the OS to save YMM/ZMM state).
// Kernels dispatch on these at run time so one binary runs on any x86-64 or ARM64.

#include <string>

namespace conclave {

struct CpuFeatures {
    bool x86_64 = false;
    bool avx = false;
    bool avx2 = false;
    bool fma = false;
    bool f16c = false;
    bool avx512f = false;
    bool avx512bw = false;
    bool avx512vnni = false;
    bool avx512bf16 = false;
    bool avx_vnni = false;

    bool arm64 = false;
    bool neon = false;
    bool arm_dotprod = false;
    bool arm_i8mm = false;
    bool arm_fp16 = false;
};

// Probes the processor once per call (cheap: a few CPUID instructions or one getauxval).
CpuFeatures detect_cpu_features();

// Space-separated names of the features present, e.g. "x86-64 AVX AVX2 FMA F16C".
std::string describe_cpu_features(const CpuFeatures& features);

} // namespace conclave
