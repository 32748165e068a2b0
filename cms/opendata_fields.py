"""The data dictionary of the open-data download (``cms.opendata``): each file's description and
each field's name, type and description in es, en, pt and fr. Like the taxonomies' labels, these
are data in four languages shipped inside the download, not interface strings."""

from __future__ import annotations

LANGUAGES = ("es", "en", "pt", "fr")


def _d(es: str, en: str, pt: str, fr: str) -> dict[str, str]:
    return {"es": es, "en": en, "pt": pt, "fr": fr}


ID = _d("Identificador estable", "Stable identifier", "Identificador estável", "Identifiant stable")
URL = _d(
    "Dirección de la página (español)",
    "Address of the page (Spanish)",
    "Endereço da página (espanhol)",
    "Adresse de la page (espagnol)",
)
TITLE = _d("Título", "Title", "Título", "Titre")
COUNTRIES = _d(
    "Países (códigos ISO 3166-1, ver taxonomía countries), separados por ;",
    "Countries (ISO 3166-1 codes, see taxonomy countries), separated by ;",
    "Países (códigos ISO 3166-1, ver taxonomia countries), separados por ;",
    "Pays (codes ISO 3166-1, voir taxonomie countries), séparés par ;",
)
OBJECTIVES = _d(
    "Objetivos del Pacto Mundial para la Migración (taxonomía objectives), separados por ;",
    "Objectives of the Global Compact for Migration (taxonomy objectives), separated by ;",
    "Objetivos do Pacto Global para a Migração (taxonomia objectives), separados por ;",
    "Objectifs du Pacte mondial sur les migrations (taxonomie objectives), séparés par ;",
)
TABLE = _d(
    "Mesa de trabajo (taxonomía tables)",
    "Working table (taxonomy tables)",
    "Mesa de trabalho (taxonomia tables)",
    "Table de travail (taxonomie tables)",
)
EVENT = _d(
    "Evento de origen (id en events)",
    "Source event (id in events)",
    "Evento de origem (id em events)",
    "Événement d'origine (id dans events)",
)
PUBLISHED = _d(
    "Fecha y hora de la primera publicación (ISO 8601, UTC)",
    "Date and time first published (ISO 8601, UTC)",
    "Data e hora da primeira publicação (ISO 8601, UTC)",
    "Date et heure de première publication (ISO 8601, UTC)",
)
UPDATED = _d(
    "Fecha y hora de la última publicación (ISO 8601, UTC)",
    "Date and time last published (ISO 8601, UTC)",
    "Data e hora da última publicação (ISO 8601, UTC)",
    "Date et heure de la dernière publication (ISO 8601, UTC)",
)

