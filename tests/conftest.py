import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

# tests/data holds data and the scripts that regenerate it (bad/make_corpus.py, hostile/make_corpus.py,
# ...): they are not test modules, and two scripts of one name would clash under --doctest-modules.
collect_ignore_glob = ["data/*"]
