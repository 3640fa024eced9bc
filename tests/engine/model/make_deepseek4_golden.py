#!/usr/bin/env python3
"""Records llama.cpp's logits (PyPI llama-cpp-python) for the tiny deepseek4 models that
test_deepseek4_reference and test_deepseek4 write with Conclave's own GGUF writer (window-only
and mixed compression, in F32 and quantized as users download them: MXFP4 routed experts,
Q8_0 elsewhere), at every position of the 300-token test prompt. llama.cpp runs with F32 K/V
caches and without flash attention, so its indexer and compressed caches stay F32. Only the
figures are committed (golden/deepseek4_tiny_llamacpp.json); llama.cpp itself is never part
of Conclave.

  CONCLAVE_KEEP_TINY_MODELS=/tmp/tiny ./build/tests/test_deepseek4_reference matchesLlamaCpp
  CONCLAVE_KEEP_TINY_MODELS=/tmp/tiny ./build/tests/test_deepseek4 quantizedAgreesWithLlamaCpp
  python make_deepseek4_golden.py /tmp/tiny golden/deepseek4_tiny_llamacpp.json
"""
import json
import os
import sys

import numpy as np

import llama_cpp

N_VOCAB = 97
GGML_TYPE_F32 = 0


def prompt():
    """test::deepseek4_golden_prompt() of tiny_deepseek4.cpp: BOS, then a linear congruential
    sequence over the ordinary ids 3..N_VOCAB-1, 300 tokens in all."""
    tokens, x = [1], 12345
    while len(tokens) < 300:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        tokens.append(3 + (x >> 8) % (N_VOCAB - 3))
    return tokens


# test::tiny_deepseek4_golden_variant(name) in tests/engine/model/tiny_deepseek4.cpp.
VARIANTS = {
    "window": "test::tiny_deepseek4_window() plus two unused MTP layers of ratios 4 and 128, F32, with_vocab",
    "mixed": "test::tiny_deepseek4(), F32, with_vocab",
    "window-mxfp4": "test::tiny_deepseek4_window() plus two unused MTP layers of ratios 4 and 128, Q8_0 matrices, "
                    "MXFP4 routed experts, with_vocab",
    "mixed-mxfp4": "test::tiny_deepseek4(), Q8_0 matrices, MXFP4 routed experts, with_vocab",
}


def logits_of(path, tokens):
    llm = llama_cpp.Llama(model_path=path, n_ctx=512, n_batch=512, n_ubatch=512, n_threads=2,
                          logits_all=True, flash_attn=False, type_k=GGML_TYPE_F32,
                          type_v=GGML_TYPE_F32, verbose=False)
    llm.eval(tokens)
    return np.array(llm.scores[: len(tokens)], dtype=np.float64)


def main():
    model_dir, out_path = sys.argv[1], sys.argv[2]
    tokens = prompt()
    golden = {}
    for name, description in VARIANTS.items():
        logits = logits_of(os.path.join(model_dir, "deepseek4-%s-llamacpp.gguf" % name), tokens)
        golden[name] = {
            "source": "llama-cpp-python " + llama_cpp.__version__,
            "model": description,
            "tokens": tokens,
            "n_vocab": int(logits.shape[1]),
            "logits": [[float("%.7g" % v) for v in row] for row in logits],
        }
    with open(out_path, "w") as f:
        json.dump(golden, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
