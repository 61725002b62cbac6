"""French texts of the demo debates: themes, experts and the twelve debates.

Each debate holds the newsroom's factual context, its key figures and two signed
sides (pour and contre) with their sources. The experts are fictional people.
Figures are rounded orders of magnitude drawn from the public sources named next to
them, given for demonstration; source links point to each organisation's home page.
"""

THEMES = [
    {
        "slug": "societe",
        "name": "Société",
        "description": (
            "Vivre ensemble, institutions, mœurs : les grandes questions qui "
            "traversent la vie quotidienne."
        ),
    },
    {
        "slug": "environnement",
        "name": "Environnement",
        "description": (
            "Climat, énergie, transports et biodiversité : les choix qui engagent la "
            "transition écologique."
        ),
    },
    {
        "slug": "education",
        "name": "Éducation",
        "description": (
            "École, lycée, université et formation : ce que l'on apprend, comment, et "
            "avec quels moyens."
        ),
    },
    {
        "slug": "economie",
        "name": "Économie",
        "description": (
            "Travail, fiscalité, pouvoir d'achat et entreprises : qui produit, qui "
            "paie, qui en profite."
        ),
    },
    {
        "slug": "sante",
        "name": "Santé",
        "description": (
            "Soins, prévention, santé mentale et fin de vie : l'organisation du "
            "système de santé et ses limites."
        ),
    },
    {
        "slug": "numerique",
        "name": "Numérique",
        "description": (
            "Écrans, réseaux sociaux, données et intelligence artificielle : la place "
            "de la technologie dans nos vies."
        ),
    },
    {
        "slug": "justice",
        "name": "Justice",
        "description": (
            "Libertés publiques, sécurité, police et tribunaux : les règles communes "
            "et la façon de les faire respecter."
        ),
    },
    {
        "slug": "europe",
        "name": "Europe",
        "description": (
            "L'Union européenne, ses élargissements, ses règles et son budget, et ce "
            "qu'ils changent pour la France."
        ),
    },
]

EXPERTS = [
    {
        "slug": "sandrine-ollivier",
        "name": "Sandrine Ollivier",
        "occupation": "Dirigeante d'une PME de logistique de 80 salariés en Vendée",
        "qualification": "field",
        "qualification_detail": (
            "Elle a mis en place la semaine de quatre jours dans son entreprise il y a "
            "deux ans, après un an de négociation avec les représentants du personnel, "
            "et en suit les effets sur l'absentéisme et le recrutement."
        ),
        "declaration_of_interests": (
            "Dirigeante et actionnaire majoritaire de son entreprise. Adhérente d'une "
            "organisation patronale de PME, au nom de laquelle elle ne s'exprime pas "
            "ici."
        ),
    },
    {
        "slug": "mehdi-bouaziz",
        "name": "Mehdi Bouaziz",
        "occupation": (
            "Médecin du travail dans un service de prévention interentreprises à Lyon"
        ),
        "qualification": "field",
        "qualification_detail": (
            "Il suit depuis quinze ans des salariés de la logistique, du commerce et "
            "du soin, dont plusieurs équipes passées à des journées de travail "
            "allongées."
        ),
        "declaration_of_interests": (
            "Salarié d'un service de prévention et de santé au travail financé par les "
            "cotisations des employeurs adhérents. Aucun lien d'intérêt avec une "
            "organisation syndicale ou patronale."
        ),
    },
    {
        "slug": "nathalie-guerin",
        "name": "Nathalie Guérin",
        "occupation": (
            "Proviseure d'un lycée polyvalent de 1 200 élèves en Seine-Saint-Denis"
        ),
        "qualification": "field",
        "qualification_detail": (
            "Son établissement a expérimenté pendant un an le dépôt des téléphones à "
            "l'entrée, une mesure votée en conseil d'administration et évaluée avec "
            "les équipes de vie scolaire."
        ),
        "declaration_of_interests": (
            "Fonctionnaire de l'Éducation nationale, adhérente d'un syndicat de "
            "personnels de direction. Aucun lien avec des fabricants de casiers ou de "
            "pochettes pour téléphones."
        ),
    },
    {
        "slug": "hugo-lambert",
        "name": "Hugo Lambert",
        "occupation": (
            "Chercheur en sciences de l'éducation, spécialiste des usages numériques "
            "des adolescents"
        ),
        "qualification": "researcher",
        "qualification_detail": (
            "Il a mené plusieurs enquêtes de terrain dans des lycées sur la place du "
            "téléphone dans la vie scolaire et dans les relations entre élèves."
        ),
        "declaration_of_interests": (
            "Enseignant-chercheur dans une université publique, dont les recherches "
            "sont financées sur fonds publics. Aucun lien avec un opérateur "
            "téléphonique ou une plateforme numérique."
        ),
    },
    {
        "slug": "etienne-marchal",
        "name": "Étienne Marchal",
        "occupation": "Ingénieur et chercheur en économie des transports",
        "qualification": "researcher",
        "qualification_detail": (
            "Il travaille depuis vingt ans sur l'évaluation des politiques de "
            "mobilité, en particulier les effets des limitations de vitesse sur les "
            "émissions et la sécurité routière."
        ),
        "declaration_of_interests": (
            "Chercheur dans un organisme public de recherche, membre d'une association "
            "d'usagers du vélo. Aucun lien avec des constructeurs automobiles ou des "
            "sociétés d'autoroutes."
        ),
    },
    {
        "slug": "martine-fabre",
        "name": "Martine Fabre",
        "occupation": (
            "Maire d'une commune rurale de l'Indre et conseillère départementale"
        ),
        "qualification": "elected",
        "qualification_detail": (
            "Élue depuis 2014 d'une commune de 900 habitants située à quarante minutes "
            "de la première gare, elle suit les questions de mobilité au conseil "
            "départemental."
        ),
        "declaration_of_interests": (
            "Élue sans étiquette. Aucun intérêt dans le secteur automobile, pétrolier "
            "ou autoroutier."
        ),
    },
    {
        "slug": "karim-haddad",
        "name": "Karim Haddad",
        "occupation": "Professeur d'histoire-géographie, ancien chef de centre du SNU",
        "qualification": "field",
        "qualification_detail": (
            "Il a dirigé trois séjours de cohésion du service national universel et "
            "enseigne l'enseignement moral et civique en lycée depuis quinze ans."
        ),
        "declaration_of_interests": (
            "Fonctionnaire de l'Éducation nationale, indemnisé par l'État pour ses "
            "missions de chef de centre. Il est par ailleurs réserviste de la "
            "gendarmerie."
        ),
    },
    {
        "slug": "aurelie-meunier",
        "name": "Aurélie Meunier",
        "occupation": (
            "Directrice d'une fédération départementale d'éducation populaire en "
            "Gironde"
        ),
        "qualification": "association",
        "qualification_detail": (
            "Sa fédération accueille chaque année plusieurs dizaines de jeunes en "
            "service civique et organise des séjours collectifs pour adolescents."
        ),
        "declaration_of_interests": (
            "Salariée d'une fédération associative qui reçoit des financements "
            "publics, notamment pour l'accueil de volontaires du service civique."
        ),
    },
    {
        "slug": "helene-roussel",
        "name": "Hélène Roussel",
        "occupation": (
            "Chercheuse en économie de l'énergie, spécialiste des systèmes électriques"
        ),
        "qualification": "researcher",
        "qualification_detail": (
            "Elle modélise depuis quinze ans l'équilibre entre production et "
            "consommation d'électricité et compare les coûts de différents mix "
            "énergétiques."
        ),
        "declaration_of_interests": (
            "Chercheuse dans une université publique. Une partie de ses travaux a été "
            "financée par des contrats de recherche avec le CEA ; aucun autre lien "
            "avec la filière nucléaire."
        ),
    },
    {
        "slug": "yann-kerouedan",
        "name": "Yann Kerouédan",
        "occupation": (
            "Président d'une coopérative citoyenne d'énergie renouvelable en Bretagne"
        ),
        "qualification": "association",
        "qualification_detail": (
            "Ingénieur de formation, il a accompagné le financement participatif de "
            "plusieurs parcs éoliens et centrales solaires associant habitants et "
            "collectivités."
        ),
        "declaration_of_interests": (
            "Administrateur bénévole d'une coopérative qui produit et vend de "
            "l'électricité renouvelable, dont il détient des parts sociales."
        ),
    },
    {
        "slug": "fatou-ndiaye",
        "name": "Fatou Ndiaye",
        "occupation": (
            "Vice-présidente chargée des mobilités d'une communauté d'agglomération de "
            "200 000 habitants"
        ),
        "qualification": "elected",
        "qualification_detail": (
            "Elle pilote la refonte du réseau de bus de son agglomération, qui étudie "
            "le passage à la gratuité totale après l'avoir instaurée le week-end."
        ),
        "declaration_of_interests": (
            "Élue locale, membre d'un parti de gauche. Aucun lien avec un opérateur de "
            "transport."
        ),
    },
    {
        "slug": "olivier-mercier",
        "name": "Olivier Mercier",
        "occupation": (
            "Directeur d'un réseau de transport urbain dans une ville moyenne"
        ),
        "qualification": "field",
        "qualification_detail": (
            "Ingénieur, il dirige depuis dix ans l'exploitation d'un réseau de bus et "
            "de tramway et a conduit plusieurs restructurations de lignes."
        ),
        "declaration_of_interests": (
            "Salarié d'un opérateur privé de transport public titulaire d'une "
            "délégation de service public. Il s'exprime ici à titre personnel."
        ),
    },
    {
        "slug": "camille-thibault",
        "name": "Camille Thibault",
        "occupation": (
            "Maîtresse de conférences en finances publiques à l'université de Lille"
        ),
        "qualification": "researcher",
        "qualification_detail": (
            "Ses travaux portent sur la fiscalité du patrimoine et la mobilité sociale "
            "en France et en Europe."
        ),
        "declaration_of_interests": (
            "Enseignante-chercheuse dans une université publique, membre d'une "
            "association d'économistes qui plaide pour une fiscalité plus progressive."
        ),
    },
    {
        "slug": "francois-garnier",
        "name": "François Garnier",
        "occupation": "Notaire à Angers",
        "qualification": "field",
        "qualification_detail": (
            "Il règle chaque année plusieurs centaines de successions et accompagne "
            "des transmissions d'entreprises familiales depuis vingt ans."
        ),
        "declaration_of_interests": (
            "Notaire associé, dont une partie des émoluments provient des actes de "
            "succession et de donation. Aucun mandat dans une instance professionnelle."
        ),
    },
    {
        "slug": "bruno-texier",
        "name": "Bruno Texier",
        "occupation": (
            "Commissaire divisionnaire honoraire, ancien chef d'un service de police "
            "judiciaire"
        ),
        "qualification": "field",
        "qualification_detail": (
            "Il a dirigé pendant dix ans un service de police judiciaire chargé "
            "notamment des disparitions inquiétantes et des affaires criminelles."
        ),
        "declaration_of_interests": (
            "Retraité de la police nationale. Aucun lien avec des entreprises de "
            "vidéoprotection ou d'intelligence artificielle."
        ),
    },
    {
        "slug": "ines-chabane",
        "name": "Inès Chabane",
        "occupation": (
            "Juriste, responsable du plaidoyer d'une association de défense des "
            "libertés numériques"
        ),
        "qualification": "association",
        "qualification_detail": (
            "Spécialiste du droit des données personnelles, elle a suivi l'examen de "
            "la loi relative aux Jeux olympiques de 2024 et de ses textes "
            "d'application."
        ),
        "declaration_of_interests": (
            "Salariée d'une association financée par les dons de ses adhérents. Aucun "
            "lien avec des entreprises du secteur technologique."
        ),
    },
    {
        "slug": "pierre-lemaire",
        "name": "Pierre Lemaire",
        "occupation": "Médecin généraliste à Dijon",
        "qualification": "field",
        "qualification_detail": (
            "Il exerce depuis vingt-cinq ans, accompagne à domicile des patients en "
            "fin de vie et a été médecin coordonnateur d'un Ehpad."
        ),
        "declaration_of_interests": (
            "Médecin libéral, membre d'une association qui milite pour le droit de "
            "mourir dans la dignité."
        ),
    },
    {
        "slug": "claire-morvan",
        "name": "Claire Morvan",
        "occupation": "Infirmière en soins palliatifs au CHU de Nantes",
        "qualification": "field",
        "qualification_detail": (
            "Elle travaille depuis douze ans en unité de soins palliatifs et forme des "
            "soignants à l'accompagnement de la fin de vie."
        ),
        "declaration_of_interests": (
            "Agente de la fonction publique hospitalière, membre de la Société "
            "française d'accompagnement et de soins palliatifs (Sfap)."
        ),
    },
    {
        "slug": "marc-antoine-vidal",
        "name": "Marc-Antoine Vidal",
        "occupation": "Ancien diplomate, en poste à Belgrade puis à Kyiv",
        "qualification": "other",
        "qualification_detail": (
            "Il a suivi pendant quinze ans les négociations d'adhésion et les réformes "
            "de plusieurs pays candidats à l'Union européenne."
        ),
        "declaration_of_interests": (
            "Retraité du ministère des Affaires étrangères, membre bénévole d'une "
            "association de promotion de la construction européenne."
        ),
    },
    {
        "slug": "mathilde-arnaud",
        "name": "Mathilde Arnaud",
        "occupation": "Céréalière dans la Marne",
        "qualification": "field",
        "qualification_detail": (
            "Elle exploite 180 hectares de blé, d'orge et de betterave et siège à la "
            "chambre d'agriculture de son département."
        ),
        "declaration_of_interests": (
            "Exploitante agricole bénéficiaire des aides de la politique agricole "
            "commune, adhérente d'un syndicat agricole."
        ),
    },
    {
        "slug": "lea-marchetti",
        "name": "Léa Marchetti",
        "occupation": (
            "Ingénieure climat, porte-parole d'une association d'usagers du train"
        ),
        "qualification": "association",
        "qualification_detail": (
            "Elle analyse les émissions des transports et la qualité de l'offre "
            "ferroviaire pour une association nationale d'usagers."
        ),
        "declaration_of_interests": (
            "Salariée à temps partiel de l'association, qui reçoit des subventions "
            "publiques. Aucun lien avec SNCF ni avec une compagnie aérienne."
        ),
    },
    {
        "slug": "vincent-leroux",
        "name": "Vincent Leroux",
        "occupation": (
            "Conseiller métropolitain délégué au développement économique dans une "
            "métropole du Sud"
        ),
        "qualification": "elected",
        "qualification_detail": (
            "Il travaille avec les entreprises et l'aéroport de sa métropole sur "
            "l'accessibilité du territoire et ses liaisons avec Paris."
        ),
        "declaration_of_interests": (
            "Élu local, il siège au titre de sa collectivité au conseil de "
            "surveillance de l'aéroport régional."
        ),
    },
    {
        "slug": "anne-sophie-brunet",
        "name": "Anne-Sophie Brunet",
        "occupation": "Pédopsychiatre dans un centre médico-psychologique à Toulouse",
        "qualification": "field",
        "qualification_detail": (
            "Elle reçoit chaque semaine des adolescents souffrant de troubles anxieux "
            "ou du sommeil, dont certains victimes de cyberharcèlement."
        ),
        "declaration_of_interests": (
            "Praticienne hospitalière. Aucun lien avec une plateforme numérique ni "
            "avec un prestataire de vérification d'âge."
        ),
    },
    {
        "slug": "samuel-ohayon",
        "name": "Samuel Ohayon",
        "occupation": (
            "Formateur en éducation aux médias, fondateur d'une association "
            "intervenant dans les collèges"
        ),
        "qualification": "association",
        "qualification_detail": (
            "Il anime depuis dix ans des ateliers sur les réseaux sociaux auprès de "
            "collégiens, de parents et d'enseignants."
        ),
        "declaration_of_interests": (
            "Son association est financée par des collectivités et, pour un projet "
            "ponctuel, par la fondation d'un opérateur de télécommunications."
        ),
    },
]

