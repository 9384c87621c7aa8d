"""XLIFF 2.0 and 1.2 documents: segments with inline codes, built and read back.

Pure code: no models, no database. articles/xliff_export.py turns articles into a
Document and articles/xliff_import.py turns a parsed Document into pending changes.

A segment's content is a tuple of text and Code items. A Code stands for a piece of markup
the translator must keep but not see as text: the opening and closing tags of <strong>,
<em> or <a href=…> (a pair sharing one id) and a <br> (standalone). In XLIFF 2.0 a pair is
a <pc> and a standalone code a <ph>, with the original markup in <originalData>; in 1.2
they are <g> and <x>. The markup written back is always the one of the current source
segment with the same id (never the file's), so an imported file cannot bring markup of
its own into a body.

An article body is segmented per block: each paragraph, heading, list item and quoted
paragraph is one segment; the placement references (<figure data-placement>) and the
nesting of lists and quotes are structure the body is rebuilt around (body_rebuild).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from django.utils.translation import gettext as _
from lxml import etree

NS20 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
# Translation candidates (XLIFF 2.0's "mtc" module): where translation memory offers a match.
NS_MTC = "urn:oasis:names:tc:xliff:matches:2.0"
# Our own attribute on a 2.0 unit: the hash of the source it was exported from. The core
# schema admits other namespaces' attributes on <unit>; 1.2's strict schema does not, so
# there the hash is the trans-unit's `extradata`.
NS_NEWSROOM = "urn:x-newsroom:xliff"
HASH_ATTRIBUTE = f"{{{NS_NEWSROOM}}}source-hash"
HASH_PREFIX = "sha256:"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

SCHEMAS = Path(__file__).resolve().parent / "schemas"
VERSIONS = ("2.0", "1.2")

# Leaf blocks hold text; containers hold blocks. What is neither is inline markup.
CONTAINERS = {"ul", "ol", "blockquote", "li", "div", "section"}
LEAVES = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre"}
STRUCTURE = {"figure"}  # placement references: kept where they are, never translated
VOID = {"br", "hr", "img", "wbr"}
# How XLIFF names the common inline codes (2.0 subType, 1.2 ctype).
SUBTYPES = {"strong": "xlf:b", "b": "xlf:b", "em": "xlf:i", "i": "xlf:i", "u": "xlf:u"}
CTYPES = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "u": "underlined"}


class XliffError(ValueError):
    """A file that is not XML, not XLIFF 2.0 or 1.2, or fails the OASIS schema."""


@dataclass(frozen=True)
class Code:
    """An inline code: `kind` "open", "close" or "empty"; an open and its close share `id`.

    `name` and `markup` (the element's name and its tag as stored) are known for a
    source segment; codes read from a translated file carry only kind and id.
    """

    kind: str
    id: str
    name: str = ""
    markup: str = ""


Content = tuple  # of str and Code


@dataclass(frozen=True)
class Suggestion:
    """A translation offered for a unit (translation memory), with where it comes from."""

    text: str
    origin: str


@dataclass(frozen=True)
class Unit:
    """One translatable text: its source, its target (None: not translated) and state."""

    id: str
    source: Content
    target: Content | None = None
    state: str = "initial"  # 2.0 states: initial, translated, reviewed, final
    source_hash: str = ""
    note: str = ""
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True)
class File:
    """One article's units (a <file>), with its own source language."""

    id: str
    source_language: str
    units: tuple[Unit, ...]
    original: str = ""


@dataclass(frozen=True)
class Document:
    target_language: str
    files: tuple[File, ...]
    version: str = "2.0"
    source_languages: tuple[str, ...] = field(default=())


# -- Content --


def plain(text: str) -> Content:
    """The content of a plain-text field (a title, a caption)."""
    return (text,) if text else ()


def text_of(content: Content) -> str:
    """The text of a content without its codes (what a translator reads)."""
    return "".join(item for item in content if isinstance(item, str))


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def normalized(content: Content | None) -> tuple:
    """Content compared as HTML renders it: whitespace runs are one space, codes by id
    (and markup when known). A tool that reflows whitespace has changed nothing."""
    if content is None:
        return ()
    items, text = [], ""
    for item in content:
        if isinstance(item, str):
            text += item
            continue
        items.append(text)
        items.append((item.kind, item.id))
        text = ""
    items.append(text)
    joined = []
    for index, item in enumerate(items):
        if isinstance(item, str):
            item = re.sub(r"\s+", " ", item)
            if index == 0:
                item = item.lstrip()
            if index == len(items) - 1:
                item = item.rstrip()
        joined.append(item)
    return tuple(joined)


def content_hash(content: Content) -> str:
    """A short, stable fingerprint of a source segment (text and markup, whitespace
    normalized): the import compares it to tell whether the source changed since export."""
    parts = []
    for item in content:
        parts.append(_normal(item) if isinstance(item, str) else f"\x00{item.markup}\x00")
    digest = hashlib.sha256("".join(parts).strip().encode()).hexdigest()[:20]
    return HASH_PREFIX + digest


def code_problems(source: Content, target: Content) -> list[str]:
    """What is wrong with the target's inline codes against the source's: missing, extra
    or reordered paired codes, missing or extra standalone ones. Empty when they match."""
    problems = []
    source_pairs = [(c.kind, c.id) for c in source if isinstance(c, Code) and c.kind != "empty"]
    target_pairs = [(c.kind, c.id) for c in target if isinstance(c, Code) and c.kind != "empty"]
    source_ids = {i for _k, i in source_pairs}
    target_ids = {i for _k, i in target_pairs}
    if missing := sorted(source_ids - target_ids):
        problems.append(_("missing formatting codes %(ids)s") % {"ids": ", ".join(missing)})
    if extra := sorted(target_ids - source_ids):
        problems.append(_("formatting codes not in the source %(ids)s") % {"ids": ", ".join(extra)})
    if not missing and not extra and source_pairs != target_pairs:
        problems.append(_("formatting codes in another order or nesting than the source"))
    source_empty = sorted(c.id for c in source if isinstance(c, Code) and c.kind == "empty")
    target_empty = sorted(c.id for c in target if isinstance(c, Code) and c.kind == "empty")
    if source_empty != target_empty:
        problems.append(_("line breaks or other placeholders differ from the source"))
    return problems


def with_markup(source: Content, target: Content, current: Content = ()) -> Content:
    """The target with each code's markup taken from the source code of the same id, or
    from the current translation's when it has the same element there (a translated
    link keeps the address the translator gave it)."""
    known = {(c.kind, c.id): c for c in source if isinstance(c, Code)}
    for code in current:
        if isinstance(code, Code):
            same = known.get((code.kind, code.id))
            if same is not None and same.name == code.name:
                known[(code.kind, code.id)] = code
    return tuple(
        known.get((item.kind, item.id), item) if isinstance(item, Code) else item for item in target
    )


def _escape_text(text: str) -> str:
    # As nh3 serializes text, so a rebuilt body reads like a sanitized one.
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\xa0", "&nbsp;")
    )


