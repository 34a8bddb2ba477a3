"""Small, valid one-page PDFs made on the spot, for documents in tests."""

_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ–„”", 'acelnoszzACELNOSZZ-""')


def one_page_pdf(lines):
    """A one-page A4 PDF showing ``lines`` in Helvetica (Polish letters simplified)."""
    text = " ".join(
        f"({line.translate(_ASCII).replace('\\\\', '').replace('(', '').replace(')', '')}) Tj "
        "0 -22 Td"
        for line in lines
    )
    stream = f"BT /F1 14 Tf 72 770 Td {text} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = "%PDF-1.4\n", []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body.encode("latin-1")))
        body += f"{number} 0 obj\n{obj}\nendobj\n"
    xref = len(body.encode("latin-1"))
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    body += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return body.encode("latin-1")
