#!/usr/bin/env python3
"""Independent oracle for tests/engine/quant: runs the numpy (de)quantizers of the PyPI
package `gguf` on seeded inputs and writes inputs and results for test_quant to compare.

Usage: gguf_oracle.py OUTDIR        (exit 3 when numpy or gguf is not installed)

OUTDIR/manifest.json:
  gguf_version, sizes {TYPE: [block_size, type_size]} for every type gguf knows,
  dequant [{type, n, src, ref}]   src: raw blocks, ref: gguf's float32 output,
  quant   [{type, n, input, bytes, deq}]  input: float32, bytes: gguf's blocks,
                                          deq: gguf's dequantization of its own blocks.
All binary files are little-endian and headerless.
"""

from __future__ import annotations

import importlib.metadata
import json
import pathlib
import sys

try:
    import numpy as np
    import gguf
    from gguf import GGMLQuantizationType as T
except ImportError as exc:  # the C++ test turns this into a SKIP with our message
    print(f"gguf oracle unavailable: {exc}", file=sys.stderr)
    sys.exit(3)

QK_K = 256
F16_OFFSETS = {  # byte offsets of fp16 scale fields inside each block
    T.Q4_0: [0], T.Q4_1: [0, 2], T.Q5_0: [0], T.Q5_1: [0, 2], T.Q8_0: [0],
    T.Q2_K: [80, 82], T.Q3_K: [108], T.Q4_K: [0, 2], T.Q5_K: [0, 2], T.Q6_K: [208],
    T.IQ2_XXS: [0], T.IQ2_XS: [0], T.IQ2_S: [0], T.IQ3_XXS: [0], T.IQ3_S: [0],
    T.IQ1_S: [0], T.IQ4_NL: [0], T.IQ4_XS: [0], T.TQ1_0: [52], T.TQ2_0: [64],
}
BLOCK_TYPES = list(F16_OFFSETS) + [T.IQ1_M, T.MXFP4]
QUANT_TYPES = [T.F16, T.BF16, T.Q4_0, T.Q4_1, T.Q5_0, T.Q5_1, T.Q8_0, T.TQ1_0, T.TQ2_0, T.MXFP4]
N_BLOCKS = 64


def scale_bits(rng: np.random.Generator, count: int) -> np.ndarray:
    """fp16 scales a real file could hold: mostly normal values of either sign, with some
    subnormals and zeros so those paths are exercised; never Inf or NaN."""
    mags = np.exp2(rng.uniform(-12.0, 2.0, count)) * np.where(rng.random(count) < 0.3, -1.0, 1.0)
    bits = mags.astype(np.float16).view(np.uint16)
    kind = rng.random(count)
    bits = np.where(kind < 0.05, rng.integers(1, 0x400, count).astype(np.uint16), bits)
    bits = np.where((kind >= 0.05) & (kind < 0.08), np.uint16(0), bits)
    return bits.astype(np.uint16)


def random_blocks(qtype: T, rng: np.random.Generator) -> np.ndarray:
    _, type_size = gguf.GGML_QUANT_SIZES[qtype]
    blocks = rng.integers(0, 256, (N_BLOCKS, type_size), dtype=np.uint8)
    if qtype == T.MXFP4:
        # every E8M0 byte including the extremes (0, 1: subnormal halves; 255: 2^127)
        blocks[:, 0] = np.concatenate([[0, 1, 2, 126, 127, 254, 255], rng.integers(100, 150, N_BLOCKS - 7)])
    elif qtype == T.IQ1_M:
        # d is spread over the top nibbles of the four scale words (bytes 48..55)
        d = scale_bits(rng, N_BLOCKS)
        words = blocks[:, 48:56].copy().view(np.uint16) & np.uint16(0x0FFF)
        for k in range(4):
            words[:, k] |= ((d >> np.uint16(4 * k)) & np.uint16(0xF)) << np.uint16(12)
        blocks[:, 48:56] = words.view(np.uint8)
    else:
        for offset in F16_OFFSETS[qtype]:
            blocks[:, offset:offset + 2] = scale_bits(rng, N_BLOCKS).reshape(-1, 1).view(np.uint8)
    return blocks


