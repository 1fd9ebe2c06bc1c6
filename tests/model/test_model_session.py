"""The session format's ``model`` block: the file, the SHA-256 of its bytes and the layer."""

from __future__ import annotations

import json

import pytest

from app.io.model_file import layer_session, model_ref_problem, open_model
from app.io.session import SessionError, parse_session_text, session_to_json
from tests.model.conftest import DATA, keras_input


def test_model_block_round_trips():
    model = open_model(DATA / "text_cnn" / "model.h5")
    session = layer_session(model, "conv1d_1", keras_input("text_cnn"))
    back = parse_session_text(session_to_json(session))
    assert back.model == session.model
    assert model_ref_problem(back.model.path, back.model.sha256) is None


@pytest.mark.parametrize(("model", "fragment"), [
    ({"path": "m.keras", "sha256": "0" * 64}, "model.layer"),
    ({"path": "m.keras", "sha256": "xyz", "layer": "c"}, "model.sha256"),
    ({"path": "", "sha256": "0" * 64, "layer": "c"}, "model.path"),
    ({"path": "m.keras", "sha256": "0" * 64, "layer": "c", "code": "run me"}, "model.code"),
    ("m.keras", "'model' must be an object"),
])
def test_bad_model_blocks_are_refused(model, fragment):
    model_obj = open_model(DATA / "text_cnn" / "model.keras")
    doc = json.loads(session_to_json(layer_session(model_obj, "conv1d", keras_input("text_cnn"))))
    doc["model"] = model
    with pytest.raises(SessionError, match=fragment.replace(".", r"\.")):
        parse_session_text(json.dumps(doc))
