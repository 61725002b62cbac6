import pytest
from bs4 import BeautifulSoup
from django.core import mail

from accounts import services as account_services
from accounts.factories import UserFactory
from core import outbox
from core.models import OutgoingEmail
from debates import services
from debates.models import Reaction
from debates.services import ReactionError


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def author(db):
    return UserFactory(email="auteur@example.org", first_name="Inès", verified=True)


@pytest.fixture
def editor(db):
    return UserFactory(email="redaction@example.org", editor=True)


def published(debate, author, editor, text="Un point de vue argumenté.", **kwargs):
    reaction = services.post_reaction(
        debate, user=author, tag="nuance", text=text, **kwargs
    )
    return services.approve_reaction(reaction, editor=editor)


@pytest.mark.django_db
def test_a_reaction_waits_for_moderation_and_only_its_author_sees_it(
    client, debate, author
):
    client.force_login(author)
    response = client.post(
        f"/avis/reaction/{debate.pk}/",
        {
            "tag": "contre",
            "text": "Je ne suis pas convaincue par le coût.",
            "parent": "",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == debate.url + "#reactions"
    reaction = Reaction.objects.get()
    assert (reaction.status, reaction.tag, reaction.author) == (
        "pending",
        "contre",
        author,
    )
    own = soup(client.get(debate.url))
    assert "Je ne suis pas convaincue" in own.select_one(".reaction-pending").get_text()
    client.logout()
    public = soup(client.get(debate.url))
    assert "Je ne suis pas convaincue" not in public.get_text()


@pytest.mark.django_db
def test_an_approved_reaction_is_published_and_its_author_notified(
    client, debate, author, editor, django_capture_on_commit_callbacks
):
    reaction = services.post_reaction(
        debate,
        user=author,
        tag="pour",
        text="Voir https://www.insee.fr/ pour les chiffres.",
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_reaction(reaction, editor=editor)

    article = soup(client.get(debate.url)).select_one(".reaction")
    assert article.select_one(".reaction__author").get_text() == (
        f"Inès {author.last_name[0]}."
    )
    link = article.select_one(".reaction__text a")
    assert link["href"] == "https://www.insee.fr/"
    assert "nofollow" in link["rel"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["auteur@example.org"]
    assert mail.outbox[0].subject == "[Versus] Votre réaction est publiée"
    assert debate.full_url + "#reactions" in mail.outbox[0].body


@pytest.mark.django_db
def test_approving_twice_owes_and_sends_one_email(
    debate, author, editor, django_capture_on_commit_callbacks
):
    reaction = services.post_reaction(debate, user=author, tag="pour", text="Oui.")

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_reaction(reaction, editor=editor)
        with pytest.raises(ReactionError):
            services.approve_reaction(reaction, editor=editor)

    owed = OutgoingEmail.objects.get(builder="debates.emails.reaction_approved")
    assert owed.key == f"reaction-approved:{reaction.pk}"
    assert owed.status == OutgoingEmail.Status.SENT
    assert [m.to for m in mail.outbox] == [["auteur@example.org"]]


@pytest.mark.django_db
def test_an_author_gone_before_delivery_gets_no_email(debate, author, editor):
    reaction = services.post_reaction(debate, user=author, tag="pour", text="Oui.")
    services.approve_reaction(reaction, editor=editor)
    author.delete()

    assert outbox.send_due_emails() == 0

    owed = OutgoingEmail.objects.get(key=f"reaction-approved:{reaction.pk}")
    assert owed.status == OutgoingEmail.Status.CANCELLED
    assert mail.outbox == []


@pytest.mark.django_db
def test_reader_html_is_never_rendered(client, debate, author, editor):
    published(debate, author, editor, text='<script>alert("x")</script><b>gras</b>')

    html = client.get(debate.url).content.decode()

    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    assert "<b>gras</b>" not in html


@pytest.mark.django_db
def test_replies_are_threaded_one_level_deep(client, debate, author, editor):
    first = published(debate, author, editor, text="Premier avis, nuancé.")
    reply = published(
        debate, author, editor, text="Une réponse au premier.", parent=first
    )

    with pytest.raises(ReactionError):
        services.post_reaction(
            debate, user=author, tag="pour", text="Réponse à une réponse.", parent=reply
        )
    threads = soup(client.get(debate.url)).select("#reactions > ol > li")
    assert len(threads) == 1
    assert (
        "Une réponse au premier."
        in threads[0].select_one(".reaction-list--replies").get_text()
    )


@pytest.mark.django_db
def test_a_reply_to_a_pending_reaction_or_another_debate_is_refused(
    debate, debate_index, author, editor
):
    from debates.factories import DebatePageFactory

    pending = services.post_reaction(
        debate, user=author, tag="pour", text="En attente ici."
    )
    other = published(DebatePageFactory(parent=debate_index), author, editor)

    for parent in (pending, other):
        with pytest.raises(ReactionError):
            services.post_reaction(
                debate, user=author, tag="pour", text="Une réponse.", parent=parent
            )
    assert Reaction.objects.count() == 2


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"text": "Un avis argumenté."},
            "tag",
            "Dites si vous penchez pour, contre ou nuancez.",
        ),
        ({"tag": "pour", "text": ""}, "text", "Écrivez votre réaction."),
        ({"tag": "pour", "text": "Court"}, "text", "Écrivez au moins 10 caractères."),
        (
            {"tag": "pour", "text": "x" * 20_000},
            "text",
            "Tenez-vous-en à 2000 caractères (il y en a 20000).",
        ),
        ({"tag": "ailleurs", "text": "Un avis argumenté."}, "tag", None),
    ],
    ids=["no-tag", "empty", "short", "20000-characters", "unknown-tag"],
)
@pytest.mark.django_db
def test_bad_reactions_are_explained_by_the_field_and_store_nothing(
    client, debate, author, data, field, message
):
    client.force_login(author)

    response = client.post(f"/avis/reaction/{debate.pk}/", {"parent": "", **data})

    assert response.status_code == 400
    errors = response.context["reaction_form"].errors[field]
    if message:
        assert errors == [message]
    assert not Reaction.objects.exists()


