"""Admin forms of the procedures app."""

from wagtail.documents.forms import BaseDocumentForm

PERMISSION_OTHER_FORMAT = "procedures.allow_other_file_format"


class ProcedureDocumentForm(BaseDocumentForm):
    """Document upload: the file rule applies, unless the uploader may allow other formats."""

    def __init__(self, *args, **kwargs):
        user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        self.instance.allow_other_format = bool(user and user.has_perm(PERMISSION_OTHER_FORMAT))
