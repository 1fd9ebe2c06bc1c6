"""Qt-free: sessions, examples, imported inputs, autosave, generated code and the Keras-code reader."""
