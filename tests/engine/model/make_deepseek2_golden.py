#!/usr/bin/env python3
"""Records llama.cpp's logits (PyPI llama-cpp-python) for the tiny deepseek2 models that
test_deepseek2 writes with Conclave's own GGUF writer (V2-Lite and V3 layouts in F32, and a
wider V3 quantized as users download it: Q8_0 attention and shared experts, Q4_K routed
experts), at every position of the test prompt. llama.cpp runs with F32 K/V caches and
without flash attention, as the tests run ours: its default F16 cache alone moves the
quantized file's distributions by a mean KL of 0.08 (one flipped expert choice) to 1.5e-3
elsewhere. Only the figures are committed (golden/deepseek2_tiny_llamacpp.json); llama.cpp
itself is never part of Conclave.

  CONCLAVE_KEEP_TINY_MODELS=/tmp/tiny ./build/tests/test_deepseek2 matchesLlamaCpp quantizedAgreesWithLlamaCpp
  python make_deepseek2_golden.py /tmp/tiny golden/deepseek2_tiny_llamacpp.json
"""
import json
import os
import sys

import numpy as np

import llama_cpp

GGML_TYPE_F32 = 0

# The prompt of test_deepseek2.cpp.
PROMPT = [1, 5, 9, 42, 17, 3, 88, 60, 7, 7, 23, 51, 2, 96, 0, 33, 71]

VARIANTS = {
    "lite": "test::tiny_deepseek2_lite() in tests/engine/model/tiny_deepseek2.cpp, F32, with_vocab",
    "v3": "test::tiny_deepseek3() in tests/engine/model/tiny_deepseek2.cpp, F32, with_vocab",
    "v3-q4_k": "test::tiny_deepseek3() in tests/engine/model/tiny_deepseek2.cpp with n_embd and n_ff_exp 256, "
               "Q8_0 matrices, Q4_K routed experts, with_vocab (variant() in test_deepseek2.cpp)",
}


def logits_of(path):
    llm = llama_cpp.Llama(model_path=path, n_ctx=64, n_batch=64, n_ubatch=64, n_threads=2,
                          logits_all=True, flash_attn=False, type_k=GGML_TYPE_F32,
                          type_v=GGML_TYPE_F32, verbose=False)
    llm.eval(PROMPT)
    return np.array(llm.scores[: len(PROMPT)], dtype=np.float64)


def main():
    model_dir, out_path = sys.argv[1], sys.argv[2]
    golden = {}
    for name, description in VARIANTS.items():
        logits = logits_of(os.path.join(model_dir, "deepseek2-%s-llamacpp.gguf" % name))
        golden[name] = {
            "source": "llama-cpp-python " + llama_cpp.__version__,
            "model": description,
            "tokens": PROMPT,
            "n_vocab": int(logits.shape[1]),
            "logits": [[float("%.7g" % v) for v in row] for row in logits],
        }
    with open(out_path, "w") as f:
        json.dump(golden, f, indent=None)
        f.write("\n")


if __name__ == "__main__":
    main()
