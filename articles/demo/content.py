"""Sections, tags, authors and pictures of the demo site, in all five languages.

Everything here was written for this project; the places and people are invented.
"""

# key: names per language; the key is the English slug.
SECTIONS = {
    "world": {"en": "World", "nl": "Wereld", "de": "Welt", "fr": "Monde", "ar": "العالم"},
    "climate": {"en": "Climate", "nl": "Klimaat", "de": "Klima", "fr": "Climat", "ar": "المناخ"},
    "science": {
        "en": "Science",
        "nl": "Wetenschap",
        "de": "Wissenschaft",
        "fr": "Sciences",
        "ar": "العلوم",
    },
    "culture": {
        "en": "Culture",
        "nl": "Cultuur",
        "de": "Kultur",
        "fr": "Culture",
        "ar": "الثقافة",
    },
    "cities": {"en": "Cities", "nl": "Steden", "de": "Städte", "fr": "Villes", "ar": "المدن"},
}

TAGS = {
    "public-transport": {
        "en": "Public transport",
        "nl": "Openbaar vervoer",
        "de": "Öffentlicher Verkehr",
        "fr": "Transports publics",
        "ar": "النقل العام",
    },
    "community": {
        "en": "Community",
        "nl": "Buurtleven",
        "de": "Nachbarschaft",
        "fr": "Vie de quartier",
        "ar": "المجتمع المحلي",
    },
    "flooding": {
        "en": "Flooding",
        "nl": "Overstromingen",
        "de": "Hochwasser",
        "fr": "Inondations",
        "ar": "الفيضانات",
    },
    "biodiversity": {
        "en": "Biodiversity",
        "nl": "Biodiversiteit",
        "de": "Artenvielfalt",
        "fr": "Biodiversité",
        "ar": "التنوع البيولوجي",
    },
    "citizen-science": {
        "en": "Citizen science",
        "nl": "Burgerwetenschap",
        "de": "Bürgerwissenschaft",
        "fr": "Science participative",
        "ar": "علم المواطن",
    },
    "libraries": {
        "en": "Libraries",
        "nl": "Bibliotheken",
        "de": "Bibliotheken",
        "fr": "Bibliothèques",
        "ar": "المكتبات",
    },
    "borders": {
        "en": "Borders",
        "nl": "Grenzen",
        "de": "Grenzen",
        "fr": "Frontières",
        "ar": "الحدود",
    },
    "emergency-services": {
        "en": "Emergency services",
        "nl": "Hulpdiensten",
        "de": "Rettungsdienste",
        "fr": "Secours",
        "ar": "خدمات الطوارئ",
    },
    "heat": {"en": "Heat", "nl": "Hitte", "de": "Hitze", "fr": "Chaleur", "ar": "الحر"},
    "urban-trees": {
        "en": "Urban trees",
        "nl": "Stadsbomen",
        "de": "Stadtbäume",
        "fr": "Arbres en ville",
        "ar": "أشجار المدن",
    },
    "archives": {
        "en": "Archives",
        "nl": "Archieven",
        "de": "Archive",
        "fr": "Archives",
        "ar": "الأرشيف",
    },
    "weather": {"en": "Weather", "nl": "Weer", "de": "Wetter", "fr": "Météo", "ar": "الطقس"},
    "music": {"en": "Music", "nl": "Muziek", "de": "Musik", "fr": "Musique", "ar": "الموسيقى"},
    "rail": {
        "en": "Rail",
        "nl": "Spoor",
        "de": "Bahn",
        "fr": "Ferroviaire",
        "ar": "السكك الحديدية",
    },
    "water-quality": {
        "en": "Water quality",
        "nl": "Waterkwaliteit",
        "de": "Wasserqualität",
        "fr": "Qualité de l'eau",
        "ar": "جودة المياه",
    },
    "cycling": {
        "en": "Cycling",
        "nl": "Fietsen",
        "de": "Radfahren",
        "fr": "Vélo",
        "ar": "ركوب الدراجات",
    },
}

