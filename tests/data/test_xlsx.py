"""openpyxl is loaded for workbooks without numpy, which it would load only for numpy's numbers;
numpy itself still loads afterwards for whoever needs it."""

from __future__ import annotations

import subprocess
import sys


def test_openpyxl_loads_without_numpy() -> None:
    code = ("import sys\nfrom reportgen.data.xlsx import openpyxl\nbook = openpyxl().Workbook()\n"
            "print('numpy' in sys.modules)\nimport numpy\nprint(numpy.__name__)\n"
            "print(openpyxl() is sys.modules['openpyxl'])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "numpy", "True"]


def test_numpy_loaded_already_stays() -> None:
    code = ("import sys, numpy\nfrom reportgen.data.xlsx import openpyxl\nopenpyxl()\n"
            "from openpyxl.compat.numbers import NUMPY\nprint(NUMPY)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["True"]
