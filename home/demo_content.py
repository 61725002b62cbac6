"""The French texts of the demo site's editorial and legal pages.

Kept apart from ``seed_demo`` so editors can read and correct them in one place.
Figures that only the company can give (registration numbers, address) are marked
« à compléter » rather than invented.
"""

HOME_HEADLINE = "Une question, deux camps, votre verdict"

HOME_INTRO = (
    "Chaque semaine, une question de société, deux experts citoyens — un pour, un "
    "contre — et un contexte factuel. Vous lisez les deux, vous tranchez, et vous "
    "voyez si les arguments ont fait bouger les lecteurs."
)

PAGES = [
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "setting": "legal_notice_page",
        "intro": "Qui publie Versus, qui l'héberge, et comment nous joindre.",
        "body": [
            ("heading", {"text": "Éditeur"}),
            (
                "paragraph",
                "<p>Versus est édité par Versus SAS, société par actions simplifiée "
                "(capital, RCS et numéro de TVA intracommunautaire : à compléter), "
                "dont le siège est en France.</p>"
                "<p>Directrice ou directeur de la publication : la présidence de "
                "Versus SAS.</p>",
            ),
            ("heading", {"text": "Hébergement"}),
            (
                "paragraph",
                "<p>Le site est hébergé dans l'Union européenne. Le nom et l'adresse "
                "de l'hébergeur figurent ici dès la mise en ligne.</p>",
            ),
            ("heading", {"text": "Contact"}),
            (
                "paragraph",
                "<p>Pour toute question, y compris sur un contenu publié : "
                '<a href="mailto:bonjour@versus.example">bonjour@versus.example</a>. '
                "Chaque débat publie les sources de ses deux tribunes ; si vous "
                "relevez une erreur factuelle, écrivez-nous, nous corrigeons et le "
                "signalons en bas de page.</p>",
            ),
            ("heading", {"text": "Propriété intellectuelle"}),
            (
                "paragraph",
                "<p>Les textes restent la propriété de leurs auteurs, qui en accordent "
                "la publication à Versus. Toute reproduction demande notre accord, "
                "sauf courte citation avec lien vers la page d'origine.</p>",
            ),
        ],
    },
    {
        "slug": "cgv",
        "title": "Conditions générales de vente",
        "setting": "terms_page",
        "intro": "Ce que vous achetez, à quel prix, et comment arrêter quand vous voulez.",
        "body": [
            ("heading", {"text": "L'abonnement"}),
            (
                "paragraph",
                "<p>L'abonnement numérique coûte 4,99 € par mois, TVA au taux de la "
                "presse (2,1 %) comprise. Il donne accès à tous les débats et aux "
                "éditions imprimées en PDF. Il est sans engagement : il se renouvelle "
                "chaque mois jusqu'à ce que vous le résiliiez.</p>",
            ),
            ("heading", {"text": "Résilier en trois clics"}),
            (
                "paragraph",
                "<p>Un lien « Résilier » figure en bas de chaque page et dans votre "
                "compte. La résiliation prend effet à la fin de la période déjà "
                "payée, et un e-mail vous confirme aussitôt sa date. Vous pouvez "
                "revenir sur votre décision jusqu'à cette date.</p>",
            ),
            ("heading", {"text": "Droit de rétractation"}),
            (
                "paragraph",
                "<p>Vous disposez de quatorze jours pour vous rétracter après la "
                "souscription. Si vous demandez l'accès immédiat aux contenus, vous "
                "reconnaissez que leur fourniture commence avant la fin de ce délai "
                "(article L221-28 du Code de la consommation).</p>",
            ),
            ("heading", {"text": "Conférences"}),
            (
                "paragraph",
                "<p>Les conférences proposées aux collectivités, écoles, entreprises "
                "et associations font l'objet d'un devis daté et numéroté ; la "
                "facture suit l'acceptation du devis et se règle par virement ou "
                "par carte, à trente jours.</p>",
            ),
            ("heading", {"text": "Litiges"}),
            (
                "paragraph",
                "<p>Le droit français s'applique. En cas de litige, écrivez-nous "
                "d'abord ; vous pouvez ensuite saisir gratuitement le médiateur de la "
                "consommation dont les coordonnées figurent ici dès la mise en "
                "vente.</p>",
            ),
        ],
    },
    {
        "slug": "confidentialite",
        "title": "Confidentialité",
        "setting": "privacy_page",
        "intro": "Les données que nous gardons, pourquoi, combien de temps, et vos droits.",
        "body": [
            ("heading", {"text": "Ce que nous conservons"}),
            (
                "paragraph",
                "<ul><li>Votre compte : adresse e-mail, nom si vous le donnez, langue, "
                "mot de passe chiffré.</li>"
                "<li>Vos participations : propositions de sujets, votes, "
                "commentaires.</li>"
                "<li>Si vous vous abonnez : l'identifiant client de notre prestataire "
                "de paiement et l'historique de vos factures. Nous ne voyons jamais "
                "votre numéro de carte.</li></ul>",
            ),
            ("heading", {"text": "Vos positions dans les débats"}),
            (
                "paragraph",
                "<p>Dire si vous êtes pour ou contre une proposition révèle une "
                "opinion : c'est une donnée sensible au sens de l'article 9 du RGPD. "
                "Nous vous demandons votre accord explicite avant de l'enregistrer, "
                "nous la rangeons sous un identifiant pseudonyme et nous ne publions "
                "que des totaux.</p>",
            ),
            ("heading", {"text": "Durées de conservation"}),
            (
                "paragraph",
                "<p>Votre compte vit tant que vous le gardez ; sans connexion pendant "
                "trois ans, nous vous prévenons puis le supprimons. Les factures sont "
                "conservées dix ans, comme la loi l'impose.</p>",
            ),
            ("heading", {"text": "Vos droits"}),
            (
                "paragraph",
                "<p>Depuis « Mon compte », vous téléchargez toutes vos données en un "
                "clic et vous pouvez supprimer votre compte. Pour tout autre droit "
                "(rectification, opposition, limitation), écrivez-nous. Vous pouvez "
                "aussi adresser une réclamation à la CNIL.</p>",
            ),
            ("heading", {"text": "Nos prestataires"}),
            (
                "paragraph",
                "<p>Notre hébergeur, notre prestataire d'envoi d'e-mails et, pour les "
                "abonnés, Stripe pour les paiements. Aucun ne reçoit vos données à "
                "d'autres fins que le service rendu.</p>",
            ),
        ],
    },
    {
        "slug": "cookies",
        "title": "Cookies",
        "setting": "cookies_page",
        "intro": (
            "Versus n'utilise que des cookies indispensables au fonctionnement du "
            "site : pas de publicité ciblée, pas de mesure d'audience par un tiers, "
            "pas de bouton de réseau social qui vous suit. C'est pourquoi nous ne "
            "vous demandons pas votre consentement."
        ),
        "body": [
            ("heading", {"text": "Les cookies déposés"}),
            (
                "paragraph",
                "<ul>"
                "<li><b>csrftoken</b> : protège les formulaires contre les requêtes "
                "envoyées à votre insu depuis un autre site. Durée : un an.</li>"
                "<li><b>sessionid</b> : vous garde connecté après votre connexion. "
                "Durée : deux semaines, ou la fin de la session de votre navigateur "
                "si vous ne cochez pas « Se souvenir de moi ».</li>"
                "<li><b>messages</b> : affiche une seule fois une confirmation comme "
                "« Vos informations sont enregistrées ». Durée : jusqu'à "
                "l'affichage.</li>"
                "</ul>",
            ),
            ("heading", {"text": "Ce que nous ne faisons pas"}),
            (
                "paragraph",
                "<p>Aucun script tiers n'est chargé sur nos pages. Si nous ajoutons un "
                "jour une mesure d'audience, elle sera anonyme, limitée à Versus et "
                "décrite ici, conformément aux recommandations de la CNIL.</p>",
            ),
        ],
    },
    {
        "slug": "transparence",
        "title": "Transparence",
        "setting": "transparency_page",
        "intro": "Comment nous choisissons les sujets et les experts, et qui nous finance.",
        "body": [
            ("heading", {"text": "Comment les sujets sont choisis"}),
            (
                "paragraph",
                "<p>Les lecteurs inscrits proposent des questions de société et votent "
                "pour celles qu'ils veulent voir débattues. La rédaction met au vote "
                "les propositions formulées de façon neutre, où les deux camps "
                "peuvent se défendre à égalité, et commande un débat sur chaque "
                "question arrivée en tête. Ces débats portent le badge « choisi par "
                "les lecteurs ». La rédaction traite aussi les questions sur "
                "lesquelles les citoyens ou leurs élus vont devoir trancher : un "
                "projet de loi, un référendum local, un choix d'avenir.</p>",
            ),
            ("heading", {"text": "Comment les experts sont choisis"}),
            (
                "paragraph",
                "<p>Chaque camp est défendu par un expert citoyen compétent, légitime "
                "et engagé : une actrice ou un acteur de terrain, une chercheuse ou "
                "un chercheur dans son domaine, ou une ou un élu. Chaque expert "
                "remplit une déclaration d'intérêts, publiée avec son texte. Pas "
                "d'argument sans source vérifiable, pas d'attaque personnelle.</p>",
            ),
            ("heading", {"text": "Qui nous finance"}),
            (
                "paragraph",
                "<p>Versus vit d'abord de ses abonnés (4,99 € par mois), puis des "
                "conférences-débats que nous organisons pour des collectivités, des "
                "écoles, des entreprises et des associations, et enfin d'une "
                "publicité contextuelle, sans ciblage. Aucun financeur ne choisit un "
                "sujet ni ne relit un débat. Nous publions chaque année la part de "
                "chaque source de revenus.</p>",
            ),
        ],
    },
]