DEBATES = [
    {
        "slug": "semaine-de-quatre-jours",
        "question": "Faut-il généraliser la semaine de quatre jours ?",
        "themes": ["economie", "societe"],
        "premium": False,
        "chosen_by_readers": True,
        "days_ago": 3,
        "context": (
            "<p>La durée légale du travail est fixée à 35 heures par semaine depuis "
            "les lois Aubry (1998-2000). La semaine de quatre jours peut prendre deux "
            "formes : les mêmes heures réparties sur quatre journées plus longues, ou "
            "une baisse du temps de travail, par exemple à 32 heures, avec ou sans "
            "maintien du salaire.</p>"
            "<p>Plusieurs expériences ont eu lieu : un essai mené au Royaume-Uni en "
            "2022 dans une soixantaine d'entreprises volontaires, un droit à demander "
            "une semaine comprimée en Belgique depuis 2022, des tests dans quelques "
            "administrations et entreprises françaises depuis 2023. Aucune loi ne "
            "l'impose en France : elle relève d'accords d'entreprise.</p>"
            "<p>Selon la Dares, les salariés à temps complet déclarent travailler en "
            "moyenne autour de 39 heures par semaine, heures supplémentaires "
            "comprises.</p>"
        ),
        "key_figures": [
            {
                "value": "35 heures",
                "label": "durée légale hebdomadaire du travail depuis 2000",
                "source": "Code du travail",
            },
            {
                "value": "Environ 39 heures",
                "label": "durée habituelle déclarée par les salariés à temps complet",
                "source": "Dares, enquête Emploi",
            },
            {
                "value": "56 sur 61",
                "label": (
                    "entreprises de l'essai britannique de 2022 qui ont poursuivi la "
                    "semaine de quatre jours"
                ),
                "source": "Autonomy, 2023",
            },
        ],
        "pour": {
            "expert": "sandrine-ollivier",
            "headline": (
                "Quatre jours, ce n'est pas un cadeau : c'est une meilleure façon "
                "d'organiser le travail"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Il y a deux ans, notre entrepôt est passé à quatre jours : "
                    "34 heures payées 35, du lundi au jeudi ou du mardi au vendredi "
                    "selon les équipes. Je m'attendais à une baisse de production. "
                    "C'est l'inverse qui s'est produit : moins d'arrêts courts, moins "
                    "de retards, des réunions raccourcies parce que chacun sait que "
                    "le temps est compté. L'essai britannique de 2022 décrit la même "
                    "chose : dans la grande majorité des entreprises volontaires, "
                    "l'activité s'est maintenue et les absences ont "
                    "reculé<sup>1</sup>.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "56 sur 61",
                        "label": (
                            "entreprises de l'essai britannique qui ont conservé la "
                            "semaine de quatre jours à la fin du test"
                        ),
                        "source": "Autonomy, 2023",
                    },
                ),
                (
                    "paragraph",
                    "<p>Le deuxième argument, c'est le recrutement. Dans la "
                    "logistique, le soin ou l'hôtellerie, une majorité des projets "
                    "d'embauche sont jugés difficiles par les employeurs<sup>2</sup>. "
                    "Offrir un troisième jour de repos, c'est proposer ce que les "
                    "grands groupes ne peuvent pas toujours acheter avec des primes. "
                    "Depuis le changement, nous recevons nettement plus de "
                    "candidatures. Et un trajet en moins par semaine, ce sont des "
                    "pleins d'essence économisés pour des salariés qui habitent "
                    "souvent à trente kilomètres.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Le vendredi, je m'occupe de ma mère. Avant, je posais des "
                            "jours de congé pour ça."
                        ),
                        "attribution": (
                            "Une préparatrice de commandes de l'entreprise, citée par "
                            "Sandrine Ollivier"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>On objecte, à juste titre, que les journées longues fatiguent "
                    "et que tous les métiers ne s'y prêtent pas. C'est pourquoi "
                    "généraliser ne veut pas dire imposer un modèle unique : il "
                    "s'agit d'ouvrir un droit, négocié branche par branche, avec des "
                    "plafonds de durée quotidienne et un suivi de la santé des "
                    "salariés. Un hôpital ne s'organisera pas comme un bureau "
                    "d'études, mais il fonctionne déjà en cycles de douze heures. Les "
                    "35 heures n'ont pas empêché une grande diversité "
                    "d'organisations<sup>3</sup> ; la semaine de quatre jours non "
                    "plus.</p>",
                ),
                (
                    "paragraph",
                    "<p>Du temps rendu aux familles, des salariés qui restent, une "
                    "production qui ne baisse pas : ce n'est pas une utopie, c'est "
                    "une méthode.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "The results are in: the UK's four-day week pilot",
                    "publisher": "Autonomy",
                    "year": 2023,
                    "url": "https://autonomy.work/",
                },
                {
                    "title": "Enquête Besoins en main-d'œuvre 2024",
                    "publisher": "France Travail",
                    "year": 2024,
                    "url": "https://www.francetravail.fr/",
                },
                {
                    "title": (
                        "Durée et organisation du temps de travail des salariés "
                        "(séries statistiques)"
                    ),
                    "publisher": "Dares",
                    "year": 2023,
                    "url": "https://dares.travail-emploi.gouv.fr/",
                },
            ],
        },
        "contre": {
            "expert": "mehdi-bouaziz",
            "headline": (
                "Comprimer la semaine, c'est déplacer la fatigue sans réduire le "
                "travail"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Dans mes consultations, je vois ce que produit une semaine "
                    "comprimée : des journées de neuf heures, auxquelles s'ajoutent "
                    "les trajets, soit parfois onze heures hors de chez soi. Pour un "
                    "cariste, une aide-soignante ou un agent d'entretien, cela veut "
                    "dire plus de douleurs en fin de journée et une vigilance qui "
                    "baisse. Les organismes de prévention classent d'ailleurs les "
                    "journées de plus de huit heures parmi les horaires atypiques, "
                    "associés à davantage de fatigue et d'accidents<sup>1</sup>. Le "
                    "jour de repos gagné ne rattrape pas quatre soirées "
                    "sacrifiées.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Environ 39 heures",
                        "label": (
                            "durée habituelle de travail des salariés à temps complet, "
                            "bien au-delà des 35 heures légales"
                        ),
                        "source": "Dares",
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième écueil : l'inégalité. Les essais réussis concernent "
                    "surtout des PME de services volontaires, où le travail se "
                    "réorganise facilement<sup>2</sup>. Là où l'activité est "
                    "continue, à l'hôpital, dans le commerce ou les transports, la "
                    "semaine de quatre jours suppose d'embaucher ou de bouleverser "
                    "les plannings. Généraliser reviendrait à offrir un jour libre "
                    "aux cadres, tandis que caissières et soignants porteraient les "
                    "horaires éclatés. Et si l'on passe à 32 heures payées 35, la "
                    "facture se compterait en milliards pour les hôpitaux et l'État "
                    "employeur.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Le lundi, on récupère encore du jeudi.",
                        "attribution": (
                            "Un technicien de maintenance suivi en consultation par "
                            "Mehdi Bouaziz"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Ses partisans mettent en avant la productivité. Mais un gain "
                    "mesuré sur six mois dans des entreprises motivées ne dit rien "
                    "d'une généralisation : une partie vient de l'intensification, "
                    "qui use sur la durée. Les enquêtes de la Dares montrent déjà, "
                    "depuis des décennies, une montée des contraintes de "
                    "rythme<sup>3</sup>. Plutôt qu'une règle nationale, laissons les "
                    "accords d'entreprise expérimenter, avec un suivi médical réel, "
                    "et attaquons-nous à ce qui abîme vraiment la santé : la charge "
                    "de travail et les horaires imprévisibles.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "Travail en horaires atypiques (dossier)",
                    "publisher": "INRS",
                    "year": 2022,
                    "url": "https://www.inrs.fr/",
                },
                {
                    "title": "The results are in: the UK's four-day week pilot",
                    "publisher": "Autonomy",
                    "year": 2023,
                    "url": "https://autonomy.work/",
                },
                {
                    "title": (
                        "Enquête Conditions de travail et risques psychosociaux 2019"
                    ),
                    "publisher": "Dares",
                    "year": 2021,
                    "url": "https://dares.travail-emploi.gouv.fr/",
                },
            ],
        },
    },
    {
        "slug": "telephone-portable-au-lycee",
        "question": (
            "Faut-il interdire le téléphone portable dans l'enceinte des lycées ?"
        ),
        "themes": ["education", "numerique"],
        "premium": False,
        "chosen_by_readers": True,
        "days_ago": 9,
        "context": (
            "<p>Depuis la loi du 3 août 2018, l'usage du téléphone portable est "
            "interdit dans les écoles et les collèges, sauf usage pédagogique. Dans "
            "les lycées, chaque établissement décide par son règlement intérieur : "
            "certains l'interdisent en classe seulement, d'autres dans toute "
            "l'enceinte.</p>"
            "<p>À la rentrée 2024, une « pause numérique », où les élèves déposent "
            "leur téléphone à l'arrivée, a été expérimentée dans près de 200 collèges, "
            "avant une extension annoncée à tous les collèges. La même année, une "
            "commission d'experts installée par le président de la République a "
            "recommandé de limiter fortement l'exposition des enfants et des "
            "adolescents aux écrans.</p>"
            "<p>Selon l'enquête PISA 2022 de l'OCDE, une majorité d'élèves de 15 ans "
            "déclarent être distraits par des appareils numériques pendant au moins "
            "une partie des cours de mathématiques.</p>"
        ),
        "key_figures": [
            {
                "value": "2018",
                "label": "année de l'interdiction du portable à l'école et au collège",
                "source": "Loi du 3 août 2018",
            },
            {
                "value": "Près de 200",
                "label": (
                    "collèges ayant expérimenté la « pause numérique » en 2024-2025"
                ),
                "source": "Ministère de l'Éducation nationale",
            },
            {
                "value": "Près des deux tiers",
                "label": (
                    "des élèves de 15 ans distraits par le numérique dans au moins "
                    "certains cours de mathématiques (moyenne OCDE)"
                ),
                "source": "OCDE, PISA 2022",
            },
        ],
        "pour": {
            "expert": "nathalie-guerin",
            "headline": (
                "Le lycée doit redevenir un lieu où l'on se concentre et où l'on se "
                "parle"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Le premier enjeu est l'attention. L'OCDE constate que les "
                    "élèves distraits par leur téléphone, ou par celui de leurs "
                    "voisins, obtiennent en moyenne de moins bons résultats en "
                    "mathématiques<sup>1</sup>. Interdire le portable en classe ne "
                    "suffit pas : une notification reçue à la récréation occupe "
                    "encore l'esprit pendant le cours suivant. Et un téléphone posé "
                    "sur la table, même retourné, reste une tentation que beaucoup "
                    "d'adultes ne savent pas gérer eux-mêmes. Les enseignants le "
                    "constatent chaque jour : après une vibration ou une sonnerie, il "
                    "faut plusieurs minutes pour retrouver l'attention d'une "
                    "classe.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "45 %",
                        "label": (
                            "des élèves de 15 ans se disent nerveux ou anxieux lorsque "
                            "leur téléphone n'est pas à portée de main (moyenne OCDE)"
                        ),
                        "source": "OCDE, PISA 2022",
                    },
                ),
                (
                    "paragraph",
                    "<p>Le second enjeu est le climat scolaire. Bagarres filmées puis "
                    "diffusées, photos prises à l'insu d'un camarade, groupes de "
                    "discussion où l'on humilie : une grande partie des conflits que "
                    "nous traitons passe par l'écran. La commission d'experts sur les "
                    "écrans a décrit ces mécanismes et recommandé de protéger les "
                    "temps collectifs<sup>2</sup>. Quand les téléphones restent à "
                    "l'entrée, la cour redevient un lieu d'échanges, et les élèves "
                    "isolés sont plus faciles à repérer.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Depuis qu'on laisse les téléphones à l'entrée, la cour "
                            "est redevenue bruyante. C'est une bonne nouvelle."
                        ),
                        "attribution": (
                            "Un conseiller principal d'éducation du lycée dirigé par "
                            "Nathalie Guérin"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>On objecte qu'à 17 ans, il faut apprendre l'autonomie plutôt "
                    "qu'interdire. Mais on n'apprend pas l'autorégulation face à des "
                    "applications conçues pour capter l'attention en laissant l'objet "
                    "dans la poche. L'éducation au numérique se fait en cours, avec "
                    "les ordinateurs de l'établissement, et l'espace numérique de "
                    "travail reste accessible sur les postes du CDI. De nombreux pays "
                    "ont fait ce choix, et l'Unesco invite à n'autoriser la "
                    "technologie à l'école que lorsqu'elle sert les "
                    "apprentissages<sup>3</sup>.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "Résultats du PISA 2022 (Volume II)",
                    "publisher": "OCDE",
                    "year": 2023,
                    "url": "https://www.oecd.org/",
                },
                {
                    "title": "Enfants et écrans. À la recherche du temps perdu",
                    "publisher": (
                        "Commission d'experts sur l'impact de l'exposition des jeunes "
                        "aux écrans"
                    ),
                    "year": 2024,
                    "url": "https://www.elysee.fr/",
                },
                {
                    "title": (
                        "Rapport mondial de suivi sur l'éducation 2023 : la "
                        "technologie dans l'éducation"
                    ),
                    "publisher": "Unesco",
                    "year": 2023,
                    "url": "https://www.unesco.org/",
                },
            ],
        },
        "contre": {
            "expert": "hugo-lambert",
            "headline": (
                "Interdire jusqu'à 18 ans, c'est renoncer à apprendre aux lycéens à "
                "s'en servir"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Les lycéens ne sont pas des collégiens plus grands. Une "
                    "partie d'entre eux sont majeurs, beaucoup travaillent le "
                    "week-end, passent le permis, gèrent seuls leurs trajets et leurs "
                    "démarches. Le lycée a pour mission de préparer cette autonomie. "
                    "Interdire le téléphone en classe, chaque règlement intérieur "
                    "peut déjà le faire, et la plupart le font. L'interdire dans "
                    "toute l'enceinte, pauses et internat compris, c'est autre "
                    "chose : c'est renoncer à apprendre à s'en servir au moment "
                    "précis où ils vont devoir le faire seuls.</p>",
                ),
                (
                    "paragraph",
                    "<p>Les preuves d'efficacité sont par ailleurs plus fragiles "
                    "qu'on ne le dit. Une étude menée en Angleterre dans une "
                    "trentaine d'établissements n'a trouvé aucune différence de "
                    "bien-être, de sommeil ou de résultats entre établissements aux "
                    "règles strictes et établissements plus souples<sup>1</sup>. Ce "
                    "qui comptait, c'était le temps total passé sur le téléphone, "
                    "surtout le soir, hors de l'école. L'Unesco, qui défend les "
                    "restrictions en classe, rappelle d'ailleurs que les élèves "
                    "doivent aussi apprendre à vivre avec la "
                    "technologie<sup>2</sup>.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "30 établissements",
                        "label": (
                            "comparés en Angleterre : pas de différence de bien-être "
                            "entre règles strictes et règles souples sur le téléphone"
                        ),
                        "source": "The Lancet Regional Health – Europe, 2025",
                    },
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Quand on interdit, les élèves cachent. Quand on en parle, "
                            "ils racontent ce qui leur arrive en ligne."
                        ),
                        "attribution": (
                            "Une professeure documentaliste interrogée lors des "
                            "enquêtes de Hugo Lambert"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Reste l'argument le plus sérieux, celui du harcèlement. Mais "
                    "les enquêtes de climat scolaire montrent que les cyberviolences "
                    "se prolongent surtout le soir et le week-end<sup>3</sup>. Une "
                    "interdiction dans l'enceinte les éloigne du regard des adultes "
                    "sans les faire disparaître. Mieux vaut des règles claires en "
                    "classe, des temps d'éducation aux médias et des équipes formées "
                    "pour intervenir, que des casiers à surveiller par des assistants "
                    "d'éducation déjà débordés.</p>",
                ),
            ],
            "sources": [
                {
                    "title": (
                        "School phone policies and their association with mental "
                        "wellbeing, phone use, and social media use (SMART Schools)"
                    ),
                    "publisher": "The Lancet Regional Health – Europe",
                    "year": 2025,
                    "url": "https://www.thelancet.com/",
                },
                {
                    "title": (
                        "Rapport mondial de suivi sur l'éducation 2023 : la "
                        "technologie dans l'éducation"
                    ),
                    "publisher": "Unesco",
                    "year": 2023,
                    "url": "https://www.unesco.org/",
                },
                {
                    "title": (
                        "Enquête nationale de climat scolaire et de victimation auprès "
                        "des lycéens"
                    ),
                    "publisher": "Depp, ministère de l'Éducation nationale",
                    "year": 2018,
                    "url": "https://www.education.gouv.fr/",
                },
            ],
        },
    },
    {
        "slug": "110-km-h-sur-autoroute",
        "question": "Faut-il abaisser la vitesse maximale sur autoroute à 110 km/h ?",
        "themes": ["environnement", "societe"],
        "premium": False,
        "chosen_by_readers": True,
        "days_ago": 16,
        "context": (
            "<p>La vitesse maximale sur autoroute est de 130 km/h par temps sec depuis "
            "1974, et de 110 km/h par temps de pluie. Certaines sections sont déjà "
            "limitées à 110 km/h, de façon permanente ou lors des pics de "
            "pollution.</p>"
            "<p>En 2020, la Convention citoyenne pour le climat a proposé de passer à "
            "110 km/h sur tout le réseau autoroutier ; la proposition n'a pas été "
            "retenue. Les transports sont le premier secteur émetteur de gaz à effet "
            "de serre en France, avec environ un tiers des émissions, dont à peu près "
            "la moitié pour les voitures particulières.</p>"
            "<p>Rapportées au nombre de kilomètres parcourus, les autoroutes sont le "
            "réseau le plus sûr : elles concentrent moins d'un décès routier sur dix. "
            "À 110 km/h plutôt qu'à 130 km/h, un trajet de 100 km dure en théorie "
            "environ huit minutes de plus.</p>"
        ),
        "key_figures": [
            {
                "value": "130 km/h",
                "label": "vitesse maximale sur autoroute par temps sec depuis 1974",
                "source": "Code de la route",
            },
            {
                "value": "Environ un tiers",
                "label": (
                    "des émissions françaises de gaz à effet de serre dues aux "
                    "transports"
                ),
                "source": "Citepa, 2024",
            },
            {
                "value": "Environ 8 minutes",
                "label": (
                    "de trajet en plus par tranche de 100 km à 110 km/h au lieu de "
                    "130 km/h (calcul théorique)"
                ),
                "source": "Calcul de la rédaction",
            },
        ],
        "pour": {
            "expert": "etienne-marchal",
            "headline": (
                "110 km/h : la mesure pour le climat la moins chère et la plus rapide "
                "à appliquer"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>La résistance de l'air croît avec le carré de la vitesse. "
                    "Passer de 130 à 110 km/h réduit donc fortement la consommation : "
                    "les estimations de l'Ademe, reprises par l'État dans son plan de "
                    "sobriété, donnent un ordre de grandeur proche de 20 % de "
                    "carburant économisé<sup>1</sup>. Aucune autre mesure ne produit "
                    "un tel effet dès le lendemain de son entrée en vigueur, pour le "
                    "seul coût du remplacement des panneaux. Le parc automobile met "
                    "quinze ans à se renouveler ; une limitation de vitesse "
                    "s'applique à toutes les voitures, neuves comme anciennes.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Près de 20 %",
                        "label": (
                            "de carburant en moins en roulant à 110 km/h plutôt qu'à "
                            "130 km/h"
                        ),
                        "source": "Ademe",
                    },
                ),
                (
                    "paragraph",
                    "<p>Le gain pour la sécurité n'est pas négligeable non plus. La "
                    "vitesse détermine à la fois la distance de freinage et la "
                    "violence des chocs. L'évaluation de la limitation à 80 km/h sur "
                    "les routes secondaires a conclu à plus de 300 vies épargnées en "
                    "une vingtaine de mois<sup>2</sup>. Les autoroutes sont sûres, "
                    "mais à ces vitesses les accidents y sont souvent graves, et ils "
                    "mobilisent des secours loin de tout.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Réduire la vitesse sur autoroute, c'est à la fois baisser "
                            "les émissions, économiser du carburant et améliorer la "
                            "sécurité."
                        ),
                        "attribution": (
                            "Convention citoyenne pour le climat, rapport final, 2020 "
                            "(en substance)"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>On répond que la voiture électrique réglera la question. Elle "
                    "la rend au contraire plus pressante : à 110 km/h, l'autonomie "
                    "sur autoroute augmente nettement et les arrêts de recharge "
                    "diminuent. Quant au temps perdu, il reste limité : environ huit "
                    "minutes par tranche de 100 km, moins encore dans les bouchons. "
                    "Face à des émissions des transports qui baissent trop lentement, "
                    "comme le relève le Haut Conseil pour le climat<sup>3</sup>, huit "
                    "minutes sont un effort raisonnable.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "Plan de sobriété énergétique",
                    "publisher": "Ministère de la Transition énergétique",
                    "year": 2022,
                    "url": "https://www.ecologie.gouv.fr/",
                },
                {
                    "title": (
                        "Évaluation de l'abaissement de la vitesse maximale autorisée "
                        "à 80 km/h : rapport final"
                    ),
                    "publisher": "Cerema",
                    "year": 2020,
                    "url": "https://www.cerema.fr/",
                },
                {
                    "title": "Rapport annuel 2024",
                    "publisher": "Haut Conseil pour le climat",
                    "year": 2024,
                    "url": "https://www.hautconseilclimat.fr/",
                },
            ],
        },
        "contre": {
            "expert": "martine-fabre",
            "headline": (
                "Dans les territoires sans train, 110 km/h serait un impôt sur le temps"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Dans ma commune, il n'y a ni gare ni ligne de car utilisable "
                    "pour aller travailler. L'autoroute est notre lien avec "
                    "l'hôpital, la préfecture, l'université des enfants. L'Insee le "
                    "montre : la voiture reste le mode de transport de la grande "
                    "majorité des actifs, et davantage encore à la "
                    "campagne<sup>1</sup>. Quelques minutes par trajet, répétées deux "
                    "fois par jour, deviennent des dizaines d'heures par an. Ce "
                    "temps, ce sont les habitants des territoires les moins bien "
                    "desservis qui le paieraient.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Moins d'un sur dix",
                        "label": (
                            "décès routiers survenus sur autoroute, le réseau le plus "
                            "sûr au kilomètre parcouru"
                        ),
                        "source": "ONISR, bilan 2023",
                    },
                ),
                (
                    "paragraph",
                    "<p>Sur la sécurité, les chiffres invitent à viser juste. Les "
                    "autoroutes concentrent une faible part des morts sur la route ; "
                    "l'essentiel se joue sur les routes départementales et en "
                    "agglomération<sup>2</sup>. C'est là qu'il faut investir : "
                    "aménagement des carrefours, contrôles, lutte contre l'alcool et "
                    "les stupéfiants au volant. Quant au climat, l'Union européenne a "
                    "programmé la fin de la vente des voitures thermiques neuves en "
                    "2035<sup>3</sup>. L'effort doit porter sur l'électrification, le "
                    "covoiturage et le rail, qui produisent des effets durables.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Ici, la maternité la plus proche est à une heure "
                            "d'autoroute. Ce n'est pas un trajet de loisir."
                        ),
                        "attribution": (
                            "Une habitante de la commune dont Martine Fabre est maire"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>On me dit que ce n'est que huit minutes. Mais l'épisode des "
                    "80 km/h a montré qu'une règle décidée loin du terrain, perçue "
                    "comme punitive, abîme durablement la confiance, au point que le "
                    "législateur a rendu la main aux départements. Une politique "
                    "climatique a besoin d'adhésion. Commençons par donner une "
                    "alternative à ceux qui n'en ont pas ; la vitesse baissera "
                    "d'elle-même quand le train et le car redeviendront des options "
                    "réelles.</p>",
                ),
            ],
            "sources": [
                {
                    "title": (
                        "La voiture reste majoritaire pour les déplacements "
                        "domicile-travail, même pour de courtes distances (Insee "
                        "Première)"
                    ),
                    "publisher": "Insee",
                    "year": 2021,
                    "url": "https://www.insee.fr/",
                },
                {
                    "title": (
                        "La sécurité routière en France : bilan de l'accidentalité de "
                        "l'année 2023"
                    ),
                    "publisher": "ONISR",
                    "year": 2024,
                    "url": "https://www.onisr.securite-routiere.gouv.fr/",
                },
                {
                    "title": (
                        "Règlement (UE) 2023/851 sur les normes d'émission de CO2 des "
                        "voitures neuves"
                    ),
                    "publisher": "Union européenne",
                    "year": 2023,
                    "url": "https://eur-lex.europa.eu/",
                },
            ],
        },
    },
    {
        "slug": "service-national-universel-obligatoire",
        "question": "Faut-il rendre obligatoire le service national universel ?",
        "themes": ["societe", "education"],
        "premium": False,
        "chosen_by_readers": False,
        "days_ago": 24,
        "context": (
            "<p>Lancé en 2019, le service national universel (SNU) s'adresse aux "
            "jeunes de 15 à 17 ans. Il comprend un séjour de cohésion de douze jours "
            "en internat, en uniforme et en général hors de son département, puis une "
            "mission d'intérêt général. Il repose aujourd'hui sur le volontariat.</p>"
            "<p>Plusieurs dizaines de milliers de jeunes y participent chaque année, "
            "loin d'une classe d'âge entière, qui compte environ 800 000 jeunes. En "
            "2024, la Cour des comptes a jugé ses objectifs insuffisamment clarifiés, "
            "relevé une surreprésentation des enfants de familles favorisées ou de "
            "parents servant dans les corps en uniforme, et estimé le coût d'une "
            "généralisation entre 3,5 et 5 milliards d'euros par an.</p>"
            "<p>Il existe par ailleurs le service civique, volontaire et indemnisé, "
            "qui permet chaque année à plusieurs dizaines de milliers de jeunes de 16 "
            "à 25 ans de s'engager plusieurs mois dans une association, une "
            "collectivité ou un service public.</p>"
        ),
        "key_figures": [
            {
                "value": "12 jours",
                "label": "durée du séjour de cohésion, première étape du SNU",
                "source": "Ministère chargé de la jeunesse",
            },
            {
                "value": "Environ 800 000",
                "label": (
                    "jeunes par classe d'âge, l'effectif que concernerait un SNU "
                    "obligatoire"
                ),
                "source": "Insee, bilan démographique",
            },
            {
                "value": "3,5 à 5 Md€",
                "label": "coût annuel estimé d'une généralisation du SNU",
                "source": "Cour des comptes, 2024",
            },
        ],
        "pour": {
            "expert": "karim-haddad",
            "headline": (
                "Le seul moment où toute une génération se rencontrerait vraiment"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Notre école trie sans le vouloir : par quartier, par filière, "
                    "par option. Un lycéen de centre-ville peut passer toute sa "
                    "scolarité sans jamais partager une chambre, un repas ou une "
                    "tâche avec un apprenti de la campagne. Le séjour de cohésion, "
                    "lui, mélange volontairement des jeunes d'horizons différents, "
                    "loin de chez eux, avec une règle commune. Rendu obligatoire, il "
                    "serait le seul moment où une classe d'âge entière, environ "
                    "800 000 jeunes<sup>1</sup>, se rencontrerait.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Environ 800 000",
                        "label": (
                            "jeunes par classe d'âge : tous passeraient par le même "
                            "séjour, quelle que soit leur filière"
                        ),
                        "source": "Insee",
                    },
                ),
                (
                    "paragraph",
                    "<p>Le deuxième enjeu est la capacité du pays à faire face aux "
                    "crises. Épidémie, inondations, canicules, tensions "
                    "internationales : une société résiliente a besoin de citoyens "
                    "qui savent porter les premiers secours, connaissent les services "
                    "de secours et ont déjà vécu l'effort collectif. Les enquêtes "
                    "montrent d'ailleurs qu'une part importante des jeunes souhaitent "
                    "s'engager sans savoir par où commencer<sup>2</sup>. La mission "
                    "d'intérêt général peut être cette porte d'entrée.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Le troisième jour, un garçon de Roubaix et une fille d'un "
                            "village du Cantal ont monté ensemble le bivouac de leur "
                            "groupe. Ils ne se seraient jamais croisés ailleurs."
                        ),
                        "attribution": (
                            "Karim Haddad, à propos d'un séjour de cohésion qu'il a "
                            "dirigé"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>L'objection la plus forte est le coût, que la Cour des "
                    "comptes chiffre à plusieurs milliards d'euros par "
                    "an<sup>3</sup>. Il est réel. Mais la même Cour constate que le "
                    "volontariat attire surtout des jeunes déjà favorisés ou déjà "
                    "proches des corps en uniforme. Autrement dit, tant qu'il reste "
                    "facultatif, le SNU ne touche pas ceux qu'il devrait toucher. "
                    "Clarifions ses objectifs, montons en charge progressivement en "
                    "utilisant les internats l'été, mais allons jusqu'au bout : une "
                    "mixité choisie n'est pas une mixité.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "Bilan démographique 2023",
                    "publisher": "Insee",
                    "year": 2024,
                    "url": "https://www.insee.fr/",
                },
                {
                    "title": "Baromètre DJEPVA sur la jeunesse 2023",
                    "publisher": "Injep",
                    "year": 2023,
                    "url": "https://injep.fr/",
                },
                {
                    "title": "Le service national universel",
                    "publisher": "Cour des comptes",
                    "year": 2024,
                    "url": "https://www.ccomptes.fr/",
                },
            ],
        },
        "contre": {
            "expert": "aurelie-meunier",
            "headline": (
                "L'engagement ne se décrète pas : investissons dans ce qui fonctionne "
                "déjà"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Dans notre fédération, les jeunes en service civique restent, "
                    "s'investissent et, souvent, continuent comme bénévoles. La "
                    "raison est simple : ils ont choisi leur mission, pendant six à "
                    "huit mois, dans une structure qui compte sur eux. L'engagement "
                    "se construit dans la durée et dans le choix. Un séjour "
                    "obligatoire de douze jours, vécu par beaucoup comme une "
                    "contrainte de plus, risque de produire l'effet inverse : "
                    "associer l'idée d'engagement à l'obligation.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "3,5 à 5 Md€",
                        "label": (
                            "par an pour généraliser le SNU, selon l'estimation de la "
                            "Cour des comptes"
                        ),
                        "source": "Cour des comptes, 2024",
                    },
                ),
                (
                    "paragraph",
                    "<p>Le coût, ensuite. La Cour des comptes estime qu'une "
                    "généralisation coûterait entre 3,5 et 5 milliards d'euros chaque "
                    "année, et juge les objectifs du dispositif toujours "
                    "flous<sup>1</sup>. Il faudrait trouver des dizaines de milliers "
                    "d'encadrants qualifiés, des hébergements, des transports, chaque "
                    "été. La Cour relève déjà des dysfonctionnements sur le terrain "
                    "avec quelques dizaines de milliers de volontaires ; que "
                    "serait-ce avec une classe d'âge entière ? Avec une fraction de "
                    "cette somme, on pourrait proposer une mission de service civique "
                    "à tous les jeunes qui en font la demande, alors que son budget "
                    "reste aujourd'hui contraint<sup>2</sup>.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Les jeunes qui arrivent chez nous ont choisi d'être là. "
                            "C'est ce choix qui les fait rester."
                        ),
                        "attribution": (
                            "Aurélie Meunier, à partir de l'expérience de sa fédération"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Reste l'argument de la mixité, le plus sérieux. Mais douze "
                    "jours ne compensent pas des années de séparation : les écarts de "
                    "composition sociale entre établissements d'une même ville sont "
                    "documentés par le ministère lui-même<sup>3</sup>. La mixité se "
                    "construit à l'école, toute l'année, par la sectorisation, les "
                    "internats et les projets communs. Plutôt qu'un rite obligatoire, "
                    "finançons l'éducation populaire, les colonies de vacances "
                    "accessibles à tous et un service civique ouvert à chaque jeune "
                    "qui le souhaite.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "Le service national universel",
                    "publisher": "Cour des comptes",
                    "year": 2024,
                    "url": "https://www.ccomptes.fr/",
                },
                {
                    "title": "Rapport d'activité 2023",
                    "publisher": "Agence du service civique",
                    "year": 2024,
                    "url": "https://www.service-civique.gouv.fr/",
                },
                {
                    "title": "Indice de position sociale des collèges et des lycées",
                    "publisher": "Depp, ministère de l'Éducation nationale",
                    "year": 2023,
                    "url": "https://www.education.gouv.fr/",
                },
            ],
        },
    },
    {
        "slug": "nouveau-nucleaire-ou-renouvelables",
        "question": (
            "Faut-il donner la priorité au nouveau nucléaire plutôt qu'aux énergies "
            "renouvelables ?"
        ),
        "themes": ["environnement", "economie"],
        "premium": True,
        "chosen_by_readers": False,
        "days_ago": 33,
        "context": (
            "<p>Le nucléaire fournit environ deux tiers de l'électricité produite en "
            "France, avec 57 réacteurs, dont l'EPR de Flamanville, raccordé au réseau "
            "fin 2024. L'éolien et le solaire représentent ensemble de l'ordre de 15 % "
            "de la production, l'hydraulique un peu plus de 10 %.</p>"
            "<p>En 2022, le gouvernement a annoncé la construction de six réacteurs "
            "EPR2, avec une option pour huit supplémentaires ; les premiers sont "
            "attendus au cours de la décennie 2030. La même année, le gestionnaire du "
            "réseau, RTE, a publié six scénarios pour atteindre la neutralité carbone "
            "en 2050, d'un système presque entièrement renouvelable à un mix "
            "comprenant environ la moitié de nucléaire.</p>"
            "<p>Tous ces scénarios supposent une forte hausse de la production "
            "d'électricité bas carbone, pour remplacer le pétrole et le gaz dans les "
            "transports, le chauffage et l'industrie.</p>"
        ),
        "key_figures": [
            {
                "value": "Environ 2/3",
                "label": "de l'électricité produite en France d'origine nucléaire",
                "source": "RTE, Bilan électrique",
            },
            {
                "value": "6 EPR2",
                "label": (
                    "réacteurs dont la construction a été annoncée en 2022, avec une "
                    "option pour 8 de plus"
                ),
                "source": "Gouvernement, 2022",
            },
            {
                "value": "6 scénarios",
                "label": "étudiés par RTE pour atteindre la neutralité carbone en 2050",
                "source": "RTE, Futurs énergétiques 2050",
            },
        ],
        "pour": {
            "expert": "helene-roussel",
            "headline": (
                "Sans nouveau nucléaire, la neutralité carbone coûtera plus cher et "
                "sera plus fragile"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>La question n'est pas de choisir entre nucléaire et "
                    "renouvelables, mais de savoir sur quoi faire reposer le système. "
                    "L'étude la plus complète jamais menée en France, celle de RTE, "
                    "conclut que les scénarios qui construisent de nouveaux réacteurs "
                    "sont les moins coûteux pour la collectivité<sup>1</sup>. Un "
                    "système presque entièrement renouvelable exige beaucoup plus de "
                    "stockage, de centrales de secours, de lignes électriques et de "
                    "flexibilité, dont les coûts s'ajoutent à ceux des éoliennes et "
                    "des panneaux.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Construire de nouveaux réacteurs nucléaires est pertinent "
                            "du point de vue économique."
                        ),
                        "attribution": "RTE, Futurs énergétiques 2050 (en substance)",
                    },
                ),
                (
                    "paragraph",
                    "<p>Le deuxième argument est la sécurité d'approvisionnement. En "
                    "hiver, lors des anticyclones sans vent, la consommation est au "
                    "plus haut et la production éolienne et solaire au plus bas, "
                    "parfois pendant plusieurs jours. Il faut alors une production "
                    "pilotable et bas carbone. Sur l'ensemble de son cycle de vie, le "
                    "nucléaire émet aussi peu que l'éolien, et moins que le solaire, "
                    "selon les valeurs médianes retenues par le Giec<sup>2</sup>. Il "
                    "occupe enfin très peu de surface et consomme moins de métaux par "
                    "kilowattheure produit.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Environ 12 g",
                        "label": (
                            "de CO2 par kWh sur le cycle de vie du nucléaire, autant "
                            "que l'éolien (valeurs médianes)"
                        ),
                        "source": "Giec, 2014",
                    },
                ),
                (
                    "paragraph",
                    "<p>On oppose les retards et les surcoûts de Flamanville. Ils "
                    "sont indéniables, et la Cour des comptes les a analysés : un "
                    "premier chantier lancé après quinze ans sans construction, avec "
                    "des compétences perdues et une conception complexe<sup>3</sup>. "
                    "C'est précisément pour cela que le programme EPR2 prévoit un "
                    "modèle simplifié et construit en série, sur des sites existants. "
                    "Donner la priorité au nucléaire ne signifie pas arrêter les "
                    "renouvelables : cela signifie garantir la colonne vertébrale "
                    "d'un système qui devra produire bien plus d'électricité "
                    "qu'aujourd'hui.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "Futurs énergétiques 2050 : principaux résultats",
                    "publisher": "RTE",
                    "year": 2022,
                    "url": "https://www.rte-france.com/",
                },
                {
                    "title": (
                        "Cinquième rapport d'évaluation, contribution du groupe de "
                        "travail III"
                    ),
                    "publisher": "Giec",
                    "year": 2014,
                    "url": "https://www.ipcc.ch/",
                },
                {
                    "title": "La filière EPR",
                    "publisher": "Cour des comptes",
                    "year": 2020,
                    "url": "https://www.ccomptes.fr/",
                },
            ],
        },
        "contre": {
            "expert": "yann-kerouedan",
            "headline": (
                "Le climat n'attendra pas 2040 : les renouvelables d'abord, parce "
                "qu'elles sont prêtes"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Le premier argument est le temps. Le chantier de Flamanville "
                    "a été lancé en 2007 et le réacteur n'a été raccordé qu'en 2024, "
                    "pour un coût plusieurs fois supérieur à l'estimation "
                    "initiale<sup>1</sup>. Les premiers EPR2 ne produiront pas avant "
                    "la décennie 2030, au mieux. Or la demande d'électricité augmente "
                    "maintenant, avec les véhicules électriques, les pompes à chaleur "
                    "et la décarbonation de l'industrie. Un parc éolien se construit "
                    "en quelques années, une centrale solaire en quelques mois.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "17 ans",
                        "label": (
                            "entre le lancement du chantier de l'EPR de Flamanville "
                            "(2007) et son raccordement au réseau (2024)"
                        ),
                        "source": "Cour des comptes ; EDF",
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième argument : quel que soit le choix, les renouvelables "
                    "devront croître massivement. Même le scénario de RTE le plus "
                    "favorable au nucléaire suppose de multiplier la production "
                    "solaire et éolienne<sup>2</sup>. La vraie priorité, celle qui ne "
                    "dépend d'aucun pari industriel, c'est donc d'accélérer leur "
                    "déploiement, avec le stockage et les réseaux qui vont avec. Le "
                    "nucléaire concentre aussi ses propres risques : dépendance aux "
                    "fleuves pour le refroidissement lors des étés chauds, déchets à "
                    "gérer sur des siècles, risque financier porté par les finances "
                    "publiques.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Atteindre la neutralité carbone est impossible sans un "
                            "développement significatif des énergies renouvelables."
                        ),
                        "attribution": "RTE, Futurs énergétiques 2050 (en substance)",
                    },
                ),
                (
                    "paragraph",
                    "<p>On répond que le soleil et le vent sont intermittents. C'est "
                    "vrai, et c'est un problème d'ingénierie que l'on sait traiter : "
                    "foisonnement entre régions, interconnexions européennes, "
                    "stockage, pilotage de la demande. L'Ademe a montré dès 2015 "
                    "qu'un mix très majoritairement renouvelable était techniquement "
                    "possible<sup>3</sup>. Le surcoût estimé par RTE existe, mais il "
                    "dépend fortement du coût futur des réacteurs, que personne ne "
                    "connaît encore. Dans nos coopératives, enfin, les habitants "
                    "financent et possèdent leurs installations : la transition se "
                    "fait avec eux.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "La filière EPR",
                    "publisher": "Cour des comptes",
                    "year": 2020,
                    "url": "https://www.ccomptes.fr/",
                },
                {
                    "title": "Futurs énergétiques 2050 : principaux résultats",
                    "publisher": "RTE",
                    "year": 2022,
                    "url": "https://www.rte-france.com/",
                },
                {
                    "title": (
                        "Un mix électrique 100 % renouvelable ? Analyses et "
                        "optimisations"
                    ),
                    "publisher": "Ademe",
                    "year": 2015,
                    "url": "https://www.ademe.fr/",
                },
            ],
        },
    },
    {
        "slug": "gratuite-des-transports-en-commun",
        "question": "Faut-il rendre les transports en commun gratuits ?",
        "themes": ["environnement", "societe"],
        "premium": False,
        "chosen_by_readers": False,
        "days_ago": 41,
        "context": (
            "<p>Plus d'une quarantaine de réseaux urbains français sont aujourd'hui "
            "entièrement gratuits, surtout dans des villes petites et moyennes. "
            "Dunkerque a été en 2018 la première grande agglomération à supprimer le "
            "ticket de bus ; Montpellier a étendu la gratuité à ses habitants fin "
            "2023.</p>"
            "<p>Les transports urbains sont financés principalement par le versement "
            "mobilité, une contribution des employeurs, et par les budgets des "
            "collectivités. Les billets et abonnements ne couvrent qu'une part "
            "minoritaire des coûts de fonctionnement, très variable selon les "
            "réseaux : faible dans les villes moyennes, plus élevée dans les grandes "
            "métropoles. Les employeurs remboursent la moitié des abonnements de leurs "
            "salariés.</p>"
            "<p>Selon l'Insee, près des trois quarts des actifs vont travailler en "
            "voiture, y compris une majorité de ceux qui parcourent moins de cinq "
            "kilomètres.</p>"
        ),
        "key_figures": [
            {
                "value": "Plus de 40",
                "label": "réseaux de transport urbain entièrement gratuits en France",
                "source": "Observatoire des villes du transport gratuit",
            },
            {
                "value": "74 %",
                "label": "des actifs se rendent au travail en voiture",
                "source": "Insee, 2021",
            },
            {
                "value": "50 %",
                "label": (
                    "de l'abonnement de transport public remboursé par l'employeur aux "
                    "salariés"
                ),
                "source": "Code du travail",
            },
        ],
        "pour": {
            "expert": "fatou-ndiaye",
            "headline": (
                "La gratuité, c'est du pouvoir d'achat et un réseau que l'on ose enfin "
                "utiliser"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Le premier argument est social. Pour une famille modeste, un "
                    "abonnement par personne pèse lourd, et les tarifs solidaires "
                    "restent méconnus : beaucoup de ceux qui y auraient droit ne les "
                    "demandent pas. La gratuité supprime d'un coup ce non-recours. "
                    "Elle profite aux jeunes, aux retraités, aux personnes sans "
                    "emploi, à tous ceux qui ne bénéficient pas du remboursement d'un "
                    "employeur. Elle rend aussi la ville accessible le soir et le "
                    "week-end, pour le sport, la culture ou les visites à un "
                    "proche.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Plus de 50 %",
                        "label": (
                            "de voyageurs en plus à Dunkerque dans les mois qui ont "
                            "suivi le passage à la gratuité, en 2018"
                        ),
                        "source": "Communauté urbaine de Dunkerque, 2019",
                    },
                ),
                (
                    "paragraph",
                    "<p>Le deuxième argument est écologique, et Dunkerque le "
                    "démontre. La fréquentation y a augmenté de plus de moitié, et "
                    "dans l'enquête menée auprès de 2 000 usagers, près de la moitié "
                    "de ceux qui prenaient davantage le bus faisaient auparavant ces "
                    "trajets en voiture<sup>1</sup>. Or la voiture reste le mode de "
                    "transport de près des trois quarts des actifs, même pour de "
                    "courtes distances<sup>2</sup>. Chaque trajet reporté compte pour "
                    "le climat, pour la qualité de l'air et pour la congestion.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Avant, je comptais mes tickets à la fin du mois. "
                            "Maintenant, je prends le bus avec les enfants pour aller "
                            "à la médiathèque."
                        ),
                        "attribution": (
                            "Une habitante rencontrée lors d'une réunion publique de "
                            "l'agglomération"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>On objecte que la gratuité prive le réseau de recettes et "
                    "attire surtout des piétons. Dans une ville moyenne, les recettes "
                    "couvrent une faible part du coût, et une partie est absorbée par "
                    "la billetterie, les distributeurs et les contrôles<sup>3</sup>. "
                    "Quant au report, il dépend de l'offre : Dunkerque a couplé "
                    "gratuité et bus toutes les dix minutes. C'est la leçon à "
                    "retenir : la gratuité n'est pas un slogan, c'est le couronnement "
                    "d'un réseau bien conçu.</p>",
                ),
            ],
            "sources": [
                {
                    "title": (
                        "Les changements de comportement de mobilité des usagers du "
                        "nouveau réseau de transport gratuit"
                    ),
                    "publisher": (
                        "Agur et VIGS, Observatoire des villes du transport gratuit"
                    ),
                    "year": 2019,
                    "url": "https://www.agur-dunkerque.org/",
                },
                {
                    "title": (
                        "La voiture reste majoritaire pour les déplacements "
                        "domicile-travail, même pour de courtes distances (Insee "
                        "Première)"
                    ),
                    "publisher": "Insee",
                    "year": 2021,
                    "url": "https://www.insee.fr/",
                },
                {
                    "title": (
                        "Gratuité des transports collectifs : fausse bonne idée ou "
                        "révolution écologique et sociale des mobilités ?"
                    ),
                    "publisher": "Sénat",
                    "year": 2019,
                    "url": "https://www.senat.fr/",
                },
            ],
        },
        "contre": {
            "expert": "olivier-mercier",
            "headline": (
                "Le prix n'est pas le premier frein : c'est l'offre qu'il faut financer"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Ce qui fait laisser la voiture au garage, c'est d'abord la "
                    "fréquence, la fiabilité et l'amplitude horaire. Sur le réseau "
                    "que je dirige, chaque fois que nous avons renforcé une ligne, la "
                    "fréquentation a suivi, sans toucher au tarif. Supprimer les "
                    "recettes, c'est se priver de l'argent qui permettrait d'ouvrir "
                    "ces lignes. Dans les grands réseaux, ces recettes représentent "
                    "des centaines de millions d'euros par an<sup>1</sup> : autant de "
                    "bus, de tramways et de conducteurs en moins.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Quand nous sommes passés à un bus toutes les dix minutes "
                            "sur une ligne, la fréquentation a augmenté sans que le "
                            "tarif bouge."
                        ),
                        "attribution": (
                            "Olivier Mercier, à propos du réseau qu'il dirige"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième limite : le report modal est souvent modeste. Le "
                    "rapport du Sénat consacré à la gratuité relève qu'une partie "
                    "importante des nouveaux voyageurs marchaient ou pédalaient "
                    "auparavant, et que les effets varient fortement d'une ville à "
                    "l'autre<sup>2</sup>. Dans une métropole où les rames sont déjà "
                    "pleines aux heures de pointe, la gratuité dégrade le service de "
                    "ceux qui l'utilisent chaque jour pour travailler.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "50 %",
                        "label": (
                            "de l'abonnement remboursé par l'employeur : avec la "
                            "gratuité, la collectivité paie ce que payaient les "
                            "entreprises"
                        ),
                        "source": "Code du travail",
                    },
                ),
                (
                    "paragraph",
                    "<p>Reste le pouvoir d'achat, l'argument le plus fort. Mais les "
                    "salariés se font déjà rembourser la moitié de leur abonnement "
                    "par leur employeur<sup>3</sup>, et la gratuité universelle "
                    "profite autant aux cadres qu'aux familles modestes. Une "
                    "tarification solidaire, calculée selon les revenus, automatique "
                    "et bien connue, atteint le même but pour beaucoup moins cher. "
                    "Enfin, l'exemple de Dunkerque vaut pour un réseau où les "
                    "recettes étaient faibles : il ne se transpose pas tel quel à "
                    "Lyon ou à l'Île-de-France, où elles financent une part bien plus "
                    "grande du service.</p>",
                ),
            ],
            "sources": [
                {
                    "title": (
                        "Gratuité(s) des transports publics pour les usagers : une "
                        "étude du GART pour objectiver le débat"
                    ),
                    "publisher": "GART",
                    "year": 2019,
                    "url": "https://www.gart.org/",
                },
                {
                    "title": (
                        "Gratuité des transports collectifs : fausse bonne idée ou "
                        "révolution écologique et sociale des mobilités ?"
                    ),
                    "publisher": "Sénat",
                    "year": 2019,
                    "url": "https://www.senat.fr/",
                },
                {
                    "title": (
                        "Code du travail, prise en charge des frais de transport "
                        "public des salariés (article L. 3261-2)"
                    ),
                    "publisher": "Légifrance",
                    "year": 2008,
                    "url": "https://www.legifrance.gouv.fr/",
                },
            ],
        },
    },
    {
        "slug": "impot-sur-les-grosses-successions",
        "question": "Faut-il alourdir l'impôt sur les grosses successions ?",
        "themes": ["economie"],
        "premium": False,
        "chosen_by_readers": True,
        "days_ago": 50,
        "context": (
            "<p>En ligne directe, chaque enfant peut recevoir de chacun de ses parents "
            "100 000 euros sans payer de droits, un abattement renouvelable tous les "
            "quinze ans. Au-delà, le barème est progressif, de 5 % à 45 %, le taux "
            "maximal s'appliquant à la part qui dépasse environ 1,8 million d'euros "
            "par enfant. Des régimes particuliers allègent la transmission de "
            "l'assurance-vie et des entreprises familiales (pacte Dutreil).</p>"
            "<p>Les droits de succession et de donation rapportent de l'ordre de 15 à "
            "20 milliards d'euros par an, et la grande majorité des successions en "
            "ligne directe n'en paient pas. Selon le Conseil d'analyse économique, le "
            "patrimoine hérité représente une part croissante du patrimoine total, et "
            "l'on hérite de plus en plus tard, souvent autour de 50 ans.</p>"
            "<p>Ces droits figurent régulièrement parmi les impôts les plus "
            "impopulaires dans les enquêtes d'opinion.</p>"
        ),
        "key_figures": [
            {
                "value": "100 000 €",
                "label": (
                    "abattement par parent et par enfant, renouvelable tous les quinze "
                    "ans"
                ),
                "source": "Code général des impôts",
            },
            {
                "value": "45 %",
                "label": (
                    "taux marginal maximal en ligne directe, au-delà d'environ 1,8 "
                    "million d'euros par enfant"
                ),
                "source": "Code général des impôts",
            },
            {
                "value": "Environ 50 ans",
                "label": "âge moyen auquel on hérite aujourd'hui",
                "source": "France Stratégie, 2017",
            },
        ],
        "pour": {
            "expert": "camille-thibault",
            "headline": (
                "Taxer davantage les très gros héritages pour alléger tous les autres"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Le premier argument est l'égalité des chances. Selon le "
                    "Conseil d'analyse économique, la part du patrimoine hérité dans "
                    "le patrimoine total est passée d'environ 35 % au début des "
                    "années 1970 à environ 60 % aujourd'hui<sup>1</sup>. Autrement "
                    "dit, pour accéder à la propriété ou créer une entreprise, la "
                    "naissance compte de plus en plus et le travail de moins en "
                    "moins. France Stratégie parlait déjà en 2017 du retour d'une "
                    "« société d'héritiers »<sup>2</sup>.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Environ 60 %",
                        "label": (
                            "part du patrimoine hérité dans le patrimoine total, "
                            "contre environ 35 % au début des années 1970"
                        ),
                        "source": "CAE, 2021",
                    },
                ),
                (
                    "paragraph",
                    "<p>Le deuxième argument tient à l'écart entre le barème affiché "
                    "et l'impôt réellement payé. Le taux de 45 % impressionne, mais "
                    "les plus gros patrimoines le paient rarement : assurance-vie, "
                    "exonération de trois quarts de la valeur des entreprises "
                    "transmises, donations échelonnées et démembrements réduisent "
                    "fortement le taux effectif au sommet de la "
                    "distribution<sup>1</sup>. Le système est ainsi lourd pour une "
                    "partie des classes moyennes, notamment hors ligne directe, et "
                    "léger pour les plus fortunés.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Dans mon amphithéâtre, les étudiants savent déjà lesquels "
                            "d'entre eux achèteront un logement avant 30 ans. Rarement "
                            "grâce à leur salaire."
                        ),
                        "attribution": "Camille Thibault, à propos de ses étudiants",
                    },
                ),
                (
                    "paragraph",
                    "<p>On répond que ces biens ont déjà été taxés du vivant de leur "
                    "propriétaire. Mais l'héritier, lui, n'a jamais été imposé sur ce "
                    "qu'il reçoit sans l'avoir gagné, et les plus-values latentes "
                    "accumulées sont effacées au décès. L'OCDE souligne d'ailleurs "
                    "que l'impôt sur les successions est l'un des outils les moins "
                    "nuisibles à l'activité pour corriger les inégalités<sup>3</sup>. "
                    "Ma proposition : réduire les niches au sommet, relever l'effort "
                    "sur les très gros héritages, et alléger en contrepartie les "
                    "petites transmissions et celles entre personnes sans lien de "
                    "parenté.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "Repenser l'héritage (Les notes du CAE, n° 69)",
                    "publisher": "Conseil d'analyse économique",
                    "year": 2021,
                    "url": "https://www.cae-eco.fr/",
                },
                {
                    "title": "Peut-on éviter une société d'héritiers ?",
                    "publisher": "France Stratégie",
                    "year": 2017,
                    "url": "https://www.strategie.gouv.fr/",
                },
                {
                    "title": "Inheritance Taxation in OECD Countries",
                    "publisher": "OCDE",
                    "year": 2021,
                    "url": "https://www.oecd.org/",
                },
            ],
        },
        "contre": {
            "expert": "francois-garnier",
            "headline": (
                "Ce qui bloque n'est pas le taux, c'est l'âge auquel on transmet"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>La France taxe déjà fortement les transmissions. Les droits "
                    "de succession et de donation y pèsent une part des recettes "
                    "fiscales parmi les plus élevées de l'OCDE<sup>1</sup>, et le "
                    "taux de 45 % en ligne directe, 60 % entre personnes sans lien de "
                    "parenté, figure parmi les plus lourds au monde. Alourdir encore "
                    "un impôt massivement rejeté, c'est affaiblir le consentement à "
                    "l'impôt tout entier.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Environ 1,4 %",
                        "label": (
                            "des recettes fiscales françaises proviennent des "
                            "successions et donations, l'un des niveaux les plus "
                            "élevés de l'OCDE"
                        ),
                        "source": "OCDE, 2021",
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième argument : les entreprises familiales. Le pacte "
                    "Dutreil, souvent présenté comme une niche, permet surtout à des "
                    "PME et à des entreprises de taille intermédiaire de changer de "
                    "génération sans être vendues pour payer les droits. Dans mon "
                    "étude, je vois des ateliers et des commerces qui n'auraient pas "
                    "survécu à une facture fiscale équivalente à plusieurs années de "
                    "bénéfices. Les plus grandes fortunes, elles, ont les moyens de "
                    "s'organiser ou de partir : c'est la classe moyenne supérieure "
                    "qui paierait.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Les familles qui me consultent ne cherchent pas à "
                            "échapper à l'impôt. Elles veulent aider leurs enfants à "
                            "30 ans plutôt qu'à 60."
                        ),
                        "attribution": (
                            "François Garnier, à partir de son expérience de notaire"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Le problème soulevé par les partisans d'une hausse est réel : "
                    "l'héritage creuse les écarts. Mais sa cause principale est "
                    "démographique. On hérite désormais vers 50 ans, quand sa "
                    "situation est faite<sup>2</sup>, et les patrimoines se "
                    "concentrent chez les plus âgés<sup>3</sup>. Plutôt que "
                    "d'alourdir les taux, encourageons les donations précoces aux "
                    "enfants et petits-enfants, en particulier pour l'achat d'un "
                    "premier logement ou la création d'une entreprise. Faire circuler "
                    "le patrimoine plus tôt servira davantage les jeunes qu'un impôt "
                    "plus lourd sur des héritiers de 55 ans.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "Inheritance Taxation in OECD Countries",
                    "publisher": "OCDE",
                    "year": 2021,
                    "url": "https://www.oecd.org/",
                },
                {
                    "title": "Peut-on éviter une société d'héritiers ?",
                    "publisher": "France Stratégie",
                    "year": 2017,
                    "url": "https://www.strategie.gouv.fr/",
                },
                {
                    "title": (
                        "Revenus et patrimoine des ménages, édition 2021 (Insee "
                        "Références)"
                    ),
                    "publisher": "Insee",
                    "year": 2021,
                    "url": "https://www.insee.fr/",
                },
            ],
        },
    },
    {
        "slug": "reconnaissance-faciale-espace-public",
        "question": (
            "Faut-il autoriser la reconnaissance faciale en temps réel dans l'espace "
            "public ?"
        ),
        "themes": ["numerique", "justice"],
        "premium": True,
        "chosen_by_readers": False,
        "days_ago": 58,
        "context": (
            "<p>La reconnaissance faciale consiste à comparer automatiquement le "
            "visage d'une personne filmée à une base de photographies pour "
            "l'identifier. En France, son usage en temps réel dans l'espace public "
            "n'est pas autorisé. Les enquêteurs peuvent en revanche comparer après "
            "coup une image aux photos du fichier des antécédents judiciaires, dans le "
            "cadre d'une procédure.</p>"
            "<p>Pour les Jeux olympiques de 2024, une loi de 2023 a autorisé à titre "
            "expérimental des caméras dotées d'algorithmes repérant des situations à "
            "risque, comme un mouvement de foule ou un objet abandonné, sans "
            "reconnaissance faciale. Le règlement européen sur l'intelligence "
            "artificielle, adopté en 2024, interdit en principe l'identification "
            "biométrique à distance en temps réel par les forces de l'ordre, sauf "
            "exceptions strictes soumises à autorisation préalable : recherche de "
            "victimes, menace terroriste imminente, localisation de suspects de crimes "
            "graves.</p>"
            "<p>La CNIL a appelé dès 2019 à un débat public sur le sujet, et le Sénat "
            "a proposé en 2022 un cadre d'expérimentation très encadré.</p>"
        ),
        "key_figures": [
            {
                "value": "2024",
                "label": (
                    "adoption du règlement européen sur l'intelligence artificielle, "
                    "qui encadre l'identification biométrique"
                ),
                "source": "Union européenne",
            },
            {
                "value": "3 cas",
                "label": (
                    "d'exception où la police peut recourir à l'identification en "
                    "temps réel selon le règlement européen"
                ),
                "source": "Règlement (UE) 2024/1689",
            },
            {
                "value": "30 propositions",
                "label": (
                    "du Sénat pour encadrer la reconnaissance biométrique dans "
                    "l'espace public"
                ),
                "source": "Sénat, 2022",
            },
        ],
        "pour": {
            "expert": "bruno-texier",
            "headline": (
                "Strictement encadrée, la reconnaissance faciale peut sauver des vies "
                "sans surveiller tout le monde"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Un enfant enlevé à la sortie d'une gare, un suspect en fuite "
                    "après un attentat : dans ces affaires, tout se joue en quelques "
                    "heures. Aujourd'hui, des enquêteurs visionnent à la main des "
                    "heures d'images issues de centaines de caméras. La "
                    "reconnaissance faciale en temps réel permettrait de repérer en "
                    "quelques minutes une personne précise, recherchée par un "
                    "magistrat. Le règlement européen sur l'IA le reconnaît : il "
                    "prévoit ces exceptions, sous autorisation "
                    "préalable<sup>1</sup>.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Dans une disparition d'enfant, les premières heures "
                            "décident de presque tout. On les passe encore à visionner "
                            "des vidéos une à une."
                        ),
                        "attribution": (
                            "Bruno Texier, à partir de son expérience en police "
                            "judiciaire"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième argument : mieux vaut une loi précise que le flou "
                    "actuel. Les outils existent, se diffusent dans le secteur privé "
                    "et à l'étranger, et la pression pour les utiliser grandira à "
                    "chaque drame. Le Sénat a proposé une voie équilibrée : des "
                    "interdits clairs, comme la notation sociale ou l'analyse des "
                    "émotions, et une expérimentation limitée dans le temps, sous le "
                    "contrôle d'un juge, avec une évaluation "
                    "indépendante<sup>2</sup>.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Moins de 1 %",
                        "label": (
                            "taux d'erreur des meilleurs algorithmes sur des photos de "
                            "bonne qualité, dans les tests du NIST"
                        ),
                        "source": "NIST, FRVT",
                    },
                ),
                (
                    "paragraph",
                    "<p>La critique la plus sérieuse porte sur les erreurs et les "
                    "biais. Elle était fondée il y a dix ans ; les tests du NIST "
                    "montrent que les meilleurs algorithmes ont depuis fortement "
                    "réduit leurs taux d'erreur<sup>3</sup>. Surtout, il ne s'agit "
                    "pas d'identifier tout le monde : la caméra compare les visages à "
                    "une courte liste de personnes recherchées et efface "
                    "immédiatement les autres. Aucune interpellation ne se fait sans "
                    "vérification humaine. Ce qui protège les libertés, ce n'est pas "
                    "l'absence d'outils, c'est la qualité de leur encadrement.</p>",
                ),
            ],
            "sources": [
                {
                    "title": (
                        "Règlement (UE) 2024/1689 établissant des règles harmonisées "
                        "concernant l'intelligence artificielle"
                    ),
                    "publisher": "Union européenne",
                    "year": 2024,
                    "url": "https://eur-lex.europa.eu/",
                },
                {
                    "title": (
                        "La reconnaissance biométrique dans l'espace public : 30 "
                        "propositions pour écarter le risque d'une société de "
                        "surveillance"
                    ),
                    "publisher": "Sénat",
                    "year": 2022,
                    "url": "https://www.senat.fr/",
                },
                {
                    "title": (
                        "Face Recognition Vendor Test (FRVT), évaluations continues"
                    ),
                    "publisher": "NIST",
                    "year": 2023,
                    "url": "https://www.nist.gov/",
                },
            ],
        },
        "contre": {
            "expert": "ines-chabane",
            "headline": (
                "Une fois installée, la reconnaissance faciale ne recule jamais"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Pouvoir circuler sans être identifié est une condition "
                    "discrète mais essentielle de nos libertés : manifester, entrer "
                    "dans un lieu de culte, consulter un médecin, retrouver qui l'on "
                    "veut. La CNIL l'a souligné dès 2019 : la reconnaissance faciale "
                    "dans l'espace public change la nature même de cet "
                    "espace<sup>1</sup>. Même sans abus, savoir que son visage peut "
                    "être reconnu à tout moment suffit à modifier les comportements. "
                    "Les juristes parlent d'effet dissuasif : on renonce de soi-même "
                    "à exercer une liberté.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Les personnes qui nous écrivent ne craignent pas d'être "
                            "reconnues en commettant un crime. Elles craignent de "
                            "l'être en manifestant ou en entrant dans une mosquée."
                        ),
                        "attribution": (
                            "Inès Chabane, à propos des permanences juridiques de son "
                            "association"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième argument : ces dispositifs s'étendent toujours. "
                    "L'expérimentation des caméras algorithmiques des Jeux olympiques "
                    "devait être temporaire ; sa prolongation a été proposée avant "
                    "même la fin de son évaluation. Les exceptions d'aujourd'hui "
                    "deviennent les routines de demain, et une infrastructure de "
                    "caméras reliées à des logiciels d'identification pourra servir à "
                    "d'autres fins, sous d'autres gouvernements. Le Défenseur des "
                    "droits a mis en garde contre ce risque pour les droits "
                    "fondamentaux<sup>2</sup>.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "1 000",
                        "label": (
                            "personnes signalées à tort sur un million de visages "
                            "analysés, avec un taux d'erreur de seulement 0,1 %"
                        ),
                        "source": "Calcul de l'autrice",
                    },
                ),
                (
                    "paragraph",
                    "<p>Les partisans invoquent l'enfant disparu. L'émotion est "
                    "légitime, mais les tests du NIST montrent que les taux de faux "
                    "positifs varient fortement selon l'âge, le sexe et l'origine, y "
                    "compris pour des algorithmes reconnus<sup>3</sup>, et les images "
                    "de rue sont bien moins nettes que les photos de laboratoire. À "
                    "l'échelle d'une foule, même une erreur rare produit des "
                    "centaines de contrôles injustifiés. Les alertes enlèvement et "
                    "les enquêtes ciblées existent déjà ; elles n'exigent pas "
                    "d'identifier chaque passant.</p>",
                ),
            ],
            "sources": [
                {
                    "title": (
                        "Reconnaissance faciale : pour un débat à la hauteur des enjeux"
                    ),
                    "publisher": "CNIL",
                    "year": 2019,
                    "url": "https://www.cnil.fr/",
                },
                {
                    "title": (
                        "Technologies biométriques : l'impératif respect des droits "
                        "fondamentaux"
                    ),
                    "publisher": "Défenseur des droits",
                    "year": 2021,
                    "url": "https://www.defenseurdesdroits.fr/",
                },
                {
                    "title": (
                        "Face Recognition Vendor Test (FRVT) Part 3: Demographic "
                        "Effects"
                    ),
                    "publisher": "NIST",
                    "year": 2019,
                    "url": "https://www.nist.gov/",
                },
            ],
        },
    },
    {
        "slug": "aide-active-a-mourir",
        "question": "Faut-il légaliser l'aide active à mourir ?",
        "themes": ["sante", "societe"],
        "premium": True,
        "chosen_by_readers": False,
        "days_ago": 67,
        "context": (
            "<p>En France, la loi Claeys-Leonetti de 2016 interdit l'acharnement "
            "thérapeutique et permet, à la demande d'un patient atteint d'une "
            "affection grave et incurable dont le pronostic vital est engagé à court "
            "terme, une sédation profonde et continue jusqu'au décès. Elle n'autorise "
            "ni l'euthanasie ni le suicide assisté.</p>"
            "<p>En 2022, le Comité consultatif national d'éthique a estimé qu'une aide "
            "active à mourir pouvait être envisagée à des conditions strictes. En "
            "2023, la Convention citoyenne sur la fin de vie s'est prononcée à une "
            "large majorité pour une ouverture. Des textes sont discutés au Parlement "
            "depuis 2024, parallèlement au renforcement des soins palliatifs, dont la "
            "Cour des comptes a jugé l'offre encore insuffisante et inégale selon les "
            "territoires.</p>"
            "<p>Plusieurs pays autorisent une forme d'aide à mourir, dont la Belgique, "
            "les Pays-Bas, l'Espagne, la Suisse (assistance au suicide) et l'Oregon "
            "aux États-Unis. En Belgique, les euthanasies représentent environ 3 % des "
            "décès.</p>"
        ),
        "key_figures": [
            {
                "value": "2016",
                "label": (
                    "loi Claeys-Leonetti, qui ouvre un droit à la sédation profonde et "
                    "continue jusqu'au décès"
                ),
                "source": "Légifrance",
            },
            {
                "value": "Environ 3 %",
                "label": "des décès en Belgique interviennent par euthanasie",
                "source": "Commission fédérale belge de contrôle de l'euthanasie",
            },
            {
                "value": "Une vingtaine",
                "label": "de départements dépourvus d'unité de soins palliatifs",
                "source": "Cour des comptes, 2023",
            },
        ],
        "pour": {
            "expert": "pierre-lemaire",
            "headline": "Laisser le dernier mot au patient, sous le contrôle de la loi",
            "body": [
                (
                    "paragraph",
                    "<p>La loi actuelle laisse de côté des malades que je suis à "
                    "domicile : atteints de la maladie de Charcot ou de certains "
                    "cancers, lucides, sans espoir de guérison, mais dont la mort "
                    "n'est pas attendue « à court terme ». Leur souffrance est "
                    "parfois impossible à soulager, et la sédation profonde ne leur "
                    "est accessible qu'à la toute fin. Le Comité consultatif national "
                    "d'éthique a reconnu en 2022 qu'il existe une voie éthique pour "
                    "les aider, à des conditions strictes<sup>1</sup>.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Il existe une voie pour une application éthique d'une "
                            "aide active à mourir, à certaines conditions strictes."
                        ),
                        "attribution": "CCNE, avis 139, 2022 (en substance)",
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième argument : l'égalité. Ceux qui en ont les moyens "
                    "partent en Belgique ou en Suisse, pour des sommes que la plupart "
                    "des familles ne peuvent pas réunir. Les autres restent, ou "
                    "trouvent des solutions clandestines, sans contrôle. Une loi "
                    "ferait sortir ces décisions de l'ombre : demande répétée, avis "
                    "collégial, délai de réflexion, contrôle a posteriori. Les "
                    "soignants resteraient libres de ne pas participer, grâce à une "
                    "clause de conscience. C'est ce que demandait la Convention "
                    "citoyenne, qui liait explicitement l'aide à mourir à un effort "
                    "massif pour les soins palliatifs<sup>2</sup>.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Trois quarts",
                        "label": (
                            "des membres de la Convention citoyenne sur la fin de vie "
                            "favorables à une ouverture de l'aide active à mourir"
                        ),
                        "source": "Convention citoyenne, 2023",
                    },
                ),
                (
                    "paragraph",
                    "<p>On redoute une pression sur les personnes vulnérables. C'est "
                    "une inquiétude sérieuse, et c'est pourquoi les critères doivent "
                    "être stricts. Mais l'expérience étrangère montre aussi autre "
                    "chose : dans l'Oregon, une part importante des patients qui "
                    "obtiennent la prescription ne l'utilisent jamais<sup>3</sup>. "
                    "Savoir qu'une issue existe apaise. Soins palliatifs et aide à "
                    "mourir ne s'opposent pas ; ils répondent à des situations "
                    "différentes et doivent progresser ensemble.</p>",
                ),
            ],
            "sources": [
                {
                    "title": (
                        "Avis 139 : Questions éthiques relatives aux situations de fin "
                        "de vie, autonomie et solidarité"
                    ),
                    "publisher": "Comité consultatif national d'éthique",
                    "year": 2022,
                    "url": "https://www.ccne-ethique.fr/",
                },
                {
                    "title": "Rapport de la Convention citoyenne sur la fin de vie",
                    "publisher": "Conseil économique, social et environnemental",
                    "year": 2023,
                    "url": "https://www.lecese.fr/",
                },
                {
                    "title": "Oregon Death with Dignity Act: 2023 Data Summary",
                    "publisher": "Oregon Health Authority",
                    "year": 2024,
                    "url": "https://www.oregon.gov/oha/",
                },
            ],
        },
        "contre": {
            "expert": "claire-morvan",
            "headline": (
                "Avant d'ouvrir un droit à mourir, garantissons le droit d'être soigné "
                "jusqu'au bout"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Selon la Cour des comptes, seule la moitié environ des "
                    "besoins en soins palliatifs est aujourd'hui couverte, et une "
                    "vingtaine de départements n'ont toujours pas d'unité "
                    "spécialisée<sup>1</sup>. Dans ces conditions, que vaut le choix "
                    "d'un patient dont la douleur n'est pas traitée, faute d'équipe "
                    "disponible ? Les équipes mobiles font ce qu'elles peuvent, mais "
                    "à domicile et en Ehpad, l'offre reste très insuffisante. On ne "
                    "peut pas parler de liberté quand l'alternative n'existe pas.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Environ la moitié",
                        "label": (
                            "des besoins en soins palliatifs effectivement couverts en "
                            "France"
                        ),
                        "source": "Cour des comptes, 2023",
                    },
                ),
                (
                    "paragraph",
                    "<p>Dans mon service, j'ai vu très souvent la demande de mourir "
                    "s'effacer quand la douleur, l'essoufflement ou l'angoisse "
                    "étaient enfin soulagés, et que les proches étaient accompagnés. "
                    "Une demande de mort est presque toujours aussi un appel à "
                    "l'aide. C'est pourquoi la plupart des sociétés savantes de soins "
                    "palliatifs ont affirmé que donner la mort ne peut pas être "
                    "considéré comme un soin<sup>2</sup> : c'est la confiance entre "
                    "soignants et patients qui est en jeu.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Madame R. me demandait chaque matin d'en finir. Le jour "
                            "où sa douleur a été calmée et où son fils est revenu la "
                            "voir, elle a cessé de le demander."
                        ),
                        "attribution": (
                            "Claire Morvan, à partir de son expérience en unité de "
                            "soins palliatifs"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Les partisans de la loi invoquent l'autonomie. Mais "
                    "l'autonomie ne s'exerce jamais dans le vide. Dans l'Oregon, la "
                    "peur d'être un fardeau pour ses proches figure, selon les "
                    "années, parmi les raisons citées par près de la moitié des "
                    "patients<sup>3</sup>. Ailleurs, les critères se sont élargis "
                    "avec le temps. La loi Claeys-Leonetti permet déjà une sédation "
                    "profonde en fin de vie ; appliquons-la partout et finançons les "
                    "soins palliatifs avant de changer l'interdit qui protège les "
                    "plus fragiles.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "Les soins palliatifs : une offre de soins à renforcer",
                    "publisher": "Cour des comptes",
                    "year": 2023,
                    "url": "https://www.ccomptes.fr/",
                },
                {
                    "title": (
                        "Donner la mort peut-il être considéré comme un soin ? Avis "
                        "éthique commun"
                    ),
                    "publisher": (
                        "Société française d'accompagnement et de soins palliatifs"
                    ),
                    "year": 2023,
                    "url": "https://www.sfap.org/",
                },
                {
                    "title": "Oregon Death with Dignity Act: 2023 Data Summary",
                    "publisher": "Oregon Health Authority",
                    "year": 2024,
                    "url": "https://www.oregon.gov/oha/",
                },
            ],
        },
    },
    {
        "slug": "elargissement-union-europeenne",
        "question": (
            "Faut-il élargir l'Union européenne à l'Ukraine et aux Balkans occidentaux "
            "d'ici 2030 ?"
        ),
        "themes": ["europe", "economie"],
        "premium": True,
        "chosen_by_readers": False,
        "days_ago": 79,
        "context": (
            "<p>L'Union européenne compte 27 États membres depuis la sortie du "
            "Royaume-Uni en 2020. Neuf pays ont le statut officiel de candidat, dont "
            "l'Ukraine et la Moldavie depuis 2022 et cinq pays des Balkans "
            "occidentaux, à des stades très différents. Des négociations d'adhésion "
            "ont été ouvertes avec l'Ukraine et la Moldavie en 2024.</p>"
            "<p>Toute adhésion exige l'unanimité des États membres et la ratification "
            "par chacun d'eux. Le précédent le plus important est celui de 2004, quand "
            "dix pays, pour la plupart d'Europe centrale et orientale, ont rejoint "
            "l'Union. Le dernier pays entré est la Croatie, en 2013.</p>"
            "<p>L'Ukraine compterait parmi les plus grands États membres par sa "
            "superficie et sa surface agricole, mais son revenu par habitant est très "
            "inférieur à la moyenne européenne. Plusieurs rapports, dont celui d'un "
            "groupe d'experts franco-allemand en 2023, lient l'élargissement à une "
            "réforme du fonctionnement de l'Union.</p>"
        ),
        "key_figures": [
            {
                "value": "27",
                "label": "États membres de l'Union européenne",
                "source": "Union européenne",
            },
            {
                "value": "9",
                "label": "pays ayant le statut officiel de candidat à l'adhésion",
                "source": "Commission européenne, 2024",
            },
            {
                "value": "10",
                "label": "pays entrés dans l'Union lors de l'élargissement de 2004",
                "source": "Union européenne",
            },
        ],
        "pour": {
            "expert": "marc-antoine-vidal",
            "headline": (
                "L'élargissement est la meilleure politique de sécurité que l'Europe "
                "ait jamais menée"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Le premier argument est la sécurité. Là où l'Union ne s'étend "
                    "pas, d'autres puissances s'installent : influence politique, "
                    "investissements opaques, désinformation. L'élargissement de 2004 "
                    "a ancré durablement l'Europe centrale dans la démocratie et "
                    "l'économie de marché. Laisser l'Ukraine, la Moldavie et les "
                    "Balkans dans une zone grise, c'est exposer nos propres "
                    "frontières à l'instabilité. Les Balkans occidentaux attendent "
                    "depuis le sommet de Thessalonique de 2003, qui leur promettait "
                    "déjà une perspective européenne.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "D'environ 50 % à 80 %",
                        "label": (
                            "PIB par habitant de la Pologne, en standard de pouvoir "
                            "d'achat, rapporté à la moyenne de l'UE, entre 2004 et 2023"
                        ),
                        "source": "Eurostat",
                    },
                ),
                (
                    "paragraph",
                    "<p>Le deuxième argument est économique. En vingt ans, le revenu "
                    "par habitant de la Pologne, mesuré en pouvoir d'achat, est passé "
                    "d'environ la moitié à près de 80 % de la moyenne "
                    "européenne<sup>1</sup>. Ce rattrapage a aussi profité aux "
                    "entreprises françaises, qui y ont trouvé des clients, des "
                    "fournisseurs et des partenaires. Un marché élargi à des pays en "
                    "forte croissance est une chance pour nos exportateurs, pas une "
                    "menace.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "À Belgrade comme à Kyiv, j'ai vu des réformes adoptées "
                            "parce qu'une date d'adhésion rendait l'effort crédible, "
                            "et abandonnées quand l'horizon s'éloignait."
                        ),
                        "attribution": (
                            "Marc-Antoine Vidal, à partir de ses années en poste"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Un horizon clair est enfin le meilleur levier de réforme : la "
                    "Commission mesure chaque année les progrès des candidats sur "
                    "l'État de droit et la corruption<sup>2</sup>. L'objection la "
                    "plus sérieuse porte sur les institutions : à 35, l'unanimité "
                    "paralyserait tout. C'est exact, et c'est pourquoi il faut "
                    "réformer en même temps, comme le propose le groupe d'experts "
                    "franco-allemand : vote à la majorité qualifiée étendu, "
                    "intégration par étapes<sup>3</sup>, périodes de transition pour "
                    "l'agriculture, comme pour l'Espagne et la Pologne avant elles. "
                    "2030 est un objectif pour les pays prêts, pas un cadeau.</p>",
                ),
            ],
            "sources": [
                {
                    "title": (
                        "PIB par habitant en standards de pouvoir d'achat (séries "
                        "annuelles)"
                    ),
                    "publisher": "Eurostat",
                    "year": 2024,
                    "url": "https://ec.europa.eu/eurostat",
                },
                {
                    "title": (
                        "Communication de 2024 sur la politique d'élargissement de l'UE"
                    ),
                    "publisher": "Commission européenne",
                    "year": 2024,
                    "url": "https://commission.europa.eu/",
                },
                {
                    "title": (
                        "Sailing on High Seas: Reforming and Enlarging the EU for the "
                        "21st Century"
                    ),
                    "publisher": (
                        "Groupe de travail franco-allemand sur la réforme "
                        "institutionnelle de l'UE"
                    ),
                    "year": 2023,
                    "url": "https://www.diplomatie.gouv.fr/",
                },
            ],
        },
        "contre": {
            "expert": "mathilde-arnaud",
            "headline": (
                "Réformer l'Union d'abord, élargir ensuite : 2030 est un calendrier "
                "intenable"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Commençons par ce que je connais. La surface agricole de "
                    "l'Ukraine représente environ un quart de celle de l'Union "
                    "actuelle<sup>1</sup>, avec de très grandes exploitations et des "
                    "coûts de production bien inférieurs aux nôtres. La politique "
                    "agricole commune, qui pèse près d'un tiers du budget "
                    "européen<sup>2</sup>, serait profondément redistribuée. Ce n'est "
                    "pas un refus de solidarité : c'est le constat qu'une intégration "
                    "aussi massive ne se fait pas en six ans sans casse.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Environ un quart",
                        "label": (
                            "de la surface agricole de l'UE actuelle : ce que "
                            "représente celle de l'Ukraine"
                        ),
                        "source": "FAO ; Eurostat",
                    },
                ),
                (
                    "quote",
                    {
                        "text": (
                            "En 2023, les prix des céréales ont décroché dans les pays "
                            "voisins de l'Ukraine, au point que la Pologne et la "
                            "Hongrie ont fermé leurs frontières au grain ukrainien."
                        ),
                        "attribution": "Mathilde Arnaud, céréalière dans la Marne",
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième argument : les institutions. À 27, l'unanimité "
                    "bloque déjà régulièrement les décisions sur la fiscalité, la "
                    "politique étrangère ou les sanctions. À 35, elle deviendrait "
                    "ingouvernable. Chaque nouveau membre ajouterait aussi un "
                    "commissaire, des députés, une langue officielle et un droit de "
                    "veto de plus. Les experts franco-allemands l'écrivent "
                    "eux-mêmes : l'Union doit se réformer pour pouvoir "
                    "s'élargir<sup>3</sup>. Or ces réformes supposent de modifier les "
                    "traités, ce qui prendra des années et n'est pas acquis.</p>",
                ),
                (
                    "paragraph",
                    "<p>On invoque, à juste titre, la sécurité de l'Europe. Mais "
                    "soutenir l'Ukraine, par l'aide militaire, financière et un large "
                    "accès au marché unique, ne passe pas nécessairement par une "
                    "adhésion complète en 2030. Une fois un pays membre, l'Union perd "
                    "l'essentiel de ses leviers sur l'État de droit : les difficultés "
                    "rencontrées avec certains États membres l'ont montré. Une "
                    "adhésion précipitée, suivie de blocages et de désillusions, "
                    "servirait moins l'Ukraine qu'un chemin plus long mais solide.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "FAOSTAT : utilisation des terres",
                    "publisher": "FAO",
                    "year": 2023,
                    "url": "https://www.fao.org/",
                },
                {
                    "title": "Cadre financier pluriannuel 2021-2027",
                    "publisher": "Commission européenne",
                    "year": 2021,
                    "url": "https://commission.europa.eu/",
                },
                {
                    "title": (
                        "Sailing on High Seas: Reforming and Enlarging the EU for the "
                        "21st Century"
                    ),
                    "publisher": (
                        "Groupe de travail franco-allemand sur la réforme "
                        "institutionnelle de l'UE"
                    ),
                    "year": 2023,
                    "url": "https://www.diplomatie.gouv.fr/",
                },
            ],
        },
    },
    {
        "slug": "interdire-les-vols-interieurs-courts",
        "question": (
            "Faut-il interdire les vols intérieurs dès qu'un trajet en train de moins "
            "de quatre heures existe ?"
        ),
        "themes": ["environnement", "europe"],
        "premium": False,
        "chosen_by_readers": False,
        "days_ago": 93,
        "context": (
            "<p>Depuis 2023, en application de la loi Climat et résilience de 2021, "
            "les vols intérieurs sont interdits lorsqu'il existe une alternative en "
            "train de moins de 2 h 30, sans correspondance et avec une offre "
            "suffisante. En pratique, seules trois liaisons au départ d'Orly sont "
            "concernées, vers Bordeaux, Nantes et Lyon. La Commission européenne a "
            "validé ce dispositif fin 2022, au regard des règles du marché intérieur "
            "de l'aviation.</p>"
            "<p>La Convention citoyenne pour le climat avait proposé en 2020 un seuil "
            "de quatre heures. Un tel seuil toucherait des liaisons plus fréquentées, "
            "comme Paris-Marseille ou Paris-Montpellier, que le TGV relie en un peu "
            "plus de trois heures.</p>"
            "<p>Les vols intérieurs représentent environ 1 % des émissions de gaz à "
            "effet de serre de la France. Par passager et par kilomètre, un vol "
            "intérieur émet des dizaines de fois plus qu'un TGV, selon les facteurs "
            "d'émission de l'Ademe.</p>"
        ),
        "key_figures": [
            {
                "value": "3 liaisons",
                "label": "supprimées par la règle actuelle des 2 h 30 de train",
                "source": "Décret du 22 mai 2023",
            },
            {
                "value": "Environ 1 %",
                "label": (
                    "des émissions françaises de gaz à effet de serre dues aux vols "
                    "intérieurs"
                ),
                "source": "Citepa, 2024",
            },
            {
                "value": "Des dizaines de fois",
                "label": (
                    "plus d'émissions par passager et par kilomètre en avion qu'en TGV"
                ),
                "source": "Ademe, Base Empreinte",
            },
        ],
        "pour": {
            "expert": "lea-marchetti",
            "headline": (
                "Là où le train relie deux villes en moins de quatre heures, l'avion "
                "n'a plus de raison d'être"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Le premier argument est simple : à trajet égal, un passager "
                    "en avion émet des dizaines de fois plus qu'en TGV<sup>1</sup>. "
                    "Quand une alternative ferroviaire existe et qu'elle relie les "
                    "centres-villes en moins de quatre heures, maintenir des vols "
                    "revient à accepter une pollution évitable. Sur Paris-Marseille, "
                    "le train met environ trois heures et quart de centre à centre, "
                    "soit à peu près le temps d'un vol une fois comptés le trajet "
                    "vers l'aéroport et l'embarquement.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Environ 3 h 15",
                        "label": (
                            "durée d'un Paris-Marseille en TGV direct, une liaison "
                            "encore desservie par des vols quotidiens"
                        ),
                        "source": "SNCF Voyageurs",
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième argument : la règle actuelle est presque symbolique. "
                    "Avec un seuil de 2 h 30, trois lignes seulement ont été fermées, "
                    "dont le trafic avait déjà fortement baissé. Or le Haut Conseil "
                    "pour le climat rappelle que les émissions des transports ne "
                    "baissent pas au rythme nécessaire<sup>2</sup>. Un seuil de "
                    "quatre heures, celui que proposait la Convention "
                    "citoyenne<sup>3</sup>, toucherait enfin des liaisons où l'effet "
                    "serait mesurable, dont Paris-Marseille et Paris-Montpellier, "
                    "parmi les plus fréquentées du pays.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Nos adhérents ne demandent pas de renoncer au voyage. Ils "
                            "demandent des trains plus fréquents et moins chers que "
                            "l'avion sur les mêmes lignes."
                        ),
                        "attribution": (
                            "Léa Marchetti, à partir des enquêtes de son association"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>L'objection la plus sérieuse concerne les correspondances "
                    "vers les vols long-courriers et la capacité du rail. Sur le "
                    "premier point, Roissy dispose d'une gare TGV, et la loi peut "
                    "prévoir des exceptions là où aucun train n'y mène. Sur le "
                    "second, l'interdiction doit s'accompagner de trains "
                    "supplémentaires et de tarifs encadrés. C'est aussi une question "
                    "d'équité : le kérosène des vols intérieurs échappe à la taxe qui "
                    "pèse sur le carburant des automobilistes.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "Base Empreinte : facteurs d'émission des transports",
                    "publisher": "Ademe",
                    "year": 2023,
                    "url": "https://www.ademe.fr/",
                },
                {
                    "title": (
                        "Acter l'urgence, engager les moyens (rapport annuel 2023)"
                    ),
                    "publisher": "Haut Conseil pour le climat",
                    "year": 2023,
                    "url": "https://www.hautconseilclimat.fr/",
                },
                {
                    "title": "Rapport final de la Convention citoyenne pour le climat",
                    "publisher": "Convention citoyenne pour le climat",
                    "year": 2020,
                    "url": "https://www.conventioncitoyennepourleclimat.fr/",
                },
            ],
        },
        "contre": {
            "expert": "vincent-leroux",
            "headline": (
                "Interdire sans alternative crédible pénalise les régions, pour un "
                "gain climatique limité"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Les vols intérieurs représentent environ 1 % des émissions "
                    "françaises<sup>1</sup>. Une partie importante de leurs passagers "
                    "ne s'arrêtent pas à Paris : ils y prennent un vol long-courrier. "
                    "Si on leur retire le vol du matin, beaucoup passeront par "
                    "Amsterdam, Francfort ou Londres depuis l'aéroport régional, ou "
                    "prendront la voiture. Les émissions ne disparaissent pas ; elles "
                    "se déplacent, et l'activité avec elles. Pour une métropole comme "
                    "la nôtre, cette connexion pèse lourd quand il s'agit d'attirer "
                    "un siège d'entreprise, un congrès ou un laboratoire.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Pour beaucoup de nos entreprises, le vol du matin vers "
                            "Paris sert surtout à attraper un long-courrier à Roissy. "
                            "Sans lui, elles passeront par Amsterdam ou Francfort."
                        ),
                        "attribution": (
                            "Vincent Leroux, à partir de ses échanges avec les "
                            "entreprises de sa métropole"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième argument : le train n'est pas prêt à absorber ce "
                    "report. Aux heures de pointe et pendant les vacances, les TGV "
                    "vers le Sud sont déjà complets, et les prix s'envolent. "
                    "L'Autorité de régulation des transports documente chaque année "
                    "cette tension entre demande et offre<sup>2</sup>. Interdire "
                    "l'avion avant d'avoir ajouté des trains, c'est priver des "
                    "voyageurs d'une solution sans leur en donner une autre.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "70 %",
                        "label": (
                            "de carburants durables imposés aux avions au départ de "
                            "l'UE d'ici 2050"
                        ),
                        "source": "Règlement ReFuelEU Aviation, 2023",
                    },
                ),
                (
                    "paragraph",
                    "<p>Les partisans de l'interdiction ont raison sur un point : par "
                    "passager, l'avion pollue beaucoup plus que le train. Mais la "
                    "réponse efficace est de faire payer le carbone à tous les vols, "
                    "y compris internationaux, bien plus émetteurs, et d'obliger les "
                    "compagnies à verdir leur carburant, comme le prévoit désormais "
                    "le droit européen<sup>3</sup>. Investissons d'abord dans le "
                    "rail, puis laissons les voyageurs choisir. Une interdiction "
                    "symbolique, vécue comme une sanction par les régions éloignées, "
                    "fragilise l'adhésion à la transition.</p>",
                ),
            ],
            "sources": [
                {
                    "title": (
                        "Rapport Secten : émissions de gaz à effet de serre et de "
                        "polluants atmosphériques en France"
                    ),
                    "publisher": "Citepa",
                    "year": 2024,
                    "url": "https://www.citepa.org/",
                },
                {
                    "title": (
                        "Le marché français du transport ferroviaire de voyageurs en "
                        "2023"
                    ),
                    "publisher": "Autorité de régulation des transports",
                    "year": 2024,
                    "url": "https://www.autorite-transports.fr/",
                },
                {
                    "title": (
                        "Règlement (UE) 2023/2405 relatif à l'instauration d'une "
                        "égalité des conditions de concurrence pour un secteur du "
                        "transport aérien durable (ReFuelEU Aviation)"
                    ),
                    "publisher": "Union européenne",
                    "year": 2023,
                    "url": "https://eur-lex.europa.eu/",
                },
            ],
        },
    },
    {
        "slug": "reseaux-sociaux-avant-15-ans",
        "question": "Faut-il interdire l'accès aux réseaux sociaux avant 15 ans ?",
        "themes": ["numerique", "sante"],
        "premium": False,
        "chosen_by_readers": True,
        "days_ago": 108,
        "context": (
            "<p>La plupart des grands réseaux sociaux fixent dans leurs conditions "
            "d'utilisation un âge minimal de 13 ans, rarement vérifié. En 2023, une "
            "loi française a instauré une « majorité numérique » à 15 ans, qui impose "
            "l'accord d'un parent pour l'inscription d'un mineur plus jeune ; faute de "
            "mesures d'application compatibles avec le droit européen, elle n'est pas "
            "appliquée.</p>"
            "<p>En 2024, la commission d'experts sur l'impact de l'exposition des "
            "jeunes aux écrans a recommandé de réserver l'accès aux réseaux sociaux "
            "aux plus de 15 ans. L'Australie a voté la même année une interdiction "
            "avant 16 ans. Au niveau européen, le règlement sur les services "
            "numériques impose déjà aux plateformes des obligations de protection des "
            "mineurs.</p>"
            "<p>Selon la CNIL, la première inscription sur un réseau social intervient "
            "en moyenne vers 8 ans et demi, et plus de la moitié des 10-14 ans y sont "
            "présents.</p>"
        ),
        "key_figures": [
            {
                "value": "13 ans",
                "label": (
                    "âge minimal fixé par la plupart des plateformes, rarement vérifié"
                ),
                "source": "Conditions d'utilisation des plateformes",
            },
            {
                "value": "8 ans et demi",
                "label": "âge moyen de la première inscription sur un réseau social",
                "source": "CNIL, 2021",
            },
            {
                "value": "15 ans",
                "label": (
                    "âge de la « majorité numérique » prévue par la loi de 2023, non "
                    "appliquée à ce jour"
                ),
                "source": "Loi du 7 juillet 2023",
            },
        ],
        "pour": {
            "expert": "anne-sophie-brunet",
            "headline": (
                "Protéger les collégiens, comme on le fait déjà pour l'alcool ou la "
                "conduite"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Dans mon cabinet, les troubles du sommeil, l'anxiété liée à "
                    "la comparaison permanente et l'exposition à des contenus sur "
                    "l'automutilation reviennent sans cesse. La commission d'experts "
                    "sur les écrans a documenté ces effets, en particulier sur le "
                    "sommeil des plus jeunes<sup>1</sup>. Aux États-Unis, l'autorité "
                    "de santé publique a de son côté appelé à protéger les enfants "
                    "d'un environnement qu'elle juge insuffisamment sûr<sup>2</sup>. "
                    "Entre 11 et 15 ans, le cerveau est particulièrement sensible à "
                    "la validation sociale que ces applications exploitent.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Les adolescents que je reçois ne me disent pas qu'ils "
                            "aiment les réseaux. Ils me disent qu'ils n'arrivent pas à "
                            "s'arrêter."
                        ),
                        "attribution": (
                            "Anne-Sophie Brunet, à partir de ses consultations"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième argument : c'est un problème collectif, que les "
                    "familles ne peuvent pas régler seules. Quand toute la classe est "
                    "sur une application, l'enfant privé de compte est exclu des "
                    "conversations. Un âge légal crée une norme partagée, sur "
                    "laquelle les parents peuvent s'appuyer. La loi de 2023, fondée "
                    "sur le seul consentement parental, n'a pas produit cet effet. "
                    "Beaucoup de parents me racontent avoir cédé pour que leur enfant "
                    "ne soit pas le dernier de sa classe sans compte.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "Plus de la moitié",
                        "label": (
                            "des 10-14 ans présents sur les réseaux sociaux, malgré "
                            "l'âge minimal de 13 ans"
                        ),
                        "source": "CNIL, 2021",
                    },
                ),
                (
                    "paragraph",
                    "<p>On objecte que les adolescents contourneront l'interdiction. "
                    "Certains le feront, comme certains achètent de l'alcool avant 18 "
                    "ans ; cela n'a jamais été une raison de supprimer la règle. Et "
                    "la vérification de l'âge n'impose pas de livrer son identité aux "
                    "plateformes : l'Arcom a défini des exigences fondées sur un "
                    "tiers de confiance et le « double anonymat »<sup>3</sup>. C'est "
                    "aux plateformes de prouver qu'elles respectent la loi, pas aux "
                    "enfants de se protéger seuls. Les messageries resteraient "
                    "accessibles.</p>",
                ),
            ],
            "sources": [
                {
                    "title": "Enfants et écrans. À la recherche du temps perdu",
                    "publisher": (
                        "Commission d'experts sur l'impact de l'exposition des jeunes "
                        "aux écrans"
                    ),
                    "year": 2024,
                    "url": "https://www.elysee.fr/",
                },
                {
                    "title": (
                        "Social Media and Youth Mental Health: The U.S. Surgeon "
                        "General's Advisory"
                    ),
                    "publisher": "U.S. Department of Health and Human Services",
                    "year": 2023,
                    "url": "https://www.hhs.gov/",
                },
                {
                    "title": (
                        "Référentiel technique sur la vérification de l'âge pour la "
                        "protection des mineurs"
                    ),
                    "publisher": "Arcom",
                    "year": 2024,
                    "url": "https://www.arcom.fr/",
                },
            ],
        },
        "contre": {
            "expert": "samuel-ohayon",
            "headline": (
                "Plutôt qu'exclure les adolescents, obligeons les plateformes à changer"
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Une interdiction avant 15 ans suppose de vérifier l'âge de "
                    "tous les utilisateurs, adultes compris. La CNIL a montré que "
                    "chaque méthode présente des failles ou des risques pour la vie "
                    "privée, et qu'aucune n'est à la fois fiable, simple et "
                    "respectueuse des données<sup>1</sup>. Dans les faits, les plus "
                    "jeunes empruntent le compte d'un aîné, utilisent un VPN ou "
                    "migrent vers des applications moins modérées, là où les adultes "
                    "ne les voient plus. L'interdiction risque alors d'exposer "
                    "davantage ceux qu'elle voulait protéger.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "En atelier, quand je demande qui a déjà menti sur son âge "
                            "pour s'inscrire, presque toutes les mains se lèvent."
                        ),
                        "attribution": (
                            "Samuel Ohayon, à partir de ses interventions en collège"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Deuxième argument : les effets des réseaux sociaux sont réels "
                    "mais variables. L'autorité de santé publique américaine, souvent "
                    "citée pour ses mises en garde, souligne aussi que ces espaces "
                    "apportent à certains jeunes du lien, du soutien et de "
                    "l'information, notamment aux adolescents isolés ou issus de "
                    "minorités, et que les données restent incomplètes<sup>2</sup>. "
                    "Ce qui nuit, ce sont surtout certains usages et certaines "
                    "conceptions : défilement infini, notifications incessantes, "
                    "recommandations qui enferment.</p>",
                ),
                (
                    "figure",
                    {
                        "value": "2022",
                        "label": (
                            "adoption du règlement européen sur les services "
                            "numériques, qui interdit la publicité ciblée fondée sur "
                            "le profilage des mineurs"
                        ),
                        "source": "Règlement (UE) 2022/2065",
                    },
                ),
                (
                    "paragraph",
                    "<p>Les partisans d'une interdiction ont raison sur un point : "
                    "les parents ne peuvent pas tout porter seuls. Mais la réponse "
                    "est d'agir sur les plateformes, que le droit européen permet "
                    "déjà de contraindre<sup>3</sup> : comptes privés par défaut, fin "
                    "des mécanismes addictifs pour les mineurs, sanctions réelles. "
                    "Ajoutons une véritable éducation aux médias dès le primaire. Une "
                    "interdiction massivement contournée apprendrait surtout aux "
                    "adolescents à se cacher, et les laisserait seuls le jour où ils "
                    "rencontrent un problème.</p>",
                ),
            ],
            "sources": [
                {
                    "title": (
                        "Vérification de l'âge en ligne : trouver l'équilibre entre "
                        "protection des mineurs et respect de la vie privée"
                    ),
                    "publisher": "CNIL",
                    "year": 2022,
                    "url": "https://www.cnil.fr/",
                },
                {
                    "title": (
                        "Social Media and Youth Mental Health: The U.S. Surgeon "
                        "General's Advisory"
                    ),
                    "publisher": "U.S. Department of Health and Human Services",
                    "year": 2023,
                    "url": "https://www.hhs.gov/",
                },
                {
                    "title": (
                        "Règlement (UE) 2022/2065 relatif à un marché unique des "
                        "services numériques (DSA)"
                    ),
                    "publisher": "Union européenne",
                    "year": 2022,
                    "url": "https://eur-lex.europa.eu/",
                },
            ],
        },
    },
]