def to_html(content: Content) -> str:
    """The HTML of a segment (text escaped, codes as their markup)."""
    return "".join(_escape_text(item) if isinstance(item, str) else item.markup for item in content)


def to_text(content: Content) -> str:
    """The plain text of a segment of a plain-text field (codes dropped)."""
    return text_of(content)


# -- Bodies --


@dataclass
class _Node:
    tag: str
    start: str  # the start tag as written
    children: list = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("", "")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, self.get_starttag_text())
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Node(tag, self.get_starttag_text()))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _tree(html: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(html or "")
    builder.close()
    return builder.root


def _is_block(node) -> bool:
    return isinstance(node, _Node) and (node.tag in CONTAINERS | LEAVES | STRUCTURE)


def _is_leaf(node: _Node) -> bool:
    return node.tag in LEAVES and not any(_is_block(child) for child in node.children)


def _inline(node: _Node) -> Content:
    """The content of a leaf block: text, and a code per inline element."""
    items: list = []
    counter = [0]

    def walk(children):
        for child in children:
            if isinstance(child, str):
                items.append(child)
            elif child.tag in VOID:
                counter[0] += 1
                items.append(Code("empty", str(counter[0]), child.tag, child.start))
            else:
                counter[0] += 1
                code_id = str(counter[0])
                items.append(Code("open", code_id, child.tag, child.start))
                walk(child.children)
                items.append(Code("close", code_id, child.tag, f"</{child.tag}>"))

    walk(node.children)
    return tuple(items)


def _translatable(content: Content) -> bool:
    return bool(text_of(content).strip())


def _serialize(node, leaf_html) -> str:
    """The HTML of `node`; `leaf_html(node)` gives each translatable leaf's (None: drop)."""
    if isinstance(node, str):
        return _escape_text(node)
    if _is_leaf(node) and _translatable(_inline(node)):
        inner = leaf_html(node)
        return "" if inner is None else f"{node.start}{inner}</{node.tag}>"
    inner = "".join(_serialize(child, leaf_html) for child in node.children)
    if not node.tag:
        return inner
    if node.tag in VOID:
        return node.start
    if node.tag in CONTAINERS and node.children and not inner.strip():
        return ""  # a list or quote whose every item was dropped
    return f"{node.start}{inner}</{node.tag}>"


def _leaves(node) -> list[_Node]:
    if isinstance(node, str):
        return []
    if _is_leaf(node):
        return [node] if _translatable(_inline(node)) else []
    return [leaf for child in node.children for leaf in _leaves(child)]


def body_segments(html: str) -> list[Content]:
    """The translatable blocks of a body, in order: one content per paragraph, heading,
    list item or quoted paragraph that has text."""
    return [_inline(leaf) for leaf in _leaves(_tree(html))]


def body_shape(html: str) -> list[str]:
    """The tag path of each translatable block ("ul/li/p"): two bodies whose shapes are
    equal have their blocks in the same places, so block N translates block N."""
    shapes = []

    def walk(node, path):
        if isinstance(node, str):
            return
        here = [*path, node.tag] if node.tag else path
        if _is_leaf(node):
            if _translatable(_inline(node)):
                shapes.append("/".join(here))
            return
        for child in node.children:
            walk(child, here)

    walk(_tree(html), [])
    return shapes


def body_rebuild(source_html: str, contents: list[Content | None]) -> str:
    """The source body's structure with block N's text replaced by contents[N] (None: the
    block is left out). Placement references, lists and quotes stay as the source has them."""
    leaves = iter(contents)

    def leaf_html(_node):
        content = next(leaves, None)
        return None if content is None else to_html(content)

    return _serialize(_tree(source_html), leaf_html)


# -- Writing --


def _sub(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, tag, {k: v for k, v in attributes.items() if v})
    if text:
        element.text = str(text)
    return element


def _append_text(element, text):
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _content_20(element, content: Content, data_ids: dict[str, str]) -> None:
    stack = [element]
    for item in content:
        if isinstance(item, str):
            _append_text(stack[-1], item)
        elif item.kind == "empty":
            attributes = {"id": item.id, "dataRef": data_ids.get(item.markup)}
            if item.name == "br":
                attributes.update(type="fmt", subType="xlf:lb")
            _sub(stack[-1], f"{{{NS20}}}ph", **attributes)
        elif item.kind == "open":
            attributes = {"id": item.id, "dataRefStart": data_ids.get(item.markup)}
            if subtype := SUBTYPES.get(item.name):
                attributes.update(type="fmt", subType=subtype)
            elif item.name == "a":
                attributes.update(type="link")
            pc = _sub(stack[-1], f"{{{NS20}}}pc", **attributes)
            stack.append(pc)
        else:
            pc = stack.pop()
            if item.markup and item.markup in data_ids:
                pc.set("dataRefEnd", data_ids[item.markup])


def _build_20(document: Document) -> etree._Element:
    languages = {f.source_language for f in document.files}
    if len(languages) > 1:
        raise XliffError(
            _("XLIFF 2.0 holds one source language per file; these articles are written in %s.")
            % ", ".join(sorted(languages))
        )
    source_language = languages.pop() if languages else (document.source_languages or ("en",))[0]
    root = etree.Element(
        f"{{{NS20}}}xliff",
        nsmap={None: NS20, "nr": NS_NEWSROOM, "mtc": NS_MTC},
        version="2.0",
        srcLang=source_language,
        trgLang=document.target_language,
    )
    for file in document.files:
        file_element = _sub(
            root, f"{{{NS20}}}file", id=file.id, original=file.original, canResegment="no"
        )
        for unit in file.units:
            unit_element = _sub(file_element, f"{{{NS20}}}unit", id=unit.id)
            unit_element.set(HASH_ATTRIBUTE, unit.source_hash)
            if unit.suggestions:
                matches = _sub(unit_element, f"{{{NS_MTC}}}matches")
                for n, suggestion in enumerate(unit.suggestions, 1):
                    # Translation memory matches are exact (same text, whitespace aside).
                    match = _sub(
                        matches,
                        f"{{{NS_MTC}}}match",
                        id=f"m{n}",
                        ref="#s1",
                        type="tm",
                        matchQuality="100",
                        origin=suggestion.origin,
                    )
                    _sub(match, f"{{{NS20}}}source", text_of(unit.source))
                    _sub(match, f"{{{NS20}}}target", suggestion.text)
            if unit.note:
                notes = _sub(unit_element, f"{{{NS20}}}notes")
                _sub(notes, f"{{{NS20}}}note", unit.note, category="location")
            data_ids: dict[str, str] = {}
            for item in unit.source:
                if isinstance(item, Code) and item.markup not in data_ids:
                    data_ids[item.markup] = f"d{len(data_ids) + 1}"
            if data_ids:
                original = _sub(unit_element, f"{{{NS20}}}originalData")
                for markup, data_id in data_ids.items():
                    _sub(original, f"{{{NS20}}}data", markup, id=data_id)
            segment = _sub(unit_element, f"{{{NS20}}}segment", id="s1", state=unit.state)
            source = _sub(segment, f"{{{NS20}}}source")
            source.set(XML_SPACE, "preserve")
            _content_20(source, unit.source, data_ids)
            if unit.target is not None:
                target = _sub(segment, f"{{{NS20}}}target")
                target.set(XML_SPACE, "preserve")
                _content_20(target, unit.target, data_ids)
    return root


def _content_12(element, content: Content) -> None:
    stack = [element]
    for item in content:
        if isinstance(item, str):
            _append_text(stack[-1], item)
        elif item.kind == "empty":
            ctype = "lb" if item.name == "br" else f"x-html-{item.name or 'code'}"
            _sub(stack[-1], f"{{{NS12}}}x", id=item.id, ctype=ctype)
        elif item.kind == "open":
            ctype = CTYPES.get(item.name) or ("link" if item.name == "a" else None)
            ctype = ctype or f"x-html-{item.name or 'code'}"
            stack.append(_sub(stack[-1], f"{{{NS12}}}g", id=item.id, ctype=ctype))
        else:
            stack.pop()


STATES_12 = {
    "initial": "needs-translation",
    "translated": "translated",
    "reviewed": "signed-off",
    "final": "final",
}


def _build_12(document: Document) -> etree._Element:
    root = etree.Element(f"{{{NS12}}}xliff", nsmap={None: NS12}, version="1.2")
    for file in document.files:
        file_element = _sub(
            root,
            f"{{{NS12}}}file",
            original=file.original or file.id,
            datatype="html",
            **{"source-language": file.source_language},
        )
        file_element.set("target-language", document.target_language)
        body = _sub(file_element, f"{{{NS12}}}body")
        for unit in file.units:
            trans_unit = _sub(body, f"{{{NS12}}}trans-unit", id=unit.id, extradata=unit.source_hash)
            trans_unit.set(XML_SPACE, "preserve")
            _content_12(_sub(trans_unit, f"{{{NS12}}}source"), unit.source)
            if unit.target is not None:
                target = _sub(trans_unit, f"{{{NS12}}}target", state=STATES_12[unit.state])
                _content_12(target, unit.target)
            for suggestion in unit.suggestions:
                alt = _sub(
                    trans_unit,
                    f"{{{NS12}}}alt-trans",
                    origin=suggestion.origin,
                    **{"match-quality": "100"},
                )
                _sub(alt, f"{{{NS12}}}source", text_of(unit.source))
                _sub(alt, f"{{{NS12}}}target", suggestion.text)
            if unit.note:
                _sub(trans_unit, f"{{{NS12}}}note", unit.note, **{"from": "newsroom"})
    return root


def build(document: Document, version: str = "2.0") -> bytes:
    """The document as an XLIFF file of `version` ("2.0" or "1.2"), UTF-8 bytes."""
    if version not in VERSIONS:
        raise XliffError(_("Unknown XLIFF version %s.") % version)
    root = _build_20(document) if version == "2.0" else _build_12(document)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# -- Reading --


class _LocalSchemas(etree.Resolver):
    """The XLIFF schemas import the W3C's xml.xsd by address: use the local copy."""

    def resolve(self, url, pubid, context):
        if url and url.endswith("xml.xsd"):
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
        return None


@cache
def schema(version: str) -> etree.XMLSchema:
    """The OASIS schema of XLIFF `version`, loaded from articles/schemas/ (offline)."""
    name = "xliff_core_2.0.xsd" if version == "2.0" else "xliff-core-1.2-strict.xsd"
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name), parser))


