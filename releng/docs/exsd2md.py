#!/usr/bin/env python3
"""Regenerates docs/extension-points.md from every bundles/*/schema/*.exsd, so the
extension point reference never drifts from the schemas. Run from anywhere:
    python3 releng/docs/exsd2md.py"""
import glob, os, xml.etree.ElementTree as ET

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
XS = "{http://www.w3.org/2001/XMLSchema}"

def text(el):
    return " ".join((el.text or "").split()) if el is not None else ""

out = ["# Extension point reference", "",
       "Generated from the schemas by `releng/docs/exsd2md.py`; do not edit by hand.", ""]
for path in sorted(glob.glob(os.path.join(root, "bundles", "*", "schema", "*.exsd"))):
    tree = ET.parse(path).getroot()
    meta = tree.find(f"{XS}annotation/{XS}appInfo/{XS}meta.schema")
    point = f'{meta.get("plugin")}.{meta.get("id")}'
    out += [f"## `{point}`: {meta.get('name')}", "", text(tree.find(f"{XS}annotation/{XS}documentation")), ""]
    for el in tree.findall(f"{XS}element"):
        if el.get("name") == "extension":
            continue
        out += [f"Element `<{el.get('name')}>`: {text(el.find(f'{XS}annotation/{XS}documentation'))}", "",
                "| attribute | required | meaning |", "| --- | --- | --- |"]
        for a in el.findall(f"{XS}complexType/{XS}attribute"):
            doc = text(a.find(f"{XS}annotation/{XS}documentation"))
            ma = a.find(f"{XS}annotation/{XS}appInfo/{XS}meta.attribute")
            if ma is not None and ma.get("basedOn"):
                doc += f" Implements `{ma.get('basedOn').lstrip(':')}`."
            out.append(f"| `{a.get('name')}` | {'yes' if a.get('use') == 'required' else 'no'} | {doc} |")
        out.append("")
    for ann in tree.findall(f"{XS}annotation"):
        sec = ann.find(f"{XS}appInfo/{XS}meta.section")
        if sec is None:
            continue
        doc = ann.find(f"{XS}documentation")
        body = "".join(doc.itertext()).strip() if doc is not None else ""
        if sec.get("type") == "examples":
            out += ["Example:", "", "```xml", body, "```", ""]
        elif sec.get("type") == "apiinfo":
            out += [f"API: {' '.join(body.split())}", ""]
with open(os.path.join(root, "docs", "extension-points.md"), "w") as f:
    f.write("\n".join(out) + "\n")
print("wrote docs/extension-points.md")
