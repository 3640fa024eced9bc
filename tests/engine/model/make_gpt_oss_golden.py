#!/usr/bin/env python3
"""Records llama.cpp's logits (PyPI llama-cpp-python) for the tiny gpt-oss models that
test_decoder_models writes with Conclave's own GGUF writer (F32, and quantized as users
download it: MXFP4 routed experts, Q8_0 elsewhere), at every position of the test prompt.
llama.cpp runs with F32 K/V caches and without flash attention, as the tests run ours (its
default F16 cache moves the quantized file's distributions by a mean KL of 4e-5). Only the
figures are committed (golden/gpt_oss_tiny_llamacpp.json); llama.cpp itself is never part
of Conclave.

  CONCLAVE_KEEP_TINY_MODELS=/tmp/tiny ./build/tests/test_decoder_models gptOssMatchesLlamaCpp gptOssQuantizedAgreesWithLlamaCpp
  python make_gpt_oss_golden.py /tmp/tiny golden/gpt_oss_tiny_llamacpp.json
"""
import json
import os
import sys

import numpy as np

import llama_cpp

GGML_TYPE_F32 = 0

# The prompt of test_decoder_models.cpp.
PROMPT = [1, 5, 9, 42, 17, 3, 88, 60, 7, 7, 23, 51, 2, 96, 0, 33, 71]

# Variant name: (file the test keeps, description).
VARIANTS = {
    "f32": ("gpt-oss-llamacpp.gguf",
            "tiny gpt-oss (test::tiny_gpt_oss() in tests/engine/model/tiny_models.cpp, F32, with_vocab)"),
    "mxfp4": ("gpt-oss-mxfp4-llamacpp.gguf",
              "tiny gpt-oss (test::tiny_gpt_oss() in tests/engine/model/tiny_models.cpp, Q8_0 matrices, "
              "MXFP4 routed experts, with_vocab)"),
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
    for name, (file_name, description) in VARIANTS.items():
        logits = logits_of(os.path.join(model_dir, file_name))
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