def _safe_parser():
    # No DTDs, no entities, no network: a file from outside cannot make us read anything.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def validate(data: bytes) -> tuple[str, etree._Element]:
    """(version, root) of an XLIFF file, after checking it against its OASIS schema.

    Raises XliffError (with the first problems, line numbers included) otherwise.
    """
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as error:
        raise XliffError(_("The file is not well-formed XML: %s") % error) from error
    if root.tag == f"{{{NS20}}}xliff":
        version = "2.0"
    elif root.tag == f"{{{NS12}}}xliff":
        version = "1.2"
    else:
        raise XliffError(_("The file is not XLIFF 2.0 or 1.2."))
    if version == "2.0":
        # translate-toolkit (3.20) writes xml:space="preserve" on each <segment> it
        # translates, which the 2.0 schema allows only on <unit> and above. The one
        # deviation tolerated: segments are compared with whitespace normalized anyway.
        for segment in root.iter(f"{{{NS20}}}segment"):
            segment.attrib.pop(XML_SPACE, None)
    xsd = schema(version)
    if not xsd.validate(root):
        errors = "; ".join(f"{e.line}: {e.message}" for e in list(xsd.error_log)[:3])
        raise XliffError(
            _("The file is not valid XLIFF %(version)s: %(errors)s")
            % {"version": version, "errors": errors}
        )
    return version, root


