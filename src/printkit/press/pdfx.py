"""PDF/X-4 parts (output intent FOGRA39, Info, XMP, trapped) → a ReportLab document or PDF bytes.

ReportLab writes no /OutputIntents, no XMP and no GTS_PDFXVersion.
`add_pdfx_parts` gives a ReportLab document these objects before it is
written (what the press does: no second pass over the file);
`finish_pdfx` / `finish_screen` add them to finished PDF bytes with pikepdf.
Both are deterministic: the same content and date give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import uuid
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc

from printkit import __version__
from printkit.resources import asset

if TYPE_CHECKING:
    import pikepdf

__all__ = [
    "add_pdfx_parts",
    "finish_pdfx",
    "finish_screen",
    "document_date",
    "PDFX_VERSION",
    "OUTPUT_CONDITION",
]

PDFX_VERSION = "PDF/X-4"
OUTPUT_CONDITION = "FOGRA39"
OUTPUT_CONDITION_INFO = "Coated FOGRA39 (ISO 12647-2:2004)"
REGISTRY = "http://www.color.org"
PROFILE_NAME = "printkit-fogra39.icc"
PRODUCER = f"printkit {__version__} (ReportLab, pikepdf)"

# ReportLab's invariant timestamp (rl_config.invariant = 1): 2000-01-01 00:00:00 UTC.
INVARIANT_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)


def finish_pdfx(
    pdf: bytes,
    *,
    title: str,
    creator: str = "printkit",
    subject: str | None = None,
    author: str | None = None,
    date: datetime | None = None,
) -> bytes:
    """Return `pdf` as PDF/X-4 (version 1.6) with the FOGRA39 output intent.

    Every page must carry a TrimBox and a BleedBox inside its MediaBox;
    a page without them is a printkit bug and raises ValueError.
    """
    return _finish(pdf, title, creator, subject, author, date, pdfx=True)


def finish_screen(
    pdf: bytes,
    *,
    title: str,
    creator: str = "printkit",
    subject: str | None = None,
    author: str | None = None,
    date: datetime | None = None,
) -> bytes:
    """Return `pdf` with deterministic Info and XMP metadata, no output intent."""
    return _finish(pdf, title, creator, subject, author, date, pdfx=False)


def _finish(pdf: bytes, title, creator, subject, author, date, *, pdfx: bool) -> bytes:
    """PDF bytes → the same pages with fixed Info/XMP, and for PDF/X the boxes checked and intent."""
    import pikepdf  # here, not at the top: the streamed press never needs it (~35 ms)

    when = document_date(date)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        if pdfx:
            _require_print_boxes(doc)
            _set_output_intent(doc)
        _set_metadata(doc, title, creator, subject, author, when=when, pdfx=pdfx)
        return _save(doc, version="1.6" if pdfx else "")


def add_pdfx_parts(
    doc: pdfdoc.PDFDocument,
    *,
    title: str,
    creator: str = "printkit",
    subject: str | None = None,
    author: str | None = None,
    date: datetime | None = None,
    pdfx: bool = True,
    digest=None,
) -> None:
    """Give a ReportLab document deterministic Info and XMP, and for PDF/X-4 the output intent.

    Call before the document is written. `digest()` (optional) returns bytes
    that identify the content, called when the XMP is written; the XMP ids
    come from it and the metadata.
    """
    stamp = _pdf_date(document_date(date))
    entries = {
        "Title": pdfdoc.PDFString(title),
        "Creator": pdfdoc.PDFString(creator),
        "Producer": pdfdoc.PDFString(PRODUCER),
        "CreationDate": pdfdoc.PDFString(stamp),
        "ModDate": pdfdoc.PDFString(stamp),
        "Trapped": pdfdoc.PDFName("False"),
    }
    if subject:
        entries["Subject"] = pdfdoc.PDFString(subject)
    if author:
        entries["Author"] = pdfdoc.PDFString(author)
    if pdfx:
        entries["GTS_PDFXVersion"] = pdfdoc.PDFString(PDFX_VERSION)
        doc._pdfVersion = max(doc._pdfVersion, (1, 6))  # PDF/X-4 is PDF 1.6
        profile = pdfdoc.PDFStream(
            pdfdoc.PDFDictionary({"N": 4, "Alternate": pdfdoc.PDFName("DeviceCMYK")}),
            profile_bytes(),
            [pdfdoc.PDFZCompress],
        )
        intent = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("OutputIntent"),
                "S": pdfdoc.PDFName("GTS_PDFX"),
                "OutputConditionIdentifier": pdfdoc.PDFString(OUTPUT_CONDITION),
                "OutputCondition": pdfdoc.PDFString(OUTPUT_CONDITION_INFO),
                "Info": pdfdoc.PDFString(OUTPUT_CONDITION_INFO),
                "RegistryName": pdfdoc.PDFString(REGISTRY),
                "DestOutputProfile": profile,
            }
        )
        doc.Catalog.__class__ = _PDFXCatalog  # this document only
        doc.Catalog.OutputIntents = pdfdoc.PDFArray([intent])
    doc.info = _Info(entries)
    meta = dict(title=title, creator=creator, subject=subject, author=author, pdfx=pdfx)
    doc.Catalog.Metadata = _XMPStream(meta, document_date(date), stamp, digest)


class _PDFXCatalog(pdfdoc.PDFCatalog):
    """ReportLab's catalog with /OutputIntents."""

    __NoDefault__ = [*pdfdoc.PDFCatalog.__NoDefault__, "OutputIntents"]


