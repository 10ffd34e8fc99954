"""Writes a small MNIST-style data set of IDX files for the nnc train tests.

usage: make_idx.py DIR [--train=N] [--test=M] [--size=S] [--classes=K]
                       [--gzip] [--defect=KIND]

Images are S x S unsigned bytes: faint noise plus a bright 4 x 4 square
whose position encodes the label, so that a small network can learn them.
--defect spoils one file the way the tests need: bad-magic, float-type,
truncated, truncated-gzip, count-mismatch, missing-test-labels, big-label.
"""

import argparse
import gzip
import os
import random
import struct


def idx(dims, values, type_code=0x08):
    header = struct.pack('>BBBB', 0, 0, type_code, len(dims))
    header += b''.join(struct.pack('>I', d) for d in dims)
    return header + bytes(values)


def images(count, size, labels, rng):
    pixels = []
    for label in labels:
        image = [rng.randrange(0, 40) for _ in range(size * size)]
        row, col = divmod(label, 3)
        for r in range(4):
            for c in range(4):
                y, x = (row * 6 + r) % size, (col * 6 + c + 2) % size
                image[y * size + x] = 255
        pixels += image
    return idx([count, size, size], pixels)


def write(directory, name, data, compress):
    path = os.path.join(directory, name + ('.gz' if compress else ''))
    opener = gzip.open if compress else open
    with opener(path, 'wb') as f:
        f.write(data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('dir')
    parser.add_argument('--train', type=int, default=64)
    parser.add_argument('--test', type=int, default=32)
    parser.add_argument('--size', type=int, default=28)
    parser.add_argument('--classes', type=int, default=10)
    parser.add_argument('--gzip', action='store_true')
    parser.add_argument('--defect', default='')
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    rng = random.Random(1)
    files = {}
    for split, count in (('train', args.train), ('t10k', args.test)):
        labels = [i % args.classes for i in range(count)]
        files[split + '-images-idx3-ubyte'] = images(count, args.size,
                                                     labels, rng)
        files[split + '-labels-idx1-ubyte'] = idx([count], labels)
    train_images = 'train-images-idx3-ubyte'
    if args.defect == 'bad-magic':
        files[train_images] = b'\x01\x02' + files[train_images][2:]
    elif args.defect == 'float-type':
        files[train_images] = idx([1, 1, 1], b'\0\0\0\0', 0x0D)
    elif args.defect == 'truncated':
        files[train_images] = files[train_images][:-7]
    elif args.defect == 'count-mismatch':
        files['train-labels-idx1-ubyte'] = idx([args.train - 1],
                                               [0] * (args.train - 1))
    elif args.defect == 'big-label':
        files['train-labels-idx1-ubyte'] = idx([args.train],
                                               [12] * args.train)
    elif args.defect == 'missing-test-labels':
        del files['t10k-labels-idx1-ubyte']
    for name, data in files.items():
        write(args.dir, name, data, args.gzip)
    if args.defect == 'truncated-gzip':
        path = os.path.join(args.dir, 't10k-images-idx3-ubyte.gz')
        with open(path, 'rb') as f:
            data = f.read()
        with open(path, 'wb') as f:
            f.write(data[:-20])


if __name__ == '__main__':
    main()