@pytest.mark.django_db
def test_unverified_and_logged_out_readers_cannot_react(client, debate):
    response = client.post(
        f"/avis/reaction/{debate.pk}/", {"tag": "pour", "text": "Un avis argumenté."}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")

    client.force_login(UserFactory(email="pas-verifie@example.org"))
    response = client.post(
        f"/avis/reaction/{debate.pk}/", {"tag": "pour", "text": "Un avis argumenté."}
    )
    assert response.status_code == 400
    assert response.context["reaction_form"].non_field_errors() == [
        "Confirmez votre adresse e-mail pour réagir."
    ]
    assert not Reaction.objects.exists()


@pytest.mark.django_db
def test_a_flood_of_reactions_is_stopped_with_a_message(client, debate, author):
    client.force_login(author)
    for n in range(services.REACTIONS_PER_WINDOW):
        client.post(
            f"/avis/reaction/{debate.pk}/",
            {"tag": "pour", "text": f"Avis numéro {n:02d}."},
        )

    response = client.post(
        f"/avis/reaction/{debate.pk}/", {"tag": "pour", "text": "Un avis de trop."}
    )

    assert response.status_code == 400
    assert "beaucoup de réactions en peu de temps" in str(
        response.context["reaction_form"].non_field_errors()
    )
    assert Reaction.objects.count() == services.REACTIONS_PER_WINDOW


@pytest.mark.django_db
def test_rejecting_needs_a_reason_and_moderating_twice_is_refused(
    debate, author, editor
):
    reaction = services.post_reaction(
        debate, user=author, tag="pour", text="Un avis comme un autre."
    )

    with pytest.raises(ReactionError):
        services.reject_reaction(reaction, editor=editor, reason="  ")
    services.reject_reaction(reaction, editor=editor, reason="Attaque personnelle.")
    with pytest.raises(ReactionError):
        services.approve_reaction(reaction, editor=editor)

    reaction.refresh_from_db()
    assert (reaction.status, reaction.rejection_reason) == (
        "rejected",
        "Attaque personnelle.",
    )


@pytest.mark.django_db
def test_the_moderation_queue_is_for_editors_only(client, debate, author, editor):
    reaction = services.post_reaction(
        debate, user=author, tag="pour", text="À modérer, svp."
    )

    client.force_login(author)
    assert client.get("/admin/reactions/").status_code in {302, 403}
    assert client.post(f"/admin/reactions/{reaction.pk}/approve/").status_code in {
        302,
        403,
    }
    reaction.refresh_from_db()
    assert reaction.status == "pending"

    client.force_login(editor)
    queue = client.get("/admin/reactions/")
    assert "À modérer, svp." in queue.content.decode()
    client.post(f"/admin/reactions/{reaction.pk}/approve/")
    reaction.refresh_from_db()
    assert (reaction.status, reaction.moderated_by) == ("approved", editor)


@pytest.mark.django_db
def test_deleting_an_account_keeps_published_reactions_anonymously(
    client, debate, author, editor
):
    published(debate, author, editor, text="Un avis qui restera.")
    services.post_reaction(debate, user=author, tag="pour", text="Un avis en attente.")

    account_services.delete_account(author)

    assert list(Reaction.objects.values_list("text", "author")) == [
        ("Un avis qui restera.", None)
    ]
    article = soup(client.get(debate.url)).select_one(".reaction")
    assert article.select_one(".reaction__author").get_text() == "Lecteur anonyme"


@pytest.mark.django_db
def test_editors_see_pending_reactions_on_their_dashboard(
    client, debate, author, editor
):
    services.post_reaction(debate, user=author, tag="pour", text="Une réaction à lire.")

    client.force_login(editor)
    panel = soup(client.get("/admin/")).select_one("#pending-reactions-section")

    assert "1 réaction attend une décision." in panel.get_text(" ", strip=True)
    assert "Une réaction à lire." in panel.get_text()


@pytest.mark.django_db
def test_wagtail_moderators_can_moderate_reactions(client, debate, author):
    from django.contrib.auth.models import Group

    moderator = UserFactory(email="moderatrice@example.org", verified=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    reaction = services.post_reaction(
        debate, user=author, tag="pour", text="À relire, svp."
    )
    client.force_login(moderator)

    assert client.get("/admin/reactions/").status_code == 200
    client.post(f"/admin/reactions/{reaction.pk}/approve/")
    reaction.refresh_from_db()
    assert reaction.status == "approved"


# --- A reply whose reaction is withdrawn meanwhile ---------------------------------

WITHDRAWN = (
    "The reaction you were replying to has been withdrawn by the moderators in the "
    "meantime. Your reply is kept below: you can send it as a new reaction to the "
    "debate."
)
REPLY = "Je ne suis pas d'accord : les chiffres de 2024 disent l'inverse."


def withdraw(reaction):
    """Taken down by the moderators after it was published."""
    Reaction.objects.filter(pk=reaction.pk).update(
        status=Reaction.Status.REJECTED, rejection_reason="Hors sujet."
    )


@pytest.mark.parametrize("how", ["rejected", "deleted"])
@pytest.mark.django_db
def test_a_reply_to_a_withdrawn_reaction_is_kept_to_post_as_a_new_reaction(
    client, debate, author, editor, how
):
    parent = published(debate, author, editor)
    parent_id = parent.pk
    if how == "rejected":
        withdraw(parent)
    else:
        parent.delete()
    client.force_login(author)

    response = client.post(
        f"/en/avis/reaction/{debate.pk}/",
        {"tag": "contre", "text": REPLY, "parent": parent_id},
    )

    assert response.status_code == 409
    assert Reaction.objects.filter(text=REPLY).count() == 0
    new = soup(response).select_one(".reaction-new form")
    assert new.select_one(".errorlist").get_text(" ", strip=True) == WITHDRAWN
    assert new.select_one("input[name=parent]")["value"] == ""
    assert new.select_one("textarea[name=text]").get_text() == REPLY
    assert new.select_one("textarea[name=text]").has_attr("autofocus")
    assert new.select_one("input[name=tag][value=contre]").has_attr("checked")
    # The withdrawn reaction is not on the page to reply under.
    assert "Un point de vue argumenté." not in soup(response).get_text()


@pytest.mark.django_db
def test_the_kept_reply_goes_out_as_a_new_reaction_on_the_french_site(
    client, debate, author, editor
):
    parent = published(debate, author, editor)
    withdraw(parent)
    client.force_login(author)

    refused = client.post(
        f"/avis/reaction/{debate.pk}/",
        {"tag": "nuance", "text": REPLY, "parent": parent.pk},
    )
    form = soup(refused).select_one(".reaction-new form")
    again = {
        "tag": form.select_one("input[name=tag][checked]")["value"],
        "text": form.select_one("textarea[name=text]").get_text(),
        "parent": form.select_one("input[name=parent]")["value"],
    }
    sent = client.post(f"/avis/reaction/{debate.pk}/", again)

    assert refused.status_code == 409
    assert form.select_one(".errorlist").get_text(strip=True)
    assert sent.status_code == 302
    kept = Reaction.objects.get(text=REPLY)
    assert (kept.tag, kept.parent, kept.status) == ("nuance", None, "pending")


@pytest.mark.django_db
def test_a_refused_reply_comes_back_in_the_one_form_still_answering_its_reaction(
    client, debate, author, editor
):
    parent = published(debate, author, editor)
    client.force_login(author)

    response = client.post(
        f"/avis/reaction/{debate.pk}/",
        {"tag": "pour", "text": "Court", "parent": parent.pk},
    )

    assert response.status_code == 400
    page = soup(response)
    assert len(page.select("form.reaction-form")) == 1
    form = page.select_one("#reply-form")
    assert form.select_one("input[name=parent]")["value"] == str(parent.pk)
    notice = form.select_one("[data-reply-notice]")
    assert not notice.has_attr("hidden")
    assert parent.author_name in notice.get_text()
    assert "Écrivez au moins 10 caractères." in form.get_text()
    assert form.select_one("textarea[name=text]").get_text() == "Court"
    assert form.select_one("input[name=tag][value=pour]").has_attr("checked")


@pytest.mark.django_db
def test_a_reply_to_a_reaction_never_published_here_is_kept_with_the_reason(
    client, debate, author
):
    pending = services.post_reaction(
        debate, user=author, tag="pour", text="En attente ici."
    )
    client.force_login(author)

    response = client.post(
        f"/avis/reaction/{debate.pk}/",
        {"tag": "pour", "text": REPLY, "parent": pending.pk},
    )

    assert response.status_code == 400
    new = soup(response).select_one(".reaction-new form")
    assert new.select_one(".errorlist").get_text(strip=True) == (
        "Vous ne pouvez répondre qu'à une réaction publiée de ce débat."
    )
    assert new.select_one("textarea[name=text]").get_text() == REPLY
    assert not Reaction.objects.filter(text=REPLY).exists()
