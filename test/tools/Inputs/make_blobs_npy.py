"""Writes a 2-feature, 3-class data set as the NumPy files nnc train reads.

usage: make_blobs_npy.py DIR TRAIN TEST

Three well separated Gaussian blobs (f32 features, i64 labels), in
train-images.npy, train-labels.npy, t10k-images.npy, t10k-labels.npy.
"""

import os
import sys

import numpy as np

directory, train, test = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(directory, exist_ok=True)
rng = np.random.default_rng(0)
centers = np.array([[0.2, 0.2], [0.8, 0.2], [0.5, 0.8]], np.float32)
for split, count in (('train', train), ('t10k', test)):
    labels = np.arange(count) % 3
    images = centers[labels] + rng.normal(0, 0.08, (count, 2))
    np.save(os.path.join(directory, split + '-images.npy'),
            images.astype(np.float32))
    np.save(os.path.join(directory, split + '-labels.npy'),
            labels.astype(np.int64))
