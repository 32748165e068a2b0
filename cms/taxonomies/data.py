"""Labels of Enlace's fixed vocabularies, in Spanish, English, Portuguese and French.

This module only holds data: each vocabulary is a tuple of ``(code, labels)`` pairs in
display order, where ``labels`` is a dict with exactly the keys ``"es"``, ``"en"``,
``"pt"`` and ``"fr"``. Codes are stable identifiers used in URLs and the API: never
change them. Nothing here should be imported directly by application code:
``cms/taxonomies/__init__.py`` is the API (lookups, choices, validation).

Sources: A/RES/73/195 (Global Compact for Safe, Orderly and Regular Migration) for the
objectives (para. 16) and guiding principles (para. 15) in its official English, Spanish
and French texts, with the Portuguese wording used by IOM/UN Brazil; the report of the
Mechanism's 2023 Conversatorio (footnotes 2, 3, 7 and 8) for the Spanish names.
"""

from __future__ import annotations

# The 23 GCM objectives (A/RES/73/195, para. 16), without the "Objective N:" prefix.
OBJECTIVES = (
    (
        "1",
        {
            "es": "Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica",
            "en": "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies",
            "pt": "Coletar e utilizar dados precisos e desagregados como base para políticas baseadas em evidências",
            "fr": "Collecter et utiliser des données précises et ventilées qui serviront à l’élaboration de politiques fondées sur la connaissance des faits",
        },
    ),
    (
        "2",
        {
            "es": "Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen",
            "en": "Minimize the adverse drivers and structural factors that compel people to leave their country of origin",
            "pt": "Minimizar os fatores adversos e estruturais que obrigam as pessoas a deixar seu país de origem",
            "fr": "Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter leur pays d’origine",
        },
    ),
    (
        "3",
        {
            "es": "Proporcionar información exacta y oportuna en todas las etapas de la migración",
            "en": "Provide accurate and timely information at all stages of migration",
            "pt": "Fornecer informações precisas e oportunas em todas as etapas da migração",
            "fr": "Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration",
        },
    ),
    (
        "4",
        {
            "es": "Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada",
            "en": "Ensure that all migrants have proof of legal identity and adequate documentation",
            "pt": "Garantir que todos os migrantes tenham prova de identidade legal e documentação adequada",
            "fr": "Munir tous les migrants d’une preuve d’identité légale et de papiers adéquats",
        },
    ),
    (
        "5",
        {
            "es": "Aumentar la disponibilidad y flexibilidad de las vías de migración regular",
            "en": "Enhance availability and flexibility of pathways for regular migration",
            "pt": "Aumentar a disponibilidade e a flexibilidade das vias para a migração regular",
            "fr": "Faire en sorte que les filières de migration régulière soient accessibles et plus souples",
        },
    ),
    (
        "6",
        {
            "es": "Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente",
            "en": "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work",
            "pt": "Facilitar o recrutamento justo e ético e salvaguardar condições que garantam um trabalho decente",
            "fr": "Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un travail décent",
        },
    ),
    (
        "7",
        {
            "es": "Abordar y reducir las vulnerabilidades en la migración",
            "en": "Address and reduce vulnerabilities in migration",
            "pt": "Abordar e reduzir as vulnerabilidades na migração",
            "fr": "S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire",
        },
    ),
    (
        "8",
        {
            "es": "Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes desaparecidos",
            "en": "Save lives and establish coordinated international efforts on missing migrants",
            "pt": "Salvar vidas e estabelecer esforços internacionais coordenados sobre migrantes desaparecidos",
            "fr": "Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les migrants disparus",
        },
    ),
    (
        "9",
        {
            "es": "Reforzar la respuesta transnacional al tráfico ilícito de migrantes",
            "en": "Strengthen the transnational response to smuggling of migrants",
            "pt": "Fortalecer a resposta transnacional ao contrabando de migrantes",
            "fr": "Renforcer l’action transnationale face au trafic de migrants",
        },
    ),
    (
        "10",
        {
            "es": "Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional",
            "en": "Prevent, combat and eradicate trafficking in persons in the context of international migration",
            "pt": "Prevenir, combater e erradicar o tráfico de pessoas no contexto da migração internacional",
            "fr": "Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales",
        },
    ),
    (
        "11",
        {
            "es": "Gestionar las fronteras de manera integrada, segura y coordinada",
            "en": "Manage borders in an integrated, secure and coordinated manner",
            "pt": "Gerenciar as fronteiras de forma integrada, segura e coordenada",
            "fr": "Gérer les frontières de manière intégrée, sûre et coordonnée",
        },
    ),
    (
        "12",
        {
            "es": "Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada verificación de antecedentes, evaluación y derivación",
            "en": "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral",
            "pt": "Reforçar a segurança jurídica e a previsibilidade nos procedimentos de migração para triagem, processamento e encaminhamento apropriados",
            "fr": "Veiller à l’invariabilité et à la prévisibilité des procédures migratoires pour assurer des contrôles, des évaluations et une orientation appropriés",
        },
    ),
    (
        "13",
        {
            "es": "Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas",
            "en": "Use migration detention only as a measure of last resort and work towards alternatives",
            "pt": "Utilizar a detenção de migrantes apenas como medida de último recurso e buscar alternativas",
            "fr": "Ne recourir au placement en rétention administrative des migrants qu’en dernier ressort et chercher des solutions de rechange",
        },
    ),
    (
        "14",
        {
            "es": "Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio",
            "en": "Enhance consular protection, assistance and cooperation throughout the migration cycle",
            "pt": "Melhorar a proteção, a assistência e a cooperação consulares ao longo de todo o ciclo migratório",
            "fr": "Renforcer la protection, l’assistance et la coopération consulaires tout au long du cycle migratoire",
        },
    ),
    (
        "15",
        {
            "es": "Proporcionar a los migrantes acceso a servicios básicos",
            "en": "Provide access to basic services for migrants",
            "pt": "Fornecer acesso a serviços básicos para migrantes",
            "fr": "Assurer l’accès des migrants aux services de base",
        },
    ),
    (
        "16",
        {
            "es": "Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social",
            "en": "Empower migrants and societies to realize full inclusion and social cohesion",
            "pt": "Empoderar os migrantes e as sociedades para a plena inclusão e coesão social",
            "fr": "Donner aux migrants et aux sociétés des moyens en faveur de la pleine intégration et de la cohésion sociale",
        },
    ),
    (
        "17",
        {
            "es": "Eliminar todas las formas de discriminación y promover un discurso público con base empírica para modificar las percepciones de la migración",
            "en": "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration",
            "pt": "Eliminar todas as formas de discriminação e promover uma narrativa pública baseada em evidências para formar percepções sobre a migração",
            "fr": "Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l’analyse des faits afin de faire évoluer la manière dont les migrations sont perçues",
        },
    ),
    (
        "18",
        {
            "es": "Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, cualificaciones y competencias",
            "en": "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences",
            "pt": "Investir no desenvolvimento de competências e facilitar o reconhecimento mútuo de habilidades, qualificações e competências",
            "fr": "Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des aptitudes, qualifications et compétences",
        },
    ),
    (
        "19",
        {
            "es": "Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al desarrollo sostenible en todos los países",
            "en": "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries",
            "pt": "Criar condições para que os migrantes e as diásporas contribuam plenamente para o desenvolvimento sustentável em todos os países",
            "fr": "Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays",
        },
    ),
    (
        "20",
        {
            "es": "Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión financiera de los migrantes",
            "en": "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants",
            "pt": "Promover transferências de remessas mais rápidas, seguras e baratas e fomentar a inclusão financeira dos migrantes",
            "fr": "Rendre les envois de fonds plus rapides, plus sûrs et moins coûteux et favoriser l’inclusion financière des migrants",
        },
    ),
    (
        "21",
        {
            "es": "Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así como la reintegración sostenible",
            "en": "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration",
            "pt": "Cooperar para facilitar o retorno e a readmissão seguros e dignos, bem como a reintegração sustentável",
            "fr": "Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dignité, ainsi que leur réintégration durable",
        },
    ),
    (
        "22",
        {
            "es": "Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas",
            "en": "Establish mechanisms for the portability of social security entitlements and earned benefits",
            "pt": "Estabelecer mecanismos para a portabilidade da seguridade social e dos benefícios adquiridos",
            "fr": "Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages acquis",
        },
    ),
    (
        "23",
        {
            "es": "Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, ordenada y regular",
            "en": "Strengthen international cooperation and global partnerships for safe, orderly and regular migration",
            "pt": "Fortalecer a cooperação internacional e as parcerias globais para a migração segura, ordenada e regular",
            "fr": "Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières",
        },
    ),
)

