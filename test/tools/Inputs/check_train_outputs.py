"""Checks what one `nnc train` run wrote, against the formats' definitions.

usage: check_train_outputs.py LOG.csv PLOT.svg CHECKPOINT.safetensors EPOCHS
         PARAM-NAME...

The CSV must have the documented header and an epoch-end row with a test
accuracy for every epoch; the SVG must parse as XML with an svg root; the
checkpoint must be safetensors (read with json and numpy only) holding the
named parameters, finite, with the step count in its metadata.
"""

import csv
import json
import struct
import sys
import xml.etree.ElementTree as ET

import numpy as np

log, plot, checkpoint, epochs = sys.argv[1:5]
params = sys.argv[5:]

with open(log) as f:
    rows = list(csv.DictReader(f))
assert list(rows[0]) == ['epoch', 'step', 'loss', 'train_accuracy',
                         'test_accuracy', 'examples_per_second'], rows[0]
ends = [r for r in rows if r['test_accuracy']]
assert [int(r['epoch']) for r in ends] == list(range(1, int(epochs) + 1)), ends
for r in rows:
    assert 0 <= float(r['train_accuracy']) <= 1 and float(r['loss']) >= 0, r

root = ET.parse(plot).getroot()
assert root.tag == '{http://www.w3.org/2000/svg}svg', root.tag

raw = open(checkpoint, 'rb').read()
(n,) = struct.unpack('<Q', raw[:8])
header = json.loads(raw[8:8 + n])
metadata = header.pop('__metadata__')
assert metadata['step'] == ends[-1]['step'], (metadata, ends[-1])
for name in params:
    info = header[name]
    begin, end = info['data_offsets']
    values = np.frombuffer(raw[8 + n + begin:8 + n + end], '<f4')
    assert values.size == int(np.prod(info['shape'])), info
    assert np.isfinite(values).all(), name
print('outputs ok:', len(rows), 'rows,', len(header), 'tensors')
