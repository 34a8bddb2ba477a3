"""``manage.py seed_demo``: a complete demo site, safe to run again.

Everything is matched by a natural key (slug, name, procedure code, username), so a second
run creates nothing and leaves what editors changed in the meantime alone. The only thing it
resets is the demo accounts' password, so the printed one always works, except the
administrator's: that account gets a random password when it is created (printed once) and
is never reset to a published one.

Accounts that must confirm logins with a one-time code (procedures.logins) get a TOTP
device; their secrets are printed, and ``manage.py demo_code <username>`` prints the
current code. The command refuses to run unless ``DEMO_DATA_ALLOWED`` is on (development
and test settings only).
"""

import secrets
from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage
from procedures import demo_data
from procedures.demo_files import sample_form
from procedures.demo_requests import seed_update_requests
from procedures.links import agree_with_base_url
from procedures.logins.two_factor import demo_device, requires_two_factor, secret_of
from procedures.models import (
    Category,
    Department,
    EFormPlatform,
    ElectronicAction,
    Employee,
    InformationAuthor,
    LegalActKind,
    Office,
    OrganisationalUnit,
    ProcedureIndexPage,
    ProcedurePage,
    RelatedProcedure,
    UsefulInfo,
)
from procedures.rich_text import canonicalise
from procedures.stream_data import (
    STAMP_DUTY_ACCOUNT,
    appeal_text,
    booking,
    channel,
    document,
    faq_item,
    fee,
    legal_act,
    marker,
    step,
)
from procedures.text import slugify_pl
from procedures.workflow.scheduling import unpublish_expired

SLUG_MAX = 80

VOCABULARY_LABELS = {
    UsefulInfo: "vocabulary: useful info",
    ElectronicAction: "vocabulary: electronic actions",
    EFormPlatform: "vocabulary: e-service platforms",
    LegalActKind: "vocabulary: legal act kinds",
}


def canonical(page):
    """``page`` with its rich text and StreamFields as the editor saves them (see
    procedures.rich_text), so saving it unchanged in the admin shows no change."""
    canonicalise(page)
    return page


def procedure_slug(title):
    """An ASCII slug from the title, cut at a word boundary."""
    slug = slugify_pl(title, max_length=200)
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug


class Command(BaseCommand):
    help = (
        "Create the demo site: home page, categories, units and departments, offices, staff, "
        "the real procedures of the city of Łódź and one demo account per role. Idempotent."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "seed_demo nie działa z ustawieniami produkcyjnymi: tworzy konta z "
                "opublikowanymi hasłami. / seed_demo refuses to run under these settings "
                f"({settings.SETTINGS_MODULE}): it creates accounts with published passwords; "
                "use cms.settings.dev."
            )
        self.tally = defaultdict(lambda: [0, 0])
        self.cache = {}
        self.passwords = {}
        self.devices = {}
        with transaction.atomic():
            admin = self.seed_users()
            index = self.seed_site()
            categories = self.seed_categories()
            departments = self.seed_organisation()
            offices = self.seed_offices(departments)
            employees = self.seed_employees(departments)
            self.seed_procedures(index, categories, departments, offices, employees, admin)
            self.seed_editorial_states(departments)
            seed_update_requests(self.stdout)
        self.print_summary()
        self.print_users()

    # --- Bookkeeping ------------------------------------------------------------------------

    def count(self, label, created):
        self.tally[label][0 if created else 1] += 1

    def term(self, model, name, **defaults):
        """A vocabulary term by name, created on first use."""
        key = (model, name)
        if key not in self.cache:
            obj, created = model.objects.get_or_create(name=name, defaults=defaults)
            self.count(VOCABULARY_LABELS[model], created)
            self.cache[key] = obj
        return self.cache[key]

    # --- Accounts ---------------------------------------------------------------------------

    def seed_users(self):
        """One account per role, password reset to the demo one on every run.

        The administrator is the exception: a new one gets a random password, an existing
        one keeps the password it has.
        """
        user_model = get_user_model()
        admin = None
        for username, group_name, superuser in demo_data.USERS:
            user, created = user_model.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.com"}
            )
            user.is_active = True
            user.is_superuser = superuser
            user.is_staff = superuser
            if not superuser:
                self.passwords[username] = demo_data.DEMO_PASSWORD
            elif created:
                self.passwords[username] = secrets.token_urlsafe(12)
            if username in self.passwords:
                user.set_password(self.passwords[username])
            user.save()
            if group_name:
                try:
                    group = Group.objects.get(name=group_name)
                except Group.DoesNotExist as error:
                    raise CommandError(
                        f"Group {group_name!r} is missing; run `manage.py migrate` first."
                    ) from error
                user.groups.add(group)
            if superuser:
                admin = user
            if requires_two_factor(user):
                self.devices[username] = demo_device(user)
            self.count("users", created)
        return admin

    # --- Site -------------------------------------------------------------------------------

    def seed_site(self):
        """The home page as the default site's root, with the procedure index under it."""
        home = HomePage.objects.first()
        created = home is None
        if created:
            home = Page.get_first_root_node().add_child(
                instance=canonical(
                    HomePage(
                        title=demo_data.HOME_TITLE,
                        slug=demo_data.HOME_SLUG,
                        intro=demo_data.HOME_INTRO,
                        live=False,
                    )
                )
            )
            home.save_revision().publish()
        self.count("home page", created)

        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(is_default_site=True)
        # Wagtail's links (page.full_url in notification e-mails) name the same address as
        # WAGTAILADMIN_BASE_URL, which `make demo` derives from PORT.
        moved = agree_with_base_url(site)
        if site.pk is None or site.root_page_id != home.pk or moved:
            site.root_page = home
            site.site_name = demo_data.SITE_NAME
            site.save()
        self.remove_welcome_page()

        index = ProcedureIndexPage.objects.first()
        created = index is None
        if created:
            index = home.add_child(
                instance=canonical(
                    ProcedureIndexPage(
                        title=demo_data.INDEX_TITLE,
                        slug=demo_data.INDEX_SLUG,
                        intro=demo_data.INDEX_INTRO,
                        live=False,
                    )
                )
            )
            index.save_revision().publish()
        self.count("procedure index page", created)

        about = StandardPage.objects.filter(slug=demo_data.ABOUT_SLUG).first()
        created = about is None
        if created:
            about = home.add_child(
                instance=canonical(
                    StandardPage(
                        title=demo_data.ABOUT_TITLE,
                        slug=demo_data.ABOUT_SLUG,
                        body=demo_data.ABOUT_BODY,
                        live=False,
                    )
                )
            )
            about.save_revision().publish()
        self.count("information page", created)
        return index

    def remove_welcome_page(self):
        """Delete Wagtail's initial "Welcome to your new Wagtail site!" page.

        It is a plain ``Page`` under the root with no children; once no site points at it,
        nothing else uses it.
        """
        welcome_pages = Page.objects.filter(
            depth=2,
            numchild=0,
            content_type=ContentType.objects.get_for_model(Page),
            sites_rooted_here__isnull=True,
        )
        for page in welcome_pages:
            self.stdout.write(f"Removed Wagtail's initial page “{page.title}”.")
            page.delete()

    # --- Reference data ---------------------------------------------------------------------

    def seed_categories(self):
        categories = {}
        for position, (slug, name, description) in enumerate(demo_data.CATEGORIES, start=1):
            category, created = Category.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "description": description, "sort_order": position},
            )
            categories[slug] = category
            self.count("categories", created)
        return categories

    def seed_organisation(self):
        units = {}
        for name, short_name in demo_data.UNITS:
            units[name], created = OrganisationalUnit.objects.get_or_create(
                name=name, defaults={"short_name": short_name}
            )
            self.count("units", created)
        departments = {}
        for unit_name, name, short_name in demo_data.DEPARTMENTS:
            department, created = Department.objects.get_or_create(
                unit=units[unit_name], name=name, defaults={"short_name": short_name}
            )
            departments[(unit_name, name)] = department
            self.count("departments", created)
        return departments

    def seed_offices(self, departments):
        offices = {}
        for key, data in demo_data.OFFICES.items():
            offices[key], created = Office.objects.get_or_create(
                name=data["name"],
                address=data["address"],
                defaults={
                    "department": departments[data["department"]],
                    "details": data["details"],
                    "phones": data["phones"],
                },
            )
            self.count("offices", created)
        return offices

    def seed_employees(self, departments):
        employees = {}
        for name, position, unit_name, department_name, phone in demo_data.EMPLOYEES:
            employees[name], created = Employee.objects.get_or_create(
                name=name,
                department=departments[(unit_name, department_name)],
                defaults={"position": position, "phone": phone},
            )
            self.count("employees", created)
        return employees

    # --- Editorial states ---------------------------------------------------------------------

    def seed_editorial_states(self, departments):
        """What the workflow looks like in use: the editor's department, a procedure in
        moderation, a version scheduled for next week and a withdrawn procedure."""
        users = get_user_model().objects
        editor = users.get(username="redaktor")
        moderator = users.get(username="moderator")
        departments[demo_data.EDITOR_DEPARTMENT].editors.add(editor)

        in_review = ProcedurePage.objects.filter(code=demo_data.IN_REVIEW_CODE).first()
        if in_review and not in_review.workflow_in_progress:
            draft = in_review.get_latest_revision_as_object()
            draft.summary = draft.summary.replace("Łodzi", "Łodzi (zmiana do akceptacji)", 1)
            draft.save_revision(user=editor, log_action=True)
            in_review.get_workflow().start(in_review, editor)
        self.count("procedure in moderation", bool(in_review))

        scheduled = ProcedurePage.objects.filter(code=demo_data.SCHEDULED_CODE).first()
        if scheduled and not scheduled.revisions.filter(approved_go_live_at__isnull=False):
            draft = scheduled.get_latest_revision_as_object()
            draft.go_live_at = timezone.now() + timedelta(days=7)
            draft.additional_info += demo_data.SCHEDULED_NOTE
            canonicalise(draft)
            draft.save_revision(user=moderator, log_action=True).publish(user=moderator)
        self.count("version scheduled for next week", bool(scheduled))

        withdrawn = ProcedurePage.objects.filter(code=demo_data.WITHDRAWN_CODE).first()
        if withdrawn and not withdrawn.expired:
            draft = withdrawn.get_latest_revision_as_object()
            draft.expire_at = timezone.now() - timedelta(days=1)
            draft.save_revision(user=moderator, log_action=True).publish(user=moderator)
            unpublish_expired()
        self.count("withdrawn procedure", bool(withdrawn))

    # --- Procedures -------------------------------------------------------------------------

    def seed_procedures(self, index, categories, departments, offices, employees, admin):
        """Add the missing procedures, link related ones, then publish each once."""
        for name, url in demo_data.EFORM_PLATFORMS:
            self.term(EFormPlatform, name, url=url)
        codes = [record["code"] for record in demo_data.PROCEDURES]
        existing = set(ProcedurePage.objects.filter(code__in=codes).values_list("code", flat=True))
        added = []
        for record in demo_data.PROCEDURES:
            if record["code"] in existing:
                self.count("procedures", created=False)
                continue
            page = self.build_procedure(record, categories, departments, offices, employees)
            canonicalise(page)  # stored as the editor saves it, as the importer does
            page.owner = admin
            try:
                index.add_child(instance=page)
            except ValidationError as error:
                raise self.invalid(record, error) from error
            added.append((page, record))
            self.count("procedures", created=True)

        # Links need every target to exist, so they are set once all procedures are in.
        by_code = {page.code: page for page in ProcedurePage.objects.filter(code__in=codes)}
        for page, record in added:
            page.related_procedures = [
                RelatedProcedure(procedure=by_code[code], sort_order=position)
                for position, code in enumerate(record["related"])
            ]
            self.tally["related procedure links"][0] += len(record["related"])
            self.validate(page, record)
            page.save_revision(user=admin).publish(user=admin)

    def build_procedure(self, record, categories, departments, offices, employees):
        value, unit, description = record["processing_time"]
        page = ProcedurePage(
            title=record["title"],
            slug=procedure_slug(record["title"]),
            code=record["code"],
            is_internal=record.get("is_internal", False),
            information_date=date.fromisoformat(record["information_date"]),
            summary=record["summary"],
            steps=[step(*data) for data in record["steps"]],
            how_to=record["how_to"],
            additional_info=record["additional_info"],
            processing_time_value=value,
            processing_time_unit=unit,
            processing_time_description=description,
            places=[{"type": "office", "value": offices[key].pk} for key in record["places"]],
            appointment=self.appointment(record["appointment"]),
            fees=[
                fee(fee_type, amount, STAMP_DUTY_ACCOUNT, remarks)
                for fee_type, amount, remarks in record["fees"]
            ]
            or [marker("none")],
            submission_channels=[
                channel(kind, details, [self.term(EFormPlatform, name) for name in platforms])
                for kind, details, platforms in record["submission_channels"]
            ]
            or [marker("not_applicable")],
            submission_deadline=record["submission_deadline"],
            required_documents=[
                document(
                    name,
                    # Forms to submit come with a sample PDF, so the demo has downloads.
                    file=sample_form(name, record["code"])
                    if group == "to_submit" and name.lower().startswith("wniosek")
                    else None,
                    eforms=[(self.term(EFormPlatform, platform), url) for platform, url in eforms],
                    group=group,
                )
                for group, name, eforms in record["required_documents"]
            ],
            other_documents=[
                {"type": "document", "value": {"name": name, "file": None}}
                for name in record["other_documents"]
            ],
            legal_basis=[
                legal_act(title, kind=self.term(LegalActKind, kind), url=url)
                for kind, title, url in record["legal_basis"]
            ],
            appeal=[appeal_text(record["appeal"])] if record["appeal"] else [marker("none")],
            cc_contacts=[
                {"type": "employee", "value": employees[name].pk} for name in record["cc_contacts"]
            ],
            cc_description=record["cc_description"],
            faq=[faq_item(question, answer) for question, answer in record["faq"]],
            cc_other=record["cc_other"],
            department=departments[record["department"]],
            procedure_owner=employees[record["owner"]],
            coordinator=employees[record["coordinator"]],
            handled_in_ezd=record["handled_in_ezd"],
            live=False,
        )
        page.categories.set([categories[slug] for slug in record["categories"]])
        page.useful_info.set([self.term(UsefulInfo, name) for name in record["useful_info"]])
        page.electronic_actions.set(
            [self.term(ElectronicAction, name) for name in record["electronic_actions"]]
        )
        page.information_authors = [
            InformationAuthor(employee=employees[name], sort_order=position)
            for position, name in enumerate(record["authors"])
        ]
        return page

    @staticmethod
    def appointment(data):
        if data is None:
            return [marker("not_applicable")]
        return [booking(*data["methods"], required=data["required"])]

    def validate(self, page, record):
        """The model's rules and every StreamField's block rules, as on publishing."""
        errors = {}
        try:
            page.full_clean()
        except ValidationError as error:
            errors.update(error.message_dict)
        for field in page._meta.concrete_fields:
            if isinstance(field, StreamField) and field.name not in errors:
                try:
                    field.stream_block.clean(getattr(page, field.name))
                except ValidationError as error:
                    errors[field.name] = error.messages
        if errors:
            raise self.invalid(record, ValidationError(errors))

    @staticmethod
    def invalid(record, error):
        details = "; ".join(
            f"{field}: {' '.join(messages)}"
            for field, messages in getattr(error, "message_dict", {"": error.messages}).items()
        )
        return CommandError(f"Demo procedure {record['code']} is invalid: {details}")

    # --- Output -----------------------------------------------------------------------------

    def print_summary(self):
        self.stdout.write(self.style.MIGRATE_HEADING("Demo data: created / already present"))
        for label, (created, present) in self.tally.items():
            self.stdout.write(f"  {label:<34} {created:>4} created {present:>4} present")

    def print_users(self):
        self.stdout.write(self.style.MIGRATE_HEADING("Demo accounts (log in at /admin/)"))
        rows = [("username", "role", "password", "one-time code (TOTP) secret")] + [
            (
                username,
                group or "superuser",
                self.passwords.get(username, "(unchanged: the one set before)"),
                secret_of(self.devices[username]) if username in self.devices else "-",
            )
            for username, group, _superuser in demo_data.USERS
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        for row in rows:
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(("  " + "  ".join(cells)).rstrip())
        if self.devices:
            self.stdout.write(
                "Accounts with a secret confirm each login with a one-time code: add the "
                "secret to an authenticator app, or run `manage.py demo_code <username>`."
            )