# The 10 cross-cutting guiding principles of the GCM (A/RES/73/195, para. 15).
PRINCIPLES = (
    (
        "people_centred",
        {
            "es": "Centrarse en las personas",
            "en": "People-centred",
            "pt": "Centrado nas pessoas",
            "fr": "Priorité à la dimension humaine",
        },
    ),
    (
        "international_cooperation",
        {
            "es": "Cooperación internacional",
            "en": "International cooperation",
            "pt": "Cooperação internacional",
            "fr": "Coopération internationale",
        },
    ),
    (
        "national_sovereignty",
        {
            "es": "Soberanía nacional",
            "en": "National sovereignty",
            "pt": "Soberania nacional",
            "fr": "Souveraineté nationale",
        },
    ),
    (
        "rule_of_law",
        {
            "es": "Estado de derecho y garantías procesales",
            "en": "Rule of law and due process",
            "pt": "Estado de direito e devido processo legal",
            "fr": "Primauté du droit et garanties d’une procédure régulière",
        },
    ),
    (
        "sustainable_development",
        {
            "es": "Desarrollo sostenible",
            "en": "Sustainable development",
            "pt": "Desenvolvimento sustentável",
            "fr": "Développement durable",
        },
    ),
    (
        "human_rights",
        {
            "es": "Derechos humanos",
            "en": "Human rights",
            "pt": "Direitos humanos",
            "fr": "Droits de l’homme",
        },
    ),
    (
        "gender_responsive",
        {
            "es": "Perspectiva de género",
            "en": "Gender-responsive",
            "pt": "Sensível ao gênero",
            "fr": "Prise en compte de la problématique femmes-hommes",
        },
    ),
    (
        "child_sensitive",
        {
            "es": "Perspectiva infantil",
            "en": "Child-sensitive",
            "pt": "Sensível às crianças",
            "fr": "Adaptation aux besoins de l’enfant",
        },
    ),
    (
        "whole_of_government",
        {
            "es": "Enfoque pangubernamental",
            "en": "Whole-of-government approach",
            "pt": "Abordagem de todo o governo",
            "fr": "Approche mobilisant l’ensemble des pouvoirs publics",
        },
    ),
    (
        "whole_of_society",
        {
            "es": "Enfoque pansocial",
            "en": "Whole-of-society approach",
            "pt": "Abordagem de toda a sociedade",
            "fr": "Approche mobilisant l’ensemble de la société",
        },
    ),
)

