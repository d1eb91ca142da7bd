"""manifest.js, the manifest as a data script the dashboard loads (it works from file://)."""

from __future__ import annotations

import json
import re

from mkdocs_sremgr.manifest import manifest_script


def test_manifest_script_holds_the_same_json_and_cannot_close_a_tag() -> None:
    data = {"checklists": [{"id": "a", "title": "</script><b>é \u2028"}], "storage_key": "k"}
    text = manifest_script(json.dumps(data, ensure_ascii=False))
    match = re.fullmatch(r"window\.sremgrManifest=JSON\.parse\((.*)\);\n", text, flags=re.DOTALL)
    assert match, text
    assert "</" not in text
    assert json.loads(json.loads(match.group(1))) == data