def write(outdir: pathlib.Path, name: str, array: np.ndarray) -> str:
    (outdir / name).write_bytes(np.ascontiguousarray(array).tobytes())
    return name


def dequant_cases(outdir: pathlib.Path) -> list[dict]:
    cases = []
    all16 = np.arange(65536, dtype=np.uint16)  # every F16/BF16 bit pattern, NaNs included
    plain = {
        T.F16: all16.view(np.uint8),
        T.BF16: all16.view(np.uint8),
        T.F32: np.random.default_rng(32).integers(0, 2**32, 4096, dtype=np.uint32).view(np.uint8),
    }
    for qtype, raw in plain.items():
        ref = gguf.quants.dequantize(raw, qtype).astype(np.float32)
        cases.append({"type": qtype.name, "n": int(ref.size),
                      "src": write(outdir, f"deq_{qtype.name}.src", raw),
                      "ref": write(outdir, f"deq_{qtype.name}.ref", ref)})
    for qtype in BLOCK_TYPES:
        blocks = random_blocks(qtype, np.random.default_rng(1000 + int(qtype)))
        ref = gguf.quants.dequantize(blocks.reshape(1, -1), qtype).astype(np.float32)
        cases.append({"type": qtype.name, "n": int(ref.size),
                      "src": write(outdir, f"deq_{qtype.name}.src", blocks),
                      "ref": write(outdir, f"deq_{qtype.name}.ref", ref)})
    return cases


def special_values() -> np.ndarray:
    """Inputs that probe fp16/bf16 rounding: halfway cases, overflow, subnormals, Inf."""
    rng = np.random.default_rng(7)
    values = [0.0, -0.0, 1.0, 65504.0, 65519.99, 65520.0, 1e6, -1e30, 2.0**-24, 2.0**-25,
              3 * 2.0**-26, 2.0**-14, 2.0**-14 - 2.0**-25, np.inf, -np.inf, 1.00048828125,
              1.000732421875, 3.4e38, 1e-40, -1e-45]
    extra = (rng.standard_normal(QK_K * 4) * np.exp2(rng.uniform(-30, 20, QK_K * 4)))
    out = np.concatenate([np.array(values, dtype=np.float64), extra])
    out = out[: (out.size // QK_K) * QK_K]
    return out.astype(np.float32)


def quant_cases(outdir: pathlib.Path) -> list[dict]:
    gaussian = np.random.default_rng(42).standard_normal((64, 1024)).astype(np.float32)
    inputs = {"gaussian": gaussian, "special": special_values().reshape(-1, QK_K)}
    for name, data in inputs.items():
        write(outdir, f"quant_{name}.f32", data)
    cases = []
    for qtype in QUANT_TYPES:
        for name, data in inputs.items():
            if name == "special" and qtype not in (T.F16, T.BF16):
                continue  # Inf and 3e38 have no meaning for block formats
            packed = gguf.quants.quantize(data, qtype)
            back = gguf.quants.dequantize(packed, qtype).astype(np.float32)
            cases.append({"type": qtype.name, "input": f"quant_{name}.f32", "n": int(data.size),
                          "bytes": write(outdir, f"q_{qtype.name}_{name}.bin", packed.view(np.uint8)),
                          "deq": write(outdir, f"q_{qtype.name}_{name}.deq", back)})
    return cases


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: gguf_oracle.py OUTDIR")
    outdir = pathlib.Path(sys.argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    with np.errstate(all="ignore"):  # Inf/NaN inputs are deliberate
        manifest = {
            "gguf_version": importlib.metadata.version("gguf"),
            "sizes": {t.name: list(s) for t, s in gguf.GGML_QUANT_SIZES.items()},
            "dequant": dequant_cases(outdir),
            "quant": quant_cases(outdir),
        }
    (outdir / "manifest.json").write_text(json.dumps(manifest, indent=1))


if __name__ == "__main__":
    main()