# The Mechanism's four working tables: their themes, without the "Mesa N" prefix.
TABLES = (
    (
        "1",
        {
            "es": "Factores de la migración y rutas regulares",
            "en": "Drivers of migration and regular pathways",
            "pt": "Fatores da migração e vias regulares",
            "fr": "Facteurs de la migration et filières régulières",
        },
    ),
    (
        "2",
        {
            "es": "Gobernanza migratoria, salvar vidas y reintegración sostenible",
            "en": "Migration governance, saving lives and sustainable reintegration",
            "pt": "Governança migratória, salvar vidas e reintegração sustentável",
            "fr": "Gouvernance des migrations, sauver des vies et réintégration durable",
        },
    ),
    (
        "3",
        {
            "es": "Inclusión",
            "en": "Inclusion",
            "pt": "Inclusão",
            "fr": "Inclusion",
        },
    ),
    (
        "4",
        {
            "es": "Datos, información y políticas basadas en evidencia",
            "en": "Data, information and evidence-based policies",
            "pt": "Dados, informação e políticas baseadas em evidências",
            "fr": "Données, information et politiques fondées sur des données factuelles",
        },
    ),
)

# Short names of the four working tables (same codes as TABLES).
TABLE_NAMES = (
    ("1", {"es": "Mesa 1", "en": "Table 1", "pt": "Mesa 1", "fr": "Table 1"}),
    ("2", {"es": "Mesa 2", "en": "Table 2", "pt": "Mesa 2", "fr": "Table 2"}),
    ("3", {"es": "Mesa 3", "en": "Table 3", "pt": "Mesa 3", "fr": "Table 3"}),
    ("4", {"es": "Mesa 4", "en": "Table 4", "pt": "Mesa 4", "fr": "Table 4"}),
)

