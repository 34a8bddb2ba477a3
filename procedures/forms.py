"""Admin forms of the procedures app."""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

PERMISSION_OTHER_FORMAT = "procedures.allow_other_file_format"

#: Wagtail's own messages do not name the field (and its Polish one for documents speaks
#: of an image); these replace them. Wagtail fills in the sizes.
FILE_TOO_LARGE = (
    "Plik w polu „%(label)s” ma %%(file_size)s, a może mieć najwyżej %%(max_filesize)s. "
    "Zmniejsz plik (np. zapisz skan w niższej rozdzielczości) albo podziel go na części."
)
FILE_TOO_LARGE_UNKNOWN_SIZE = (
    "Plik w polu „%(label)s” jest za duży: może mieć najwyżej %(limit)s. Zmniejsz plik "
    "albo podziel go na części."
)


def name_the_field_in_size_errors(field, label):
    field.error_messages["file_too_large"] = FILE_TOO_LARGE % {"label": label}
    field.error_messages["file_too_large_unknown_size"] = FILE_TOO_LARGE_UNKNOWN_SIZE % {
        "label": label,
        "limit": field.max_upload_size_text,
    }


class ProcedureDocumentForm(BaseDocumentForm):
    """Document upload: the file rule applies, unless the uploader may allow other formats."""

    def __init__(self, *args, **kwargs):
        user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        self.instance.allow_other_format = bool(user and user.has_perm(PERMISSION_OTHER_FORMAT))
        if "file" in self.fields:
            name_the_field_in_size_errors(self.fields["file"], "Plik")


class ProcedureImageForm(BaseImageForm):
    """Image upload: Wagtail's rules, with the size message naming the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            name_the_field_in_size_errors(self.fields["file"], "Plik")
