#!/usr/bin/env python3
"""Checks the plan schema and plan files with Python's `jsonschema` (draft 2020-12).

Usage: jsonschema_check.py SCHEMA [DOCUMENT ...]

Called by tests/tests/external_validators.rs, as an independent second opinion on the schema
that `continuity schema` generates. Prints one JSON document to standard output:

    {"validator": "jsonschema 4.26.0", "schema_ok": true, "schema_error": null,
     "unchecked_formats": [], "documents": [{"path": "...", "valid": false,
     "errors": [{"path": "/services/0/rto", "keyword": "pattern", "message": "..."}]}]}

Exit codes: 0 the schema and every document are valid; 1 some document is invalid; 2 the
schema itself is not a valid draft 2020-12 schema, or a file could not be read as JSON.
"""

import json
import sys
from importlib.metadata import version

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from jsonschema.validators import validator_for


def formats_used(node, found):
    """Collects every `format` keyword value in the schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "format" and isinstance(value, str):
                found.add(value)
            else:
                formats_used(value, found)
    elif isinstance(node, list):
        for item in node:
            formats_used(item, found)
    return found


def pointer(parts):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    schema_path, documents = argv[1], argv[2:]
    report = {
        "validator": f"jsonschema {version('jsonschema')}",
        "schema_ok": False,
        "schema_error": None,
        "unchecked_formats": [],
        "documents": [],
    }
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)

    # The schema must declare draft 2020-12 and be valid against that draft's meta-schema.
    declared = validator_for(schema, default=None)
    if declared is not Draft202012Validator:
        report["schema_error"] = f"$schema {schema.get('$schema')!r} does not select draft 2020-12"
    else:
        try:
            Draft202012Validator.check_schema(schema)
            report["schema_ok"] = True
        except SchemaError as err:
            report["schema_error"] = f"{err.message} at {pointer(err.absolute_path)}"
    if not report["schema_ok"]:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 2

    format_checker = Draft202012Validator.FORMAT_CHECKER
    # A format without a checker passes silently: report it so that the caller can insist on
    # the optional dependencies (jsonschema[format-nongpl]) being installed.
    report["unchecked_formats"] = sorted(formats_used(schema, set()) - set(format_checker.checkers))
    validator = Draft202012Validator(schema, format_checker=format_checker)

    status = 0
    for path in documents:
        try:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
        except (OSError, ValueError) as err:
            print(f"{path}: cannot read as JSON: {err}", file=sys.stderr)
            return 2
        errors = sorted(validator.iter_errors(document), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
        report["documents"].append(
            {
                "path": path,
                "valid": not errors,
                "errors": [
                    {"path": pointer(e.absolute_path), "keyword": e.validator, "message": e.message}
                    for e in errors
                ],
            }
        )
        if errors:
            status = 1
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