def _read_20(element, starts: dict[str, str] | None = None) -> Content:
    items: list = []
    _append(items, element.text)
    for child in element:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "pc":
            items.append(Code("open", child.get("id", "")))
            items.extend(_read_20(child))
            items.append(Code("close", child.get("id", "")))
        elif tag == "ph":
            items.append(Code("empty", child.get("id", "")))
        elif tag == "sc":
            items.append(Code("open", child.get("id", "")))
        elif tag == "ec":
            items.append(Code("close", child.get("startRef") or child.get("id", "")))
        elif tag == "cp":
            items.append(chr(int(child.get("hex", "20"), 16)))
        elif tag in ("mrk", "sm", "em"):
            items.extend(_read_20(child))
        _append(items, child.tail)
    return tuple(items)


def _read_12(element) -> Content:
    items: list = []
    _append(items, element.text)
    for child in element:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "g":
            items.append(Code("open", child.get("id", "")))
            items.extend(_read_12(child))
            items.append(Code("close", child.get("id", "")))
        elif tag in ("x", "ph", "it"):
            items.append(Code("empty", child.get("id", "")))
        elif tag in ("bx", "bpt"):
            items.append(Code("open", child.get("rid") or child.get("id", "")))
        elif tag in ("ex", "ept"):
            items.append(Code("close", child.get("rid") or child.get("id", "")))
        elif tag == "mrk":
            items.extend(_read_12(child))
        _append(items, child.tail)
    return tuple(items)


