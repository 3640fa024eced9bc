#!/usr/bin/env python3
"""Independent reference for Conclave's GGUF reader and writer: the PyPI `gguf` package.

  gguf_oracle.py dump FILE     prints a JSON summary of FILE as `gguf` reads it
  gguf_oracle.py write FILE    writes a GGUF file with `gguf`'s own writer

The summary lists each metadata key with its type chain and value (arrays: length and the
first three elements) and each tensor with type id, shape, data offset and byte size.
"""
import json
import sys

import numpy as np
import gguf


def plain(value):
    if isinstance(value, (bytes, bytearray)):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, np.generic):
        return value.item()
    return value


def field_summary(field):
    types = [t.name for t in field.types]
    if field.types[0] == gguf.GGUFValueType.ARRAY:
        if len(field.types) > 1 and field.types[1] == gguf.GGUFValueType.ARRAY:
            return {"types": types, "length": len(field.data)}
        items = [plain(field.parts[i][0] if field.types[1] != gguf.GGUFValueType.STRING
                       else bytes(field.parts[i])) for i in field.data[:3]]
        return {"types": types, "length": len(field.data), "head": items}
    if field.types[0] == gguf.GGUFValueType.STRING:
        return {"types": types, "value": bytes(field.parts[field.data[0]]).decode("utf-8", errors="replace")}
    return {"types": types, "value": plain(field.parts[field.data[0]][0])}


def dump(path):
    reader = gguf.GGUFReader(path)
    kv = {}
    for key, field in reader.fields.items():
        if key.startswith("GGUF."):
            continue
        kv[key] = field_summary(field)
    tensors = [{
        "name": t.name,
        "type": int(t.tensor_type),
        "shape": [int(d) for d in t.shape],
        "offset": int(t.data_offset - reader.data_offset),
        "n_bytes": int(t.n_bytes),
    } for t in reader.tensors]
    print(json.dumps({"alignment": reader.alignment, "kv": kv, "tensors": tensors}, ensure_ascii=False))


def write(path):
    writer = gguf.GGUFWriter(path, arch="llama")
    writer.add_uint8("test.u8", 200)
    writer.add_int8("test.i8", -100)
    writer.add_uint16("test.u16", 60000)
    writer.add_int16("test.i16", -30000)
    writer.add_uint32("test.u32", 4000000000)
    writer.add_int32("test.i32", -2000000000)
    writer.add_uint64("test.u64", 2**63 + 5)
    writer.add_int64("test.i64", -(2**62))
    writer.add_float32("test.f32", 0.15625)
    writer.add_float64("test.f64", -1.0e300)
    writer.add_bool("test.bool", True)
    writer.add_string("test.string", "Grüße, 世界 🌍")
    writer.add_array("test.strings", ["a", "", "ünï"])
    writer.add_array("test.ints", [1, -2, 3])
    writer.add_array("test.floats", [0.5, -1.5])
    writer.add_array("test.nested", [[1, 2], [3]])
    rng = np.random.default_rng(7)
    writer.add_tensor("w.f32", rng.standard_normal((3, 64), dtype=np.float32))
    writer.add_tensor("w.f16", rng.standard_normal((2, 32)).astype(np.float16))
    q8 = gguf.quants.quantize(rng.standard_normal((4, 64), dtype=np.float32), gguf.GGMLQuantizationType.Q8_0)
    writer.add_tensor("w.q8_0", q8, raw_shape=q8.shape, raw_dtype=gguf.GGMLQuantizationType.Q8_0)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


if __name__ == "__main__":
    {"dump": dump, "write": write}[sys.argv[1]](sys.argv[2])
