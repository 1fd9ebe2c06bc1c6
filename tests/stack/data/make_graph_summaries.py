"""Regenerate graph_summaries.json: what real Keras 3 reports for tutorial-style Conv1D models.

The 40+ cases below are written the way tutorials, papers and Q&A threads
write them: text CNNs with parallel n-gram branches built in a ``for`` loop
and merged, WaveNet stacks (``for rate in (1, 2, 4, 8) * 2:``), ECG and HAR
classifiers, autoencoders, Bidirectional LSTMs, TimeDistributed, attention,
Keras 1 ``merge(...)``/``Model(input=, output=)``, models built by functions
called with literal arguments, and constants (``vocab = word_index + 1``).
Together they use every layer class ``conv_core.stack`` models.

Run it once with real Keras; the test suite (``tests/stack/test_stack_graphs.py``)
never imports Keras.  On the project machines::

    cd /work/reader   # or any checkout
    KERAS_BACKEND=torch /work/keras-venv/bin/python tests/stack/data/make_graph_summaries.py

(elsewhere: ``python3 -m venv kvenv && kvenv/bin/pip install torch==2.13.0 keras==3.15.1 numpy``).

Each case has a ``snippet`` (what a learner pastes: what ``app.io.keras_code``
reads, never runs) and, only where Keras 3 cannot run the snippet (Keras 1/2
spellings), ``keras_code``: the same model in Keras 3, which this script
executes.  ``tensorflow.keras`` imports are spelled ``keras`` before running
(the machine has no TensorFlow; Keras 3's layers are the same).  The model recorded is the variable ``model``
(or the case's ``model_var``).  For every layer of ``model.layers`` the JSON
holds the name, the class, the output shape (a list of shapes when a layer
has several outputs), ``count_params()``, the trainable and non-trainable
sizes and the names of the layers it reads (functional models).
"""

from __future__ import annotations

import io
import json
import math
import os
import platform
import re
import sys
import warnings
from contextlib import redirect_stdout
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "graph_summaries.json"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")