def _append(items, text):
    if text:
        if items and isinstance(items[-1], str):
            items[-1] += text
        else:
            items.append(text)


def _join(parts: list[Content]) -> Content:
    items: list = []
    for part in parts:
        for item in part:
            if isinstance(item, str):
                _append(items, item)
            else:
                items.append(item)
    return tuple(items)


def _parse_20(root) -> Document:
    ns = {"x": NS20}
    files = []
    for file_element in root.findall("x:file", ns):
        units = []
        for unit in file_element.iter(f"{{{NS20}}}unit"):
            sources, targets, states = [], [], []
            for part in unit:
                if etree.QName(part).localname not in ("segment", "ignorable"):
                    continue
                sources.append(_read_20(part.find("x:source", ns)))
                target = part.find("x:target", ns)
                targets.append(None if target is None else _read_20(target))
                states.append(part.get("state", "initial"))
            given = [t for t in targets if t is not None]
            units.append(
                Unit(
                    id=unit.get("id"),
                    source=_join(sources),
                    target=_join(
                        [t if t is not None else s for s, t in zip(sources, targets, strict=True)]
                    )
                    if given
                    else None,
                    state=states[0] if states else "initial",
                    source_hash=unit.get(HASH_ATTRIBUTE, ""),
                )
            )
        files.append(
            File(
                id=file_element.get("id"),
                source_language=root.get("srcLang"),
                units=tuple(units),
                original=file_element.get("original", ""),
            )
        )
    return Document(
        target_language=root.get("trgLang") or "",
        files=tuple(files),
        version="2.0",
        source_languages=(root.get("srcLang"),),
    )