# The 13 stakeholder groups the Mechanism gathers (GCM para. 44; report footnote 2).
STAKEHOLDER_GROUPS = (
    (
        "migrants",
        {
            "es": "Personas migrantes",
            "en": "Migrants",
            "pt": "Pessoas migrantes",
            "fr": "Migrants",
        },
    ),
    (
        "migrant_diaspora_organisations",
        {
            "es": "Organizaciones de migrantes y diásporas",
            "en": "Migrant and diaspora organizations",
            "pt": "Organizações de migrantes e diásporas",
            "fr": "Organisations de migrants et de la diaspora",
        },
    ),
    (
        "migrant_women_organisations",
        {
            "es": "Organizaciones de mujeres migrantes",
            "en": "Migrant women’s organizations",
            "pt": "Organizações de mulheres migrantes",
            "fr": "Organisations de femmes migrantes",
        },
    ),
    (
        "women_girls_rights_organisations",
        {
            "es": "Organizaciones defensoras de los derechos de las mujeres y niñas migrantes",
            "en": "Organizations defending the rights of migrant women and girls",
            "pt": "Organizações de defesa dos direitos das mulheres e meninas migrantes",
            "fr": "Organisations de défense des droits des femmes et des filles migrantes",
        },
    ),
    (
        "faith_based_organisations",
        {
            "es": "Organizaciones religiosas",
            "en": "Faith-based organizations",
            "pt": "Organizações religiosas",
            "fr": "Organisations confessionnelles",
        },
    ),
    (
        "private_sector",
        {
            "es": "Sector privado",
            "en": "Private sector",
            "pt": "Setor privado",
            "fr": "Secteur privé",
        },
    ),
    (
        "employers_organisations",
        {
            "es": "Organizaciones de empleadores/as",
            "en": "Employers’ organizations",
            "pt": "Organizações de empregadores",
            "fr": "Organisations d’employeurs",
        },
    ),
    (
        "trade_unions",
        {
            "es": "Organizaciones de trabajadores/as y sindicatos",
            "en": "Workers’ organizations and trade unions",
            "pt": "Organizações de trabalhadores e sindicatos",
            "fr": "Organisations de travailleurs et syndicats",
        },
    ),
    (
        "national_human_rights_institutions",
        {
            "es": "Instituciones nacionales de derechos humanos",
            "en": "National human rights institutions",
            "pt": "Instituições nacionais de direitos humanos",
            "fr": "Institutions nationales des droits de l’homme",
        },
    ),
    (
        "local_human_rights_institutions",
        {
            "es": "Instituciones locales de derechos humanos",
            "en": "Local human rights institutions",
            "pt": "Instituições locais de direitos humanos",
            "fr": "Institutions locales des droits de l’homme",
        },
    ),
    (
        "academia",
        {
            "es": "Academia",
            "en": "Academia",
            "pt": "Academia",
            "fr": "Milieux universitaires",
        },
    ),
    (
        "media",
        {
            "es": "Medios de comunicación",
            "en": "Media",
            "pt": "Meios de comunicação",
            "fr": "Médias",
        },
    ),
    (
        "other_stakeholders",
        {
            "es": "Otras partes interesadas",
            "en": "Other stakeholders",
            "pt": "Outras partes interessadas",
            "fr": "Autres parties prenantes",
        },
    ),
)

# Geographic level at which a practice is carried out.
LEVELS = (
    ("regional", {"es": "Regional", "en": "Regional", "pt": "Regional", "fr": "Régional"}),
    ("national", {"es": "Nacional", "en": "National", "pt": "Nacional", "fr": "National"}),
    ("local", {"es": "Local", "en": "Local", "pt": "Local", "fr": "Local"}),
)

