"""Mundo de demostración de Enlace.

Datos extraídos del informe del Primer Conversatorio del Mecanismo de Diálogo
Permanente de la Sociedad Civil con gobiernos de América Latina y el Caribe
(8 de agosto de 2023): el evento y sus dos temas, las organizaciones, gobiernos
y agencias de Naciones Unidas que participaron, las prácticas e iniciativas que
el informe describe y sus 21 recomendaciones (10 del tema 1 y 11 del tema 2).

Son datos puros (sin lógica) que carga ``manage.py seed_demo``. Los textos están
en español y se basan en el informe; no añaden hechos, cifras, fechas ni
nombres que el informe no contenga.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Evento
# ---------------------------------------------------------------------------

EVENT = {
    "slug": "conversatorio-2023",
    "title": (
        "Primer Conversatorio del Mecanismo de Diálogo Permanente de la Sociedad "
        "Civil con gobiernos de América Latina y el Caribe"
    ),
    "date": "2023-08-08",
    "format": "hybrid",
    "summary": (
        "Encuentro híbrido entre representantes del Mecanismo de Diálogo Permanente "
        "de la Sociedad Civil y de gobiernos de la región, organizado bajo el auspicio "
        "de la Red Regional de las Naciones Unidas sobre la Migración para reflexionar "
        "sobre la implementación del Pacto Mundial para la Migración (PMM). Abordó dos "
        "temas: la reducción de las vulnerabilidades en la migración y la integración "
        "socioeconómica de las personas migrantes. Dejó un diagnóstico compartido, "
        "buenas prácticas y 21 recomendaciones."
    ),
    "description": [
        (
            "El Conversatorio, titulado en su nota conceptual “Alianzas estratégicas para "
            "potenciar la gobernanza migratoria en América Latina y el Caribe”, da "
            "seguimiento al compromiso (pledge) formulado por la Red Regional en el Foro "
            "de Examen de la Migración Internacional (FEMI) de 2022: realizar un encuentro "
            "anual de diálogo entre el Mecanismo de la sociedad civil y los gobiernos de la "
            "región. Forma parte del plan de trabajo 2023-2024 de la Red Regional y se "
            "enmarca en las recomendaciones del FEMI reflejadas en la Declaración de "
            "Progreso."
        ),
        (
            "Sus objetivos fueron (1) fortalecer el diálogo entre representantes de "
            "gobierno y la sociedad civil en la implementación, seguimiento y revisión del "
            "PMM en América Latina y el Caribe, y (2) identificar oportunidades de "
            "sinergia, desafíos, buenas prácticas y lecciones aprendidas entre gobiernos, "
            "sociedad civil y otras partes interesadas. Los dos temas fueron seleccionados "
            "por el Mecanismo a fines de 2022 mediante una consulta en línea a sus "
            "integrantes; su carácter prioritario para la región surgió también en la "
            "revisión regional de 2021 y en los webinarios temáticos previos al FEMI "
            "(abril y mayo de 2022)."
        ),
        (
            "Se aplicó la metodología “Lightning Talk”: facilitadores/as de la Red Regional "
            "introdujeron brevemente cada tema; panelistas expertos/as de gobiernos y del "
            "Mecanismo hicieron presentaciones de cinco minutos a partir de las preguntas "
            "orientadoras de la nota conceptual; y en un espacio de preguntas y respuestas "
            "las intervenciones de participantes conectados/as por Zoom fueron retomadas "
            "por la moderación y trasladadas a los/as panelistas. Cada sesión duró dos "
            "horas; el evento fue cerrado, por invitación, con interpretación simultánea "
            "español-inglés."
        ),
        (
            "En la sesión del tema 1 participaron 181 representantes de gobiernos, "
            "organizaciones de la sociedad civil miembros del Mecanismo y agencias, fondos "
            "y programas de Naciones Unidas de 28 países de la región; en la del tema 2, "
            "141 representantes de 27 países. Los paneles buscaron representación "
            "geográfica, sectorial y perspectiva de género, con personas migrantes, "
            "sociedad civil y funcionariado de gobiernos nacionales (Perú, Ecuador, Belice, "
            "Colombia) y locales (Quilmes, Argentina; Tapachula, México)."
        ),
        (
            "El apoyo técnico de agencias como PNUD, OIT, ONUSIDA y OACNUDH, además de los "
            "co-chairs de la Red Regional, OIM y CEPAL, quedó materializado en el "
            "Conversatorio; representantes de la Red Regional fueron los/as anfitriones/as, "
            "encargados/as de la apertura y el cierre de cada tema. Según la "
            "nota conceptual, las discusiones se recogen en un informe de resultados que "
            "no identifica a ningún actor con su nombre, para promover un diálogo franco "
            "y propositivo."
        ),
    ],
    "report_title": (
        "Informe de resultados del Primer Conversatorio del Mecanismo de Diálogo "
        "Permanente de la Sociedad Civil con gobiernos de América Latina y el Caribe"
    ),
    "themes": [
        {
            "key": "tema-1",
            "number": 1,
            "title": "Reducción de las vulnerabilidades en la migración",
            "objectives": ["7", "8", "15"],
            "guiding_questions": [
                "¿Qué iniciativas implementan los Estados nacionales, gobiernos locales y "
                "otros actores relevantes de la región para atender las situaciones de "
                "vulnerabilidad que enfrentan las personas migrantes a lo largo del "
                "proceso migratorio?",
                "¿Qué prácticas han desarrollado las autoridades nacionales y locales para "
                "abordar la migración en situación de vulnerabilidad?",
                "¿Cuáles son las lecciones aprendidas y recomendaciones que ofrecería sobre este tema?",
                "¿Cómo podría el Mecanismo de Diálogo de Sociedad Civil apoyar a los "
                "gobiernos en todos sus niveles para el abordaje de este tema? ¿Qué "
                "posibilidades de sinergia se identifican?",
                "¿Cuáles son los principales desafíos que persisten en la región respecto "
                "de la respuesta que se brinda desde los Estados a las personas migrantes "
                "en situación de vulnerabilidad?",
            ],
            "participants": 181,
            "countries_count": 28,
            "summary": (
                "El diálogo partió del compromiso de los Estados de responder a las "
                "necesidades de las personas migrantes en situación de vulnerabilidad, "
                "prestándoles asistencia básica y protegiendo sus derechos humanos, y se "
                "apoyó en la Declaración de Progreso del FEMI: mejorar y diversificar las "
                "vías regulares, facilitar la reagrupación familiar y el interés superior "
                "de niñas, niños y adolescentes, y cooperar ante la desaparición de "
                "personas migrantes en tránsito. Hubo coincidencia en que hay que trabajar "
                "en los marcos normativos, pero también sobre las realidades y las "
                "vulnerabilidades en distintos niveles y contextos. Se presentaron leyes, "
                "procesos de regularización y de documentación (Perú, Chile, Belice), la atención integral a "
                "niñez no acompañada y la incorporación del enfoque de género (Ecuador), y "
                "acciones de información y sensibilización; como lecciones se destacaron la "
                "articulación permanente entre niveles de gobierno, organismos "
                "internacionales y sociedad civil, la capacitación y las narrativas "
                "positivas basadas en evidencia."
            ),
            "presenter": "OACNUDH",
        },
        {
            "key": "tema-2",
            "number": 2,
            "title": "Integración socioeconómica de las personas migrantes",
            "objectives": ["6", "16", "18", "19"],
            "guiding_questions": [
                "¿Qué prácticas han desarrollado los gobiernos para favorecer la "
                "integración socioeconómica de las personas migrantes?",
                "¿Qué medidas podrían implementar los gobiernos (a nivel nacional y local) "
                "para garantizar a las personas migrantes un acceso efectivo a los "
                "servicios básicos y para promover una inclusión sostenible en sus "
                "comunidades de acogida?",
                "¿Cuáles son las lecciones aprendidas y recomendaciones que ofrecería sobre este tema?",
                "¿Cómo podría el Mecanismo de Diálogo de Sociedad Civil apoyar a los "
                "gobiernos en todos sus niveles para el abordaje de esta temática? ¿Qué "
                "posibilidades de sinergia se identifican?",
                "Desde su experiencia ¿Cuáles son los principales retos que dificultan la "
                "cohesión social y la integración socioeconómica de las personas migrantes "
                "en las comunidades de acogida?",
                "¿De qué forma o qué mecanismos innovadores podrían asegurar una efectiva "
                "integración socioeconómica de las personas migrantes?",
            ],
            "participants": 141,
            "countries_count": 27,
            "summary": (
                "El diálogo partió del compromiso de los Estados de fomentar la inclusión y "
                "la cohesión de las sociedades, empoderando a las personas migrantes para "
                "que se conviertan en miembros activos de la sociedad. La integración se "
                "entendió como un proceso continuo, planificado y coordinado, y no como un "
                "momento, y la regularización migratoria como su puerta de entrada: se "
                "compartieron el Estatuto Temporal de Protección en Colombia, las leyes de "
                "Honduras, el programa Patria Grande y el plan municipal de Quilmes "
                "(Argentina), las iniciativas de Tapachula (México) y experiencias de la "
                "sociedad civil en retorno, reintegración y observatorios municipales. La "
                "lección central fue que no es posible gestionar las migraciones "
                "exclusivamente desde el control fronterizo o con acciones fragmentadas, y "
                "que la sociedad civil, voz de la población migrante, debe ser vista como "
                "un socio."
            ),
            "presenter": "ONUSIDA",
        },
    ],
}

# ---------------------------------------------------------------------------
# Organizaciones, gobiernos y agencias de Naciones Unidas
# ---------------------------------------------------------------------------

ORGANISATIONS = [
    # --- Sistema de Naciones Unidas -------------------------------------------
    {
        "key": "red-onu-migracion",
        "name": "Secretaría de la Red de las Naciones Unidas sobre Migración",
        "acronym": "",
        "country": "",
        "kind": "un_agency",
        "stakeholder_group": "",
        "tables": [],
        "website": "https://migrationnetwork.un.org/es",
        "description": (
            "Integró el panel del Sistema de Naciones Unidas en el tema 1. La Red, creada "
            "por el Secretario General para apoyar la implementación del PMM, tiene su "
            "coordinación y secretaría a cargo de la OIM."
        ),
    },
    {
        "key": "red-regional",
        "name": ("Red Regional de las Naciones Unidas sobre la Migración para América Latina y el Caribe"),
        "acronym": "",
        "country": "",
        "kind": "un_agency",
        "stakeholder_group": "",
        "tables": [],
        "website": "https://migrationnetwork.un.org/latin-america-and-caribbean",
        "description": (
            "A través de su Grupo de Trabajo sobre Sociedad Civil (GT-SC) formalizó en "
            "febrero de 2022 la creación del Mecanismo de Diálogo Permanente y organizó el "
            "Conversatorio en cumplimiento de su compromiso ante el FEMI; sus co-chairs "
            "son la OIM y la CEPAL."
        ),
    },
    {
        "key": "oim",
        "name": "Organización Internacional para las Migraciones",
        "acronym": "OIM",
        "country": "",
        "kind": "un_agency",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Co-chair de la Red Regional; sus directores regionales abrieron y cerraron el "
            "Conversatorio. Aportó profesionales técnicos al protocolo de atención a niñez "
            "migrante de Ecuador y apoyó al plan municipal de Quilmes y al programa de "
            "Tapachula."
        ),
    },
    {
        "key": "oacnudh",
        "name": "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
        "acronym": "OACNUDH",
        "country": "",
        "kind": "un_agency",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Un representante de la OACNUDH presentó el tema 1, sobre la reducción de las "
            "vulnerabilidades en la migración, y la oficina presta apoyo técnico al "
            "funcionamiento del Mecanismo."
        ),
    },
    {
        "key": "cepal",
        "name": "Comisión Económica para América Latina y el Caribe",
        "acronym": "CEPAL",
        "country": "",
        "kind": "un_agency",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Co-chair de la Red Regional y parte del panel del tema 2. Subrayó que el "
            "Conversatorio promovió a la región como pionera a nivel mundial, lo que "
            "supone aprendizaje continuo y un camino nuevo e innovador."
        ),
    },
    {
        "key": "pnud",
        "name": "Programa de las Naciones Unidas para el Desarrollo",
        "acronym": "PNUD",
        "country": "",
        "kind": "un_agency",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Participó en el tema 2 y destacó la necesidad de políticas de mediano y largo "
            "plazo que reduzcan las vulnerabilidades y sean coherentes con los proyectos "
            "de vida de las personas en movilidad humana."
        ),
    },
    {
        "key": "oit",
        "name": "Organización Internacional del Trabajo",
        "acronym": "OIT",
        "country": "",
        "kind": "un_agency",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Participó en el tema 2, a través de la coordinación regional del Proyecto "
            "Lazos para la Integración Socioeconómica de Migrantes, y destacó que la "
            "integración requiere inversión económica y coordinación entre niveles del "
            "Estado y sectores de la sociedad."
        ),
    },
    {
        "key": "onusida",
        "name": "Programa Conjunto de las Naciones Unidas sobre el VIH/sida",
        "acronym": "ONUSIDA",
        "country": "",
        "kind": "un_agency",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Un representante de ONUSIDA presentó el tema 2, sobre la integración "
            "socioeconómica de las personas migrantes; la agencia presta apoyo técnico al "
            "Mecanismo."
        ),
    },
    {
        "key": "acnur",
        "name": "Alto Comisionado de las Naciones Unidas para los Refugiados",
        "acronym": "ACNUR",
        "country": "",
        "kind": "un_agency",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Proporcionó, junto con la OIM, profesionales técnicos para las unidades de "
            "atención del protocolo ecuatoriano de niñez en movilidad humana y colabora con "
            "el programa “Somos Familia. Movilidad Humana” de Tapachula."
        ),
    },
    {
        "key": "unicef",
        "name": "Fondo de las Naciones Unidas para la Infancia",
        "acronym": "UNICEF",
        "country": "",
        "kind": "un_agency",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Colabora, junto con ACNUR y OIM, con el programa “Somos Familia. Movilidad Humana” del Ayuntamiento de Tapachula."
        ),
    },
    # --- Gobiernos nacionales -------------------------------------------------
    {
        "key": "migraciones-pe",
        "name": "Superintendencia Nacional de Migraciones",
        "acronym": "",
        "country": "PE",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Panelista del tema 1. Presentó las leyes de 2023 para la protección de "
            "mujeres migrantes con hijos e hijas y de amnistía de multas, la modificación "
            "del reglamento de la Ley de Migraciones y 58 acciones informativas."
        ),
    },
    {
        "key": "cancilleria-pe",
        "name": "Ministerio de Relaciones Exteriores del Perú",
        "acronym": "",
        "country": "PE",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Reglamenta, junto con la Superintendencia Nacional de Migraciones, la Ley "
            "para Protección de Mujeres Migrantes con Hijos e Hijas en Situación de "
            "Vulnerabilidad."
        ),
    },
    {
        "key": "mies-ec",
        "name": "Ministerio de Inclusión Económica y Social de Ecuador",
        "acronym": "",
        "country": "EC",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Panelista del tema 1. Forma parte del proceso interinstitucional del que surge "
            "el Protocolo de Atención Integral para niños, niñas y adolescentes no "
            "nacionales en contexto de movilidad humana y del Plan Estratégico "
            "Intersectorial contra la desnutrición crónica infantil."
        ),
    },
    {
        "key": "mujer-ec",
        "name": "Ministerio de la Mujer de Ecuador",
        "acronym": "",
        "country": "EC",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Lleva adelante, con el Consejo Nacional para la Igualdad de Género, un "
            "mecanismo de revisión de las normas antes de su sanción para integrarles el "
            "enfoque de género."
        ),
    },
    {
        "key": "cnig-ec",
        "name": "Consejo Nacional para la Igualdad de Género",
        "acronym": "",
        "country": "EC",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Realiza, junto con el Ministerio de la Mujer, la revisión de género de las "
            "normas antes de su sanción e implementación."
        ),
    },
    {
        "key": "cancilleria-ec",
        "name": "Cancillería de Ecuador",
        "acronym": "",
        "country": "EC",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Participa en el proceso interinstitucional de atención a niños, niñas y "
            "adolescentes venezolanos no acompañados, articulado con los gobiernos "
            "autónomos descentralizados."
        ),
    },
    {
        "key": "interior-ec",
        "name": "Ministerio de Interior de Ecuador",
        "acronym": "",
        "country": "EC",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Integra el proceso interinstitucional de atención a la niñez migrante y "
            "brinda servicios dentro del sistema unificado de seguimiento del Plan "
            "Estratégico Intersectorial contra la desnutrición crónica infantil."
        ),
    },
    {
        "key": "salud-ec",
        "name": "Ministerio de Salud Pública de Ecuador",
        "acronym": "",
        "country": "EC",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Brinda servicios dentro del sistema unificado de seguimiento del Plan "
            "Estratégico Intersectorial para la prevención y reducción de la desnutrición "
            "crónica infantil."
        ),
    },
    {
        "key": "educacion-ec",
        "name": "Ministerio de Educación de Ecuador",
        "acronym": "",
        "country": "EC",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Brinda servicios dentro del sistema unificado de seguimiento del Plan "
            "Estratégico Intersectorial para la prevención y reducción de la desnutrición "
            "crónica infantil."
        ),
    },
    {
        "key": "defensoria-ninez-cl",
        "name": "Defensoría de la Niñez de Chile",
        "acronym": "",
        "country": "CL",
        "kind": "other",
        "stakeholder_group": "national_human_rights_institutions",
        "tables": [],
        "website": "",
        "description": (
            "Lleva adelante una iniciativa de defensa y promoción de los derechos de niños, niñas y adolescentes migrantes."
        ),
    },
    {
        "key": "inmigracion-bz",
        "name": "Ministerio de Inmigración de Belice",
        "acronym": "",
        "country": "BZ",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Panelista del tema 1. Belice presentó el pasaporte electrónico, la ampliación "
            "de residencias temporales, un programa de larga estadía y la elaboración de "
            "una Política Migratoria Nacional."
        ),
    },
    {
        "key": "turismo-bz",
        "name": "Ministerio de Turismo de Belice",
        "acronym": "",
        "country": "BZ",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": "Desarrolló con el gobierno de Belice un programa de larga estadía.",
    },
    {
        "key": "mintrabajo-co",
        "name": "Ministerio de Trabajo de Colombia",
        "acronym": "",
        "country": "CO",
        "kind": "national_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Panelista del tema 2. Colombia presentó la regularización de personas "
            "migrantes venezolanas mediante el Estatuto Temporal de Protección (ETPV) y "
            "su documento de preguntas y respuestas."
        ),
    },
    # --- Gobiernos locales ----------------------------------------------------
    {
        "key": "quilmes",
        "name": "Municipalidad de Quilmes",
        "acronym": "",
        "country": "AR",
        "kind": "local_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Panelista del tema 2. Con unos 700.000 habitantes y alrededor de 60.000 "
            "personas migrantes, implementa desde 2019 el Plan Municipal de "
            "Colectividades, Migrantes y Refugiados y talleres de empleabilidad y fondos "
            "de capital semilla."
        ),
    },
    {
        "key": "tapachula",
        "name": "H. Ayuntamiento de Tapachula, Chiapas",
        "acronym": "",
        "country": "MX",
        "kind": "local_government",
        "stakeholder_group": "",
        "tables": [],
        "website": "",
        "description": (
            "Panelista del tema 2. Con recursos limitados y apoyo del gobierno federal, "
            "lleva adelante un programa de emergencia social para personas migrantes y el "
            "programa “Somos Familia. Movilidad Humana”."
        ),
    },
    # --- Sociedad civil y academia (representantes del Mecanismo) -------------
    {
        "key": "buap-derecho",
        "name": ("Facultad de Derecho y Ciencias Sociales de la Benemérita Universidad Autónoma de Puebla"),
        "acronym": "",
        "country": "MX",
        "kind": "academia",
        "stakeholder_group": "academia",
        "tables": [],
        "website": "",
        "description": (
            "Representó al Mecanismo en el panel del tema 1, en el que desde la academia "
            "se planteó la doble vertiente, cultural y estructural, de las "
            "vulnerabilidades de las personas migrantes en las sociedades receptoras."
        ),
    },
    {
        "key": "cruz-andina",
        "name": "Fundación Migrantes y Refugiado de Cruz Andina",
        "acronym": "",
        "country": "CL",
        "kind": "civil_society",
        "stakeholder_group": "other_stakeholders",
        "tables": [],
        "website": "",
        "description": "Representó al Mecanismo en el panel del tema 1.",
    },
    {
        "key": "pcuhr",
        "name": "Panamerican and Caribbean Union for Human Rights",
        "acronym": "",
        "country": "US",
        "kind": "civil_society",
        "stakeholder_group": "other_stakeholders",
        "tables": [],
        "website": "",
        "description": ("Organización con base en Estados Unidos que representó al Mecanismo en el panel del tema 1."),
    },
    {
        "key": "educadora-san-carlos",
        "name": "Asociación Educadora de San Carlos",
        "acronym": "",
        "country": "BR",
        "kind": "civil_society",
        "stakeholder_group": "other_stakeholders",
        "tables": [],
        "website": "",
        "description": ("Organización de Porto Alegre (Brasil) que representó al Mecanismo en el panel del tema 2."),
    },
    {
        "key": "casm",
        "name": "Comisión de Acción Social Menonita",
        "acronym": "",
        "country": "HN",
        "kind": "civil_society",
        "stakeholder_group": "faith_based_organisations",
        "tables": [],
        "website": "",
        "description": "Organización de Honduras que representó al Mecanismo en el panel del tema 2.",
    },
    {
        "key": "fundacion-derechos-humanos",
        "name": "Fundación Derechos Humanos",
        "acronym": "",
        "country": "US",
        "kind": "civil_society",
        "stakeholder_group": "other_stakeholders",
        "tables": [],
        "website": "",
        "description": ("Organización con base en Estados Unidos que representó al Mecanismo en el panel del tema 2."),
    },
    {
        "key": "bloque-latinoamericano-migracion",
        "name": "Bloque Latinoamericano de Migración",
        "acronym": "",
        "country": "",
        "kind": "civil_society",
        "stakeholder_group": "other_stakeholders",
        "tables": [],
        "website": "",
        "description": (
            "Está formando una red regional de retorno y reintegración que recoge "
            "experiencias en terreno y que podría contribuir con los gobiernos locales en "
            "materia de integración."
        ),
    },
]

# ---------------------------------------------------------------------------
# Prácticas e iniciativas
# ---------------------------------------------------------------------------

_LESSON_ARTICULACION = (
    "Los/as panelistas coincidieron en los grandes beneficios de la articulación "
    "permanente y el trabajo mancomunado entre distintos niveles de gobierno, "
    "instituciones públicas y privadas, organismos internacionales y sociedad civil "
    "para atender a las personas migrantes en situación de vulnerabilidad; las "
    "capacitaciones a funcionarios/as y comunidades resultan fundamentales."
)

_LESSON_UNIVERSALIDAD = (
    "Todas las normativas deben contemplar el enfoque de la universalidad de los "
    "servicios para todas las personas en el territorio."
)

_LESSON_LOCAL = (
    "Para los gobiernos locales ha sido fundamental la guía y el apoyo de las agencias "
    "internacionales, así como fortalecer las relaciones con las organizaciones de la "
    "sociedad civil del territorio, incluso con apoyos financieros y técnicos para "
    "garantizar su subsistencia."
)

PRACTICES = [
    # --- Tema 1: Reducción de las vulnerabilidades en la migración -----------
    {
        "slug": "peru-ley-31685-mujeres-migrantes-con-hijos",
        "title": (
            "Perú: Ley para Protección de Mujeres Migrantes con Hijos e Hijas en Situación de Vulnerabilidad (Ley N.º 31685)"
        ),
        "summary": (
            "Ley dictada en 2023 para proteger a mujeres migrantes con hijos e hijas en "
            "situación de vulnerabilidad. La Superintendencia Nacional de Migraciones la "
            "reglamenta junto con el Ministerio de Relaciones Exteriores. Fue presentada "
            "como ejemplo de una legislación garantista frente a las situaciones de "
            "vulnerabilidad."
        ),
        "body": [
            (
                "Desde la Superintendencia Nacional de Migraciones de Perú se enfatizó la "
                "existencia de una legislación garantista para abordar las situaciones de "
                "vulnerabilidad. Como ejemplo, en 2023 se dictaron dos leyes relevantes; "
                "una de ellas es la Ley para Protección de Mujeres Migrantes con Hijos e "
                "Hijas en Situación de Vulnerabilidad (Ley N.º 31.685)."
            ),
            (
                "Al momento del Conversatorio la ley estaba siendo reglamentada por la "
                "Superintendencia de Migraciones conjuntamente con el Ministerio de "
                "Relaciones Exteriores."
            ),
        ],
        "countries": ["PE"],
        "objectives": ["7", "15"],
        "principles": ["gender_responsive", "child_sensitive", "human_rights"],
        "table": "2",
        "stakeholder_groups": [],
        "level": "national",
        "populations": ["women", "children_adolescents", "families"],
        "organisations": ["migraciones-pe", "cancilleria-pe"],
        "start_year": 2023,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": _LESSON_UNIVERSALIDAD,
        "sources": [
            {
                "title": "Ley N.º 31685 (El Peruano)",
                "url": "https://busquedas.elperuano.pe/dispositivo/NL/2151852-2",
            }
        ],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "peru-ley-31732-amnistia-de-multas",
        "title": "Perú: Ley de Amnistía de Multas para personas extranjeras (Ley N.º 31732)",
        "summary": (
            "Ley de 2023 que exonera de multas, hasta el 28 de octubre de 2023, a las "
            "personas extranjeras que en algún momento estuvieron en situación irregular "
            "por no haber podido regularizar su situación migratoria."
        ),
        "body": [
            (
                "Es la segunda de las dos leyes relevantes dictadas en Perú en 2023 que "
                "presentó la Superintendencia Nacional de Migraciones como parte de una "
                "legislación garantista para abordar las situaciones de vulnerabilidad."
            ),
            (
                "La Ley de Amnistía de Multas (Ley N.º 31.732) establece una exoneración "
                "hasta el 28 de octubre de 2023 para todas aquellas personas extranjeras "
                "que en algún momento estuvieron en situación irregular por no haber podido "
                "regularizar su situación migratoria."
            ),
        ],
        "countries": ["PE"],
        "objectives": ["5", "7"],
        "principles": ["human_rights", "rule_of_law"],
        "table": "1",
        "stakeholder_groups": [],
        "level": "national",
        "populations": ["irregular_migrants"],
        "organisations": ["migraciones-pe"],
        "start_year": 2023,
        "end_year": 2023,
        "status": "completed",
        "results": "",
        "lessons_learned": "",
        "sources": [
            {
                "title": "Ley N.º 31732 (El Peruano)",
                "url": "https://busquedas.elperuano.pe/dispositivo/NL/2172936-1",
            }
        ],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "peru-reglamento-ley-migraciones-permiso-temporal",
        "title": (
            "Perú: modificación del reglamento de la Ley de Migraciones para titulares del permiso temporal de permanencia"
        ),
        "summary": (
            "Modificación del reglamento de la Ley de Migraciones que permite a quienes "
            "obtuvieron el carnet de permiso temporal de permanencia acceder, después de "
            "seis meses, a una calidad migratoria especial para acceder a sus derechos y "
            "ejercerlos. También habilita a Migraciones a disponer permisos temporales de "
            "permanencia para personas en situación irregular."
        ),
        "body": [
            (
                "Además de las dos leyes de 2023, la Superintendencia Nacional de "
                "Migraciones de Perú informó que se hizo una modificación al reglamento de "
                "la Ley de Migraciones."
            ),
            (
                "Con ella, quienes obtuvieron el carnet de permiso temporal de permanencia "
                "pueden, después de seis meses, tener una calidad migratoria especial para "
                "poder acceder y ejercer sus derechos. El cambio ha habilitado también que "
                "el área de Migraciones pueda disponer de los permisos temporales de "
                "permanencia para personas en situación irregular."
            ),
        ],
        "countries": ["PE"],
        "objectives": ["5", "4"],
        "principles": ["rule_of_law", "human_rights"],
        "table": "1",
        "stakeholder_groups": [],
        "level": "national",
        "populations": ["irregular_migrants"],
        "organisations": ["migraciones-pe"],
        "start_year": 2023,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": "",
        "sources": [],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "peru-acciones-informativas-migraciones",
        "title": "Perú: 58 acciones informativas sobre las medidas de protección disponibles",
        "summary": (
            "La Superintendencia de Migraciones de Perú realizó 58 acciones informativas "
            "(talleres, ferias, charlas, etc.) dirigidas a personas migrantes y a "
            "operadores de servicios de protección social, para que conozcan las medidas "
            "de protección disponibles."
        ),
        "body": [
            (
                "Entre las acciones de sensibilización e información para las comunidades "
                "de acogida y migrantes, la Superintendencia de Migraciones de Perú ha "
                "realizado 58 acciones informativas relacionadas con talleres, ferias, "
                "charlas y otras actividades."
            ),
            (
                "Las acciones se dirigen tanto a personas migrantes como a operadores de "
                "servicios de protección social, con el fin de que conozcan las medidas de "
                "protección disponibles."
            ),
        ],
        "countries": ["PE"],
        "objectives": ["3", "7"],
        "principles": ["people_centred", "whole_of_government"],
        "table": "4",
        "stakeholder_groups": [],
        "level": "national",
        "populations": [],
        "organisations": ["migraciones-pe"],
        "start_year": 2023,
        "end_year": None,
        "status": "ongoing",
        "results": "58 acciones informativas (talleres, ferias, charlas, etc.).",
        "lessons_learned": (
            "Las capacitaciones a funcionarios/as y comunidades resultan fundamentales para "
            "la internalización y el aprendizaje de las políticas públicas orientadas a "
            "afrontar las vulnerabilidades del proceso migratorio."
        ),
        "sources": [],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "ecuador-revision-de-genero-de-normas",
        "title": "Ecuador: mecanismo de revisión de género de las normas antes de su sanción",
        "summary": (
            "El Ministerio de la Mujer y el Consejo Nacional para la Igualdad de Género "
            "llevan adelante un mecanismo de revisión de las normas antes de su sanción e "
            "implementación, con el objetivo de integrarles el enfoque de género."
        ),
        "body": [
            (
                "Desde el gobierno de Ecuador se destacó que el Ministerio de la Mujer, "
                "junto con el Consejo Nacional para la Igualdad de Género, lleva adelante un "
                "mecanismo de revisión antes de la sanción e implementación de las normas, "
                "con el objetivo de integrar el enfoque de género a las normativas."
            ),
            (
                "El informe recoge, entre las iniciativas que aportan al abordaje integral "
                "de la migración, la incorporación del enfoque de género en las leyes y "
                "políticas migratorias, y recomienda fortalecer los marcos legales con "
                "perspectiva de género, derechos humanos y universalidad de los servicios."
            ),
        ],
        "countries": ["EC"],
        "objectives": ["7"],
        "principles": ["gender_responsive", "whole_of_government", "rule_of_law"],
        "table": "2",
        "stakeholder_groups": [],
        "level": "national",
        "populations": ["women"],
        "organisations": ["mujer-ec", "cnig-ec"],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": _LESSON_UNIVERSALIDAD,
        "sources": [],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "ecuador-protocolo-atencion-integral-nna-movilidad-humana",
        "title": (
            "Ecuador: Protocolo de Atención Integral para niños, niñas y adolescentes no "
            "nacionales en contexto de movilidad humana"
        ),
        "summary": (
            "Ante la llegada desde 2018 de niños, niñas y adolescentes venezolanos no "
            "acompañados, Ecuador articuló a la Cancillería, el Ministerio de Interior y el "
            "Ministerio de Inclusión Social con los gobiernos autónomos descentralizados. "
            "El protocolo identifica situaciones de vulnerabilidad mediante servicios "
            "extramurales en 18 ciudades y abre el acceso a una visa de regularización "
            "temporal."
        ),
        "body": [
            (
                "Desde 2018 Ecuador ha recibido un importante flujo migratorio de personas "
                "de Venezuela en situación de vulnerabilidad, específicamente niños, niñas y "
                "adolescentes no acompañados. Ante este diagnóstico se desarrolló un proceso "
                "interinstitucional con la Cancillería, el Ministerio de Interior y el "
                "Ministerio de Inclusión Social para articular acciones con los gobiernos "
                "autónomos descentralizados, actor fundamental del sistema de protección de "
                "derechos del país."
            ),
            (
                "El Protocolo de Atención Integral busca identificar las situaciones de "
                "vulnerabilidad mediante servicios extramurales que se brindan en 18 "
                "ciudades, en distintas unidades de atención. La OIM y el ACNUR "
                "proporcionaron profesionales técnicos para trabajar a nivel territorial en "
                "esas unidades."
            ),
            (
                "Se realizan entrevistas especializadas y un informe psicosocial, único "
                "requisito establecido para acceder al registro migratorio, integrando el "
                "enfoque de género en la atención especializada a los diferentes grupos. "
                "Después se otorga una visa de regularización temporal que posibilita el "
                "acceso a servicios básicos que garantizan la inclusión social, así como a "
                "educación y salud universal."
            ),
        ],
        "countries": ["EC"],
        "objectives": ["7", "5", "15"],
        "principles": ["child_sensitive", "whole_of_government", "gender_responsive", "human_rights"],
        "table": "2",
        "stakeholder_groups": [],
        "level": "national",
        "populations": ["children_adolescents", "unaccompanied_children"],
        "organisations": ["mies-ec", "cancilleria-ec", "interior-ec", "oim", "acnur"],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": (
            "Servicios extramurales en 18 ciudades; el informe psicosocial es el único "
            "requisito para el registro migratorio, tras el cual se otorga una visa de "
            "regularización temporal con acceso a servicios básicos, educación y salud."
        ),
        "lessons_learned": (
            "Ecuador señaló que enfrenta retos en la sustentabilidad jurídica y financiera "
            "de estos procesos. " + _LESSON_ARTICULACION
        ),
        "sources": [
            {
                "title": (
                    "Protocolo de Atención Integral para niños, niñas y adolescentes no "
                    "nacionales en contexto de movilidad humana"
                ),
                "url": (
                    "http://esacc.corteconstitucional.gob.ec/storage/api/v1/10_DWL_FL/"
                    "e2NhcnBldGE6J2VzY3JpdG8nLCB1dWlkOiczNjUyOTdjNC03OWVjLTQxMjEtYTNlMy01"
                    "NDFjYmRhOWRhMjYucGRmJ30="
                ),
            }
        ],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "ecuador-plan-intersectorial-desnutricion-cronica-infantil",
        "title": ("Ecuador: Plan Estratégico Intersectorial para la prevención y reducción de la desnutrición crónica infantil"),
        "summary": (
            "Plan con un sistema unificado de seguimiento universal de cada niño, niña y "
            "adolescente que ingresa por los servicios de los Ministerios de Interior, "
            "Salud Pública, Inclusión Social y Educación. Incluye a la población migrante, "
            "porque la universalidad de los servicios alcanza a toda la población que se "
            "encuentra en el territorio."
        ),
        "body": [
            (
                "Ecuador está implementando el Plan Estratégico Intersectorial para la "
                "prevención y reducción de la desnutrición crónica infantil. En ese marco "
                "se desarrolló un sistema unificado de seguimiento universal de cada niño, "
                "niña y adolescente que ingresa en el sistema a través de los servicios "
                "brindados por los Ministerios de Interior, Salud Pública, Inclusión Social "
                "y Educación."
            ),
            (
                "La población migrante está incluida en esta política: al garantizar la "
                "universalidad de los servicios, el Estado puede abarcar a toda la población "
                "que se encuentra en el territorio ecuatoriano."
            ),
        ],
        "countries": ["EC"],
        "objectives": ["15", "7"],
        "principles": ["child_sensitive", "whole_of_government", "sustainable_development"],
        "table": "3",
        "stakeholder_groups": [],
        "level": "national",
        "populations": ["children_adolescents"],
        "organisations": ["interior-ec", "salud-ec", "mies-ec", "educacion-ec"],
        "start_year": 2021,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": _LESSON_UNIVERSALIDAD,
        "sources": [
            {
                "title": "Plan Estratégico Intersectorial para la Prevención y Reducción de la Desnutrición Crónica Infantil",
                "url": "https://www.infancia.gob.ec/wp-content/uploads/2021/09/Plan-Intersectorial.pdf",
            }
        ],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "chile-autodenuncia-voluntaria-y-empadronamiento",
        "title": "Chile: autodenuncia voluntaria y empadronamiento de personas con ingreso irregular",
        "summary": (
            "Procesos de autodenuncia voluntaria para personas que ingresaron al territorio "
            "de manera irregular, de modo que la irregularidad migratoria sea tratada por "
            "el derecho administrativo y no por el penal, y de empadronamiento para conocer "
            "la situación particular de cada persona. Desde el Mecanismo se señalaron como "
            "buena práctica de autoridades nacionales."
        ),
        "body": [
            (
                "Desde el Mecanismo se señaló como buena práctica desarrollada por "
                "autoridades nacionales la creación de procesos como la autodenuncia "
                "voluntaria para personas ingresadas en el territorio de manera irregular, "
                "para que la irregularidad migratoria sea alcanzada por el derecho "
                "administrativo y no conforme al derecho penal. En Chile este enfoque fue "
                "amparado por la segunda Sala Penal de la Corte Suprema y por diversos "
                "fallos en los últimos cuatro años."
            ),
            (
                "También se destacó el proceso de empadronamiento, que permite conocer las "
                "situaciones particulares de cada persona en cuanto a sus historias, su "
                "arraigo social y familiar y sus entradas en el territorio, con el fin de "
                "visibilizar y aprender de experiencias particulares."
            ),
        ],
        "countries": ["CL"],
        "objectives": ["7", "12"],
        "principles": ["rule_of_law", "human_rights", "people_centred"],
        "table": "2",
        "stakeholder_groups": [],
        "level": "national",
        "populations": ["irregular_migrants", "families"],
        "organisations": [],
        "start_year": 2019,
        "end_year": None,
        "status": "ongoing",
        "results": ("El enfoque fue amparado por la segunda Sala Penal de la Corte Suprema de Chile y diversos fallos."),
        "lessons_learned": "",
        "sources": [],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "chile-defensoria-ninez-derechos-nna-migrantes",
        "title": ("Chile: Defensoría de la Niñez, defensa y promoción de los derechos de niños, niñas y adolescentes migrantes"),
        "summary": (
            "La Defensoría de la Niñez de Chile lleva adelante una iniciativa de defensa y "
            "promoción de los derechos de niños, niñas y adolescentes migrantes, que "
            "incluye un documento especializado sobre el rol de garante de derechos del "
            "Estado respecto de la niñez y adolescencia migrante."
        ),
        "body": [
            (
                "Junto a la experiencia ecuatoriana de atención a la niñez en movilidad "
                "humana, el informe menciona que la Defensoría de la Niñez de Chile lleva "
                "adelante una iniciativa de defensa "
                "y promoción de los derechos de niños, niñas y adolescentes migrantes."
            ),
            (
                "La fuente citada por el informe es la publicación, por la Defensoría, de un "
                "documento especializado sobre el rol de garante de derechos del Estado en "
                "relación con la niñez y adolescencia migrante."
            ),
        ],
        "countries": ["CL"],
        "objectives": ["7", "15"],
        "principles": ["child_sensitive", "human_rights"],
        "table": "2",
        "stakeholder_groups": ["national_human_rights_institutions"],
        "level": "national",
        "populations": ["children_adolescents"],
        "organisations": ["defensoria-ninez-cl"],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": "",
        "sources": [
            {
                "title": (
                    "Defensoría de la Niñez publica documento especializado sobre el rol de "
                    "garante de derechos del Estado en relación a niñez y adolescencia migrante"
                ),
                "url": (
                    "https://www.defensorianinez.cl/defensoria-de-la-ninez-publica-documento-"
                    "especializado-sobre-el-rol-de-garante-de-derechos-del-estado-en-relacion-"
                    "a-ninez-y-adolescencia-migrante/"
                ),
            }
        ],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "belice-pasaporte-electronico-residencias-larga-estadia",
        "title": ("Belice: pasaporte electrónico, ampliación de residencias temporales y programa de larga estadía"),
        "summary": (
            "Desde octubre de 2022 Belice implementa el pasaporte electrónico; además amplió "
            "las residencias temporales y el acceso a través de distintos puntos del país, "
            "y desarrolló un programa de larga estadía con el Ministerio de Turismo. En "
            "paralelo, está en la primera etapa de elaboración de una Política Migratoria "
            "Nacional."
        ),
        "body": [
            (
                "Entre las iniciativas concretas presentadas en el tema 1, en Belice se "
                "implementa el pasaporte electrónico desde octubre de 2022, la ampliación de "
                "residencias temporales y la ampliación del acceso a través de distintos "
                "puntos en el país; además, se desarrolló un programa de larga estadía con "
                "el Ministerio de Turismo."
            ),
            (
                "Asimismo, Belice se encuentra en la primera etapa de elaboración de una "
                "Política Migratoria Nacional a partir de un documento anterior realizado en "
                "2019, y avanza de manera estratégica incluyendo a la sociedad civil y a "
                "organizaciones internacionales y regionales."
            ),
            ("El gobierno de Belice indicó también que su marco legal necesita ser fortalecido."),
        ],
        "countries": ["BZ"],
        "objectives": ["4", "5"],
        "principles": ["whole_of_government", "whole_of_society"],
        "table": "1",
        "stakeholder_groups": [],
        "level": "national",
        "populations": [],
        "organisations": ["inmigracion-bz", "turismo-bz"],
        "start_year": 2022,
        "end_year": None,
        "status": "ongoing",
        "results": "Pasaporte electrónico implementado desde octubre de 2022.",
        "lessons_learned": _LESSON_UNIVERSALIDAD,
        "sources": [],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "belice-comites-multisectoriales",
        "title": ("Belice: Refugee Eligibility Committee, CARICOM Skills Committee y otros espacios multisectoriales"),
        "summary": (
            "En Belice, el Refugee Eligibility Committee, el CARICOM Skills Committee y "
            "otros espacios cuentan con representantes de todos los sectores de la "
            "sociedad, incluidos cámaras, iglesias, sindicatos y distintos ministerios. El "
            "gobierno los presentó como ejemplo de la cooperación que requieren los "
            "enfoques pansocial y pangubernamental."
        ),
        "body": [
            (
                "Tanto la sociedad civil como los gobiernos enfatizaron que la cooperación es "
                "necesaria para avanzar en los enfoques pansocial y pangubernamental."
            ),
            (
                "En consecuencia, el gobierno de Belice explicó que el Refugee Eligibility "
                "Committee, el CARICOM Skills Committee y otros espacios cuentan con "
                "representantes de todos los sectores de la sociedad, incluyendo cámaras, "
                "iglesias, sindicatos y distintos ministerios."
            ),
        ],
        "countries": ["BZ"],
        "objectives": ["23", "12", "18"],
        "principles": ["whole_of_society", "whole_of_government"],
        "table": "2",
        "stakeholder_groups": [],
        "level": "national",
        "populations": ["refugees"],
        "organisations": ["inmigracion-bz"],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": _LESSON_ARTICULACION,
        "sources": [],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "belice-sensibilizacion-escuelas-secundarias",
        "title": "Belice: sensibilización sobre los aportes de la migración en escuelas secundarias",
        "summary": (
            "Belice lleva adelante estrategias para generar conciencia, a partir de datos, "
            "sobre los aportes de las poblaciones migrantes al desarrollo, en escuelas "
            "secundarias y en comunidades locales."
        ),
        "body": [
            (
                "Entre las acciones de sensibilización e información para las comunidades "
                "de acogida y migrantes, se afirmó que en Belice se llevan adelante "
                "estrategias para generar conciencia sobre los aportes de las poblaciones "
                "migrantes al desarrollo a partir de datos, en escuelas secundarias, en las "
                "comunidades locales y en otros ámbitos."
            ),
            (
                "La iniciativa se relaciona con dos lecciones del Conversatorio: la "
                "importancia de construir narrativas positivas sobre migración y de mostrar "
                "una realidad concreta basada en evidencia; y con la recomendación de "
                "trabajar con estudiantes en una currícula plural y diversa que promueva "
                "desde los primeros años el reconocimiento de las personas migrantes."
            ),
        ],
        "countries": ["BZ"],
        "objectives": ["17", "16"],
        "principles": ["whole_of_society", "sustainable_development"],
        "table": "4",
        "stakeholder_groups": [],
        "level": "national",
        "populations": [],
        "organisations": ["inmigracion-bz"],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": (
            "Se consideró una lección aprendida la importancia de los esfuerzos destinados "
            "a construir narrativas positivas sobre migración y de mostrar una realidad más "
            "concreta basada en evidencia y experiencias de trabajo."
        ),
        "sources": [],
        "language": "es",
        "theme": "tema-1",
    },
    {
        "slug": "mecanismo-dialogo-permanente-sociedad-civil",
        "title": "Mecanismo de Diálogo Permanente de Sociedad Civil de América Latina y el Caribe",
        "summary": (
            "Espacio formalizado en febrero de 2022 por la Red Regional, a través de su "
            "GT-SC, en coordinación con organizaciones de la sociedad civil; integra a los "
            "13 grupos del párrafo 44 del PMM y reúne a unas 150 organizaciones. En el "
            "Conversatorio fue calificado como un avance para crear escenarios de diálogo "
            "con los gobiernos de la región."
        ),
        "body": [
            (
                "La Red Regional, comprometida con el enfoque pansocial del PMM, formalizó "
                "en febrero de 2022, a través de su Grupo de Trabajo sobre Sociedad Civil "
                "(GT-SC) y en coordinación con las organizaciones de la sociedad civil y "
                "otras partes interesadas, la creación del Mecanismo. Reúne a "
                "aproximadamente 150 organizaciones de diversos países de la región, "
                "incluidas organizaciones de diáspora con base fuera de ella, y promueve el "
                "diálogo, la asesoría, la consulta y el intercambio sobre progresos, "
                "desafíos, buenas prácticas y lecciones aprendidas en la implementación del "
                "PMM."
            ),
            (
                "Se organiza en cuatro Mesas de Trabajo que coinciden con la agrupación "
                "temática del FEMI y en una Mesa de Vinculación que agrupa a los/as "
                "delegados/as y la Secretaría de las cuatro mesas, con asistencia técnica "
                "del GT-SC; la Red Regional y la Mesa de Vinculación se reúnen "
                "periódicamente."
            ),
            (
                "En el Conversatorio, el Mecanismo fue calificado como un avance porque "
                "reúne a la sociedad civil, la academia y otras partes interesadas para que, "
                "junto con organizaciones internacionales, creen escenarios de diálogo "
                "factibles con los gobiernos. Sus representantes coincidieron en que goza "
                "de confianza y credibilidad, y en que el reto es potenciarlo y "
                "posicionarlo para que incida en la toma de decisiones."
            ),
        ],
        "countries": [],
        "objectives": ["23"],
        "principles": ["whole_of_society", "international_cooperation", "people_centred"],
        "table": "4",
        "stakeholder_groups": [
            "migrants",
            "migrant_diaspora_organisations",
            "migrant_women_organisations",
            "women_girls_rights_organisations",
            "faith_based_organisations",
            "private_sector",
            "employers_organisations",
            "trade_unions",
            "national_human_rights_institutions",
            "local_human_rights_institutions",
            "academia",
            "media",
            "other_stakeholders",
        ],
        "level": "regional",
        "populations": [],
        "organisations": ["red-regional"],
        "start_year": 2022,
        "end_year": None,
        "status": "ongoing",
        "results": (
            "Reúne a aproximadamente 150 organizaciones y realizó, el 8 de agosto de 2023, "
            "su Primer Conversatorio con gobiernos de la región."
        ),
        "lessons_learned": (
            "Para apoyar a los gobiernos se destacó la necesidad de fortalecer y ampliar el "
            "número de miembros del Mecanismo, como estrategia para incorporar las "
            "perspectivas de la sociedad civil en el diseño de las políticas públicas "
            "migratorias."
        ),
        "sources": [
            {
                "title": "Red Regional de las Naciones Unidas sobre la Migración para América Latina y el Caribe",
                "url": "https://migrationnetwork.un.org/latin-america-and-caribbean",
            }
        ],
        "language": "es",
        "theme": "tema-1",
    },
    # --- Tema 2: Integración socioeconómica de las personas migrantes --------
    {
        "slug": "colombia-estatuto-temporal-proteccion-venezolanos",
        "title": (
            "Colombia: Estatuto Temporal de Protección para venezolanos/as (ETPV) y su documento de preguntas y respuestas"
        ),
        "summary": (
            "Colombia regulariza a las personas migrantes de origen venezolano mediante el "
            "permiso de protección temporal, que abre el acceso a la oferta institucional y "
            "mejora la calidad de vida mediante la generación de ingresos. Un documento de "
            "preguntas y respuestas sobre el ETPV ayudó a aumentar la integración y la "
            "afiliación a la seguridad social."
        ),
        "body": [
            (
                "La regularización migratoria fue vista como la primera etapa para potenciar "
                "cualquier otra iniciativa de integración en las comunidades de acogida. En "
                "Colombia se regulariza a las personas migrantes de origen venezolano a "
                "través del permiso de protección temporal, proceso que posibilita el "
                "acceso a la oferta institucional y la mejora de la calidad de vida "
                "mediante la generación de ingresos."
            ),
            (
                "Se creó un documento de preguntas y respuestas del Estatuto Temporal de "
                "Protección para venezolanos/as (ETPV), que permitió aumentar los niveles de "
                "integración y la cantidad de personas afiliadas al sistema de seguridad "
                "social."
            ),
        ],
        "countries": ["CO"],
        "objectives": ["5", "6", "16"],
        "principles": ["people_centred", "whole_of_government"],
        "table": "1",
        "stakeholder_groups": [],
        "level": "national",
        "populations": ["irregular_migrants", "migrant_workers"],
        "organisations": ["mintrabajo-co"],
        "start_year": 2021,
        "end_year": None,
        "status": "ongoing",
        "results": (
            "Aumento de los niveles de integración y de la cantidad de personas afiliadas al sistema de seguridad social."
        ),
        "lessons_learned": (
            "La regularización migratoria es la primera etapa y la puerta de entrada a la "
            "integración socioeconómica de la población migrante."
        ),
        "sources": [
            {
                "title": "Actualización preguntas y respuestas ETPV (R4V)",
                "url": (
                    "https://www.r4v.info/sites/default/files/2021-08/Actualizacio%CC%81n%20preguntas%20y%20respuestas%20ETPV.pdf"
                ),
            }
        ],
        "language": "es",
        "theme": "tema-2",
    },
    {
        "slug": "honduras-ley-proteccion-hondurenos-migrantes",
        "title": "Honduras: Ley de Protección de los Hondureños Migrantes y sus Familiares",
        "summary": (
            "Honduras aprobó una ley de protección a las personas hondureñas migrantes y "
            "sus familias. Desde la sociedad civil se advirtió que su presupuesto es "
            "limitado, porque la mayor parte se destina a repatriar a las personas que "
            "mueren en las rutas migratorias."
        ),
        "body": [
            (
                "Entre las políticas nacionales presentadas en el tema 2, en Honduras se "
                "aprobó la Ley de Protección a Hondureños Migrantes y sus Familias (así la "
                "nombra el informe)."
            ),
            (
                "Sin embargo, desde la sociedad civil se indicó que los presupuestos de "
                "estas leyes son limitados, porque la mayoría del presupuesto se destina a "
                "repatriar a las personas que mueren en las rutas migratorias."
            ),
        ],
        "countries": ["HN"],
        "objectives": ["8", "14", "21"],
        "principles": ["human_rights", "rule_of_law"],
        "table": "2",
        "stakeholder_groups": [],
        "level": "national",
        "populations": ["families", "returnees_deportees"],
        "organisations": [],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": (
            "Desde la sociedad civil se advirtió que los presupuestos de estas leyes son "
            "limitados porque la mayor parte se destina a repatriar a quienes mueren en las "
            "rutas migratorias."
        ),
        "sources": [
            {
                "title": "Ley de Protección de los Hondureños Migrantes y sus Familiares (TSC)",
                "url": (
                    "https://www.tsc.gob.hn/biblioteca/index.php/leyes/"
                    "538-ley-de-proteccion-de-los-hondurenos-migrantes-y-sus-familiares"
                ),
            }
        ],
        "language": "es",
        "theme": "tema-2",
    },
    {
        "slug": "honduras-ley-personas-desplazadas-internamente",
        "title": ("Honduras: Ley para la Prevención, Atención y Protección de las Personas Desplazadas Internamente"),
        "summary": (
            "Ley aprobada en Honduras en respuesta a los pedidos de asociaciones de jóvenes "
            "migrantes que vivieron en primera persona la movilidad humana. El informe la "
            "presenta como un caso en que el involucramiento de la sociedad civil se "
            "canalizó en una iniciativa concreta."
        ),
        "body": [
            (
                "El involucramiento de la sociedad civil también se canalizó en iniciativas "
                "concretas, como la aprobación de la Ley para la Prevención, Atención y "
                "Protección de las Personas Desplazadas Internamente en Honduras."
            ),
            (
                "La ley respondió a los pedidos de asociaciones de jóvenes migrantes que "
                "vivieron en primera persona la movilidad humana."
            ),
        ],
        "countries": ["HN"],
        "objectives": ["2", "7"],
        "principles": ["human_rights", "whole_of_society"],
        "table": "1",
        "stakeholder_groups": ["migrants", "migrant_diaspora_organisations"],
        "level": "national",
        "populations": ["internally_displaced"],
        "organisations": [],
        "start_year": 2023,
        "end_year": None,
        "status": "ongoing",
        "results": "Aprobación de la ley.",
        "lessons_learned": "",
        "sources": [
            {
                "title": "Honduras: Ley de desplazamiento interno forzado, abril 2023 (ReliefWeb)",
                "url": ("https://reliefweb.int/report/honduras/honduras-ley-desplazamiento-interno-forzado-abril-2023"),
            }
        ],
        "language": "es",
        "theme": "tema-2",
    },
    {
        "slug": "argentina-programa-patria-grande",
        "title": "Argentina: programa de regularización “Patria Grande”",
        "summary": (
            "Programa desarrollado en el marco de la ley migratoria nacional vigente desde "
            "2003, que reconoce la migración desde una mirada de derechos humanos. Permitió "
            "la regularización de muchas personas migrantes, algo muy importante para su "
            "acceso a los servicios."
        ),
        "body": [
            (
                "Desde la Municipalidad de Quilmes se explicó que Argentina cuenta desde 2003 "
                "con una ley nacional de migraciones que reconoce la migración desde una "
                "mirada de derechos humanos; antes de esa normativa la migración era vista "
                "con un enfoque restrictivo. La implementación de la ley no es sencilla y "
                "requiere la participación activa de los gobiernos locales."
            ),
            (
                "En el marco de la nueva ley se desarrolló el programa “Patria Grande”, que "
                "permitió la regularización de muchas personas migrantes, lo que fue muy "
                "importante para el acceso a los servicios."
            ),
        ],
        "countries": ["AR"],
        "objectives": ["5", "4", "15"],
        "principles": ["human_rights", "rule_of_law"],
        "table": "1",
        "stakeholder_groups": [],
        "level": "national",
        "populations": ["irregular_migrants"],
        "organisations": ["quilmes"],
        "start_year": None,
        "end_year": None,
        "status": "completed",
        "results": ("Permitió la regularización de muchas personas migrantes y su acceso a los servicios."),
        "lessons_learned": (
            "La implementación de una ley migratoria con enfoque de derechos humanos no es "
            "sencilla y requiere la participación activa de los gobiernos locales."
        ),
        "sources": [
            {
                "title": "Programa de Normalización Documentaria “Patria Grande” (CEPAL)",
                "url": (
                    "https://igualdad.cepal.org/es/repository-of-policies-and-strategies/"
                    "programa-de-normalizacion-documentaria-patria-grande"
                ),
            }
        ],
        "language": "es",
        "theme": "tema-2",
    },
    {
        "slug": "quilmes-plan-municipal-colectividades-migrantes-refugiados",
        "title": "Quilmes (Argentina): Plan Municipal de Colectividades, Migrantes y Refugiados",
        "summary": (
            "Plan implementado en 2019, surgido de procesos de participación ciudadana, con "
            "tres ejes: acceso a derechos, fortalecimiento institucional y visibilización "
            "de la interculturalidad. Comenzó con una oficina para las demandas de la "
            "población migrante y gestiones para consulados móviles, con apoyo de la OIM."
        ),
        "body": [
            (
                "La Municipalidad de Quilmes tiene 700.000 habitantes y cuenta con "
                "aproximadamente 60.000 personas migrantes. En 2019 implementó el Plan "
                "Municipal de Colectividades, Migrantes y Refugiados, con tres ejes "
                "prioritarios: acceso a derechos, fortalecimiento institucional y "
                "visibilización de la interculturalidad, surgidos de procesos de "
                "participación ciudadana."
            ),
            (
                "El puntapié fue la creación de una oficina para tratar las demandas de la "
                "población migrante y las gestiones para consulados móviles de diferentes "
                "países, de modo que las personas pudieran hacer sus trámites de "
                "regularización. Dada la limitación de recursos humanos y presupuestarios, "
                "fue esencial el apoyo de organizaciones internacionales como la OIM."
            ),
            (
                "Además, se consolidó un Consejo de Colectividades (el informe lo llama "
                "Consejo Nacional de Colectividades) que reúne a más de 40 organizaciones "
                "de migrantes presentes en el municipio, a través del cual se canalizaron "
                "fondos para mejorar sus instalaciones."
            ),
        ],
        "countries": ["AR"],
        "objectives": ["16", "15", "14"],
        "principles": ["whole_of_society", "human_rights", "people_centred"],
        "table": "3",
        "stakeholder_groups": [],
        "level": "local",
        "populations": ["refugees"],
        "organisations": ["quilmes", "oim"],
        "start_year": 2019,
        "end_year": None,
        "status": "ongoing",
        "results": (
            "Creación de una oficina municipal para la población migrante, gestión de "
            "consulados móviles y consolidación de un consejo que reúne a más de 40 "
            "organizaciones de migrantes, con fondos para mejorar sus instalaciones."
        ),
        "lessons_learned": _LESSON_LOCAL,
        "sources": [
            {
                "title": "Indicadores de Gobernanza de la Migración a nivel local: Quilmes 2022 (OIM)",
                "url": "https://publications.iom.int/system/files/pdf/MGI-Local-Quilmes%20-2022-ES_0.pdf",
            }
        ],
        "language": "es",
        "theme": "tema-2",
    },
    {
        "slug": "quilmes-talleres-empleabilidad-capital-semilla",
        "title": "Quilmes (Argentina): talleres de empleabilidad y fondos de capital semilla",
        "summary": (
            "La Municipalidad de Quilmes organiza, a través de su Oficina de Empleo, "
            "talleres de empleabilidad para personas migrantes y ha otorgado fondos de "
            "“capital semilla” para apoyar sus emprendimientos."
        ),
        "body": [
            (
                "En Quilmes se han organizado talleres de empleabilidad para personas "
                "migrantes a través de la Oficina de Empleo de la Municipalidad, y se han "
                "otorgado fondos de “capital semilla” de apoyo a los emprendimientos."
            ),
            (
                "Estas acciones responden a una idea central del Conversatorio: la "
                "integración puede promoverse por la vía del trabajo y del emprendimiento, "
                "lo que implica nuevos apoyos y políticas transversales; se sugirió ofrecer "
                "cursos de cualificación profesional e invertir en pequeños emprendimientos "
                "locales."
            ),
        ],
        "countries": ["AR"],
        "objectives": ["6", "18", "19"],
        "principles": ["sustainable_development", "people_centred"],
        "table": "3",
        "stakeholder_groups": [],
        "level": "local",
        "populations": ["migrant_workers"],
        "organisations": ["quilmes"],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": (
            "Hablar de integración implica hablar de inversión desde el presupuesto público, "
            "la inversión privada y su materialización en lo local."
        ),
        "sources": [],
        "language": "es",
        "theme": "tema-2",
    },
    {
        "slug": "tapachula-somos-familia-movilidad-humana",
        "title": "Tapachula (México): programa “Somos Familia. Movilidad Humana”",
        "summary": (
            "Programa del Ayuntamiento de Tapachula que cuenta con la colaboración de "
            "ACNUR, OIM y UNICEF y con una mesa de trabajo intersectorial sobre empleo, "
            "economía, salud, orientación jurídica, seguridad y capacitación, entre otros "
            "temas."
        ),
        "body": [
            (
                "Desde el Ayuntamiento de Tapachula, México, se remarcó que, a pesar de los "
                "recursos limitados, llevan adelante distintas iniciativas con el apoyo del "
                "gobierno federal."
            ),
            (
                "El programa “Somos Familia. Movilidad Humana” cuenta con la colaboración de "
                "agencias internacionales como ACNUR, OIM y UNICEF, y con una mesa de "
                "trabajo intersectorial en la que se abordan las posibilidades de empleo, "
                "economía, salud, orientación jurídica, seguridad, capacitación, etc."
            ),
        ],
        "countries": ["MX"],
        "objectives": ["15", "16", "6"],
        "principles": ["whole_of_government", "international_cooperation", "people_centred"],
        "table": "3",
        "stakeholder_groups": [],
        "level": "local",
        "populations": ["families"],
        "organisations": ["tapachula", "acnur", "oim", "unicef"],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": _LESSON_LOCAL,
        "sources": [
            {
                "title": "En marcha el programa Somos Familia Movilidad Humana en Tapachula",
                "url": ("https://regimendechiapas.com.mx/en-marcha-el-programa-somos-familia-movilidad-humana-en-tapachula/"),
            }
        ],
        "language": "es",
        "theme": "tema-2",
    },
    {
        "slug": "tapachula-programa-emergencia-social",
        "title": "Tapachula (México): programa de emergencia social para personas migrantes",
        "summary": (
            "Con el apoyo del gobierno federal, el Ayuntamiento de Tapachula lleva adelante "
            "un programa de emergencia social para personas migrantes basado en el "
            "desempeño de actividades específicas en beneficio de la comunidad."
        ),
        "body": [
            (
                "El Ayuntamiento de Tapachula señaló que, a pesar de los recursos limitados, "
                "lleva adelante iniciativas con el apoyo del gobierno federal, por ejemplo "
                "un programa de emergencia social para personas migrantes a través del "
                "desempeño de actividades específicas que son para el beneficio de la "
                "comunidad."
            ),
            (
                "El Conversatorio recomendó avanzar desde planes centrados en situaciones de "
                "emergencia hacia políticas públicas locales y nacionales de integración "
                "sostenibles y duraderas, con perspectiva de derechos humanos."
            ),
        ],
        "countries": ["MX"],
        "objectives": ["16", "6"],
        "principles": ["whole_of_government", "people_centred"],
        "table": "3",
        "stakeholder_groups": [],
        "level": "local",
        "populations": [],
        "organisations": ["tapachula"],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": _LESSON_LOCAL,
        "sources": [],
        "language": "es",
        "theme": "tema-2",
    },
    {
        "slug": "observatorios-municipales-de-la-migracion",
        "title": "Observatorios municipales de la migración impulsados por la sociedad civil",
        "summary": (
            "Organizaciones de la sociedad civil están creando observatorios municipales de "
            "la migración para producir datos estadísticos que permitan una gestión de "
            "remesas más ordenada y que generen mayor desarrollo en el país y la región."
        ),
        "body": [
            (
                "Desde la sociedad civil se están creando observatorios municipales de la "
                "migración, con el objeto de desarrollar datos estadísticos que permitan una "
                "gestión de remesas más ordenada y que generen mayor desarrollo en el país y "
                "la región."
            ),
            (
                "La iniciativa conecta con dos ideas del Conversatorio: la necesidad de "
                "sistemas y mecanismos que den evidencia a quienes toman decisiones, y la "
                "recomendación de medir el impacto de las remesas con gobiernos, sector "
                "privado, personas migrantes, sociedad civil y diásporas."
            ),
        ],
        "countries": [],
        "objectives": ["1", "20", "19"],
        "principles": ["whole_of_society", "sustainable_development"],
        "table": "4",
        "stakeholder_groups": ["other_stakeholders"],
        "level": "local",
        "populations": [],
        "organisations": [],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": "",
        "sources": [],
        "language": "es",
        "theme": "tema-2",
    },
    {
        "slug": "bloque-latinoamericano-red-regional-retorno-reintegracion",
        "title": "Bloque Latinoamericano de Migración: red regional de retorno y reintegración",
        "summary": (
            "El Bloque Latinoamericano de Migración está formando una red regional de "
            "retorno y reintegración que recoge experiencias en terreno y que podría "
            "contribuir con los gobiernos locales en materia de integración."
        ),
        "body": [
            (
                "Entre las iniciativas de la sociedad civil presentadas en el tema 2, se "
                "mencionó que el Bloque Latinoamericano de Migración está formando una red "
                "regional de retorno y reintegración que recoge experiencias en terreno."
            ),
            (
                "Según se planteó, esta red podría contribuir con los gobiernos locales en "
                "materia de integración, en línea con la disposición de la sociedad civil a "
                "ser vista como un socio de las autoridades locales y nacionales."
            ),
        ],
        "countries": [],
        "objectives": ["21", "23"],
        "principles": ["international_cooperation", "whole_of_society"],
        "table": "2",
        "stakeholder_groups": ["other_stakeholders"],
        "level": "regional",
        "populations": ["returnees_deportees"],
        "organisations": ["bloque-latinoamericano-migracion"],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": (
            "Se destacó la importancia de crear y fortalecer redes de apoyo con otros "
            "actores y de adaptarse a las necesidades de cada territorio y población "
            "migrante."
        ),
        "sources": [],
        "language": "es",
        "theme": "tema-2",
    },
    {
        "slug": "modelo-atencion-integral-personas-deportadas",
        "title": "Modelo de atención integral con componente psicosocial para personas deportadas",
        "summary": (
            "Organizaciones de la sociedad civil que trabajan en el terreno con población "
            "deportada implementan un modelo de atención integral que incluye un componente "
            "de atención psicosocial."
        ),
        "body": [
            (
                "Se destacaron experiencias de la sociedad civil en el terreno con la "
                "población deportada que implementan un modelo de atención integral, que "
                "incluye el componente de atención psicosocial."
            ),
            (
                "El Conversatorio subrayó que las acciones deben considerar la realidad "
                "contextual, territorial y las particularidades individuales, por ejemplo de "
                "personas retornadas, jóvenes y mujeres."
            ),
        ],
        "countries": [],
        "objectives": ["21", "15"],
        "principles": ["people_centred", "human_rights"],
        "table": "2",
        "stakeholder_groups": ["other_stakeholders"],
        "level": "local",
        "populations": ["returnees_deportees"],
        "organisations": [],
        "start_year": None,
        "end_year": None,
        "status": "ongoing",
        "results": "",
        "lessons_learned": "",
        "sources": [],
        "language": "es",
        "theme": "tema-2",
    },
]

# ---------------------------------------------------------------------------
# Recomendaciones (10 del tema 1 y 11 del tema 2, en el orden del informe)
# ---------------------------------------------------------------------------

RECOMMENDATIONS = [
    # --- Tema 1 ---------------------------------------------------------------
    {
        "slug": "t1-incorporar-vision-poblacion-objetivo",
        "theme": "tema-1",
        "number": 1,
        "title": "Incorporar la visión de la población migrante en las políticas migratorias",
        "text": ("Incorporar la visión de la población objetivo de las políticas públicas en materia migratoria."),
        "rationale": (
            "Hubo coincidencia en que, para entender y dar solución a las vulnerabilidades "
            "en la migración, hay que trabajar en los marcos normativos, pero también sobre "
            "las realidades y las vulnerabilidades que existen en distintos niveles y "
            "contextos. Las personas migrantes deben estar en el centro de las acciones."
        ),
        "table": "4",
        "objectives": ["7", "16"],
        "countries": [],
        "addressed_to": ["national_governments", "local_governments"],
    },
    {
        "slug": "t1-validar-participacion-sociedad-civil",
        "theme": "tema-1",
        "number": 2,
        "title": "Validar la participación de la sociedad civil en las políticas migratorias",
        "text": (
            "Validar la participación de la sociedad civil para incorporar la información y "
            "necesidades del territorio en las políticas públicas migratorias."
        ),
        "rationale": (
            "La sociedad civil cumple un rol fundamental porque lleva adelante un trabajo "
            "incesante en el territorio y es la primera en recibir a las personas en "
            "situación de vulnerabilidad. Se señaló como desafío mantener las vías de "
            "comunicación con las instancias de gobierno para que los cambios de gestión "
            "no modifiquen las políticas migratorias receptivas."
        ),
        "table": "4",
        "objectives": ["7", "23"],
        "countries": [],
        "addressed_to": ["national_governments", "local_governments"],
    },
    {
        "slug": "t1-fortalecer-expandir-mecanismo",
        "theme": "tema-1",
        "number": 3,
        "title": "Fortalecer y expandir el Mecanismo con puntos focales en territorios de acogida",
        "text": (
            "Fortalecer y expandir el Mecanismo de Diálogo Permanente de la Sociedad Civil y "
            "desarrollarlo con puntos focales en los territorios de acogida."
        ),
        "rationale": (
            "Los representantes del Mecanismo coincidieron en que goza de confianza y "
            "credibilidad, y en que el reto es encontrar estrategias para potenciarlo y "
            "posicionarlo de modo que incida en la toma de decisiones de las autoridades."
        ),
        "table": "4",
        "objectives": ["23"],
        "countries": [],
        "addressed_to": ["mechanism", "un_agencies", "civil_society"],
    },
    {
        "slug": "t1-presupuestos-por-resultados",
        "theme": "tema-1",
        "number": 4,
        "title": "Presupuestos por resultados y transparentes para incluir a las personas migrantes",
        "text": (
            "Promover el uso de presupuestos por resultados y garantizar su transparencia "
            "para facilitar la inclusión de las personas migrantes en las políticas "
            "públicas."
        ),
        "rationale": (
            "Ecuador destacó los retos de sustentabilidad jurídica y financiera de sus "
            "procesos, y el Conversatorio concluyó que hablar de integración implica hablar "
            "de inversión desde el presupuesto público."
        ),
        "table": "3",
        "objectives": ["7", "15"],
        "countries": [],
        "addressed_to": ["national_governments", "local_governments"],
    },
    {
        "slug": "t1-desburocratizar-procesos",
        "theme": "tema-1",
        "number": 5,
        "title": "Desburocratizar los procesos públicos de atención a las vulnerabilidades",
        "text": ("Desburocratizar los procesos públicos para la atención de las vulnerabilidades asociadas a la migración."),
        "rationale": (
            "La sociedad civil señaló dificultades normativas y administrativas para "
            "atender los casos de vulnerabilidad, largos tiempos de espera para obtener "
            "visas, por ejemplo de trabajo, y el no reconocimiento de cédulas o pasaportes "
            "vencidos, un problema netamente administrativo."
        ),
        "table": "2",
        "objectives": ["7", "4", "12"],
        "countries": [],
        "addressed_to": ["national_governments", "local_governments"],
    },
    {
        "slug": "t1-visibilizar-casos-particulares",
        "theme": "tema-1",
        "number": 6,
        "title": "Visibilizar los casos particulares y darles seguimiento",
        "text": ("Visibilizar los casos particulares y hacerles seguimiento para que reciban respuestas apropiadas."),
        "rationale": (
            "El empadronamiento se destacó por permitir conocer la historia, el arraigo "
            "social y familiar y las entradas al territorio de cada persona. La "
            "vulnerabilidad se multiplica con factores como la edad o el género, y deriva "
            "en dificultades de acceso a derechos."
        ),
        "table": "4",
        "objectives": ["7"],
        "countries": [],
        "addressed_to": ["national_governments", "local_governments", "civil_society"],
    },
    {
        "slug": "t1-fortalecer-marcos-legales",
        "theme": "tema-1",
        "number": 7,
        "title": "Marcos legales con perspectiva de género, derechos humanos y servicios universales",
        "text": (
            "Fortalecer los marcos legales relativos a la migración a través de la "
            "incorporación de la perspectiva de género, derechos humanos y universalidad de "
            "los servicios."
        ),
        "rationale": (
            "Los Estados coincidieron en la importancia de revisar los marcos legales: "
            "Belice indicó que el suyo necesita ser fortalecido y Ecuador revisa sus normas "
            "con enfoque de género. La lección es que todas las normativas deben contemplar "
            "la universalidad de los servicios para todas las personas en el territorio."
        ),
        "table": "2",
        "objectives": ["7", "15"],
        "countries": [],
        "addressed_to": ["national_governments"],
    },
    {
        "slug": "t1-acelerar-cooperacion-internacional",
        "theme": "tema-1",
        "number": 8,
        "title": "Acelerar la cooperación internacional en favor de la innovación y la cohesión",
        "text": (
            "Acelerar la cooperación internacional como una oportunidad para promover la "
            "innovación, contribuir a los mercados de trabajo, estimular la economía y "
            "promover la cohesión social."
        ),
        "rationale": (
            "Gobiernos y sociedad civil subrayaron los aportes de la migración como motor de "
            "desarrollo: la inclusión laboral potencia la economía de los países "
            "receptores y, mediante las remesas, la de las comunidades de origen. La "
            "cooperación es necesaria para avanzar en los enfoques pansocial y "
            "pangubernamental."
        ),
        "table": "4",
        "objectives": ["23", "19"],
        "countries": [],
        "addressed_to": ["national_governments", "un_agencies"],
    },
    {
        "slug": "t1-evitar-discursos-discriminatorios",
        "theme": "tema-1",
        "number": 9,
        "title": "Combatir la estigmatización con discursos basados en evidencia",
        "text": (
            "Evitar los discursos discriminatorios y combatir la estigmatización y "
            "descalificación de las personas migrantes a través de la promoción de "
            "discursos basados en la evidencia empírica."
        ),
        "rationale": (
            "La academia señaló la vulnerabilidad cultural, entendida como la construcción "
            "social del “diferente”. Se consideró una lección aprendida la importancia de "
            "construir narrativas positivas sobre migración y de mostrar una realidad "
            "concreta basada en evidencia."
        ),
        "table": "4",
        "objectives": ["17"],
        "countries": [],
        "addressed_to": ["national_governments", "local_governments", "media", "civil_society"],
    },
    {
        "slug": "t1-curricula-plural-y-diversa",
        "theme": "tema-1",
        "number": 10,
        "title": "Una currícula escolar plural que promueva el reconocimiento de las personas migrantes",
        "text": (
            "Trabajar con los/as estudiantes en una currícula de formación plural y diversa "
            "que desde los primeros años promueva el reconocimiento de las personas "
            "migrantes."
        ),
        "rationale": (
            "Belice genera conciencia sobre los aportes de las poblaciones migrantes al "
            "desarrollo en escuelas secundarias y comunidades locales, y se destacó que la "
            "capacitación de comunidades es fundamental."
        ),
        "table": "3",
        "objectives": ["17", "16"],
        "countries": [],
        "addressed_to": ["national_governments", "local_governments"],
    },
    # --- Tema 2 ---------------------------------------------------------------
    {
        "slug": "t2-difundir-mecanismos-regularizacion",
        "theme": "tema-2",
        "number": 1,
        "title": "Difundir los mecanismos de regularización implementados",
        "text": (
            "Difundir información a nivel internacional, nacional y local sobre los "
            "mecanismos de regularización que fueron implementados, para eficientizar el "
            "proceso y evitar incursionar en alternativas que no funcionan y/o duplicar "
            "esfuerzos."
        ),
        "rationale": (
            "La regularización migratoria fue vista como la primera etapa y la puerta de "
            "entrada a la integración socioeconómica; se compartieron experiencias como el "
            "ETPV en Colombia y el programa Patria Grande en Argentina."
        ),
        "table": "1",
        "objectives": ["5", "23"],
        "countries": [],
        "addressed_to": ["national_governments", "local_governments", "un_agencies"],
    },
    {
        "slug": "t2-politicas-integracion-sostenibles",
        "theme": "tema-2",
        "number": 2,
        "title": "Pasar de planes de emergencia a políticas de integración sostenibles",
        "text": (
            "Avanzar desde planes centrados en situaciones de emergencia, hacia políticas "
            "públicas locales y nacionales de integración sostenibles, de carácter duradero, "
            "con perspectiva de derechos humanos, acordadas en todos los niveles y basados "
            "en diagnósticos hechos con datos fiables y abiertos con el objetivo de crear "
            "futuros posibles y soluciones duraderas."
        ),
        "rationale": (
            "La integración se entendió como un proceso continuo, planificado y coordinado, "
            "y no como un momento. La lección aprendida es que no es posible gestionar las "
            "migraciones exclusivamente desde el control fronterizo o mediante acciones "
            "fragmentadas."
        ),
        "table": "3",
        "objectives": ["16", "1"],
        "countries": [],
        "addressed_to": ["national_governments", "local_governments"],
    },
    {
        "slug": "t2-mapear-iniciativas-sociedad-civil",
        "theme": "tema-2",
        "number": 3,
        "title": "Mapear las iniciativas de integración lideradas por la sociedad civil",
        "text": (
            "Mapear las iniciativas de integración socioeconómica en la región lideradas por "
            "la sociedad civil, con el objetivo de promover intercambios de experiencias con "
            "los gobiernos y coordinar esfuerzos para apoyar acciones e incluirlas en los "
            "planes de integración local y nacional."
        ),
        "rationale": (
            "La sociedad civil representa la voz de la población migrante y está dispuesta "
            "a apoyar a las autoridades locales y nacionales como un socio; el reto es "
            "canalizar la información y potenciar acuerdos que permitan el trabajo "
            "colaborativo."
        ),
        "table": "3",
        "objectives": ["16", "23"],
        "countries": [],
        "addressed_to": ["mechanism", "civil_society", "national_governments", "local_governments", "un_agencies"],
    },
    {
        "slug": "t2-servicios-publicos-municipales",
        "theme": "tema-2",
        "number": 4,
        "title": "Mejorar los servicios públicos municipales para comunidades de acogida y migrantes",
        "text": (
            "Promover y mejorar la provisión de servicios públicos municipales para las "
            "comunidades de acogida y la población migrante."
        ),
        "rationale": (
            "Entre los retos se señalaron los servicios de acogida y atención centrados en "
            "las capitales, y los gobiernos locales de Quilmes y Tapachula destacaron sus "
            "recursos limitados. Se subrayó la importancia de mayores inversiones en "
            "servicios públicos como transporte, vivienda, empleo y acceso al agua."
        ),
        "table": "3",
        "objectives": ["15", "16"],
        "countries": [],
        "addressed_to": ["local_governments"],
    },
    {
        "slug": "t2-campanas-sensibilizacion-convivencia",
        "theme": "tema-2",
        "number": 5,
        "title": "Campañas de sensibilización para la convivencia y el respeto",
        "text": (
            "Generar campañas de sensibilización para promover la convivencia y promover el respeto hacia la población migrante."
        ),
        "rationale": (
            "La violencia contra las personas migrantes se ha visto reforzada por el racismo "
            "estructural, la xenofobia y la politización del fenómeno migratorio; se planteó "
            "evitar que la población migrante sea vista como una carga pública."
        ),
        "table": "3",
        "objectives": ["17", "16"],
        "countries": [],
        "addressed_to": ["national_governments", "local_governments", "civil_society", "media"],
    },
    {
        "slug": "t2-nuevas-tecnologias-regularizacion",
        "theme": "tema-2",
        "number": 6,
        "title": "Nuevas tecnologías para agilizar la regularización y la inserción laboral",
        "text": (
            "Fomentar el uso de nuevas tecnologías para reducir la burocracia y agilizar los "
            "procesos de regularización e inserción laboral."
        ),
        "rationale": (
            "Entre los retos de la integración socioeconómica se señalaron la lentitud y "
            "burocratización de los procedimientos de regularización y la inserción laboral "
            "informal y precaria."
        ),
        "table": "1",
        "objectives": ["12", "5", "6"],
        "countries": [],
        "addressed_to": ["national_governments"],
    },
    {
        "slug": "t2-regimen-especial-trabajadores-migrantes",
        "theme": "tema-2",
        "number": 7,
        "title": "Régimen regional de regularización para personas trabajadoras migrantes",
        "text": (
            "Crear un régimen especial de regularización migratoria para personas "
            "trabajadoras migrantes, acordado entre los Estados, que permita la circulación "
            "regular, más libre y simplificada de personas en la región, en línea con la "
            "Convención Internacional sobre la Protección de los Derechos de Todos los "
            "Trabajadores Migrantes y de sus Familias."
        ),
        "rationale": (
            "Las personas migrantes enfrentan precariedad en la circulación, inserción "
            "laboral informal y precaria, explotación y situaciones laborales de esclavitud."
        ),
        "table": "1",
        "objectives": ["5", "6", "23"],
        "countries": [],
        "addressed_to": ["national_governments"],
    },
    {
        "slug": "t2-reconocimiento-revalida-titulos",
        "theme": "tema-2",
        "number": 8,
        "title": "Proceso regional de reconocimiento y reválida de títulos",
        "text": (
            "Establecer de un proceso regional de reconocimiento y reválida de títulos para "
            "integrar rápidamente a los/as migrantes cualificados."
        ),
        "rationale": (
            "Se señaló la dificultad de convalidación de diplomas, y los gobiernos tienen el "
            "desafío de generar mayor igualdad de oportunidades y validar el reconocimiento "
            "de habilidades, oficios y profesiones."
        ),
        "table": "1",
        "objectives": ["18"],
        "countries": [],
        "addressed_to": ["national_governments", "academia"],
    },
    {
        "slug": "t2-medir-impacto-remesas",
        "theme": "tema-2",
        "number": 9,
        "title": "Medir el impacto de las remesas para promover la inversión en los países de origen",
        "text": (
            "Medir el impacto de las remesas con el involucramiento de los gobiernos "
            "nacionales y locales, el sector privado, las personas migrantes, sociedad civil "
            "y diásporas, con el fin de promover la inversión en los países de origen, lo "
            "que favorecería oportunidades de educación, empleo, etc."
        ),
        "rationale": (
            "La sociedad civil está creando observatorios municipales de la migración para "
            "producir datos que permitan una gestión de remesas más ordenada, y las remesas "
            "fueron reconocidas como fuente de riqueza para las comunidades y países de "
            "origen."
        ),
        "table": "3",
        "objectives": ["20", "19", "1"],
        "countries": [],
        "addressed_to": ["national_governments", "local_governments", "private_sector", "civil_society"],
    },
    {
        "slug": "t2-cooperacion-pensiones-retorno",
        "theme": "tema-2",
        "number": 10,
        "title": "Cooperación para el acceso a pensiones y jubilaciones y el regreso voluntario",
        "text": (
            "Establecer un sistema amplio de cooperación que permita a las personas "
            "migrantes beneficiarse de las pensiones y jubilaciones y garantizar el regreso "
            "a su país de origen si así lo desean."
        ),
        "rationale": (
            "La regularización abre el acceso a la seguridad social, como muestra el aumento "
            "de la afiliación en Colombia con el ETPV; la sociedad civil, por su parte, "
            "trabaja en retorno y reintegración, por ejemplo con una red regional."
        ),
        "table": "3",
        "objectives": ["22", "21"],
        "countries": [],
        "addressed_to": ["national_governments"],
    },
    {
        "slug": "t2-fondo-regional-integracion",
        "theme": "tema-2",
        "number": 11,
        "title": "Fondo regional para políticas afirmativas de integración socioeconómica",
        "text": (
            "Crear de un fondo regional para incentivar a los gobiernos a establecer "
            "políticas afirmativas de integración socioeconómica para personas migrantes."
        ),
        "rationale": (
            "Los gobiernos locales destacaron sus limitaciones de recursos humanos y "
            "presupuestarios y el papel fundamental del apoyo de las agencias "
            "internacionales; integrar implica inversión pública y privada, y no se da de "
            "manera gratuita."
        ),
        "table": "3",
        "objectives": ["16", "19", "23"],
        "countries": [],
        "addressed_to": ["national_governments", "un_agencies"],
    },
]


# --- Follow-up of the recommendations ---------------------------------------------------------
# What the Conversatorio's report itself says governments and local authorities have done,
# reported against the recommendations it relates to. ``practices`` name practices above by
# slug; ``evidence`` falls back to those practices' sources. ``review``: published (the
# default), submitted (waiting for the curators) or sent_back (with ``comment``). Measures the
# report describes without a source are reported as in progress: "partially implemented" and
# "implemented" need evidence, and the report gives none for them.
CONVERSATORIO_DATE = "2023-08-08"

FOLLOW_UPS = [
    {
        "recommendation": "t1-fortalecer-marcos-legales",
        "country": "PE",
        "status": "implemented",
        "actor": "Congreso de la República y Superintendencia Nacional de Migraciones (Perú)",
        "date": CONVERSATORIO_DATE,
        "description": "En 2023 se dictaron la Ley 31.685 para la protección de mujeres migrantes con hijos e hijas "
        "en situación de vulnerabilidad, reglamentada por la Superintendencia de Migraciones con el Ministerio de "
        "Relaciones Exteriores, y la Ley 31.732 de amnistía de multas para personas extranjeras que estuvieron en "
        "situación irregular.",
        "evidence": [
            "https://busquedas.elperuano.pe/dispositivo/NL/2151852-2",
            "https://busquedas.elperuano.pe/dispositivo/NL/2172936-1",
        ],
        "practices": ["peru-ley-31685-mujeres-migrantes-con-hijos", "peru-ley-31732-amnistia-de-multas"],
        "reporter": "delegate1",
    },
    {
        "recommendation": "t1-fortalecer-marcos-legales",
        "country": "HN",
        "status": "implemented",
        "actor": "Congreso Nacional de Honduras",
        "date": CONVERSATORIO_DATE,
        "description": "Aprobación de la Ley para la Prevención, Atención y Protección de las Personas Desplazadas "
        "Internamente, en respuesta a los pedidos de asociaciones de jóvenes migrantes.",
        "practices": ["honduras-ley-personas-desplazadas-internamente"],
        "reporter": "member",
    },
    {
        "recommendation": "t1-fortalecer-marcos-legales",
        "country": "BZ",
        "status": "planned",
        "actor": "Gobierno de Belice",
        "date": "2019-12-31",
        "description": "Documento de base de 2019 para una Política Migratoria Nacional.",
        "practices": ["belice-comites-multisectoriales"],
        "reporter": "member",
    },
    {
        "recommendation": "t1-fortalecer-marcos-legales",
        "country": "BZ",
        "status": "in_progress",
        "actor": "Gobierno de Belice",
        "date": CONVERSATORIO_DATE,
        "description": "Primera etapa de elaboración de la Política Migratoria Nacional a partir del documento de "
        "2019, con la sociedad civil y organizaciones internacionales y regionales.",
        "practices": ["belice-comites-multisectoriales"],
        "reporter": "member",
    },
    {
        "recommendation": "t1-desburocratizar-procesos",
        "country": "PE",
        "status": "in_progress",
        "actor": "Superintendencia Nacional de Migraciones (Perú)",
        "date": CONVERSATORIO_DATE,
        "description": "Modificación del reglamento de la Ley de Migraciones: quienes obtuvieron el carné de "
        "permiso temporal de permanencia pueden, después de seis meses, acceder a una calidad migratoria especial.",
        "practices": ["peru-reglamento-ley-migraciones-permiso-temporal"],
        "reporter": "delegate1",
    },
    {
        "recommendation": "t1-desburocratizar-procesos",
        "country": "CL",
        "status": "in_progress",
        "actor": "Gobierno de Chile",
        "date": CONVERSATORIO_DATE,
        "description": "Autodenuncia voluntaria para personas ingresadas de manera irregular, de modo que la "
        "irregularidad se trate por derecho administrativo y no penal, y empadronamiento para conocer cada historia.",
        "practices": ["chile-autodenuncia-voluntaria-y-empadronamiento"],
        "reporter": "delegate1",
    },
    {
        "recommendation": "t1-desburocratizar-procesos",
        "country": "BZ",
        "status": "in_progress",
        "actor": "Gobierno de Belice",
        "date": "2022-10-01",
        "description": "Pasaporte electrónico desde octubre de 2022, ampliación de residencias temporales y de los "
        "puntos de acceso en el país, y un programa de larga estadía con el Ministerio de Turismo.",
        "practices": ["belice-pasaporte-electronico-residencias-larga-estadia"],
        "reporter": "member",
    },
    {
        "recommendation": "t1-incorporar-vision-poblacion-objetivo",
        "country": "EC",
        "status": "partially_implemented",
        "actor": "Cancillería, Ministerio del Interior y Ministerio de Inclusión Económica y Social (Ecuador)",
        "date": CONVERSATORIO_DATE,
        "description": "Protocolo de Atención Integral para niños, niñas y adolescentes no nacionales en contexto de "
        "movilidad humana, con servicios extramurales en 18 ciudades, y el Plan Estratégico Intersectorial contra la "
        "desnutrición crónica infantil, que incluye a la población migrante.",
        "practices": [
            "ecuador-protocolo-atencion-integral-nna-movilidad-humana",
            "ecuador-plan-intersectorial-desnutricion-cronica-infantil",
        ],
        "reporter": "delegate1",
    },
    {
        "recommendation": "t1-fortalecer-expandir-mecanismo",
        "country": "419",
        "status": "in_progress",
        "actor": "Red de las Naciones Unidas sobre la Migración para América Latina y el Caribe",
        "date": CONVERSATORIO_DATE,
        "description": "El Mecanismo de Diálogo Permanente funciona desde 2022 con unas 150 organizaciones y "
        "organiza conversatorios con los gobiernos de la región.",
        "evidence": ["https://migrationnetwork.un.org/latin-america-and-caribbean"],
        "practices": ["mecanismo-dialogo-permanente-sociedad-civil"],
        "reporter": "delegate1",
    },
    {
        "recommendation": "t2-difundir-mecanismos-regularizacion",
        "country": "CO",
        "status": "implemented",
        "actor": "Migración Colombia",
        "date": CONVERSATORIO_DATE,
        "description": "Documento de preguntas y respuestas del Estatuto Temporal de Protección para Migrantes "
        "Venezolanos, que permitió aumentar la integración y la afiliación a la seguridad social.",
        "practices": ["colombia-estatuto-temporal-proteccion-venezolanos"],
        "reporter": "delegate2",
    },
    {
        "recommendation": "t2-difundir-mecanismos-regularizacion",
        "country": "AR",
        "status": "implemented",
        "actor": "Dirección Nacional de Migraciones (Argentina)",
        "date": CONVERSATORIO_DATE,
        "description": "El programa Patria Grande, en el marco de la Ley de Migraciones de 2003, permitió la "
        "regularización de muchas personas migrantes y su acceso a los servicios.",
        "practices": ["argentina-programa-patria-grande"],
        "reporter": "delegate2",
    },
    {
        "recommendation": "t2-difundir-mecanismos-regularizacion",
        "country": "PE",
        "status": "in_progress",
        "actor": "Superintendencia Nacional de Migraciones (Perú)",
        "date": CONVERSATORIO_DATE,
        "description": "Acciones informativas sobre los procesos migratorios.",
        "practices": ["peru-acciones-informativas-migraciones"],
        "reporter": "delegate2",
    },
    {
        "recommendation": "t2-servicios-publicos-municipales",
        "country": "AR",
        "status": "implemented",
        "actor": "Municipalidad de Quilmes",
        "date": "2019-12-31",
        "description": "Plan Municipal de Colectividades, Migrantes y Refugiados (2019): una oficina para las "
        "demandas de la población migrante y consulados móviles para los trámites de regularización.",
        "practices": ["quilmes-plan-municipal-colectividades-migrantes-refugiados"],
        "reporter": "delegate2",
    },
    {
        "recommendation": "t2-servicios-publicos-municipales",
        "country": "MX",
        "status": "in_progress",
        "actor": "Ayuntamiento de Tapachula",
        "date": CONVERSATORIO_DATE,
        "description": "Programa «Somos Familia. Movilidad Humana» con ACNUR, OIM y UNICEF, y una mesa de trabajo "
        "intersectorial sobre empleo, salud, orientación jurídica y capacitación.",
        "practices": ["tapachula-somos-familia-movilidad-humana"],
        "reporter": "delegate2",
    },
    # Waiting for the curators: invisible to the public until reviewed.
    {
        "recommendation": "t2-mapear-iniciativas-sociedad-civil",
        "country": "AR",
        "status": "in_progress",
        "actor": "Municipalidad de Quilmes",
        "date": CONVERSATORIO_DATE,
        "description": "Consejo de Colectividades que reúne a más de 40 organizaciones de migrantes del municipio.",
        "practices": ["quilmes-talleres-empleabilidad-capital-semilla"],
        "reporter": "member",
        "review": "submitted",
    },
    {
        "recommendation": "t1-evitar-discursos-discriminatorios",
        "country": "BZ",
        "status": "in_progress",
        "actor": "Gobierno de Belice",
        "date": CONVERSATORIO_DATE,
        "description": "Sensibilización sobre migración en escuelas secundarias.",
        "practices": ["belice-sensibilizacion-escuelas-secundarias"],
        "reporter_email": "observatorio@example.org",
        "review": "submitted",
    },
    {
        "recommendation": "t1-presupuestos-por-resultados",
        "country": "HN",
        "status": "in_progress",
        "actor": "Gobierno de Honduras",
        "date": CONVERSATORIO_DATE,
        "description": "Ley de Protección a Hondureños Migrantes y sus Familias.",
        "practices": ["honduras-ley-proteccion-hondurenos-migrantes"],
        "reporter": "member",
        "review": "sent_back",
        "comment": "El informe dice que el presupuesto de esta ley es limitado y se destina sobre todo a repatriaciones: "
        "¿hay algún presupuesto por resultados? Indique la fuente.",
    },
]


# --- Contributions of table 1 ---------------------------------------------------------------
# The table's working material after the Conversatorio: what its delegates and secretariat put
# on the table, discussed in comments; two of them are consolidated into recommendations the
# table has in the workflow (by title: ``consolidated_into``). ``attachment`` names a document
# built in code by the loader (``summary``: a synthesis of the report for the table, from the
# event, its themes and the table's recommendations above).
CONTRIBUTIONS = [
    {
        "title": "Síntesis del Primer Conversatorio para la Mesa 1",
        "author": "delegate1",
        "table": "1",
        "text": "Comparto una síntesis del informe de resultados del Primer Conversatorio (8 de agosto de 2023) con "
        "lo que toca a nuestra mesa: los dos temas, sus preguntas orientadoras, la participación y las "
        "recomendaciones que quedaron a cargo de la Mesa 1. Propongo usarla como documento base para preparar "
        "las recomendaciones del próximo encuentro con los gobiernos.",
        "objectives": ["5", "6", "7"],
        "countries": ["PE", "EC", "CO", "AR"],
        "attachment": {"kind": "summary", "filename": "sintesis-conversatorio-2023-mesa-1.txt"},
        "comments": [
            ("secretariat1", "Gracias. La llevamos como documento base a la próxima reunión de la mesa."),
            (
                "member",
                "Desde nuestra organización sumaríamos lo que vemos en la atención jurídica: la Ley 31.685 "
                "de Perú protege a mujeres migrantes con hijas e hijos, pero su reglamentación todavía no llega a "
                "las oficinas de frontera.",
            ),
        ],
    },
    {
        "title": "Tiempos de espera de las visas de trabajo",
        "author": "secretariat1",
        "table": "1",
        "text": "En el Conversatorio la sociedad civil mencionó los largos tiempos de espera para el reconocimiento "
        "y la obtención de visas, por ejemplo de trabajo. Propongo pedir a los Estados plazos máximos de "
        "tramitación y que publiquen los tiempos reales, para que las personas no queden en situación irregular "
        "mientras esperan una respuesta.",
        "objectives": ["5", "6"],
        "countries": [],
        "consolidated_into": "Reducir los tiempos de espera para el reconocimiento y la obtención de visas de trabajo",
        "comments": [
            ("delegate1", "De acuerdo: lo tomé para la recomendación sobre visas de trabajo que está en revisión."),
        ],
    },
    {
        "title": "Cédulas y pasaportes vencidos como prueba de identidad",
        "author": "delegate1",
        "table": "1",
        "text": "En algunos casos no se han reconocido cédulas de identidad o pasaportes vencidos, una práctica "
        "que en el Conversatorio se calificó como inadecuada y que agrega un problema a un tema netamente "
        "administrativo. Habría que pedir que se acepten como prueba de identidad en la regularización y en el "
        "acceso a servicios.",
        "objectives": ["4", "7"],
        "countries": [],
        "consolidated_into": "Reconocer documentos de identidad y pasaportes vencidos en los trámites migratorios",
        "comments": [
            (
                "member",
                "Lo vemos cada semana: personas con pasaporte vencido que no pueden abrir una cuenta ni "
                "firmar un contrato de alquiler.",
            ),
            ("secretariat1", "Incluido en la recomendación; gracias por el ejemplo."),
        ],
    },
]