STATES_FROM_12 = {value: key for key, value in STATES_12.items()}


def _parse_12(root) -> Document:
    ns = {"x": NS12}
    files, targets = [], set()
    for file_element in root.findall("x:file", ns):
        targets.add(file_element.get("target-language") or "")
        units = []
        for trans_unit in file_element.iter(f"{{{NS12}}}trans-unit"):
            target = trans_unit.find("x:target", ns)
            units.append(
                Unit(
                    id=trans_unit.get("id"),
                    source=_read_12(trans_unit.find("x:source", ns)),
                    target=None if target is None else _read_12(target),
                    state=STATES_FROM_12.get(
                        target.get("state", "") if target is not None else "", "translated"
                    ),
                    source_hash=trans_unit.get("extradata", ""),
                )
            )
        files.append(
            File(
                id=file_element.get("original"),
                source_language=file_element.get("source-language"),
                units=tuple(units),
                original=file_element.get("original"),
            )
        )
    if len(targets) > 1:
        raise XliffError(
            _("The file mixes target languages (%s); one language per file.")
            % ", ".join(sorted(t or "?" for t in targets))
        )
    return Document(
        target_language=targets.pop() if targets else "",
        files=tuple(files),
        version="1.2",
        source_languages=tuple(sorted({f.source_language for f in files})),
    )


def parse(data: bytes) -> Document:
    """Read an XLIFF 2.0 or 1.2 file (validated against its schema first)."""
    version, root = validate(data)
    return _parse_20(root) if version == "2.0" else _parse_12(root)
