#!/usr/bin/env python3
"""Writes the small ONNX embedding models the tests (and the benchmark) load, with no package but Python's own.

The test models are committed next to this script; run it again only to change them:

    python3 make_test_models.py            # tiny-bert/ and tiny-xlmr/ (a few KB each)
    python3 make_test_models.py --bench DIR --layers 6 --hidden 384
                                           # a random-weight model of realistic size for `qabot bench`, not committed

ONNX files are protocol buffers; this writes the few message fields it needs by their numbers from onnx.proto
(ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto) and sentencepiece_model.proto (ModelProto,
SentencePiece, TrainerSpec, NormalizerSpec).

tiny-bert:  vocab.txt (WordPiece) + model.onnx: last_hidden_state = E[input_ids], E row i = TOKEN_VECTORS[i].
tiny-xlmr:  sentencepiece.bpe.model (unigram) + model.onnx of the same shape over the fairseq ids (SentencePiece id + 1).
The test computes the expected vectors by hand from the same rows.
"""
import argparse
import os
import random
import struct

# ---- protocol buffer wire format -------------------------------------------------------------------------

def varint(n):
    if n < 0:
        n += 1 << 64
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)

def key(field, wire):
    return varint((field << 3) | wire)

def f_int(field, value):
    return key(field, 0) + varint(value)

def f_bytes(field, value):
    if isinstance(value, str):
        value = value.encode("utf-8")
    return key(field, 2) + varint(len(value)) + value

def f_float(field, value):
    return key(field, 5) + struct.pack("<f", value)

# ---- ONNX ------------------------------------------------------------------------------------------------

FLOAT, INT64 = 1, 7

def tensor(name, dims, floats):
    body = b"".join(f_int(1, d) for d in dims) + f_int(2, FLOAT) + f_bytes(8, name)
    return body + f_bytes(9, struct.pack("<%df" % len(floats), *floats))  # raw_data

def value_info(name, elem_type, dims):
    shape = b"".join(f_bytes(1, f_bytes(2, d) if isinstance(d, str) else f_int(1, d)) for d in dims)
    tensor_type = f_int(1, elem_type) + f_bytes(2, shape)
    return f_bytes(1, name) + f_bytes(2, f_bytes(1, tensor_type))

def node(op, inputs, outputs, name, attributes=b""):
    return b"".join(f_bytes(1, i) for i in inputs) + b"".join(f_bytes(2, o) for o in outputs) + f_bytes(3, name) + f_bytes(4, op) + attributes

def attribute_int(name, value):
    return f_bytes(5, f_bytes(1, name) + f_int(3, value) + f_int(20, 2))  # type INT

def model(nodes, initializers, inputs, outputs, name):
    graph = b"".join(f_bytes(1, n) for n in nodes) + f_bytes(2, name)
    graph += b"".join(f_bytes(5, t) for t in initializers)
    graph += b"".join(f_bytes(11, i) for i in inputs) + b"".join(f_bytes(12, o) for o in outputs)
    opset = f_bytes(1, "") + f_int(2, 13)
    return f_int(1, 8) + f_bytes(2, "qabot-tests") + f_bytes(7, graph) + f_bytes(8, opset)  # ir_version 8, opset 13

def lookup_model(rows, dims, token_types):
    """last_hidden_state[b, t, :] = rows[input_ids[b, t]]; attention_mask (and token_type_ids) are inputs the runtime expects."""
    flat = [v for row in rows for v in row]
    inputs = [value_info("input_ids", INT64, ["batch", "sequence"]), value_info("attention_mask", INT64, ["batch", "sequence"])]
    if token_types:
        inputs.append(value_info("token_type_ids", INT64, ["batch", "sequence"]))
    gather = node("Gather", ["embeddings", "input_ids"], ["last_hidden_state"], "lookup", attribute_int("axis", 0))
    output = value_info("last_hidden_state", FLOAT, ["batch", "sequence", dims])
    return model([gather], [tensor("embeddings", [len(rows), dims], flat)], inputs, [output], "lookup")

def bench_model(vocabulary, hidden, layers, seed):
    """E[input_ids] followed by `layers` feed-forward blocks (hidden -> 4*hidden -> hidden, ReLU): the
    multiply-adds of a small transformer's feed-forward layers, with random weights."""
    rng = random.Random(seed)
    def weights(n, scale):
        return [rng.uniform(-scale, scale) for _ in range(n)]
    initializers = [tensor("embeddings", [vocabulary, hidden], weights(vocabulary * hidden, 1.0))]
    nodes = [node("Gather", ["embeddings", "input_ids"], ["h0"], "lookup", attribute_int("axis", 0))]
    for i in range(layers):
        initializers.append(tensor("up%d" % i, [hidden, 4 * hidden], weights(hidden * 4 * hidden, 0.05)))
        initializers.append(tensor("down%d" % i, [4 * hidden, hidden], weights(4 * hidden * hidden, 0.05)))
        nodes.append(node("MatMul", ["h%d" % i, "up%d" % i], ["u%d" % i], "up%d" % i))
        nodes.append(node("Relu", ["u%d" % i], ["r%d" % i], "relu%d" % i))
        nodes.append(node("MatMul", ["r%d" % i, "down%d" % i], ["d%d" % i], "down%d" % i))
        out = "last_hidden_state" if i == layers - 1 else "h%d" % (i + 1)
        nodes.append(node("Add", ["h%d" % i, "d%d" % i], [out], "residual%d" % i))
    inputs = [value_info("input_ids", INT64, ["batch", "sequence"]), value_info("attention_mask", INT64, ["batch", "sequence"]), value_info("token_type_ids", INT64, ["batch", "sequence"])]
    output = value_info("last_hidden_state", FLOAT, ["batch", "sequence", hidden])
    return model(nodes, initializers, inputs, [output], "bench")

