"""Run by a Python that has LibreOffice's uno module (not the project's): open a .docx in
LibreOffice, Accept All / Reject All tracked changes, print the count of tracked changes and
the body's paragraphs of each result (tables left out) as JSON; given OUT_DIR, save each
result there as a .docx too (accept.docx, reject.docx), so that a redline with tables can be
read back, cell by cell, by reportgen itself.

    python3 lo_tracked.py FILE.docx [OUT_DIR]
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _property(name: str, value: object) -> PropertyValue:
    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


def main(path: str, out: str | None = None) -> None:
    profile = tempfile.mkdtemp()
    pipe = "reportgen" + uuid.uuid4().hex
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(600):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 - not listening yet
                time.sleep(0.1)
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        result = {}
        for action in ("Accept", "Reject"):
            url = uno.systemPathToFileUrl(os.path.abspath(path))
            document = desktop.loadComponentFromURL(url, "_blank", 0,
                                                    (_property("Hidden", True),))
            result["redlines"] = document.getRedlines().getCount()
            dispatcher.executeDispatch(document.getCurrentController().getFrame(),
                                       f".uno:{action}AllTrackedChanges", "", 0, ())
            paragraphs = []
            walk = document.getText().createEnumeration()
            while walk.hasMoreElements():
                element = walk.nextElement()
                if element.supportsService("com.sun.star.text.Paragraph"):  # not a table
                    paragraphs.append(element.getString())
            result[action.lower()] = paragraphs
            if out is not None:
                target = os.path.abspath(os.path.join(out, f"{action.lower()}.docx"))
                document.storeToURL(uno.systemPathToFileUrl(target),
                                    (_property("FilterName", "MS Word 2007 XML"),))
            document.close(True)
        print(json.dumps(result, ensure_ascii=False))
    finally:
        office.terminate()
        office.wait(30)


if __name__ == "__main__":
    main(*sys.argv[1:3])
