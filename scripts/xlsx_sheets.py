#!/usr/bin/env python3
"""Reads XLSX workbooks with openpyxl, a reader independent of ours, and prints for each
file its sheets with every row as text: {"FILE": [{"name": ..., "rows": [[...], ...]}]}.
Used by the tests to check sheet names, headers, row counts and the absence of name columns."""
import json
import sys

import openpyxl

result = {}
for path in sys.argv[1:]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheets = []
    for sheet in workbook.worksheets:
        rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        sheets.append({"name": sheet.title, "rows": rows})
    result[path] = sheets
json.dump(result, sys.stdout, ensure_ascii=False)