# Target populations named in the Mechanism's work (who a practice is for).
POPULATIONS = (
    (
        "women",
        {
            "es": "Mujeres",
            "en": "Women",
            "pt": "Mulheres",
            "fr": "Femmes",
        },
    ),
    (
        "children_adolescents",
        {
            "es": "Niñas, niños y adolescentes",
            "en": "Children and adolescents",
            "pt": "Crianças e adolescentes",
            "fr": "Enfants et adolescents",
        },
    ),
    (
        "unaccompanied_children",
        {
            "es": "Niñas, niños y adolescentes no acompañados",
            "en": "Unaccompanied children",
            "pt": "Crianças e adolescentes desacompanhados",
            "fr": "Enfants non accompagnés",
        },
    ),
    (
        "lgbtiq",
        {
            "es": "Personas LGBTIQ+",
            "en": "LGBTIQ+ people",
            "pt": "Pessoas LGBTIQ+",
            "fr": "Personnes LGBTIQ+",
        },
    ),
    (
        "indigenous_peoples",
        {
            "es": "Pueblos indígenas",
            "en": "Indigenous peoples",
            "pt": "Povos indígenas",
            "fr": "Peuples autochtones",
        },
    ),
    (
        "afro_descendants",
        {
            "es": "Personas afrodescendientes",
            "en": "People of African descent",
            "pt": "Pessoas afrodescendentes",
            "fr": "Personnes d’ascendance africaine",
        },
    ),
    (
        "returnees_deportees",
        {
            "es": "Personas retornadas y deportadas",
            "en": "Returnees and deportees",
            "pt": "Pessoas retornadas e deportadas",
            "fr": "Personnes rapatriées et expulsées",
        },
    ),
    (
        "internally_displaced",
        {
            "es": "Personas desplazadas internas",
            "en": "Internally displaced persons",
            "pt": "Pessoas deslocadas internamente",
            "fr": "Personnes déplacées à l’intérieur de leur propre pays",
        },
    ),
    (
        "migrant_workers",
        {
            "es": "Personas trabajadoras migrantes",
            "en": "Migrant workers",
            "pt": "Trabalhadores migrantes",
            "fr": "Travailleurs migrants",
        },
    ),
    (
        "refugees",
        {
            "es": "Personas refugiadas",
            "en": "Refugees",
            "pt": "Pessoas refugiadas",
            "fr": "Réfugiés",
        },
    ),
    (
        "irregular_migrants",
        {
            "es": "Personas migrantes en situación irregular",
            "en": "Migrants in an irregular situation",
            "pt": "Migrantes em situação irregular",
            "fr": "Migrants en situation irrégulière",
        },
    ),
    (
        "families",
        {
            "es": "Familias",
            "en": "Families",
            "pt": "Famílias",
            "fr": "Familles",
        },
    ),
    (
        "older_persons",
        {
            "es": "Personas mayores",
            "en": "Older persons",
            "pt": "Pessoas idosas",
            "fr": "Personnes âgées",
        },
    ),
    (
        "persons_with_disabilities",
        {
            "es": "Personas con discapacidad",
            "en": "Persons with disabilities",
            "pt": "Pessoas com deficiência",
            "fr": "Personnes handicapées",
        },
    ),
    (
        "trafficking_victims",
        {
            "es": "Víctimas de trata de personas",
            "en": "Victims of trafficking in persons",
            "pt": "Vítimas de tráfico de pessoas",
            "fr": "Victimes de la traite des personnes",
        },
    ),
    (
        "domestic_workers",
        {
            "es": "Trabajadoras y trabajadores del hogar",
            "en": "Domestic workers",
            "pt": "Trabalhadoras e trabalhadores domésticos",
            "fr": "Travailleuses et travailleurs domestiques",
        },
    ),
)

# Whether a practice is still running or has ended.
PRACTICE_STATUSES = (
    ("ongoing", {"es": "En curso", "en": "Ongoing", "pt": "Em andamento", "fr": "En cours"}),
    ("completed", {"es": "Finalizada", "en": "Completed", "pt": "Concluída", "fr": "Terminée"}),
)