# slug: name, whether it is the organisation, bio per language (not every language).
AUTHORS = {
    "newsroom-staff": {
        "name": "Newsroom staff",
        "is_organisation": True,
        "bio": {
            "en": "Stories written and edited by the newsroom as a whole.",
            "nl": "Verhalen die door de hele redactie zijn geschreven en bewerkt.",
            "de": "Beiträge, die von der gesamten Redaktion geschrieben und bearbeitet wurden.",
            "fr": "Articles écrits et édités par l'ensemble de la rédaction.",
            "ar": "قصص كتبتها وحرّرتها هيئة التحرير بأكملها.",
        },
    },
    "mara-jansen": {
        "name": "Mara Jansen",
        "bio": {
            "en": "Mara Jansen covers cities, transport and neighbourhood life. "
            "She writes in Dutch and English.",
            "nl": "Mara Jansen schrijft over steden, vervoer en het leven in de wijk. "
            "Ze schrijft in het Nederlands en het Engels.",
            "de": "Mara Jansen berichtet über Städte, Verkehr und das Leben im Viertel. "
            "Sie schreibt auf Niederländisch und Englisch.",
        },
    },
    "elias-brandt": {
        "name": "Elias Brandt",
        "bio": {
            "en": "Elias Brandt is the science editor. Before journalism he studied ecology.",
            "de": "Elias Brandt ist Wissenschaftsredakteur. "
            "Bevor er Journalist wurde, hat er Ökologie studiert.",
            "fr": "Elias Brandt est le rédacteur scientifique. "
            "Avant de devenir journaliste, il a étudié l'écologie.",
        },
    },
    "camille-laurent": {
        "name": "Camille Laurent",
        "bio": {
            "en": "Camille Laurent reports on climate and the coast.",
            "fr": "Camille Laurent couvre le climat et le littoral.",
            "nl": "Camille Laurent schrijft over klimaat en de kust.",
        },
    },
    "nadia-haddad": {
        "name": "Nadia Haddad",
        "bio": {
            "en": "Nadia Haddad covers borders, migration and international affairs.",
            "fr": "Nadia Haddad couvre les frontières, les migrations et l'actualité "
            "internationale.",
            "ar": "تغطي نادية حداد قضايا الحدود والهجرة والشؤون الدولية.",
        },
    },
}

CREDIT = "Newsroom demo illustration"
SOURCE = "Drawn by manage.py seed_demo"