# file name → (description, [(field, type, description)])
FILES: dict[str, tuple[dict[str, str], list[tuple[str, str, dict[str, str]]]]] = {
    "practices": (
        _d(
            "Prácticas publicadas del repositorio",
            "Published practices of the repository",
            "Práticas publicadas do repositório",
            "Pratiques publiées du répertoire",
        ),
        [
            ("id", "integer", ID),
            ("url", "string", URL),
            ("title", "string", TITLE),
            ("summary", "string", _d("Resumen", "Summary", "Resumo", "Résumé")),
            (
                "description",
                "string",
                _d(
                    "Descripción, texto sin formato",
                    "Description, plain text",
                    "Descrição, texto simples",
                    "Description, texte brut",
                ),
            ),
            ("countries", "list", COUNTRIES),
            ("objectives", "list", OBJECTIVES),
            (
                "principles",
                "list",
                _d(
                    "Principios rectores (taxonomía principles), separados por ;",
                    "Guiding principles (taxonomy principles), separated by ;",
                    "Princípios orientadores (taxonomia principles), separados por ;",
                    "Principes directeurs (taxonomie principles), séparés par ;",
                ),
            ),
            ("table", "code", TABLE),
            (
                "stakeholder_groups",
                "list",
                _d(
                    "Grupos de actores que la implementan (taxonomía stakeholder_groups), separados por ;",
                    "Stakeholder groups of the implementers (taxonomy stakeholder_groups), separated by ;",
                    "Grupos de atores que a implementam (taxonomia stakeholder_groups), separados por ;",
                    "Groupes d'acteurs qui la mettent en œuvre (taxonomie stakeholder_groups), séparés par ;",
                ),
            ),
            (
                "level",
                "code",
                _d(
                    "Nivel (taxonomía levels)", "Level (taxonomy levels)", "Nível (taxonomia levels)", "Niveau (taxonomie levels)"
                ),
            ),
            (
                "populations",
                "list",
                _d(
                    "Poblaciones (taxonomía populations), separadas por ;",
                    "Populations (taxonomy populations), separated by ;",
                    "Populações (taxonomia populations), separadas por ;",
                    "Populations (taxonomie populations), séparées par ;",
                ),
            ),
            (
                "organisations",
                "list",
                _d(
                    "Organizaciones que la implementan (ids en organisations), separadas por ;",
                    "Implementing organisations (ids in organisations), separated by ;",
                    "Organizações que a implementam (ids em organisations), separadas por ;",
                    "Organisations qui la mettent en œuvre (ids dans organisations), séparées par ;",
                ),
            ),
            (
                "other_implementers",
                "string",
                _d("Otros implementadores", "Other implementers", "Outros implementadores", "Autres acteurs de mise en œuvre"),
            ),
            ("start_year", "integer", _d("Año de inicio", "Start year", "Ano de início", "Année de début")),
            ("end_year", "integer", _d("Año de fin", "End year", "Ano de término", "Année de fin")),
            (
                "status",
                "code",
                _d(
                    "Estado (taxonomía practice_statuses)",
                    "Status (taxonomy practice_statuses)",
                    "Situação (taxonomia practice_statuses)",
                    "État (taxonomie practice_statuses)",
                ),
            ),
            ("results", "string", _d("Resultados", "Results", "Resultados", "Résultats")),
            (
                "lessons_learned",
                "string",
                _d("Lecciones aprendidas", "Lessons learned", "Lições aprendidas", "Enseignements tirés"),
            ),
            (
                "language",
                "code",
                _d(
                    "Idioma del original (taxonomía languages)",
                    "Language of the original (taxonomy languages)",
                    "Idioma do original (taxonomia languages)",
                    "Langue de l'original (taxonomie languages)",
                ),
            ),
            ("event", "integer", EVENT),
            ("first_published_at", "datetime", PUBLISHED),
            ("last_published_at", "datetime", UPDATED),
        ],
    ),
    "recommendations": (
        _d(
            "Recomendaciones publicadas por las mesas de trabajo",
            "Recommendations published by the working tables",
            "Recomendações publicadas pelas mesas de trabalho",
            "Recommandations publiées par les tables de travail",
        ),
        [
            ("id", "integer", ID),
            ("url", "string", URL),
            ("title", "string", TITLE),
            (
                "text",
                "string",
                _d(
                    "Texto de la recomendación",
                    "Text of the recommendation",
                    "Texto da recomendação",
                    "Texte de la recommandation",
                ),
            ),
            ("rationale", "string", _d("Fundamentación", "Rationale", "Fundamentação", "Justification")),
            ("table", "code", TABLE),
            (
                "addressed_to",
                "list",
                _d(
                    "Destinatarios (taxonomía addressees), separados por ;",
                    "Addressees (taxonomy addressees), separated by ;",
                    "Destinatários (taxonomia addressees), separados por ;",
                    "Destinataires (taxonomie addressees), séparés par ;",
                ),
            ),
            ("objectives", "list", OBJECTIVES),
            ("countries", "list", COUNTRIES),
            ("event", "integer", EVENT),
            (
                "theme",
                "string",
                _d(
                    "Clave del tema en su evento (event_themes.key)",
                    "Key of the theme in its event (event_themes.key)",
                    "Chave do tema no seu evento (event_themes.key)",
                    "Clé du thème dans son événement (event_themes.key)",
                ),
            ),
            (
                "number",
                "integer",
                _d("Número dentro del tema", "Number within its theme", "Número dentro do tema", "Numéro dans son thème"),
            ),
            (
                "follow_up",
                "list",
                _d(
                    "Estado actual por país según los informes de seguimiento publicados, país:estado separados por ;",
                    "Current status per country from published follow-up reports, country:status separated by ;",
                    "Situação atual por país segundo os relatórios de acompanhamento publicados, país:situação separados por ;",
                    "État actuel par pays selon les rapports de suivi publiés, pays:état séparés par ;",
                ),
            ),
            ("first_published_at", "datetime", PUBLISHED),
            ("last_published_at", "datetime", UPDATED),
        ],
    ),
    "follow_up_reports": (
        _d(
            "Informes de seguimiento revisados y publicados sobre recomendaciones publicadas",
            "Reviewed and published follow-up reports on published recommendations",
            "Relatórios de acompanhamento revisados e publicados sobre recomendações publicadas",
            "Rapports de suivi examinés et publiés sur des recommandations publiées",
        ),
        [
            ("id", "integer", ID),
            (
                "recommendation",
                "integer",
                _d(
                    "Recomendación (id en recommendations)",
                    "Recommendation (id in recommendations)",
                    "Recomendação (id em recommendations)",
                    "Recommandation (id dans recommendations)",
                ),
            ),
            (
                "country",
                "code",
                _d(
                    "País o ámbito (taxonomía follow_up_scopes; 419: regional)",
                    "Country or scope (taxonomy follow_up_scopes; 419: regional)",
                    "País ou âmbito (taxonomia follow_up_scopes; 419: regional)",
                    "Pays ou portée (taxonomie follow_up_scopes ; 419 : régional)",
                ),
            ),
            (
                "status",
                "code",
                _d(
                    "Estado de implementación (taxonomía follow_up_statuses)",
                    "Implementation status (taxonomy follow_up_statuses)",
                    "Situação da implementação (taxonomia follow_up_statuses)",
                    "État de mise en œuvre (taxonomie follow_up_statuses)",
                ),
            ),
            (
                "date",
                "date",
                _d("Fecha del hecho informado", "Date of the fact reported", "Data do fato relatado", "Date du fait rapporté"),
            ),
            ("actor", "string", _d("Quién actuó", "Who acted", "Quem agiu", "Qui a agi")),
            (
                "organisation",
                "integer",
                _d(
                    "Organización (id en organisations)",
                    "Organisation (id in organisations)",
                    "Organização (id em organisations)",
                    "Organisation (id dans organisations)",
                ),
            ),
            ("description", "string", _d("Qué se hizo", "What was done", "O que foi feito", "Ce qui a été fait")),
            (
                "evidence",
                "list",
                _d(
                    "Enlaces de evidencia, separados por ;",
                    "Evidence links, separated by ;",
                    "Links de evidência, separados por ;",
                    "Liens vers les preuves, séparés par ;",
                ),
            ),
            (
                "practices",
                "list",
                _d(
                    "Prácticas vinculadas (ids en practices), separadas por ;",
                    "Linked practices (ids in practices), separated by ;",
                    "Práticas vinculadas (ids em practices), separadas por ;",
                    "Pratiques liées (ids dans practices), séparées par ;",
                ),
            ),
            (
                "published_at",
                "datetime",
                _d(
                    "Fecha y hora de publicación tras la revisión (ISO 8601, UTC)",
                    "Date and time published after review (ISO 8601, UTC)",
                    "Data e hora de publicação após a revisão (ISO 8601, UTC)",
                    "Date et heure de publication après examen (ISO 8601, UTC)",
                ),
            ),
        ],
    ),
    "events": (
        _d("Eventos del Mecanismo", "Events of the Mechanism", "Eventos do Mecanismo", "Événements du Mécanisme"),
        [
            ("id", "integer", ID),
            ("url", "string", URL),
            ("title", "string", TITLE),
            ("date", "date", _d("Fecha", "Date", "Data", "Date")),
            (
                "format",
                "code",
                _d(
                    "Formato (taxonomía event_formats)",
                    "Format (taxonomy event_formats)",
                    "Formato (taxonomia event_formats)",
                    "Format (taxonomie event_formats)",
                ),
            ),
            ("summary", "string", _d("Resumen", "Summary", "Resumo", "Résumé")),
            (
                "report_title",
                "string",
                _d("Título del informe", "Title of the report", "Título do relatório", "Titre du rapport"),
            ),
            (
                "report_url",
                "string",
                _d(
                    "Dirección del documento del informe",
                    "Address of the report's document",
                    "Endereço do documento do relatório",
                    "Adresse du document du rapport",
                ),
            ),
        ],
    ),
    "event_themes": (
        _d("Temas de cada evento", "Themes of each event", "Temas de cada evento", "Thèmes de chaque événement"),
        [
            ("event", "integer", EVENT),
            (
                "key",
                "string",
                _d(
                    "Clave estable del tema en su evento",
                    "Stable key of the theme in its event",
                    "Chave estável do tema no seu evento",
                    "Clé stable du thème dans son événement",
                ),
            ),
            ("title", "string", TITLE),
            ("summary", "string", _d("Resumen", "Summary", "Resumo", "Résumé")),
            ("objectives", "list", OBJECTIVES),
            ("participants", "integer", _d("Participantes", "Participants", "Participantes", "Participants")),
            (
                "countries_count",
                "integer",
                _d("Países representados", "Countries represented", "Países representados", "Pays représentés"),
            ),
        ],
    ),
    "organisations": (
        _d(
            "Directorio de organizaciones",
            "Directory of organisations",
            "Diretório de organizações",
            "Annuaire des organisations",
        ),
        [
            ("id", "integer", ID),
            ("name", "string", _d("Nombre", "Name", "Nome", "Nom")),
            ("acronym", "string", _d("Sigla", "Acronym", "Sigla", "Sigle")),
            (
                "country",
                "code",
                _d(
                    "País (taxonomía countries)",
                    "Country (taxonomy countries)",
                    "País (taxonomia countries)",
                    "Pays (taxonomie countries)",
                ),
            ),
            (
                "kind",
                "code",
                _d(
                    "Tipo (taxonomía organisation_kinds)",
                    "Kind (taxonomy organisation_kinds)",
                    "Tipo (taxonomia organisation_kinds)",
                    "Type (taxonomie organisation_kinds)",
                ),
            ),
            (
                "stakeholder_group",
                "code",
                _d(
                    "Grupo de actores (taxonomía stakeholder_groups)",
                    "Stakeholder group (taxonomy stakeholder_groups)",
                    "Grupo de atores (taxonomia stakeholder_groups)",
                    "Groupe d'acteurs (taxonomie stakeholder_groups)",
                ),
            ),
            (
                "tables",
                "list",
                _d(
                    "Mesas de trabajo (taxonomía tables), separadas por ;",
                    "Working tables (taxonomy tables), separated by ;",
                    "Mesas de trabalho (taxonomia tables), separadas por ;",
                    "Tables de travail (taxonomie tables), séparées par ;",
                ),
            ),
            ("website", "string", _d("Sitio web", "Website", "Site", "Site web")),
            ("description", "string", _d("Descripción", "Description", "Descrição", "Description")),
        ],
    ),
    "taxonomies": (
        _d(
            "Vocabularios de códigos y sus etiquetas en cuatro idiomas",
            "Vocabularies of codes and their labels in four languages",
            "Vocabulários de códigos e seus rótulos em quatro idiomas",
            "Vocabulaires de codes et leurs libellés en quatre langues",
        ),
        [
            (
                "taxonomy",
                "string",
                _d("Nombre del vocabulario", "Name of the vocabulary", "Nome do vocabulário", "Nom du vocabulaire"),
            ),
            ("code", "string", _d("Código", "Code", "Código", "Code")),
            ("label_es", "string", _d("Etiqueta en español", "Label in Spanish", "Rótulo em espanhol", "Libellé en espagnol")),
            ("label_en", "string", _d("Etiqueta en inglés", "Label in English", "Rótulo em inglês", "Libellé en anglais")),
            (
                "label_pt",
                "string",
                _d("Etiqueta en portugués", "Label in Portuguese", "Rótulo em português", "Libellé en portugais"),
            ),
            ("label_fr", "string", _d("Etiqueta en francés", "Label in French", "Rótulo em francês", "Libellé en français")),
        ],
    ),
}