class _Info(pdfdoc.PDFObject):
    """A document Info dictionary with exactly the given entries."""

    def __init__(self, entries: dict):
        self.entries = entries

    def format(self, document) -> bytes:
        return pdfdoc.PDFDictionary(self.entries).format(document)


class _XMPStream(pdfdoc.PDFStream):
    """The XMP metadata stream, uncompressed; its ids are made when it is written."""

    def __init__(self, meta: dict, when: datetime, stamp: str, digest):
        super().__init__(
            pdfdoc.PDFDictionary(
                {"Type": pdfdoc.PDFName("Metadata"), "Subtype": pdfdoc.PDFName("XML")}
            ),
            b"",
        )
        self.meta, self.when, self.stamp, self.digest = meta, when, stamp, digest

    def format(self, document) -> bytes:
        m = self.meta
        h = hashlib.sha256(self.digest() if self.digest else b"")
        doc_id = _document_id(h, m["title"], m["creator"], m["subject"], m["author"], self.stamp)
        self.content = _xmp(**m, when=self.when, document_id=doc_id, instance_id=doc_id).encode()
        return super().format(document)


def document_date(date: datetime | None = None) -> datetime:
    """The date written into the file: SOURCE_DATE_EPOCH, else `date`, else 2000-01-01 UTC.

    SOURCE_DATE_EPOCH (reproducible builds) wins over the product's date (the
    event data's modification time); a naive `date` is taken as UTC.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            pass
    if date is not None:
        return date if date.tzinfo else date.replace(tzinfo=timezone.utc)
    return INVARIANT_DATE


@cache
def profile_bytes() -> bytes:
    """The bundled FOGRA39 CMYK output profile."""
    return asset("icc", PROFILE_NAME).read_bytes()


def _require_print_boxes(doc: pikepdf.Pdf) -> None:
    for number, page in enumerate(doc.pages, start=1):
        boxes = {}
        for name in ("/MediaBox", "/BleedBox", "/TrimBox"):
            if name not in page.obj and name != "/MediaBox":
                raise ValueError(f"page {number} has no {name[1:]}: cannot finish as PDF/X")
            boxes[name] = _rect(page.mediabox if name == "/MediaBox" else page.obj[name])
        if not _inside(boxes["/TrimBox"], boxes["/BleedBox"]) or not _inside(
            boxes["/BleedBox"], boxes["/MediaBox"]
        ):
            raise ValueError(f"page {number}: TrimBox ⊄ BleedBox ⊄ MediaBox: {boxes}")


def _rect(box) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _inside(inner, outer, eps: float = 0.01) -> bool:
    return (
        inner[0] >= outer[0] - eps
        and inner[1] >= outer[1] - eps
        and inner[2] <= outer[2] + eps
        and inner[3] <= outer[3] + eps
    )


def _set_output_intent(doc: pikepdf.Pdf) -> None:
    import pikepdf  # here, not at the top: the streamed press never needs it (~35 ms)

    profile = pikepdf.Stream(doc, profile_bytes())
    profile.N = 4
    profile.Alternate = pikepdf.Name.DeviceCMYK
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier=pikepdf.String(OUTPUT_CONDITION),
        OutputCondition=pikepdf.String(OUTPUT_CONDITION_INFO),
        Info=pikepdf.String(OUTPUT_CONDITION_INFO),
        RegistryName=pikepdf.String(REGISTRY),
        DestOutputProfile=profile,
    )
    doc.Root.OutputIntents = pikepdf.Array([doc.make_indirect(intent)])


def _set_metadata(doc, title, creator, subject, author, *, when: datetime, pdfx: bool) -> None:
    import pikepdf  # here, not at the top: the streamed press never needs it (~35 ms)

    stamp = _pdf_date(when)
    info = pikepdf.Dictionary(
        Title=pikepdf.String(title),
        Creator=pikepdf.String(creator),
        Producer=pikepdf.String(PRODUCER),
        CreationDate=pikepdf.String(stamp),
        ModDate=pikepdf.String(stamp),
        Trapped=pikepdf.Name("/False"),
    )
    if subject:
        info.Subject = pikepdf.String(subject)
    if author:
        info.Author = pikepdf.String(author)
    if pdfx:
        info.GTS_PDFXVersion = pikepdf.String(PDFX_VERSION)
    doc.trailer.Info = doc.make_indirect(info)

    digest = hashlib.sha256()
    for page in doc.pages:
        for stream in _content_streams(page):
            digest.update(stream.read_bytes())
    doc_id = _document_id(digest, title, creator, subject, author, stamp)
    xmp = _xmp(
        title=title,
        creator=creator,
        subject=subject,
        author=author,
        when=when,
        pdfx=pdfx,
        document_id=doc_id,
        instance_id=doc_id,
    )
    meta = pikepdf.Stream(doc, xmp.encode("utf-8"))
    meta.Type = pikepdf.Name.Metadata
    meta.Subtype = pikepdf.Name.XML
    doc.Root.Metadata = doc.make_indirect(meta)


def _document_id(h, title, creator, subject, author, stamp: str) -> str:
    """A content hash plus the metadata → the XMP id `uuid:...`: stable, nothing random.

    The uuid only carries version-4 bits so readers accept it; its bytes are the hash.
    """
    h.update(f"{title}\0{creator}\0{subject}\0{author}\0{stamp}".encode())
    return f"uuid:{uuid.UUID(bytes=h.digest()[:16], version=4)}"


def _content_streams(page: pikepdf.Page):
    import pikepdf  # here, not at the top: the streamed press never needs it (~35 ms)

    contents = page.obj.get("/Contents")
    if contents is None:
        return []
    if isinstance(contents, pikepdf.Array):
        return list(contents)
    return [contents]


def _save(doc: pikepdf.Pdf, *, version: str) -> bytes:
    # ReportLab's invariant mode writes the same /ID into every file; qpdf would keep
    # its first half. Drop it so both halves are a hash of this file's content.
    if "/ID" in doc.trailer:
        del doc.trailer.ID
    out = io.BytesIO()
    doc.save(
        out,
        min_version=version,
        force_version=version,
        fix_metadata_version=False,
        deterministic_id=True,
        compress_streams=True,  # qpdf leaves the XMP stream uncompressed
    )
    return out.getvalue()


def _pdf_date(when: datetime) -> str:
    """datetime → PDF date string `D:YYYYMMDDHHmmSS+HH'mm'`."""
    offset = when.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hh, mm = divmod(abs(minutes), 60)
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{hh:02d}'{mm:02d}'"


def _xmp_date(when: datetime) -> str:
    return when.isoformat(timespec="seconds").replace("+00:00", "Z")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _x(text: str) -> str:
    """Text → XML character data: escaped, characters XML 1.0 forbids dropped."""
    return escape(_NOT_XML.sub("", text))


def _xmp(*, title, creator, subject, author, when, pdfx, document_id, instance_id) -> str:
    date = _xmp_date(when)
    t, c = _x(title), _x(creator)
    who = (
        f"<dc:creator><rdf:Seq><rdf:li>{_x(author)}</rdf:li></rdf:Seq></dc:creator>"
        if author
        else ""
    )
    description = (
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_x(subject)}</rdf:li>'
        "</rdf:Alt></dc:description>"
        if subject
        else ""
    )
    pdfx_line = f"<pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion>" if pdfx else ""
    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>
   {who}
   {description}
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmp:CreatorTool>{c}</xmp:CreatorTool>
   <pdf:Producer>{_x(PRODUCER)}</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>{document_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>{instance_id}</xmpMM:InstanceID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   {pdfx_line}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""
    body = "\n".join(line for line in body.split("\n") if line.strip()) + "\n"
    padding = (" " * 99 + "\n") * 20
    return body + padding + '<?xpacket end="w"?>'
