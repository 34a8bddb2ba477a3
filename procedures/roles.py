"""The roles of Order No. 734/2023 as Django groups, and what each may do.

Created by migrations so every install has them (0003, then 0004 and later for what
was added). Page permissions are granted on the root page; editors are narrowed to their
own departments by :mod:`procedures.models.permissions`.
"""

EDITORS = "Redaktorzy komórek"
MODERATORS = "Moderatorzy Oddziału ds. Procedur"
CALL_CENTER = "Agenci Call Center"
CALL_CENTER_HEADS = "Kierownictwo Call Center"
PROCEDURES_OFFICE_HEADS = "Kierownictwo Oddziału ds. Procedur"

RESTRICTED = ("procedures", "change_restricted_fields")
CC_OTHER = ("procedures", "change_cc_other")
OTHER_FORMAT = ("procedures", "allow_other_file_format")
ADMIN_ACCESS = ("wagtailadmin", "access_admin")
ANY_DEPARTMENT = ("procedures", "edit_any_department")

#: group → (model permissions as (app_label, codename), page permission codenames)
ROLES = {
    EDITORS: ([ADMIN_ACCESS], ["add_page", "change_page"]),
    MODERATORS: (
        [ADMIN_ACCESS, RESTRICTED, CC_OTHER, OTHER_FORMAT, ANY_DEPARTMENT],
        ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ),
    CALL_CENTER: ([ADMIN_ACCESS, CC_OTHER], []),
    CALL_CENTER_HEADS: ([ADMIN_ACCESS, CC_OTHER], []),
    PROCEDURES_OFFICE_HEADS: (
        [ADMIN_ACCESS, RESTRICTED, CC_OTHER, OTHER_FORMAT, ANY_DEPARTMENT],
        ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ),
}

#: Documents: everyone who writes procedures may add and choose files.
# Wagtail checks document permissions against wagtaildocs.Document, even for a custom model.
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]
DOCUMENT_ROLES = (EDITORS, MODERATORS, PROCEDURES_OFFICE_HEADS)

#: Groups whose members confirm each login with a one-time code (procedures.logins): they
#: publish, read restricted fields or lead those who do. Department editors may opt in.
TWO_FACTOR_GROUPS = (MODERATORS, CALL_CENTER, CALL_CENTER_HEADS, PROCEDURES_OFFICE_HEADS)