# key: how to draw it (see images.PAINTERS), an English library title, alt text and caption.
IMAGES = {
    "night-buses": {
        "kind": "map",
        "palette": ["#14213d", "#22335a", "#3d6b9e", "#f4a261", "#e76f51", "#ffb703"],
        "seed": 101,
        "title": "Night bus routes in the river district",
        "alt": {
            "en": "Illustration: a night-time street map with a river and three orange and yellow"
            " bus routes",
            "nl": "Illustratie: een stadskaart bij nacht met een rivier en drie oranje en gele"
            " buslijnen",
            "de": "Illustration: ein nächtlicher Stadtplan mit einem Fluss und drei orangefarbenen"
            " und gelben Buslinien",
            "fr": "Illustration : un plan de ville nocturne avec un fleuve et trois lignes de bus"
            " orange et jaunes",
            "ar": "رسم توضيحي: خريطة شوارع ليلية فيها نهر وثلاثة خطوط حافلات برتقالية وصفراء",
        },
        "caption": {
            "en": "The three night lines cross the river district every thirty minutes.",
            "nl": "De drie nachtlijnen rijden elk halfuur door de rivierwijk.",
            "de": "Die drei Nachtlinien fahren alle dreißig Minuten durch das Flussviertel.",
            "fr": "Les trois lignes de nuit traversent le quartier du fleuve toutes les trente"
            " minutes.",
            "ar": "تعبر الخطوط الليلية الثلاثة حي النهر كل ثلاثين دقيقة.",
        },
    },
    "oyster-reef": {
        "kind": "waves",
        "palette": ["#cfd8dc", "#37474f", "#90a4ae", "#4db6ac", "#00796b", "#263238"],
        "seed": 102,
        "title": "Waves on the sea wall",
        "alt": {
            "en": "Illustration: layered grey and teal waves breaking against a dark band",
            "nl": "Illustratie: gelaagde grijze en groenblauwe golven die breken op een donkere"
            " strook",
            "de": "Illustration: geschichtete graue und türkisfarbene Wellen, die an einem dunklen"
            " Band brechen",
            "fr": "Illustration : des vagues grises et turquoise en couches qui se brisent sur une"
            " bande sombre",
            "ar": "رسم توضيحي: أمواج رمادية وفيروزية متراكبة تتكسر على شريط داكن",
        },
        "caption": {
            "en": "The reef trial covers four hundred metres of the old sea wall.",
            "nl": "De proef met het rif beslaat vierhonderd meter van de oude zeewering.",
            "de": "Der Riffversuch erstreckt sich über vierhundert Meter der alten Seemauer.",
            "fr": "L'essai de récif couvre quatre cents mètres de la vieille digue.",
            "ar": "تغطي تجربة الشعاب أربعمئة متر من الجدار البحري القديم.",
        },
    },
    "moth-night": {
        "kind": "glow",
        "palette": ["#0b0c1e", "#1d1f3f", "#fff3b0", "#fefae0", "#e9edc9", "#d4a373"],
        "seed": 103,
        "title": "Moths round a lamp",
        "alt": {
            "en": "Illustration: hundreds of small pale dots circling a bright light on a dark"
            " background",
            "nl": "Illustratie: honderden kleine lichte stipjes rond een felle lamp op een donkere"
            " achtergrond",
            "de": "Illustration: Hunderte kleiner heller Punkte kreisen um ein helles Licht vor"
            " dunklem Hintergrund",
            "fr": "Illustration : des centaines de petits points clairs autour d'une lumière vive"
            " sur fond sombre",
            "ar": "رسم توضيحي: مئات النقاط الصغيرة الفاتحة تحوم حول ضوء ساطع على خلفية داكنة",
        },
        "caption": {
            "en": "More than three hundred species were recorded in one night.",
            "nl": "In één nacht werden meer dan driehonderd soorten waargenomen.",
            "de": "In einer einzigen Nacht wurden mehr als dreihundert Arten erfasst.",
            "fr": "Plus de trois cents espèces ont été recensées en une seule nuit.",
            "ar": "سُجّل أكثر من ثلاثمئة نوع في ليلة واحدة.",
        },
    },
    "tool-library": {
        "kind": "shelves",
        "palette": [
            "#f6efe3",
            "#8d5a3b",
            "#264653",
            "#2a9d8f",
            "#e9c46a",
            "#f4a261",
            "#e76f51",
            "#6d597a",
        ],
        "seed": 104,
        "title": "Library shelves with tools",
        "alt": {
            "en": "Illustration: rows of coloured upright bars, like books and tools on shelves",
            "nl": "Illustratie: rijen gekleurde staande balkjes, als boeken en gereedschap op"
            " planken",
            "de": "Illustration: Reihen farbiger senkrechter Balken wie Bücher und Werkzeuge in"
            " Regalen",
            "fr": "Illustration : des rangées de barres verticales colorées, comme des livres et"
            " des outils sur des étagères",
            "ar": "رسم توضيحي: صفوف من أعمدة ملونة قائمة تشبه الكتب والأدوات على الرفوف",
        },
        "caption": {
            "en": "Drills, ladders and sewing machines now stand between the books.",
            "nl": "Boormachines, ladders en naaimachines staan nu tussen de boeken.",
            "de": "Bohrmaschinen, Leitern und Nähmaschinen stehen jetzt zwischen den Büchern.",
            "fr": "Perceuses, échelles et machines à coudre côtoient désormais les livres.",
            "ar": "تقف المثاقب والسلالم وماكينات الخياطة الآن بين الكتب.",
        },
    },
    "fire-brigade": {
        "kind": "map",
        "palette": ["#f1f0ea", "#d9d6c8", "#7fb2d6", "#c1121f"],
        "seed": 105,
        "options": {"vertical": True},
        "title": "Two towns on either side of the river",
        "alt": {
            "en": "Illustration: a map of two towns divided by a river, with a red route across it",
            "nl": "Illustratie: een kaart van twee steden gescheiden door een rivier, met een rode"
            " route erover",
            "de": "Illustration: eine Karte zweier durch einen Fluss getrennter Städte mit einer"
            " roten Route darüber",
            "fr": "Illustration : la carte de deux villes séparées par un fleuve, traversée par un"
            " itinéraire rouge",
            "ar": "رسم توضيحي: خريطة لبلدتين يفصل بينهما نهر ويعبره مسار أحمر",
        },
        "caption": {
            "en": "The joint fire station stands on the bridge road between the two towns.",
            "nl": "De gezamenlijke kazerne staat aan de brugweg tussen de twee steden.",
            "de": "Die gemeinsame Feuerwache steht an der Brückenstraße zwischen den beiden"
            " Städten.",
            "fr": "La caserne commune se trouve sur la route du pont, entre les deux villes.",
            "ar": "يقع مركز الإطفاء المشترك على طريق الجسر بين البلدتين.",
        },
    },
    "heat-map": {
        "kind": "heat_grid",
        "palette": ["#2d6a4f", "#95d5b2", "#ffe66d", "#f4a261", "#d62828", "#6a040f"],
        "seed": 106,
        "title": "Afternoon heat across the city",
        "alt": {
            "en": "Illustration: a grid of squares shading from green to dark red, like a"
            " temperature map",
            "nl": "Illustratie: een raster van vierkantjes dat verloopt van groen naar donkerrood,"
            " als een temperatuurkaart",
            "de": "Illustration: ein Raster aus Quadraten von Grün bis Dunkelrot, wie eine"
            " Temperaturkarte",
            "fr": "Illustration : une grille de carrés allant du vert au rouge foncé, comme une"
            " carte des températures",
            "ar": "رسم توضيحي: شبكة مربعات تتدرج من الأخضر إلى الأحمر الداكن، مثل خريطة لدرجات"
            " الحرارة",
        },
        "caption": {
            "en": "Paved squares can be up to eight degrees warmer than nearby parks.",
            "nl": "Verharde pleinen kunnen tot acht graden warmer zijn dan parken in de buurt.",
            "de": "Gepflasterte Plätze können bis zu acht Grad wärmer sein als nahe Parks.",
            "fr": "Les places pavées peuvent être jusqu'à huit degrés plus chaudes que les parcs"
            " voisins.",
            "ar": "قد تزيد حرارة الساحات المرصوفة على حرارة الحدائق القريبة بما يصل إلى ثماني"
            " درجات.",
        },
    },
    "logbooks": {
        "kind": "chart",
        "palette": ["#f5ecd7", "#9db4c0", "#1d3557", "#c1121f"],
        "seed": 107,
        "title": "Pressure readings on ruled paper",
        "alt": {
            "en": "Illustration: a wavy line drawn across ruled paper, like a pressure chart",
            "nl": "Illustratie: een golvende lijn over gelinieerd papier, als een luchtdrukgrafiek",
            "de": "Illustration: eine Wellenlinie über liniertem Papier, wie ein Luftdruckdiagramm",
            "fr": "Illustration : une ligne ondulée tracée sur du papier ligné, comme un graphique"
            " de pression",
            "ar": "رسم توضيحي: خط متموج مرسوم فوق ورق مسطّر، مثل مخطط للضغط الجوي",
        },
        "caption": {
            "en": "Officers on watch noted the air pressure every four hours.",
            "nl": "Officieren van de wacht noteerden elke vier uur de luchtdruk.",
            "de": "Die wachhabenden Offiziere notierten alle vier Stunden den Luftdruck.",
            "fr": "Les officiers de quart notaient la pression atmosphérique toutes les quatre"
            " heures.",
            "ar": "كان الضباط المناوبون يدوّنون الضغط الجوي كل أربع ساعات.",
        },
    },
    "choir": {
        "kind": "arcs",
        "palette": ["#fff1e6", "#fde2e4", "#e63946", "#f4a261", "#2a9d8f", "#6d597a"],
        "seed": 108,
        "title": "Voices rising together",
        "alt": {
            "en": "Illustration: overlapping coloured half-circles, like voices rising together",
            "nl": "Illustratie: overlappende gekleurde halve cirkels, als stemmen die samen"
            " opklinken",
            "de": "Illustration: überlappende farbige Halbkreise, wie Stimmen, die gemeinsam"
            " erklingen",
            "fr": "Illustration : des demi-cercles colorés qui se chevauchent, comme des voix qui"
            " s'élèvent ensemble",
            "ar": "رسم توضيحي: أنصاف دوائر ملونة متداخلة، كأصوات ترتفع معًا",
        },
        "caption": {
            "en": "Sixty singers rehearse every Tuesday in the school hall.",
            "nl": "Zestig zangers repeteren elke dinsdag in de aula van de school.",
            "de": "Sechzig Sängerinnen und Sänger proben jeden Dienstag in der Schulaula.",
            "fr": "Soixante choristes répètent chaque mardi dans la salle de l'école.",
            "ar": "يتدرّب ستون مغنيًا كل يوم ثلاثاء في قاعة المدرسة.",
        },
    },
    "night-train": {
        "kind": "map",
        "palette": ["#0d1b2a", "#1b263b", "#415a77", "#e0e1dd"],
        "seed": 109,
        "options": {"vertical": True},
        "title": "A railway line across the river",
        "alt": {
            "en": "Illustration: a pale railway line crossing a river on a dark blue map",
            "nl": "Illustratie: een lichte spoorlijn die een rivier kruist op een donkerblauwe"
            " kaart",
            "de": "Illustration: eine helle Bahnstrecke, die auf einer dunkelblauen Karte einen"
            " Fluss überquert",
            "fr": "Illustration : une voie ferrée claire qui franchit un fleuve sur une carte bleu"
            " foncé",
            "ar": "رسم توضيحي: خط سكة حديدية فاتح يعبر نهرًا على خريطة زرقاء داكنة",
        },
        "caption": {
            "en": "The bridge was rebuilt one section at a time.",
            "nl": "De brug werd deel voor deel herbouwd.",
            "de": "Die Brücke wurde Abschnitt für Abschnitt erneuert.",
            "fr": "Le pont a été reconstruit tronçon par tronçon.",
            "ar": "أُعيد بناء الجسر جزءًا بعد جزء.",
        },
    },
    "green-lake": {
        "kind": "blobs",
        "palette": ["#0b3d2e", "#03120e", "#52b788", "#95d5b2", "#74c69d", "#b7e4c7"],
        "seed": 110,
        "title": "Algae on the lake",
        "alt": {
            "en": "Illustration: soft green circles spreading across dark water",
            "nl": "Illustratie: zachte groene cirkels die zich over donker water verspreiden",
            "de": "Illustration: weiche grüne Kreise, die sich über dunkles Wasser ausbreiten",
            "fr": "Illustration : de doux cercles verts qui s'étendent sur une eau sombre",
            "ar": "رسم توضيحي: دوائر خضراء ناعمة تنتشر فوق مياه داكنة",
        },
        "caption": {
            "en": "The swimming lake was closed for three weeks in August.",
            "nl": "Het zwemmeer was in augustus drie weken gesloten.",
            "de": "Der Badesee war im August drei Wochen lang gesperrt.",
            "fr": "Le lac de baignade a été fermé trois semaines en août.",
            "ar": "أُغلقت بحيرة السباحة ثلاثة أسابيع في أغسطس.",
        },
    },
    "cycle-bridge": {
        "kind": "map",
        "palette": ["#fbfaf5", "#e4e1d3", "#8ecae6", "#2a9d8f", "#e9c46a"],
        "seed": 111,
        "options": {"vertical": True},
        "title": "The harbour basin and the new bridge",
        "alt": {
            "en": "Illustration: a light map of a harbour basin with two cycle routes across it",
            "nl": "Illustratie: een lichte kaart van een havenbekken met twee fietsroutes erover",
            "de": "Illustration: eine helle Karte eines Hafenbeckens mit zwei Radrouten darüber",
            "fr": "Illustration : une carte claire d'un bassin portuaire traversé par deux"
            " itinéraires cyclables",
            "ar": "رسم توضيحي: خريطة فاتحة لحوض ميناء يعبره مساران للدراجات",
        },
        "caption": {
            "en": "The bridge cuts the ride from the station to the north bank to six minutes.",
            "nl": "De brug verkort de rit van het station naar de noordoever tot zes minuten.",
            "de": "Die Brücke verkürzt die Fahrt vom Bahnhof zum Nordufer auf sechs Minuten.",
            "fr": "La passerelle ramène le trajet de la gare à la rive nord à six minutes.",
            "ar": "يختصر الجسر الطريق من المحطة إلى الضفة الشمالية إلى ست دقائق.",
        },
    },
    "ferry": {
        "kind": "waves",
        "palette": ["#ffcdb2", "#6d597a", "#e5989b", "#b5838d", "#6d6875", "#355070"],
        "seed": 112,
        "title": "Evening on the harbour",
        "alt": {
            "en": "Illustration: calm evening waves in pink and purple",
            "nl": "Illustratie: kalme avondgolven in roze en paars",
            "de": "Illustration: ruhige Abendwellen in Rosa und Violett",
            "fr": "Illustration : des vagues calmes du soir en rose et violet",
            "ar": "رسم توضيحي: أمواج مسائية هادئة باللونين الوردي والبنفسجي",
        },
        "caption": {
            "en": "The harbour ferries cross every twenty minutes in summer.",
            "nl": "De havenponten varen in de zomer elke twintig minuten.",
            "de": "Im Sommer fahren die Hafenfähren alle zwanzig Minuten.",
            "fr": "En été, les bacs du port traversent toutes les vingt minutes.",
            "ar": "تعبر عبّارات الميناء كل عشرين دقيقة في الصيف.",
        },
    },
}