# Language of a document (e.g. the original of a practice), named in each UI language.
LANGUAGES = (
    ("es", {"es": "Español", "en": "Spanish", "pt": "Espanhol", "fr": "Espagnol"}),
    ("en", {"es": "Inglés", "en": "English", "pt": "Inglês", "fr": "Anglais"}),
    ("pt", {"es": "Portugués", "en": "Portuguese", "pt": "Português", "fr": "Portugais"}),
    ("fr", {"es": "Francés", "en": "French", "pt": "Francês", "fr": "Français"}),
)

# Kinds of searchable/listed content (singular), used for the "type" facet.
CONTENT_TYPES = (
    ("practice", {"es": "Práctica", "en": "Practice", "pt": "Prática", "fr": "Pratique"}),
    ("recommendation", {"es": "Recomendación", "en": "Recommendation", "pt": "Recomendação", "fr": "Recommandation"}),
    ("organisation", {"es": "Organización", "en": "Organization", "pt": "Organização", "fr": "Organisation"}),
    ("event", {"es": "Evento", "en": "Event", "pt": "Evento", "fr": "Événement"}),
)

# How an event is held.
EVENT_FORMATS = (
    ("in_person", {"es": "Presencial", "en": "In person", "pt": "Presencial", "fr": "En présentiel"}),
    ("virtual", {"es": "Virtual", "en": "Virtual", "pt": "Virtual", "fr": "Virtuel"}),
    ("hybrid", {"es": "Híbrido", "en": "Hybrid", "pt": "Híbrido", "fr": "Hybride"}),
)

# What kind of body an organisation is.
ORGANISATION_KINDS = (
    (
        "civil_society",
        {
            "es": "Organización de la sociedad civil",
            "en": "Civil society organization",
            "pt": "Organização da sociedade civil",
            "fr": "Organisation de la société civile",
        },
    ),
    (
        "national_government",
        {
            "es": "Gobierno nacional",
            "en": "National government",
            "pt": "Governo nacional",
            "fr": "Gouvernement national",
        },
    ),
    (
        "local_government",
        {
            "es": "Gobierno local",
            "en": "Local government",
            "pt": "Governo local",
            "fr": "Autorité locale",
        },
    ),
    (
        "un_agency",
        {
            "es": "Agencia de las Naciones Unidas",
            "en": "United Nations agency",
            "pt": "Agência das Nações Unidas",
            "fr": "Organisme des Nations Unies",
        },
    ),
    (
        "regional_body",
        {
            "es": "Organismo regional",
            "en": "Regional body",
            "pt": "Organismo regional",
            "fr": "Organisme régional",
        },
    ),
    (
        "academia",
        {
            "es": "Institución académica",
            "en": "Academic institution",
            "pt": "Instituição acadêmica",
            "fr": "Établissement universitaire",
        },
    ),
    (
        "other",
        {
            "es": "Otro",
            "en": "Other",
            "pt": "Outro",
            "fr": "Autre",
        },
    ),
)

# To whom a recommendation is addressed.
ADDRESSEES = (
    (
        "national_governments",
        {
            "es": "Gobiernos nacionales",
            "en": "National governments",
            "pt": "Governos nacionais",
            "fr": "Gouvernements nationaux",
        },
    ),
    (
        "local_governments",
        {
            "es": "Gobiernos locales",
            "en": "Local governments",
            "pt": "Governos locais",
            "fr": "Autorités locales",
        },
    ),
    (
        "un_agencies",
        {
            "es": "Agencias de las Naciones Unidas",
            "en": "United Nations agencies",
            "pt": "Agências das Nações Unidas",
            "fr": "Organismes des Nations Unies",
        },
    ),
    (
        "civil_society",
        {
            "es": "Sociedad civil",
            "en": "Civil society",
            "pt": "Sociedade civil",
            "fr": "Société civile",
        },
    ),
    (
        "private_sector",
        {
            "es": "Sector privado",
            "en": "Private sector",
            "pt": "Setor privado",
            "fr": "Secteur privé",
        },
    ),
    (
        "academia",
        {
            "es": "Academia",
            "en": "Academia",
            "pt": "Academia",
            "fr": "Milieux universitaires",
        },
    ),
    (
        "media",
        {
            "es": "Medios de comunicación",
            "en": "Media",
            "pt": "Meios de comunicação",
            "fr": "Médias",
        },
    ),
    (
        "mechanism",
        {
            "es": "Mecanismo de Diálogo Permanente",
            "en": "The Mechanism",
            "pt": "Mecanismo de Diálogo Permanente",
            "fr": "Mécanisme de dialogue permanent",
        },
    ),
)

