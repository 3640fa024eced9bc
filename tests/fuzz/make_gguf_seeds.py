#!/usr/bin/env python3
"""Writes the GGUF fuzz seeds in corpus/gguf/ with the PyPI gguf package (run once; the
files are committed). Valid files of several shapes plus a few hand-broken ones."""
import os
import sys

import numpy as np
import gguf

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "corpus", "gguf")
os.makedirs(out, exist_ok=True)


def write(name, fill):
    path = os.path.join(out, name)
    w = gguf.GGUFWriter(path, arch="llama")
    fill(w)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return path


def metadata(w):
    w.add_uint32("llama.block_count", 2)
    w.add_float32("llama.rope.freq_base", 10000.0)
    w.add_bool("tokenizer.ggml.add_bos_token", True)
    w.add_array("tokenizer.ggml.tokens", ["<s>", "a", "ü"])
    w.add_array("tokenizer.ggml.scores", [0.0, -1.0, -2.0])
    w.add_array("nested", [[1, 2], [3]])
    w.add_int64("i64", -5)
    w.add_float64("f64", 0.25)


def tensors(w):
    rng = np.random.default_rng(1)
    w.add_tensor("a.f32", rng.standard_normal((2, 8), dtype=np.float32))
    w.add_tensor("b.f16", rng.standard_normal((1, 32)).astype(np.float16))
    q = gguf.quants.quantize(rng.standard_normal((2, 32), dtype=np.float32), gguf.GGMLQuantizationType.Q8_0)
    w.add_tensor("c.q8_0", q, raw_shape=q.shape, raw_dtype=gguf.GGMLQuantizationType.Q8_0)


valid = write("valid-metadata.gguf", metadata)
write("valid-tensors.gguf", lambda w: (metadata(w), tensors(w)))
write("valid-empty.gguf", lambda w: None)
data = open(os.path.join(out, "valid-tensors.gguf"), "rb").read()
open(os.path.join(out, "broken-truncated.gguf"), "wb").write(data[: len(data) // 2])
open(os.path.join(out, "broken-version.gguf"), "wb").write(data[:4] + b"\x09\x00\x00\x00" + data[8:])