# Pictures placed between paragraphs (a story's "placements" in stories.py), drawn like IMAGES; one
# carries a content warning, so the reader sees the warning before the picture.
FIGURES = {
    "night-lines": {
        "kind": "lines",
        "palette": ["#f7f4ea", "#cfe3ef", "#e76f51", "#f4a261", "#ffb703", "#264653"],
        "seed": 201,
        "title": "Diagram of the three night lines",
        "alt": {
            "en": "Diagram: three orange and yellow lines with round stops, crossing a pale blue"
            " river",
            "nl": "Schema: drie oranje en gele lijnen met ronde haltes die een lichtblauwe rivier"
            " kruisen",
            "de": "Schema: drei orangefarbene und gelbe Linien mit runden Haltestellen, die einen"
            " hellblauen Fluss kreuzen",
            "fr": "Schéma : trois lignes orange et jaunes, ponctuées d'arrêts ronds, qui"
            " traversent un fleuve bleu clair",
            "ar": "مخطط: ثلاثة خطوط برتقالية وصفراء تتخللها محطات دائرية وتعبر نهرًا أزرق فاتحًا",
        },
        "caption": {
            "en": "The night lines now stop beside the housing blocks near the old harbour.",
            "nl": "De nachtlijnen stoppen nu naast de woonblokken bij de oude haven.",
            "de": "Die Nachtlinien halten jetzt direkt an den Wohnblöcken beim alten Hafen.",
            "fr": "Les lignes de nuit s'arrêtent désormais au pied des immeubles, près du vieux"
            " port.",
            "ar": "تتوقف الخطوط الليلية الآن بجوار المجمعات السكنية قرب الميناء القديم.",
        },
    },
    "wave-heights": {
        "kind": "bars",
        "palette": ["#f4f6f6", "#c9d3d6", "#90a4ae", "#00796b"],
        "seed": 202,
        "title": "Wave heights behind the reef in five storms",
        "alt": {
            "en": "Chart: five pairs of bars; in every pair the teal bar is about a fifth shorter"
            " than the grey one",
            "nl": "Grafiek: vijf paren staven; in elk paar is de groenblauwe staaf ongeveer een"
            " vijfde korter dan de grijze",
            "de": "Diagramm: fünf Balkenpaare; in jedem Paar ist der türkisfarbene Balken etwa ein"
            " Fünftel kürzer als der graue",
            "fr": "Graphique : cinq paires de barres ; dans chaque paire, la barre turquoise est"
            " environ un cinquième plus courte que la grise",
            "ar": "رسم بياني: خمسة أزواج من الأعمدة، وفي كل زوج يقصر العمود الفيروزي عن الرمادي"
            " بنحو الخُمس",
        },
        "caption": {
            "en": "Average wave height in last winter's five named storms, on an unprotected"
            " stretch (grey) and behind the reef (teal).",
            "nl": "Gemiddelde golfhoogte tijdens de vijf stormen met een naam van afgelopen"
            " winter, op een onbeschermd stuk (grijs) en achter het rif (groenblauw).",
            "de": "Durchschnittliche Wellenhöhe bei den fünf benannten Stürmen des vergangenen"
            " Winters, an einem ungeschützten Abschnitt (grau) und hinter dem Riff (türkis).",
            "fr": "Hauteur moyenne des vagues pendant les cinq tempêtes baptisées de l'hiver"
            " dernier, sur un tronçon non protégé (gris) et derrière le récif (turquoise).",
            "ar": "متوسط ارتفاع الأمواج خلال العواصف الخمس المسمّاة في الشتاء الماضي، على امتداد"
            " غير محمي (بالرمادي) وخلف الشعاب (بالفيروزي).",
        },
    },
    "dead-fish": {
        "kind": "shore",
        "palette": ["#6fcf4a", "#2e7d32", "#d8c9a3", "#c2b280", "#c9d1d5", "#7d8a91"],
        "seed": 203,
        "title": "Dead fish on the lake shore",
        "alt": {
            "en": "Illustration: pale grey fish lying on the sand at the edge of bright green"
            " water",
            "nl": "Illustratie: lichtgrijze vissen die op het zand liggen aan de rand van"
            " felgroen water",
            "de": "Illustration: hellgraue Fische, die am Rand von leuchtend grünem Wasser im Sand"
            " liegen",
            "fr": "Illustration : des poissons gris pâle gisant sur le sable au bord d'une eau"
            " vert vif",
            "ar": "رسم توضيحي: أسماك رمادية شاحبة ملقاة على الرمل عند حافة مياه خضراء زاهية",
        },
        "caption": {
            "en": "Dead fish washed up near the inlet in the second week of the bloom.",
            "nl": "In de tweede week van de blauwalgbloei spoelden bij de inlaat dode vissen aan.",
            "de": "In der zweiten Woche der Blaualgenblüte wurden am Zulauf tote Fische angespült.",
            "fr": "Des poissons morts se sont échoués près de l'arrivée d'eau pendant la deuxième"
            " semaine de la prolifération.",
            "ar": "جرفت المياه أسماكًا نافقة قرب مدخل البحيرة في الأسبوع الثاني من تكاثر الطحالب.",
        },
        "content_warning": {
            "en": "Shows dead fish.",
            "nl": "Toont dode vissen.",
            "de": "Zeigt tote Fische.",
            "fr": "Montre des poissons morts.",
            "ar": "تظهر فيها أسماك نافقة.",
        },
    },
}

