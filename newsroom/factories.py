"""Test and demo data for the newsroom; ``seed_demo`` builds on these too."""

import io
import re
import textwrap
import unicodedata

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from newsroom.models import (
    Commission,
    Contributor,
    Edition,
    EditionDebate,
    ExpertApplication,
    Theme,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))


class ContributorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contributor
        django_get_or_create = ("slug",)

    name = factory.Faker("name", locale="fr_FR")
    slug = factory.LazyAttribute(lambda expert: slugify(expert.name))
    occupation = "Infirmière en service de réanimation"
    qualification = Contributor.Qualification.FIELD
    qualification_detail = "Quinze ans de pratique à l'hôpital public."
    declaration_of_interests = "Aucun lien d'intérêt avec les acteurs du sujet."
    live = True

    class Params:
        draft = factory.Trait(live=False)


class ExpertApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertApplication

    name = factory.Faker("name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"candidat{n}@example.org")
    field_of_expertise = "Médecine générale en zone rurale"
    qualification = Contributor.Qualification.FIELD
    motivation = (
        "Médecin de campagne depuis vingt ans, je vois chaque semaine ce que "
        "l'éloignement des services publics change pour mes patients."
    )
    writing_sample = (
        "Le cabinet ouvre à huit heures, mais la file commence plus tôt. Il y a "
        "là des patients venus de trente kilomètres, parce que le dernier "
        "confrère du canton est parti à la retraite sans successeur. Ce matin, "
        "une agricultrice attend depuis trois semaines un rendez-vous de "
        "cardiologie ; un retraité renonce à son kiné, faute de voiture."
    )
    language = "fr"
    consented_at = factory.LazyFunction(timezone.now)

    class Params:
        accepted = factory.Trait(
            status=ExpertApplication.Status.ACCEPTED,
            decided_at=factory.LazyFunction(timezone.now),
            contributor=factory.SubFactory(
                ContributorFactory,
                name=factory.SelfAttribute("..name"),
                draft=True,
                declaration_of_interests="",
            ),
        )
        declined = factory.Trait(
            status=ExpertApplication.Status.DECLINED,
            decided_at=factory.LazyFunction(timezone.now),
            decision_reason="Nos prochains débats ne portent pas sur ce domaine.",
        )


class CommissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commission

    question = factory.Sequence(lambda n: f"Faut-il trancher la question n° {n} ?")
    origin = Commission.Origin.NEWSROOM
    pour_contributor = factory.SubFactory(ContributorFactory)
    contre_contributor = factory.SubFactory(ContributorFactory)


def sample_pdf(lines: list[str]) -> bytes:
    """A small, valid one-page PDF showing ``lines``: enough for the demo and tests,
    which need a real PDF without a PDF library."""

    def text(value: str) -> str:
        raw = value.encode("cp1252", "replace").decode("latin-1")
        return raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    commands = ["BT", "/F1 28 Tf", "72 760 Td", "34 TL"]
    for n, line in enumerate(lines):
        if n == 1:
            commands.append("/F1 14 Tf")
        commands.append(f"({text(line)}) Tj T*")
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


COVER_FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


def _cover_font(size: int):
    """A system font with French accents where the machine has one; else Pillow's
    own, which lacks them (the text is then written without accents)."""
    for path in COVER_FONTS:
        try:
            return ImageFont.truetype(path, size), True
        except OSError:
            continue
    return ImageFont.load_default(size), False


def _without_accents(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def sample_cover(number: int, headline: str) -> bytes:
    """A plain printed-cover image (PNG): the masthead, the number, the headline."""
    width, height = 600, 848
    cover = Image.new("RGB", (width, height), "#fbf9f4")
    draw = ImageDraw.Draw(cover)

    def write(xy, text, size, fill):
        font, accents = _cover_font(size)
        draw.text(xy, text if accents else _without_accents(text), fill=fill, font=font)

    draw.rectangle([0, 0, width, 170], fill="#a3161c")
    write((40, 40), "VERSUS", 90, "#ffffff")
    write((40, 200), f"N° {number}", 28, "#17171c")
    y = 300
    # French puts a space before « ? »; a non-breaking one keeps it on its line.
    for line in textwrap.wrap(re.sub(r" ([?!:;])", "\u00a0\\1", headline), 22):
        write((40, y), line, 42, "#17171c")
        y += 58
    draw.line([(40, height - 120), (width - 40, height - 120)], fill="#17171c", width=3)
    write((40, height - 95), "POUR · CONTRE · À VOUS DE JUGER", 24, "#55555f")
    buffer = io.BytesIO()
    cover.save(buffer, "PNG")
    return buffer.getvalue()


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition
        django_get_or_create = ("number",)
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: n + 1)
    published_on = factory.LazyFunction(timezone.localdate)
    title = "Faut-il rendre le vote obligatoire ?"
    pdf = factory.LazyAttribute(
        lambda edition: ContentFile(
            sample_pdf([f"Versus n° {edition.number}", edition.title]),
            name=f"versus-{edition.number}.pdf",
        )
    )

    @factory.post_generation
    def debates(edition, create, debates, **kwargs):
        for order, debate in enumerate(debates or []):
            EditionDebate.objects.create(
                edition=edition, debate=debate, sort_order=order
            )