# Implementation status reported for a published recommendation (follow-up reports).
FOLLOW_UP_STATUSES = (
    (
        "no_information",
        {
            "es": "Sin información",
            "en": "No information",
            "pt": "Sem informação",
            "fr": "Aucune information",
        },
    ),
    (
        "planned",
        {
            "es": "Planificada",
            "en": "Planned",
            "pt": "Planejada",
            "fr": "Prévue",
        },
    ),
    (
        "in_progress",
        {
            "es": "En curso",
            "en": "In progress",
            "pt": "Em andamento",
            "fr": "En cours",
        },
    ),
    (
        "partially_implemented",
        {
            "es": "Parcialmente implementada",
            "en": "Partially implemented",
            "pt": "Parcialmente implementada",
            "fr": "Partiellement mise en œuvre",
        },
    ),
    (
        "implemented",
        {
            "es": "Implementada",
            "en": "Implemented",
            "pt": "Implementada",
            "fr": "Mise en œuvre",
        },
    ),
    (
        "not_implemented",
        {
            "es": "No implementada",
            "en": "Not implemented",
            "pt": "Não implementada",
            "fr": "Non mise en œuvre",
        },
    ),
)

# Where a follow-up report stands in its review (curators and the network review them).
FOLLOW_UP_REVIEW_STATUSES = (
    ("submitted", {"es": "Enviado", "en": "Submitted", "pt": "Enviado", "fr": "Soumis"}),
    ("sent_back", {"es": "Devuelto", "en": "Sent back", "pt": "Devolvido", "fr": "Renvoyé"}),
    ("published", {"es": "Publicado", "en": "Published", "pt": "Publicado", "fr": "Publié"}),
)

# The regional scope of a follow-up report (UN M49 code 419, as in es-419).
REGIONAL_SCOPE = (
    "419",
    {
        "es": "América Latina y el Caribe (regional)",
        "en": "Latin America and the Caribbean (regional)",
        "pt": "América Latina e Caribe (regional)",
        "fr": "Amérique latine et Caraïbes (régional)",
    },
)

# User roles of the platform (see SPEC section 1).
ROLES = (
    (
        "member",
        {
            "es": "Miembro",
            "en": "Member",
            "pt": "Membro",
            "fr": "Membre",
        },
    ),
    (
        "delegate",
        {
            "es": "Delegado/a de mesa",
            "en": "Table delegate",
            "pt": "Delegado/a de mesa",
            "fr": "Délégué/e de table",
        },
    ),
    (
        "secretariat",
        {
            "es": "Secretaría de mesa",
            "en": "Table secretariat",
            "pt": "Secretaria de mesa",
            "fr": "Secrétariat de table",
        },
    ),
    (
        "liaison",
        {
            "es": "Mesa de Vinculación",
            "en": "Liaison group (Mesa de Vinculación)",
            "pt": "Mesa de Vinculação",
            "fr": "Groupe de liaison (Mesa de Vinculación)",
        },
    ),
    (
        "network",
        {
            "es": "Red Regional",
            "en": "Regional Network",
            "pt": "Rede Regional",
            "fr": "Réseau régional",
        },
    ),
    (
        "curator",
        {
            "es": "Curador/a",
            "en": "Curator",
            "pt": "Curador/a",
            "fr": "Curateur/curatrice",
        },
    ),
    (
        "admin",
        {
            "es": "Administrador/a",
            "en": "Administrator",
            "pt": "Administrador/a",
            "fr": "Administrateur/administratrice",
        },
    ),
)