# Videos placed in stories. The addresses are invented: nothing is loaded from them unless a
# reader clicks the placeholder, which is drawn locally.
EMBEDS = {
    "choir-rehearsal": {
        "url": "https://www.youtube.com/watch?v=Qm3vK8xLp2A",
        "title": {
            "en": "The choir rehearses its lullaby in five languages",
            "nl": "Het koor repeteert zijn slaapliedje in vijf talen",
            "de": "Der Chor probt sein Wiegenlied in fünf Sprachen",
            "fr": "La chorale répète sa berceuse en cinq langues",
            "ar": "الجوقة تتدرّب على تهويدتها بخمس لغات",
        },
        "caption": {
            "en": "A Tuesday rehearsal in the school hall, three weeks before the concert.",
            "nl": "Een dinsdagrepetitie in de aula van de school, drie weken voor het concert.",
            "de": "Eine Dienstagsprobe in der Schulaula, drei Wochen vor dem Konzert.",
            "fr": "Une répétition du mardi dans la salle de l'école, trois semaines avant le"
            " concert.",
            "ar": "بروفة يوم الثلاثاء في قاعة المدرسة، قبل الحفل بثلاثة أسابيع.",
        },
    },
    "flood-rescue": {
        "url": "https://vimeo.com/824613597",
        "title": {
            "en": "Crews from both towns at last spring's flood",
            "nl": "Ploegen uit beide steden bij de overstroming van afgelopen voorjaar",
            "de": "Einsatzkräfte aus beiden Städten beim Hochwasser im vergangenen Frühjahr",
            "fr": "Les équipes des deux villes pendant la crue du printemps dernier",
            "ar": "فرق من البلدتين خلال فيضان الربيع الماضي",
        },
        "caption": {
            "en": "Before the shared station opened, both crews first worked together when the"
            " river flooded the lower streets.",
            "nl": "Nog voor de gezamenlijke kazerne openging, werkten beide ploegen voor het"
            " eerst samen toen de rivier de lage straten overstroomde.",
            "de": "Schon vor der Eröffnung der gemeinsamen Wache arbeiteten beide Mannschaften"
            " zum ersten Mal zusammen, als der Fluss die tiefer gelegenen Straßen überflutete.",
            "fr": "Avant même l'ouverture de la caserne commune, les deux équipes ont travaillé"
            " ensemble pour la première fois lorsque le fleuve a inondé les rues basses.",
            "ar": "قبل افتتاح المركز المشترك، عمل الفريقان معًا لأول مرة حين غمر النهر الشوارع"
            " المنخفضة.",
        },
        "content_warning": {
            "en": "Contains images of flood damage and injured animals.",
            "nl": "Bevat beelden van overstromingsschade en gewonde dieren.",
            "de": "Enthält Bilder von Hochwasserschäden und verletzten Tieren.",
            "fr": "Contient des images de dégâts causés par l'inondation et d'animaux blessés.",
            "ar": "يحتوي على مشاهد لأضرار الفيضان ولحيوانات مصابة.",
        },
    },
}