CASES: list[dict] = [
    {"id": "textcnn_for_loop_concatenate", "description": "Text CNN: n-gram branches in a for loop, "
     "f-string names, Concatenate (Kim 2014 style)", "snippet": """\
from keras.layers import Input, Embedding, Conv1D, GlobalMaxPooling1D, Concatenate, Dense, Dropout
from keras.models import Model
word_index = 1000
vocab = word_index + 1
maxlen = 100
inp = Input(shape=(maxlen,))
emb = Embedding(vocab, 50)(inp)
pooled = []
for k in (3, 4, 5):
    c = Conv1D(64, k, activation='relu', name=f"conv_{k}")(emb)
    pooled.append(GlobalMaxPooling1D()(c))
x = Concatenate()(pooled)
x = Dropout(0.5)(x)
out = Dense(1, activation='sigmoid')(x)
model = Model(inputs=inp, outputs=out)
"""},
    {"id": "textcnn_list_comprehension", "description": "Text CNN with list comprehensions and "
     "layers.concatenate", "snippet": """\
from tensorflow import keras
from tensorflow.keras import layers
filter_sizes = [2, 3, 4, 5]
num_filters = 32
inputs = keras.Input(shape=(200,), dtype="int32")
x = layers.Embedding(20000, 64)(inputs)
x = layers.SpatialDropout1D(0.2)(x)
convs = [layers.Conv1D(num_filters, fs, activation="relu")(x) for fs in filter_sizes]
pools = [layers.GlobalMaxPooling1D()(c) for c in convs]
x = layers.concatenate(pools)
outputs = layers.Dense(len(filter_sizes) * 2, activation="softmax")(x)
model = keras.Model(inputs, outputs)
"""},
    {"id": "textcnn_maxpool_flatten_branches", "description": "Text CNN branches with MaxPooling1D "
     "and Flatten per branch (Keras 2 blog style)", "snippet": """\
from keras.layers import Input, Embedding, Conv1D, MaxPooling1D, Flatten, Dense, concatenate
from keras.models import Model
MAX_SEQUENCE_LENGTH = 50
EMBEDDING_DIM = 100
sequence_input = Input(shape=(MAX_SEQUENCE_LENGTH,), dtype='int32')
embedded_sequences = Embedding(5000, EMBEDDING_DIM)(sequence_input)
convs = []
for fsz in [3, 4, 5]:
    l_conv = Conv1D(filters=128, kernel_size=fsz, activation='relu')(embedded_sequences)
    l_pool = MaxPooling1D(5)(l_conv)
    convs.append(Flatten()(l_pool))
l_merge = concatenate(convs, axis=1)
l_dense = Dense(128, activation='relu')(l_merge)
preds = Dense(2, activation='softmax')(l_dense)
model = Model(sequence_input, preds)
"""},
    {"id": "wavenet_rates_times_two", "description": "WaveNet-style causal stack: for rate in "
     "(1, 2, 4, 8) * 2", "snippet": """\
from keras.models import Sequential
from keras.layers import InputLayer, Conv1D
model = Sequential()
model.add(InputLayer(input_shape=(None, 1)))
for rate in (1, 2, 4, 8) * 2:
    model.add(Conv1D(filters=20, kernel_size=2, padding="causal", activation="relu", dilation_rate=rate))
model.add(Conv1D(filters=10, kernel_size=1))
""", "keras_code": """\
from keras.models import Sequential
from keras.layers import Input, Conv1D
model = Sequential()
model.add(Input(shape=(None, 1)))
for rate in (1, 2, 4, 8) * 2:
    model.add(Conv1D(filters=20, kernel_size=2, padding="causal", activation="relu", dilation_rate=rate))
model.add(Conv1D(filters=10, kernel_size=1))
"""},
    {"id": "wavenet_gated_residual", "description": "WaveNet residual blocks: gated tanh x sigmoid "
     "(Multiply), residual Add, skip connections summed with add()", "snippet": """\
from keras import layers, Model, Input
inp = Input(shape=(1000, 1))
x = layers.Conv1D(32, 2, padding='causal')(inp)
skips = []
for d in [1, 2, 4, 8]:
    t = layers.Conv1D(32, 2, dilation_rate=d, padding='causal', activation='tanh')(x)
    s = layers.Conv1D(32, 2, dilation_rate=d, padding='causal', activation='sigmoid')(x)
    z = layers.Multiply()([t, s])
    z = layers.Conv1D(32, 1)(z)
    skips.append(z)
    x = layers.Add()([x, z])
out = layers.add(skips)
out = layers.Activation('relu')(out)
out = layers.Conv1D(1, 1)(out)
model = Model(inp, out)
"""},
    {"id": "tcn_dilations_comprehension", "description": "TCN: dilations from a list comprehension "
     "of powers of two", "snippet": """\
import tensorflow as tf
dilations = [2 ** i for i in range(6)]
model = tf.keras.Sequential()
model.add(tf.keras.Input(shape=(128, 3)))
for d in dilations:
    model.add(tf.keras.layers.Conv1D(16, 3, padding="causal", dilation_rate=d, activation="relu"))
model.add(tf.keras.layers.GlobalAveragePooling1D())
model.add(tf.keras.layers.Dense(4, activation="softmax"))
"""},
    {"id": "ecg_cnn_batchnorm_relu", "description": "ECG heartbeat classifier (MIT-BIH, 187 samples): "
     "Conv1D, BatchNormalization, ReLU, MaxPooling1D, GlobalAveragePooling1D", "snippet": """\
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import (Conv1D, BatchNormalization, ReLU, MaxPooling1D, Dropout,
                                     GlobalAveragePooling1D, Dense)
model = Sequential([
    Conv1D(64, 6, input_shape=(187, 1)),
    BatchNormalization(),
    ReLU(),
    MaxPooling1D(pool_size=3, strides=2, padding='same'),
    Conv1D(64, 3),
    BatchNormalization(),
    ReLU(),
    MaxPooling1D(pool_size=2, strides=2, padding='same'),
    Dropout(0.2),
    GlobalAveragePooling1D(),
    Dense(64, activation='relu'),
    Dense(5, activation='softmax'),
])
""", "keras_code": """\
from keras.models import Sequential
from keras.layers import (Input, Conv1D, BatchNormalization, ReLU, MaxPooling1D, Dropout,
                          GlobalAveragePooling1D, Dense)
model = Sequential([
    Input(shape=(187, 1)),
    Conv1D(64, 6),
    BatchNormalization(),
    ReLU(),
    MaxPooling1D(pool_size=3, strides=2, padding='same'),
    Conv1D(64, 3),
    BatchNormalization(),
    ReLU(),
    MaxPooling1D(pool_size=2, strides=2, padding='same'),
    Dropout(0.2),
    GlobalAveragePooling1D(),
    Dense(64, activation='relu'),
    Dense(5, activation='softmax'),
])
"""},
    {"id": "ecg_resnet_block_add", "description": "ECG ResNet block: shortcut Add, Activation after "
     "the merge", "snippet": """\
from keras import layers, models
inputs = layers.Input(shape=(500, 12))
x = layers.Conv1D(32, 7, padding='same')(inputs)
x = layers.BatchNormalization()(x)
x = layers.Activation('relu')(x)
for filters in (32, 32):
    shortcut = x
    y = layers.Conv1D(filters, 5, padding='same')(x)
    y = layers.BatchNormalization()(y)
    y = layers.Activation('relu')(y)
    y = layers.Conv1D(filters, 5, padding='same')(y)
    y = layers.BatchNormalization()(y)
    x = layers.Add()([shortcut, y])
    x = layers.Activation('relu')(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(4, activation='softmax')(x)
model = models.Model(inputs, outputs)
"""},
    {"id": "har_create_model_function", "description": "HAR classifier built by create_model(input_shape, "
     "n_classes) called with literal arguments", "snippet": """\
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Flatten, Dense, Dropout, Input

def create_model(input_shape, n_classes=6):
    model = Sequential()
    model.add(Input(shape=input_shape))
    model.add(Conv1D(filters=64, kernel_size=3, activation='relu'))
    model.add(Conv1D(filters=64, kernel_size=3, activation='relu'))
    model.add(Dropout(0.5))
    model.add(MaxPooling1D(pool_size=2))
    model.add(Flatten())
    model.add(Dense(100, activation='relu'))
    model.add(Dense(n_classes, activation='softmax'))
    return model

model = create_model((100, 6), n_classes=6)
"""},
    {"id": "har_functional_builder", "description": "HAR functional model returned by build(n_timesteps, "
     "n_features, n_outputs)", "snippet": """\
import keras
from keras import layers

def build(n_timesteps, n_features, n_outputs):
    inp = keras.Input(shape=(n_timesteps, n_features))
    x = layers.Conv1D(32, 5, strides=2, activation='relu')(inp)
    x = layers.Conv1D(64, 3, activation='relu')(x)
    x = layers.MaxPooling1D()(x)
    x = layers.LSTM(32)(x)
    out = layers.Dense(n_outputs, activation='softmax')(x)
    return keras.Model(inp, out)

n_timesteps, n_features = 128, 9
model = build(n_timesteps, n_features, 6)
"""},
    {"id": "har_cnn_lstm_timedistributed", "description": "HAR CNN-LSTM: TimeDistributed Conv1D, "
     "Dropout, MaxPooling1D and Flatten over sub-sequences (Brownlee)", "snippet": """\
from keras.models import Sequential
from keras.layers import TimeDistributed, Conv1D, Dropout, MaxPooling1D, Flatten, LSTM, Dense, Input
n_steps, n_length, n_features, n_outputs = 4, 32, 9, 6
model = Sequential()
model.add(Input(shape=(None, n_length, n_features)))
model.add(TimeDistributed(Conv1D(filters=64, kernel_size=3, activation='relu')))
model.add(TimeDistributed(Conv1D(filters=64, kernel_size=3, activation='relu')))
model.add(TimeDistributed(Dropout(0.5)))
model.add(TimeDistributed(MaxPooling1D(pool_size=2)))
model.add(TimeDistributed(Flatten()))
model.add(LSTM(100))
model.add(Dropout(0.5))
model.add(Dense(100, activation='relu'))
model.add(Dense(n_outputs, activation='softmax'))
"""},
    {"id": "autoencoder_upsampling", "description": "Conv1D autoencoder: MaxPooling1D down, "
     "UpSampling1D up", "snippet": """\
from keras.layers import Input, Conv1D, MaxPooling1D, UpSampling1D
from keras.models import Model
input_sig = Input(shape=(128, 1))
x = Conv1D(16, 3, activation='relu', padding='same')(input_sig)
x = MaxPooling1D(2, padding='same')(x)
x = Conv1D(8, 3, activation='relu', padding='same')(x)
encoded = MaxPooling1D(2, padding='same')(x)
x = Conv1D(8, 3, activation='relu', padding='same')(encoded)
x = UpSampling1D(2)(x)
x = Conv1D(16, 3, activation='relu', padding='same')(x)
x = UpSampling1D(2)(x)
decoded = Conv1D(1, 3, activation='sigmoid', padding='same')(x)
autoencoder = Model(input_sig, decoded)
model = autoencoder
"""},
    {"id": "autoencoder_conv1dtranspose", "description": "Timeseries anomaly detection autoencoder "
     "(keras.io): Conv1D strides 2, Conv1DTranspose", "snippet": """\
from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential(
    [
        layers.Input(shape=(288, 1)),
        layers.Conv1D(filters=32, kernel_size=7, padding="same", strides=2, activation="relu"),
        layers.Dropout(rate=0.2),
        layers.Conv1D(filters=16, kernel_size=7, padding="same", strides=2, activation="relu"),
        layers.Conv1DTranspose(filters=16, kernel_size=7, padding="same", strides=2, activation="relu"),
        layers.Dropout(rate=0.2),
        layers.Conv1DTranspose(filters=32, kernel_size=7, padding="same", strides=2, activation="relu"),
        layers.Conv1DTranspose(filters=1, kernel_size=7, padding="same"),
    ]
)
"""},
    {"id": "conv1dtranspose_output_padding", "description": "Conv1DTranspose with output_padding, "
     "'valid' padding and dilation", "snippet": """\
import keras
from keras import layers
inp = keras.Input(shape=(25, 8))
a = layers.Conv1DTranspose(4, 3, strides=2, output_padding=1)(inp)
b = layers.Conv1DTranspose(4, 4, strides=3, padding='same', output_padding=2)(a)
c = layers.Conv1DTranspose(2, 3, dilation_rate=2)(b)
model = keras.Model(inp, c)
"""},
    {"id": "bidirectional_lstm_imdb", "description": "Bidirectional LSTM on IMDB (keras.io example)",
     "snippet": """\
import keras
from keras import layers
max_features = 20000
inputs = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(max_features, 128)(inputs)
x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
x = layers.Bidirectional(layers.LSTM(64))(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
"""},
    {"id": "bidirectional_merge_modes", "description": "Bidirectional GRU/SimpleRNN with merge_mode sum, "
     "ave, mul and None", "snippet": """\
from keras.layers import Input, Conv1D, Bidirectional, GRU, SimpleRNN, LSTM, Concatenate, Dense
from keras.models import Model
inp = Input(shape=(60, 4))
x = Conv1D(16, 5, activation='relu')(inp)
x = Bidirectional(GRU(8, return_sequences=True), merge_mode='sum')(x)
x = Bidirectional(SimpleRNN(8, return_sequences=True), merge_mode='ave')(x)
x = Bidirectional(LSTM(8, return_sequences=True), merge_mode='mul')(x)
fwd, bwd = Bidirectional(LSTM(4), merge_mode=None)(x)
x = Concatenate()([fwd, bwd])
out = Dense(1)(x)
model = Model(inp, out)
"""},
    {"id": "lstm_gru_return_state", "description": "Encoder states: LSTM and GRU with return_state=True, "
     "the states used by later layers", "snippet": """\
from keras import Input, Model
from keras.layers import Conv1D, LSTM, GRU, Dense, Concatenate
enc_in = Input(shape=(30, 3))
x = Conv1D(16, 3, padding='same', activation='relu')(enc_in)
seq, state_h, state_c = LSTM(32, return_sequences=True, return_state=True)(x)
gru_out, gru_h = GRU(16, return_state=True)(seq)
merged = Concatenate()([state_h, state_c, gru_h])
out = Dense(1)(merged)
model = Model(enc_in, out)
"""},
    {"id": "keras1_merge_functional", "description": "Keras 1: Convolution1D(nb_filter=...), "
     "merge(mode='concat'), MaxPooling1D(pool_length=...), Model(input=, output=)", "snippet": """\
from keras.layers import Input, Convolution1D, MaxPooling1D, Flatten, Dense, merge
from keras.models import Model
main_input = Input(shape=(100, 4))
conv_a = Convolution1D(nb_filter=32, filter_length=3, border_mode='same', activation='relu')(main_input)
conv_b = Convolution1D(nb_filter=32, filter_length=5, border_mode='same', activation='relu')(main_input)
merged = merge([conv_a, conv_b], mode='concat', concat_axis=-1)
pooled = MaxPooling1D(pool_length=2)(merged)
flat = Flatten()(pooled)
out = Dense(output_dim=1, activation='sigmoid')(flat)
model = Model(input=main_input, output=out)
""", "keras_code": """\
from keras.layers import Input, Conv1D, MaxPooling1D, Flatten, Dense, concatenate
from keras.models import Model
main_input = Input(shape=(100, 4))
conv_a = Conv1D(32, 3, padding='same', activation='relu')(main_input)
conv_b = Conv1D(32, 5, padding='same', activation='relu')(main_input)
merged = concatenate([conv_a, conv_b], axis=-1)
pooled = MaxPooling1D(pool_size=2)(merged)
flat = Flatten()(pooled)
out = Dense(1, activation='sigmoid')(flat)
model = Model(inputs=main_input, outputs=out)
"""},
    {"id": "keras1_merge_sum_and_atrous", "description": "Keras 1: AtrousConvolution1D(atrous_rate=...), "
     "merge(mode='sum'), merge(mode='mul')", "snippet": """\
from keras.layers import Input, AtrousConvolution1D, Convolution1D, merge, GlobalMaxPooling1D, Dense
from keras.models import Model
x_in = Input(shape=(64, 2))
a = AtrousConvolution1D(16, 3, atrous_rate=2, border_mode='same')(x_in)
b = Convolution1D(16, 3, border_mode='same')(x_in)
s = merge([a, b], mode='sum')
m = merge([s, b], mode='mul')
g = GlobalMaxPooling1D()(m)
y = Dense(3, activation='softmax')(g)
model = Model(input=x_in, output=y)
""", "keras_code": """\
from keras.layers import Input, Conv1D, GlobalMaxPooling1D, Dense, add, multiply
from keras.models import Model
x_in = Input(shape=(64, 2))
a = Conv1D(16, 3, dilation_rate=2, padding='same')(x_in)
b = Conv1D(16, 3, padding='same')(x_in)
s = add([a, b])
m = multiply([s, b])
g = GlobalMaxPooling1D()(m)
y = Dense(3, activation='softmax')(g)
model = Model(inputs=x_in, outputs=y)
"""},
    {"id": "keras1_sequential_merge_of_models", "description": "Keras 1: model.add(Merge([left, right], "
     "mode='concat')) of two Sequential branch models", "snippet": """\
from keras.models import Sequential
from keras.layers import Convolution1D, MaxPooling1D, Flatten, Dense, Merge
left = Sequential()
left.add(Convolution1D(nb_filter=16, filter_length=3, border_mode='same', input_shape=(100, 4)))
left.add(MaxPooling1D(pool_length=2))
right = Sequential()
right.add(Convolution1D(nb_filter=16, filter_length=5, border_mode='same', input_shape=(100, 4)))
right.add(MaxPooling1D(pool_length=2))
model = Sequential()
model.add(Merge([left, right], mode='concat', concat_axis=-1))
model.add(Flatten())
model.add(Dense(1, activation='sigmoid'))
""", "keras_code": """\
from keras.models import Sequential, Model
from keras.layers import Input, Conv1D, MaxPooling1D, Flatten, Dense, Concatenate
left = Sequential()
left.add(Conv1D(16, 3, padding='same'))
left.add(MaxPooling1D(pool_size=2))
right = Sequential()
right.add(Conv1D(16, 5, padding='same'))
right.add(MaxPooling1D(pool_size=2))
merge = Concatenate(axis=-1)
in_left = Input(shape=(100, 4))
in_right = Input(shape=(100, 4))
x = merge([left(in_left), right(in_right)])
x = Flatten()(x)
out = Dense(1, activation='sigmoid')(x)
model = Model([in_left, in_right], out)
"""},
    {"id": "glove_frozen_embedding_textcnn", "description": "Pretrained (GloVe) Embedding with "
     "trainable=False, weights=[embedding_matrix], then Conv1D branches and a frozen Bidirectional", "snippet": """\
from keras.layers import Input, Embedding, Conv1D, GlobalMaxPooling1D, Dense, concatenate, Bidirectional, GRU
from keras.models import Model
MAX_NB_WORDS, EMBEDDING_DIM, MAX_LEN = 2000, 100, 60
embedding_layer = Embedding(MAX_NB_WORDS, EMBEDDING_DIM, weights=[embedding_matrix], input_length=MAX_LEN,
                            trainable=False)
sequence_input = Input(shape=(MAX_LEN,), dtype='int32')
embedded = embedding_layer(sequence_input)
branches = [GlobalMaxPooling1D()(Conv1D(32, k, activation='relu')(embedded)) for k in (2, 3)]
rnn = Bidirectional(GRU(16), trainable=False)(embedded)
x = concatenate(branches + [rnn])
preds = Dense(3, activation='softmax')(x)
model = Model(sequence_input, preds)
""", "keras_code": """\
import numpy as np
from keras.layers import Input, Embedding, Conv1D, GlobalMaxPooling1D, Dense, concatenate, Bidirectional, GRU
from keras.models import Model
MAX_NB_WORDS, EMBEDDING_DIM, MAX_LEN = 2000, 100, 60
embedding_layer = Embedding(MAX_NB_WORDS, EMBEDDING_DIM, trainable=False)
sequence_input = Input(shape=(MAX_LEN,), dtype='int32')
embedded = embedding_layer(sequence_input)
branches = [GlobalMaxPooling1D()(Conv1D(32, k, activation='relu')(embedded)) for k in (2, 3)]
rnn = Bidirectional(GRU(16), trainable=False)(embedded)
x = concatenate(branches + [rnn])
preds = Dense(3, activation='softmax')(x)
model = Model(sequence_input, preds)
"""},
    {"id": "vocab_word_index_plus_one", "description": "Keras 2 text classifier: vocab_size = "
     "len-style constant + 1, Embedding(input_length=maxlen)", "snippet": """\
from keras.models import Sequential
from keras.layers import Embedding, Conv1D, GlobalMaxPooling1D, Dense
word_index = 8000
vocab_size = word_index + 1
maxlen = 120
embedding_dim = 2 * 50
model = Sequential()
model.add(Embedding(vocab_size, embedding_dim, input_length=maxlen))
model.add(Conv1D(128, 5, activation='relu'))
model.add(GlobalMaxPooling1D())
model.add(Dense(10, activation='relu'))
model.add(Dense(1, activation='sigmoid'))
""", "keras_code": """\
from keras.models import Sequential
from keras.layers import Input, Embedding, Conv1D, GlobalMaxPooling1D, Dense
model = Sequential()
model.add(Input(shape=(120,)))
model.add(Embedding(8001, 100))
model.add(Conv1D(128, 5, activation='relu'))
model.add(GlobalMaxPooling1D())
model.add(Dense(10, activation='relu'))
model.add(Dense(1, activation='sigmoid'))
"""},
    {"id": "separable_and_depthwise", "description": "SeparableConv1D and DepthwiseConv1D "
     "(depth_multiplier) in a small keyword-spotting net", "snippet": """\
from keras import layers, models
model = models.Sequential([
    layers.Input(shape=(98, 40)),
    layers.SeparableConv1D(64, 3, padding='same', activation='relu'),
    layers.DepthwiseConv1D(5, depth_multiplier=2, padding='same'),
    layers.SeparableConv1D(32, 3, strides=2, depth_multiplier=2, use_bias=False),
    layers.DepthwiseConv1D(3, dilation_rate=2),
    layers.GlobalMaxPooling1D(),
    layers.Dense(12),
])
"""},
    {"id": "two_inputs_text_and_meta", "description": "Several inputs: a text branch and a numeric "
     "side input, concatenated (keras.io multi-input style)", "snippet": """\
import keras
from keras import layers
text_input = keras.Input(shape=(80,), name="text")
meta_input = keras.Input(shape=(5,), name="meta")
x = layers.Embedding(3000, 32)(text_input)
x = layers.Conv1D(32, 3, activation="relu")(x)
x = layers.GlobalMaxPooling1D()(x)
m = layers.Dense(8, activation="relu")(meta_input)
x = layers.concatenate([x, m])
out = layers.Dense(1, name="priority")(x)
model = keras.Model(inputs=[text_input, meta_input], outputs=out)
"""},
    {"id": "multi_scale_same_padding_concat", "description": "Multi-scale (Inception-like) branches "
     "on one input with 'same' padding, joined on the channels: receptive fields differ per branch",
     "snippet": """\
from keras.layers import Input, Conv1D, MaxPooling1D, Concatenate, GlobalAveragePooling1D, Dense
from keras.models import Model
inp = Input(shape=(256, 1))
b1 = Conv1D(8, 1, padding='same')(inp)
b3 = Conv1D(8, 3, padding='same')(inp)
b5 = Conv1D(8, 5, padding='same')(inp)
bp = MaxPooling1D(3, strides=1, padding='same')(inp)
x = Concatenate(axis=-1)([b1, b3, b5, bp])
x = Conv1D(16, 3, padding='same', activation='relu')(x)
x = GlobalAveragePooling1D()(x)
out = Dense(2, activation='softmax')(x)
model = Model(inp, out)
"""},
    {"id": "eeg_none_steps_branches", "description": "EEG with any number of steps (None): parallel "
     "temporal convolutions, Average and Maximum merges", "snippet": """\
from keras import layers, Model, Input
eeg = Input(shape=(None, 22))
short = layers.Conv1D(16, 4, padding='same', activation='elu')(eeg)
long = layers.Conv1D(16, 16, padding='same', activation='elu')(eeg)
avg = layers.Average()([short, long])
mx = layers.Maximum()([short, long])
mn = layers.Minimum()([short, long])
x = layers.Concatenate()([avg, mx, mn])
x = layers.AveragePooling1D(4)(x)
x = layers.GlobalAveragePooling1D()(x)
out = layers.Dense(4, activation='softmax')(x)
model = Model(eeg, out)
"""},
    {"id": "subtract_and_dot_siamese", "description": "Siamese encoders with a shared input pair: "
     "Subtract and Dot(axes=1, normalize=True)", "snippet": """\
from keras import layers, Model, Input
left = Input(shape=(50, 3))
right = Input(shape=(50, 3))
ea = layers.GlobalMaxPooling1D()(layers.Conv1D(16, 5, activation='relu')(left))
eb = layers.GlobalMaxPooling1D()(layers.Conv1D(16, 5, activation='relu')(right))
diff = layers.Subtract()([ea, eb])
cos = layers.Dot(axes=1, normalize=True)([ea, eb])
x = layers.concatenate([diff, cos])
out = layers.Dense(1, activation='sigmoid')(x)
model = Model([left, right], out)
"""},
    {"id": "attention_query_value", "description": "Conv1D encodings with keras.layers.Attention "
     "(keras.io Attention docstring example)", "snippet": """\
import tensorflow as tf
query_input = tf.keras.Input(shape=(None,), dtype='int32')
value_input = tf.keras.Input(shape=(None,), dtype='int32')
token_embedding = tf.keras.layers.Embedding(input_dim=1000, output_dim=64)
query_embeddings = token_embedding(query_input)
value_embeddings = tf.keras.layers.Embedding(input_dim=1000, output_dim=64)(value_input)
cnn_layer = tf.keras.layers.Conv1D(filters=100, kernel_size=4, padding='same')
query_seq_encoding = cnn_layer(query_embeddings)
value_seq_encoding = tf.keras.layers.Conv1D(filters=100, kernel_size=4, padding='same')(value_embeddings)
query_value_attention_seq = tf.keras.layers.Attention(use_scale=True)([query_seq_encoding, value_seq_encoding])
query_encoding = tf.keras.layers.GlobalAveragePooling1D()(query_seq_encoding)
query_value_attention = tf.keras.layers.GlobalAveragePooling1D()(query_value_attention_seq)
input_layer = tf.keras.layers.Concatenate()([query_encoding, query_value_attention])
model = tf.keras.Model([query_input, value_input], input_layer)
"""},
    {"id": "transformer_block_mha", "description": "Timeseries transformer block (keras.io): "
     "MultiHeadAttention(x, x), LayerNormalization, Conv1D feed-forward, residual Add", "snippet": """\
from tensorflow import keras
from tensorflow.keras import layers
inputs = keras.Input(shape=(500, 1))
x = layers.LayerNormalization(epsilon=1e-6)(inputs)
x = layers.MultiHeadAttention(key_dim=64, num_heads=2, dropout=0.1)(x, x)
x = layers.Dropout(0.1)(x)
res = x + inputs
x = layers.LayerNormalization(epsilon=1e-6)(res)
x = layers.Conv1D(filters=4, kernel_size=1, activation="relu")(x)
x = layers.Dropout(0.1)(x)
x = layers.Conv1D(filters=inputs.shape[-1], kernel_size=1)(x)
x = layers.Add()([x, res])
x = layers.GlobalAveragePooling1D(data_format="channels_last")(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs, outputs)
"""},
    {"id": "lstm_autoencoder_repeatvector", "description": "LSTM autoencoder: RepeatVector and "
     "TimeDistributed(Dense) (Brownlee)", "snippet": """\
from keras.models import Sequential
from keras.layers import LSTM, RepeatVector, TimeDistributed, Dense, Input
n_in = 9
model = Sequential()
model.add(Input(shape=(n_in, 1)))
model.add(LSTM(100, activation='relu'))
model.add(RepeatVector(n_in))
model.add(LSTM(100, activation='relu', return_sequences=True))
model.add(TimeDistributed(Dense(1)))
"""},
    {"id": "reshape_flat_signal_to_channels", "description": "A flat signal reshaped for Conv1D: "
     "Reshape((60, 1)), Reshape((-1, 4)), Permute((2, 1))", "snippet": """\
from keras import layers, models
model = models.Sequential()
model.add(layers.Input(shape=(60,)))
model.add(layers.Reshape((60, 1)))
model.add(layers.Conv1D(8, 5, padding='same'))
model.add(layers.Reshape((-1, 4)))
model.add(layers.Permute((2, 1)))
model.add(layers.Conv1D(4, 3))
model.add(layers.Flatten())
model.add(layers.Dense(3))
"""},
    {"id": "zero_padding_cropping", "description": "ZeroPadding1D and Cropping1D around valid "
     "convolutions", "snippet": """\
from keras import layers, models
model = models.Sequential([
    layers.Input(shape=(40, 2)),
    layers.ZeroPadding1D(2),
    layers.Conv1D(6, 5),
    layers.ZeroPadding1D((3, 1)),
    layers.Cropping1D((1, 2)),
    layers.Conv1D(6, 3, strides=2),
    layers.Cropping1D(1),
    layers.Flatten(),
])
"""},
    {"id": "masking_gru", "description": "Padded sequences: Masking then GRU (keras.io masking guide)",
     "snippet": """\
from keras.models import Sequential
from keras.layers import Masking, Conv1D, GRU, Dense, Input
model = Sequential()
model.add(Input(shape=(None, 8)))
model.add(Masking(mask_value=0.0))
model.add(GRU(32, return_sequences=True))
model.add(GRU(16))
model.add(Dense(1))
"""},
    {"id": "activation_layers", "description": "Activation layers: ReLU(max_value), LeakyReLU, PReLU "
     "(shared_axes), ELU, Softmax", "snippet": """\
from keras import layers, models
model = models.Sequential([
    layers.Input(shape=(64, 3)),
    layers.Conv1D(16, 3),
    layers.ReLU(max_value=6.0),
    layers.Conv1D(16, 3),
    layers.LeakyReLU(negative_slope=0.1),
    layers.Conv1D(16, 3),
    layers.PReLU(shared_axes=[1]),
    layers.Conv1D(16, 3),
    layers.PReLU(),
    layers.ELU(alpha=0.5),
    layers.GlobalMaxPooling1D(),
    layers.Dense(4),
    layers.Softmax(),
])
"""},
    {"id": "leakyrelu_alpha_keras2", "description": "Keras 2 LeakyReLU(alpha=0.2) in a GAN-style "
     "1-D discriminator", "snippet": """\
from keras.models import Sequential
from keras.layers import Conv1D, LeakyReLU, Dropout, Flatten, Dense
model = Sequential()
model.add(Conv1D(64, 4, strides=2, padding='same', input_shape=(128, 1)))
model.add(LeakyReLU(alpha=0.2))
model.add(Dropout(0.3))
model.add(Conv1D(128, 4, strides=2, padding='same'))
model.add(LeakyReLU(alpha=0.2))
model.add(Flatten())
model.add(Dense(1, activation='sigmoid'))
""", "keras_code": """\
from keras.models import Sequential
from keras.layers import Input, Conv1D, LeakyReLU, Dropout, Flatten, Dense
model = Sequential()
model.add(Input(shape=(128, 1)))
model.add(Conv1D(64, 4, strides=2, padding='same'))
model.add(LeakyReLU(negative_slope=0.2))
model.add(Dropout(0.3))
model.add(Conv1D(128, 4, strides=2, padding='same'))
model.add(LeakyReLU(negative_slope=0.2))
model.add(Flatten())
model.add(Dense(1, activation='sigmoid'))
"""},
    {"id": "noise_and_dropouts", "description": "Regularisation layers: GaussianNoise, GaussianDropout, "
     "SpatialDropout1D, Dropout", "snippet": """\
import keras
from keras import layers
model = keras.Sequential([
    keras.Input(shape=(100, 3)),
    layers.GaussianNoise(0.1),
    layers.Conv1D(32, 5, activation="relu"),
    layers.SpatialDropout1D(0.2),
    layers.Conv1D(32, 5, activation="relu"),
    layers.GaussianDropout(0.1),
    layers.MaxPooling1D(2),
    layers.Dropout(0.25),
    layers.Flatten(),
    layers.Dense(5, activation="softmax"),
])
"""},
    {"id": "global_pooling_keepdims", "description": "GlobalAveragePooling1D(keepdims=True) then Conv1D "
     "(squeeze-and-excitation style gate with Multiply)", "snippet": """\
from keras import layers, Model, Input
inp = Input(shape=(200, 16))
x = layers.Conv1D(16, 3, padding='same', activation='relu')(inp)
se = layers.GlobalAveragePooling1D(keepdims=True)(x)
se = layers.Conv1D(4, 1, activation='relu')(se)
se = layers.Conv1D(16, 1, activation='sigmoid')(se)
x = layers.Multiply()([x, se])
x = layers.GlobalMaxPooling1D(keepdims=True)(x)
x = layers.Flatten()(x)
out = layers.Dense(3)(x)
model = Model(inp, out)
"""},
    {"id": "dense_on_3d_input", "description": "Dense applied to a 3-D Conv1D output (acts on the last "
     "axis), then Flatten", "snippet": """\
from keras.models import Sequential
from keras.layers import Conv1D, Dense, Flatten, Input
model = Sequential()
model.add(Input(shape=(24, 6)))
model.add(Conv1D(32, 3, activation='relu'))
model.add(Dense(16, activation='relu'))
model.add(Flatten())
model.add(Dense(1))
"""},
    {"id": "simple_rnn_stack", "description": "SimpleRNN stack after Conv1D (return_sequences)",
     "snippet": """\
from keras import layers, models
model = models.Sequential()
model.add(layers.Input(shape=(50, 1)))
model.add(layers.Conv1D(8, 3, activation='relu'))
model.add(layers.SimpleRNN(20, return_sequences=True))
model.add(layers.SimpleRNN(20))
model.add(layers.Dense(1))
"""},
    {"id": "lambda_with_output_shape", "description": "Lambda with output_shape= (never run) between "
     "Dense layers", "snippet": """\
import keras
from keras import layers
inp = keras.Input(shape=(40,))
x = layers.Lambda(lambda t: keras.ops.expand_dims(t, -1), output_shape=(40, 1))(inp)
x = layers.Conv1D(8, 3, activation='relu')(x)
x = layers.GlobalMaxPooling1D()(x)
out = layers.Dense(1)(x)
model = keras.Model(inp, out)
"""},
    {"id": "sequential_inside_functional", "description": "A Sequential feature extractor used as a "
     "layer of a functional model", "snippet": """\
import keras
from keras import layers
extractor = keras.Sequential([
    layers.Conv1D(16, 5, activation='relu'),
    layers.MaxPooling1D(2),
    layers.Conv1D(32, 3, activation='relu'),
    layers.GlobalAveragePooling1D(),
])
inp = keras.Input(shape=(100, 3))
features = extractor(inp)
x = layers.Dense(16, activation='relu')(features)
out = layers.Dense(1)(x)
model = keras.Model(inp, out)
"""},
    {"id": "sequential_of_sequentials", "description": "Autoencoder as Sequential([encoder, decoder]) "
     "of two named Sequential models", "snippet": """\
from keras.models import Sequential
from keras.layers import Input, Conv1D, MaxPooling1D, UpSampling1D
encoder = Sequential([
    Input(shape=(64, 1)),
    Conv1D(8, 3, padding='same', activation='relu'),
    MaxPooling1D(2),
], name='encoder')
decoder = Sequential([
    Conv1D(8, 3, padding='same', activation='relu'),
    UpSampling1D(2),
    Conv1D(1, 3, padding='same'),
], name='decoder')
model = Sequential([encoder, decoder])
"""},
    {"id": "x_shape_of_input", "description": "Sizes read from an input's shape: x.shape[1], "
     "inp.shape[-1]", "snippet": """\
import keras
from keras import layers
inp = keras.Input(shape=(90, 7))
steps = inp.shape[1]
x = layers.Conv1D(inp.shape[-1] * 4, 3, padding='same')(inp)
x = layers.Flatten()(x)
x = layers.Dense(steps // 3)(x)
out = layers.Reshape((steps // 3, 1))(x)
model = keras.Model(inp, out)
"""},
    {"id": "len_and_range_constants", "description": "len() of a literal, range() loop, integer "
     "arithmetic for sizes", "snippet": """\
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Flatten, Dense, Input
classes = ['walk', 'run', 'sit', 'stand', 'lie']
num_classes = len(classes)
base = 16
model = Sequential()
model.add(Input(shape=(256, 3)))
for i in range(3):
    model.add(Conv1D(base * 2 ** i, 3, padding='same', activation='relu'))
    model.add(MaxPooling1D(2))
model.add(Flatten())
model.add(Dense(num_classes * 10 // 2, activation='relu'))
model.add(Dense(num_classes, activation='softmax'))
"""},
    {"id": "gru_reset_after_false", "description": "GRU with reset_after=False next to the Keras 3 "
     "default, on a Conv1D front end", "snippet": """\
from keras import layers, Model, Input
inp = Input(shape=(40, 5))
x = layers.Conv1D(12, 3, activation='relu')(inp)
a = layers.GRU(10, reset_after=False)(x)
b = layers.GRU(10)(x)
x = layers.concatenate([a, b])
out = layers.Dense(1)(x)
model = Model(inp, out)
"""},
    {"id": "conv_lstm_deeplearning_python", "description": "Deep Learning with Python 6.4: Conv1D, "
     "MaxPooling1D then GRU with dropout (Jena climate)", "snippet": """\
from keras.models import Sequential
from keras import layers
model = Sequential()
model.add(layers.Conv1D(32, 5, activation='relu', input_shape=(None, 14)))
model.add(layers.MaxPooling1D(3))
model.add(layers.Conv1D(32, 5, activation='relu'))
model.add(layers.GRU(32, dropout=0.1, recurrent_dropout=0.5))
model.add(layers.Dense(1))
""", "keras_code": """\
from keras.models import Sequential
from keras import layers
import keras
model = Sequential()
model.add(keras.Input(shape=(None, 14)))
model.add(layers.Conv1D(32, 5, activation='relu'))
model.add(layers.MaxPooling1D(3))
model.add(layers.Conv1D(32, 5, activation='relu'))
model.add(layers.GRU(32, dropout=0.1, recurrent_dropout=0.5))
model.add(layers.Dense(1))
"""},
    {"id": "concatenate_time_axis", "description": "Concatenate along the steps (axis=1) of two "
     "branches with different lengths", "snippet": """\
from keras import layers, Model, Input
inp = Input(shape=(32, 4))
a = layers.Conv1D(8, 3)(inp)
b = layers.Conv1D(8, 5)(inp)
x = layers.Concatenate(axis=1)([a, b])
x = layers.Conv1D(4, 3)(x)
out = layers.GlobalAveragePooling1D()(x)
model = Model(inp, out)
"""},
    {"id": "time_distributed_dense_seq2seq", "description": "Sequence labelling: Bidirectional LSTM "
     "with return_sequences and TimeDistributed Dense per step", "snippet": """\
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Input, Embedding, Bidirectional, LSTM, TimeDistributed, Dense, Conv1D
max_len = 75
n_words, n_tags = 5000, 17
input = Input(shape=(max_len,))
model_emb = Embedding(input_dim=n_words, output_dim=50)(input)
conv = Conv1D(64, 3, padding='same', activation='relu')(model_emb)
lstm = Bidirectional(LSTM(units=100, return_sequences=True, recurrent_dropout=0.1))(conv)
out = TimeDistributed(Dense(n_tags, activation="softmax"))(lstm)
model = Model(input, out)
"""},
    {"id": "residual_tcn_block_function", "description": "TCN residual blocks from a function called "
     "in a loop with literal dilations (1x1 conv on the shortcut)", "snippet": """\
import keras
from keras import layers

def residual_block(x, filters, dilation):
    shortcut = layers.Conv1D(filters, 1, padding='same')(x)
    y = layers.Conv1D(filters, 3, padding='causal', dilation_rate=dilation, activation='relu')(x)
    y = layers.Dropout(0.1)(y)
    y = layers.Conv1D(filters, 3, padding='causal', dilation_rate=dilation, activation='relu')(y)
    return layers.add([shortcut, y])

inp = keras.Input(shape=(64, 2))
x = inp
for d in (1, 2, 4):
    x = residual_block(x, 16, d)
x = layers.Lambda(lambda t: t[:, -1, :], output_shape=(16,))(x)
out = layers.Dense(1)(x)
model = keras.Model(inp, out)
"""},
    {"id": "multi_output_heads", "description": "One trunk, two outputs (classification and "
     "regression heads)", "snippet": """\
import keras
from keras import layers
inp = keras.Input(shape=(120, 3), name="signal")
x = layers.Conv1D(32, 7, strides=2, activation="relu")(inp)
x = layers.MaxPooling1D(2)(x)
x = layers.Conv1D(64, 5, activation="relu")(x)
x = layers.GlobalAveragePooling1D()(x)
cls = layers.Dense(5, activation="softmax", name="label")(x)
reg = layers.Dense(1, name="value")(x)
model = keras.Model(inputs=inp, outputs=[cls, reg])
"""},
]


