#include "conclave/cpu_features.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <cpuid.h>
#endif
#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#endif

namespace conclave {
namespace {

#if defined(__x86_64__) || defined(_M_X64)
struct CpuidRegisters {
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
};

CpuidRegisters cpuid(unsigned leaf, unsigned subleaf) {
    CpuidRegisters r;
    if (!__get_cpuid_count(leaf, subleaf, &r.eax, &r.ebx, &r.ecx, &r.edx)) return {};
    return r;
}

// XCR0 tells which register files the OS saves on a context switch; a CPU feature whose
// registers the OS does not save is unusable.
unsigned long long read_xcr0() {
    unsigned eax = 0, edx = 0;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return (static_cast<unsigned long long>(edx) << 32) | eax;
}

bool bit(unsigned value, int index) { return (value >> index) & 1u; }

void detect_x86(CpuFeatures& f) {
    f.x86_64 = true;
    const unsigned max_leaf = __get_cpuid_max(0, nullptr);
    const CpuidRegisters leaf1 = cpuid(1, 0);
    const bool osxsave = bit(leaf1.ecx, 27);
    const unsigned long long xcr0 = osxsave ? read_xcr0() : 0;
    const bool os_ymm = (xcr0 & 0x6) == 0x6;
    const bool os_zmm = os_ymm && (xcr0 & 0xE0) == 0xE0;

    f.avx = os_ymm && bit(leaf1.ecx, 28);
    f.fma = f.avx && bit(leaf1.ecx, 12);
    f.f16c = f.avx && bit(leaf1.ecx, 29);
    if (max_leaf < 7) return;

    const CpuidRegisters leaf7 = cpuid(7, 0);
    f.avx2 = f.avx && bit(leaf7.ebx, 5);
    f.avx512f = os_zmm && bit(leaf7.ebx, 16);
    f.avx512bw = f.avx512f && bit(leaf7.ebx, 30);
    f.avx512vnni = f.avx512f && bit(leaf7.ecx, 11);
    if (leaf7.eax >= 1) {
        const CpuidRegisters leaf7_1 = cpuid(7, 1);
        f.avx512bf16 = f.avx512f && bit(leaf7_1.eax, 5);
        f.avx_vnni = f.avx2 && bit(leaf7_1.eax, 4);
    }
}
#endif

#if defined(__aarch64__)
void detect_arm64(CpuFeatures& f) {
    f.arm64 = true;
    f.neon = true; // Advanced SIMD is mandatory on AArch64.
#if defined(__linux__)
    const unsigned long hwcap = getauxval(AT_HWCAP);
    const unsigned long hwcap2 = getauxval(AT_HWCAP2);
    f.arm_fp16 = (hwcap >> 10) & 1ul;     // HWCAP_ASIMDHP
    f.arm_dotprod = (hwcap >> 20) & 1ul;  // HWCAP_ASIMDDP
    f.arm_i8mm = (hwcap2 >> 13) & 1ul;    // HWCAP2_I8MM
#endif
}
#endif

} // namespace

CpuFeatures detect_cpu_features() {
    CpuFeatures features;
#if defined(__x86_64__) || defined(_M_X64)
    detect_x86(features);
#elif defined(__aarch64__)
    detect_arm64(features);
#endif
    return features;
}

std::string describe_cpu_features(const CpuFeatures& f) {
    struct Named {
        bool present;
        const char* name;
    };
    const Named names[] = {
        {f.x86_64, "x86-64"},         {f.avx, "AVX"},
        {f.avx2, "AVX2"},             {f.fma, "FMA"},
        {f.f16c, "F16C"},             {f.avx512f, "AVX512F"},
        {f.avx512bw, "AVX512BW"},     {f.avx512vnni, "AVX512-VNNI"},
        {f.avx512bf16, "AVX512-BF16"}, {f.avx_vnni, "AVX-VNNI"},
        {f.arm64, "arm64"},           {f.neon, "NEON"},
        {f.arm_dotprod, "DOTPROD"},   {f.arm_i8mm, "I8MM"},
        {f.arm_fp16, "FP16"},
    };
    std::string out;
    for (const Named& n : names) {
        if (!n.present) continue;
        if (!out.empty()) out += ' ';
        out += n.name;
    }
    return out.empty() ? std::string("generic") : out;
}

} // namespace conclave
