#!/usr/bin/env python3
"""Reference token ids from Hugging Face `tokenizers`, for the real-model tokenizer tests.

    hf_tokenizer_oracle.py MODEL.gguf STRINGS.json  ->  stdout: JSON list of id lists

No tokenizer.json is available offline, so the Hugging Face tokenizer is rebuilt from the
GGUF's own vocabulary with the model's published pipeline:
  - tokenizer.ggml.model "gpt2" (SmolLM2, pre "smollm"): BPE with the file's merges,
    pre-tokenizer Split(\\p{N}, isolated) + ByteLevel(use_regex=True), as SmolLM's
    tokenizer.json (Digits(individual_digits) + ByteLevel).
  - tokenizer.ggml.model "llama" (Gemma 3): SentencePiece-style BPE with byte fallback; the
    merges are derived from the piece scores the way transformers' SentencePiece converter
    does; normalizer Replace(" ", "▁"), no prefix space.
Control and user-defined tokens become added tokens (split out before the model runs).
Encodes without special tokens (no BOS/EOS). Exit 3 when a package is missing.
"""
import json
import sys

try:
    import gguf
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers
except ImportError as e:  # the test skips on exit 3
    print(f"missing Python package: {e}", file=sys.stderr)
    sys.exit(3)

NORMAL, CONTROL, USER_DEFINED = 1, 3, 4


def read_vocab(path):
    r = gguf.GGUFReader(path)

    def strings(key):
        f = r.fields.get(key)
        return [bytes(f.parts[i]).decode("utf-8") for i in f.data] if f else []

    def numbers(key):
        f = r.fields.get(key)
        return [f.parts[i][0].item() for i in f.data] if f else []

    model = bytes(r.fields["tokenizer.ggml.model"].parts[-1]).decode()
    pre_field = r.fields.get("tokenizer.ggml.pre")
    pre = bytes(pre_field.parts[-1]).decode() if pre_field else "default"
    return model, pre, strings("tokenizer.ggml.tokens"), numbers("tokenizer.ggml.token_type"), \
        numbers("tokenizer.ggml.scores"), strings("tokenizer.ggml.merges")


def added_tokens(tokens, types):
    return [AddedToken(t, special=(ty == CONTROL), normalized=False)
            for t, ty in zip(tokens, types) if ty in (CONTROL, USER_DEFINED)]


def byte_level_bpe(pre, tokens, types, merges):
    if pre != "smollm":
        raise SystemExit(f"oracle: no reference pipeline for pre-tokenizer {pre!r}")
    vocab = {t: i for i, t in enumerate(tokens)}
    pairs = [tuple(m.split(" ", 1)) for m in merges]
    tok = Tokenizer(models.BPE(vocab=vocab, merges=pairs))
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(r"\p{N}"), behavior="isolated"),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True),
    ])
    tok.decoder = decoders.ByteLevel()
    return tok


def sentencepiece_bpe(tokens, types, scores):
    vocab = {}
    for i, t in enumerate(tokens):
        vocab.setdefault(t, i)
    normal = {t: i for i, t in enumerate(tokens) if types[i] == NORMAL}
    merges = []
    for piece, pid in normal.items():
        local = []
        for k in range(1, len(piece)):
            left, right = piece[:k], piece[k:]
            if left in normal and right in normal:
                local.append((normal[left], normal[right], left, right))
        local.sort()
        merges.extend((scores[pid], pid, left, right) for _, _, left, right in local)
    # Highest-scoring result first; stable on ties, like the converter.
    merges.sort(key=lambda m: -m[0])
    unk = next((t for t, ty in zip(tokens, types) if ty == 2), None)
    tok = Tokenizer(models.BPE(vocab=vocab, merges=[(m[2], m[3]) for m in merges], unk_token=unk,
                               byte_fallback=True, fuse_unk=True))
    tok.normalizer = normalizers.Replace(" ", "\u2581")
    tok.decoder = decoders.Sequence([decoders.Replace("\u2581", " "), decoders.ByteFallback(), decoders.Fuse()])
    return tok


def main():
    model, pre, tokens, types, scores, merges = read_vocab(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        texts = json.load(f)
    if model == "gpt2":
        tok = byte_level_bpe(pre, tokens, types, merges)
    elif model == "llama":
        tok = sentencepiece_bpe(tokens, types, scores)
    else:
        raise SystemExit(f"oracle: no reference pipeline for tokenizer model {model!r}")
    tok.add_tokens(added_tokens(tokens, types))
    json.dump([tok.encode(t, add_special_tokens=False).ids for t in texts], sys.stdout)


if __name__ == "__main__":
    main()