def _shape(tensor_or_list):
    if isinstance(tensor_or_list, (list, tuple)) and not hasattr(tensor_or_list, "shape"):
        return [_shape(t) for t in tensor_or_list]
    return [None if d is None else int(d) for d in tensor_or_list.shape]


def _layer_record(layer, functional: bool) -> dict:
    trainable = sum(math.prod(w.shape) for w in layer.trainable_weights)
    non_trainable = sum(math.prod(w.shape) for w in layer.non_trainable_weights)
    record = {
        "name": layer.name,
        "class": layer.__class__.__name__,
        "output_shape": _shape(layer.output),
        "params": int(layer.count_params()),
        "trainable_params": int(trainable),
        "non_trainable_params": int(non_trainable),
    }
    if functional:
        node = layer._inbound_nodes[0]
        record["inputs"] = [t._keras_history.operation.name for t in node.input_tensors]
    return record


def _without_tensorflow(code: str) -> str:
    """``tensorflow.keras`` spelled as Keras 3 (the machine has no TensorFlow; the layers are the same)."""
    code = code.replace("from tensorflow.keras", "from keras").replace("from tensorflow import keras",
                                                                       "import keras")
    return code.replace("import tensorflow as tf", "import keras\nclass tf:\n    keras = keras")


def run_case(case: dict) -> dict:
    import keras

    keras.backend.clear_session()  # restart the automatic names: conv1d, conv1d_1, ...
    code = case.get("keras_code", case["snippet"])
    namespace: dict = {}
    with redirect_stdout(io.StringIO()):
        exec(compile(_without_tensorflow(code), case["id"], "exec"), namespace)  # our reference code, not pasted
    model = namespace[case.get("model_var", "model")]
    functional = model.__class__.__name__ == "Functional"
    return {
        "id": case["id"],
        "description": case["description"],
        "snippet": case["snippet"],
        "keras_code": code,
        "input_shape": case.get("input_shape"),
        "model_class": model.__class__.__name__,
        "model_name": model.name,
        "layers": [_layer_record(layer, functional) for layer in model.layers],
        "total_params": int(model.count_params()),
    }


def main() -> int:
    # Imported here, not at the top: pytest --doctest-modules imports this file without Keras.
    os.environ.setdefault("KERAS_BACKEND", "torch")
    warnings.simplefilter("ignore")
    import keras
    import torch

    cases = [run_case(case) for case in CASES]
    data = {
        "generated_by": "tests/stack/data/make_graph_summaries.py",
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "torch_version": torch.__version__,
        "python_version": platform.python_version(),
        "cases": cases,
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.name}: {len(cases)} cases, Keras {keras.__version__}, backend {keras.backend.backend()}, "
          f"torch {torch.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