# ---- SentencePiece ---------------------------------------------------------------------------------------

NORMAL, UNKNOWN, CONTROL = 1, 2, 3

def sentencepiece_model(pieces):
    """pieces: (text, score, type). Unigram, <unk>=0 <s>=1 </s>=2, a leading '▁' added to the text, no normalisation rules."""
    body = b"".join(f_bytes(1, f_bytes(1, p) + f_float(2, s) + f_int(3, t)) for p, s, t in pieces)
    trainer = f_int(3, 1) + f_int(40, 0) + f_int(41, 1) + f_int(42, 2) + f_int(43, -1)  # model_type UNIGRAM, unk/bos/eos/pad ids
    normalizer = f_bytes(1, "identity") + f_int(3, 1) + f_int(4, 1) + f_int(5, 1)  # add_dummy_prefix, remove_extra_whitespaces, escape_whitespaces
    return body + f_bytes(2, trainer) + f_bytes(3, normalizer)

# ---- the test models -------------------------------------------------------------------------------------

BERT_VOCABULARY = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "drone", "##s", "fly", "china", "berlin", "rain"]
# Row i is the vector of vocabulary entry i: small integers, so the expected means are exact in binary.
BERT_ROWS = [
    [9, 9, 9, 9],   # [PAD]: must never reach a mean (it would show)
    [0, 0, 0, 1],   # [UNK]
    [1, 0, 0, 0],   # [CLS]
    [0, 1, 0, 0],   # [SEP]
    [0, 0, 0, 0],   # [MASK]
    [2, 0, 2, 0],   # drone
    [0, 2, 0, 0],   # ##s
    [0, 0, 4, 0],   # fly
    [4, 4, 0, 0],   # china
    [0, 0, 0, 4],   # berlin
    [2, 2, 2, 2],   # rain
]

XLMR_PIECES = [("<unk>", 0.0, UNKNOWN), ("<s>", 0.0, CONTROL), ("</s>", 0.0, CONTROL),
               ("\u2581drone", -1.0, NORMAL), ("\u2581fly", -1.0, NORMAL), ("\u2581", -2.0, NORMAL),
               ("s", -2.0, NORMAL), ("\u2581china", -1.0, NORMAL)]
# fairseq ids: <s>=0 <pad>=1 </s>=2 <unk>=3, then SentencePiece id + 1 (▁drone=4, ▁fly=5, ▁=6, s=7, ▁china=8).
XLMR_ROWS = [
    [1, 0, 0, 0],   # <s>
    [9, 9, 9, 9],   # <pad>
    [0, 1, 0, 0],   # </s>
    [0, 0, 0, 1],   # <unk>
    [2, 0, 2, 0],   # ▁drone
    [0, 0, 4, 0],   # ▁fly
    [0, 0, 0, 2],   # ▁
    [0, 2, 0, 0],   # s
    [4, 4, 0, 0],   # ▁china
]

def write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(content)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", help="write a random-weight benchmark model (WordPiece vocabulary) into this folder instead")
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--hidden", type=int, default=384)
    arguments = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    if arguments.bench:
        words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + ["w%d" % i for i in range(2000)] + ["##%d" % i for i in range(10)]
        words += [chr(c) for c in range(ord("a"), ord("z") + 1)] + ["##" + chr(c) for c in range(ord("a"), ord("z") + 1)]
        write(os.path.join(arguments.bench, "vocab.txt"), ("\n".join(words) + "\n").encode("utf-8"))
        write(os.path.join(arguments.bench, "model.onnx"), bench_model(len(words), arguments.hidden, arguments.layers, seed=42))
        return
    write(os.path.join(here, "tiny-bert", "vocab.txt"), ("\n".join(BERT_VOCABULARY) + "\n").encode("utf-8"))
    write(os.path.join(here, "tiny-bert", "model.onnx"), lookup_model(BERT_ROWS, 4, token_types=True))
    write(os.path.join(here, "tiny-xlmr", "sentencepiece.bpe.model"), sentencepiece_model(XLMR_PIECES))
    write(os.path.join(here, "tiny-xlmr", "model.onnx"), lookup_model(XLMR_ROWS, 4, token_types=False))

if __name__ == "__main__":
    main()