# Reactions from the demo readers' panel, published as if an editor had read them.
# (tag, text) pairs; a reaction whose tag starts with "reply:" answers the previous
# top-level one.
REACTIONS = {
    "semaine-de-quatre-jours": [
        (
            "pour",
            "Dans mon équipe, nous sommes passés à quatre jours l'an dernier. Les "
            "journées sont plus longues, mais le vendredi libre a changé ma vie de "
            "parent.",
        ),
        (
            "reply:nuance",
            "Chez nous, le même essai a surtout profité aux bureaux. À l'atelier, "
            "les horaires n'ont pas bougé : c'est l'argument de l'inégalité qui me "
            "parle.",
        ),
        (
            "contre",
            "Neuf heures debout en caisse, je ne le souhaite à personne. Une "
            "réduction du temps de travail, oui ; le compresser, non.",
        ),
    ],
    "telephone-portable-au-lycee": [
        (
            "nuance",
            "Professeur en lycée : l'interdiction en cours existe déjà. La vraie "
            "question est celle des pauses, et je n'ai pas d'avis tranché.",
        ),
        (
            "pour",
            "Ma fille dit elle-même qu'elle respire mieux depuis que son collège "
            "ramasse les téléphones le matin.",
        ),
    ],
    "110-km-h-sur-autoroute": [
        (
            "contre",
            "J'habite à 80 km de mon travail, sans train. Dix minutes de plus par "
            "trajet, ce n'est pas rien, et personne ne le compte.",
        ),
        (
            "reply:pour",
            "Dix minutes, mais 20 % de carburant en moins d'après l'Ademe : sur un "
            "an de trajets, l'économie n'est pas rien non plus.",
        ),
    ],
}