# Where a recommendation stands in the approval workflow (SPEC §3, §5 `status`).
REVIEW_STATUSES = (
    ("draft", {"es": "Borrador", "en": "Draft", "pt": "Rascunho", "fr": "Brouillon"}),
    ("in_review", {"es": "En revisión", "en": "In review", "pt": "Em revisão", "fr": "En cours d’examen"}),
    (
        "changes_requested",
        {
            "es": "Cambios solicitados",
            "en": "Changes requested",
            "pt": "Alterações solicitadas",
            "fr": "Modifications demandées",
        },
    ),
    ("published", {"es": "Publicada", "en": "Published", "pt": "Publicada", "fr": "Publiée"}),
    ("withdrawn", {"es": "Retirada", "en": "Withdrawn", "pt": "Retirada", "fr": "Retirée"}),
)

# The stages of the recommendation workflow (SPEC §3, §5 `stage`).
REVIEW_STAGES = (
    ("table", {"es": "Revisión de la mesa", "en": "Table review", "pt": "Revisão da mesa", "fr": "Examen de la table"}),
    (
        "liaison",
        {
            "es": "Revisión de la Mesa de Vinculación",
            "en": "Liaison review",
            "pt": "Revisão da Mesa de Vinculação",
            "fr": "Examen du groupe de liaison",
        },
    ),
    (
        "network",
        {
            "es": "Validación de la Red Regional",
            "en": "Regional Network validation",
            "pt": "Validação da Rede Regional",
            "fr": "Validation du Réseau régional",
        },
    ),
)

# Actions recorded in an item's history (SPEC §3, §5 `history[].action`).
REVIEW_ACTIONS = (
    ("create", {"es": "Creada", "en": "Created", "pt": "Criada", "fr": "Créée"}),
    ("edit", {"es": "Editada", "en": "Edited", "pt": "Editada", "fr": "Modifiée"}),
    ("submit", {"es": "Enviada a revisión", "en": "Submitted", "pt": "Enviada para revisão", "fr": "Soumise"}),
    ("approve", {"es": "Aprobada", "en": "Approved", "pt": "Aprovada", "fr": "Approuvée"}),
    ("vote", {"es": "Voto de aprobación", "en": "Approval vote", "pt": "Voto de aprovação", "fr": "Vote d’approbation"}),
    (
        "request_changes",
        {
            "es": "Cambios solicitados",
            "en": "Changes requested",
            "pt": "Alterações solicitadas",
            "fr": "Modifications demandées",
        },
    ),
    (
        "sent_back",
        {
            "es": "Devuelta por edición",
            "en": "Sent back after an edit",
            "pt": "Devolvida após edição",
            "fr": "Renvoyée après modification",
        },
    ),
    ("withdraw", {"es": "Retirada", "en": "Withdrawn", "pt": "Retirada", "fr": "Retirée"}),
    ("publish", {"es": "Publicada", "en": "Published", "pt": "Publicada", "fr": "Publiée"}),
    # Drafting together (workflows/drafting.py)
    (
        "amendment_proposed",
        {"es": "Enmienda propuesta", "en": "Amendment proposed", "pt": "Emenda proposta", "fr": "Amendement proposé"},
    ),
    (
        "amendment_accepted",
        {"es": "Enmienda aceptada", "en": "Amendment accepted", "pt": "Emenda aceite", "fr": "Amendement accepté"},
    ),
    (
        "amendment_rejected",
        {"es": "Enmienda rechazada", "en": "Amendment rejected", "pt": "Emenda rejeitada", "fr": "Amendement rejeté"},
    ),
    (
        "co_author_invited",
        {
            "es": "Invitación a la coautoría",
            "en": "Invited to co-author",
            "pt": "Convite para coautoria",
            "fr": "Invitation à co-écrire",
        },
    ),
    (
        "co_author_joined",
        {"es": "Se sumó a la coautoría", "en": "Joined as co-author", "pt": "Juntou-se à coautoria", "fr": "Devenu co-auteur"},
    ),
    (
        "co_author_declined",
        {"es": "Invitación rechazada", "en": "Invitation declined", "pt": "Convite recusado", "fr": "Invitation déclinée"},
    ),
    (
        "co_author_removed",
        {
            "es": "Retirado de la coautoría",
            "en": "Removed as co-author",
            "pt": "Retirado da coautoria",
            "fr": "Retiré des co-auteurs",
        },
    ),
)
