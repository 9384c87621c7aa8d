"""The demo articles, written for this project in English, Dutch, German, French and Arabic.

Bodies use a tiny markup turned into HTML by `articles.demo.seed.body_html`: blocks are
separated by blank lines, "## " starts a subheading and "> " a block quote, and a block
"[[picture KEY]]" or "[[video KEY]]" places one of the story's "placements" there (each
language's text says where, as an editor's reference in the body does).

Some stories deliberately lack a language so the visibility rules show on the demo site:
two have no German version, one has no Arabic, one was written in Dutch, one is scheduled
for later and one is still a draft.

A story's "placements" are the pictures (content.FIGURES) and videos (content.EMBEDS) its
bodies place, with their captions for this story; "content_warning" is shown above the story
in each language.
"""

PUBLISHED, SCHEDULED, DRAFT = "published", "scheduled", "draft"

STORIES = [
    {
        "section": "cities",
        "source": "en",
        "authors": ["mara-jansen", "newsroom-staff"],
        "tags": ["public-transport", "community"],
        "image": "night-buses",
        # Placed items go where each language's body has its "[[picture ...]]" block.
        "placements": [{"image": "night-lines"}],
        "status": PUBLISHED,
        "hours_ago": 5,
        "text": {
            "en": {
                "title": "Night buses return to the river district",
                "standfirst": "After two years without a late service, three night lines start"
                " running again on Friday, this time with smaller electric buses.",
                "body": """
For the first time in two years, residents of the river district will be able to take a bus home
after midnight. Three night lines return on Friday and run every thirty minutes until five in the
morning.

The return follows a petition signed by more than four thousand residents. One of its organisers, a
nurse who works night shifts, put it simply:

> Nurses, cooks and cleaners finish work when the trams have stopped. They asked for this, and they
kept asking.

## Smaller buses, more stops

The transport company is using sixteen-seat electric buses instead of the long diesel buses it
withdrew two years ago. Smaller buses can turn in the narrow streets near the old harbour, so the
lines now stop closer to the housing blocks.

[[picture night-lines]]

The service is a one-year trial. Passenger numbers will be published every month, and the council
will decide next autumn whether to keep the lines.
""",
            },
            "nl": {
                "title": "Nachtbussen rijden weer in de rivierwijk",
                "standfirst": "Na twee jaar zonder late dienst gaan er vanaf vrijdag weer drie"
                " nachtlijnen rijden, dit keer met kleinere elektrische bussen.",
                "body": """
Voor het eerst in twee jaar kunnen bewoners van de rivierwijk na middernacht weer met de bus naar
huis. Vanaf vrijdag rijden er opnieuw drie nachtlijnen, elk halfuur, tot vijf uur 's ochtends.

De terugkeer volgt op een petitie die door meer dan vierduizend bewoners is ondertekend. Een van de
initiatiefnemers, een verpleegkundige die nachtdiensten draait, zei het eenvoudig:

> Verpleegkundigen, koks en schoonmakers zijn klaar met werken als de trams al stilstaan. Zij
hebben hierom gevraagd, en ze bleven erom vragen.

## Kleinere bussen, meer haltes

Het vervoerbedrijf zet elektrische bussen met zestien zitplaatsen in, in plaats van de lange
dieselbussen die twee jaar geleden uit dienst gingen. Kleinere bussen kunnen keren in de smalle
straten bij de oude haven, zodat de lijnen nu dichter bij de woonblokken stoppen.

[[picture night-lines]]

De dienst is een proef van een jaar. Het aantal reizigers wordt elke maand gepubliceerd en de
gemeenteraad beslist volgend najaar of de lijnen blijven.
""",
            },
            "de": {
                "title": "Nachtbusse fahren wieder ins Flussviertel",
                "standfirst": "Nach zwei Jahren ohne späte Verbindung fahren ab Freitag wieder"
                " drei Nachtlinien – diesmal mit kleineren Elektrobussen.",
                "body": """
Zum ersten Mal seit zwei Jahren können die Bewohner des Flussviertels nach Mitternacht wieder mit
dem Bus nach Hause fahren. Ab Freitag verkehren erneut drei Nachtlinien, alle dreißig Minuten bis
fünf Uhr morgens.

Die Rückkehr folgt auf eine Petition, die mehr als viertausend Anwohner unterschrieben haben. Eine
der Initiatorinnen, eine Krankenpflegerin im Nachtdienst, brachte es auf den Punkt:

> Pflegekräfte, Köche und Reinigungskräfte haben Feierabend, wenn keine Straßenbahn mehr fährt. Sie
haben darum gebeten, und sie haben nicht aufgehört zu bitten.

## Kleinere Busse, mehr Haltestellen

Das Verkehrsunternehmen setzt Elektrobusse mit sechzehn Sitzplätzen ein statt der langen
Dieselbusse, die vor zwei Jahren aus dem Verkehr gezogen wurden. Kleinere Busse können in den engen
Straßen am alten Hafen wenden, deshalb halten die Linien jetzt näher an den Wohnblöcken.

[[picture night-lines]]

Der Betrieb ist ein einjähriger Versuch. Die Fahrgastzahlen werden jeden Monat veröffentlicht, und
der Stadtrat entscheidet im nächsten Herbst, ob die Linien bleiben.
""",
            },
            "fr": {
                "title": "Les bus de nuit reviennent dans le quartier du fleuve",
                "standfirst": "Après deux ans sans service tardif, trois lignes de nuit"
                " reprennent vendredi, cette fois avec de petits bus électriques.",
                "body": """
Pour la première fois depuis deux ans, les habitants du quartier du fleuve pourront rentrer chez
eux en bus après minuit. Trois lignes de nuit reprennent vendredi, avec un passage toutes les
trente minutes jusqu'à cinq heures du matin.

Ce retour fait suite à une pétition signée par plus de quatre mille habitants. L'une de ses
initiatrices, infirmière de nuit, le résume simplement :

> Les infirmières, les cuisiniers et les agents d'entretien finissent leur travail quand les
tramways ne circulent plus. Ils l'ont demandé, et ils ont continué à le demander.

## Des bus plus petits, plus d'arrêts

La compagnie de transport utilise des bus électriques de seize places au lieu des longs bus diesel
retirés il y a deux ans. Les petits bus peuvent faire demi-tour dans les rues étroites près du
vieux port : les lignes s'arrêtent donc plus près des immeubles.

[[picture night-lines]]

Le service est un essai d'un an. La fréquentation sera publiée chaque mois, et le conseil municipal
décidera l'automne prochain du maintien des lignes.
""",
            },
            "ar": {
                "title": "عودة حافلات الليل إلى حي النهر",
                "standfirst": "بعد عامين دون خدمة متأخرة، تعود ثلاثة خطوط ليلية إلى العمل يوم"
                " الجمعة، وهذه المرة بحافلات كهربائية أصغر.",
                "body": """
للمرة الأولى منذ عامين، سيتمكن سكان حي النهر من العودة إلى منازلهم بالحافلة بعد منتصف الليل. تعود
ثلاثة خطوط ليلية يوم الجمعة، بحافلة كل ثلاثين دقيقة حتى الخامسة صباحًا.

تأتي هذه العودة بعد عريضة وقّعها أكثر من أربعة آلاف من السكان. وقالت إحدى منظِّماتها، وهي ممرضة
تعمل في النوبات الليلية:

> الممرضات والطهاة وعمال النظافة ينهون عملهم بعد توقف الترام. لقد طالبوا بهذه الخدمة، وواصلوا
المطالبة بها.

## حافلات أصغر ومحطات أكثر

تستخدم شركة النقل حافلات كهربائية تتسع لستة عشر راكبًا بدلًا من حافلات الديزل الطويلة التي سحبتها
من الخدمة قبل عامين. وتستطيع الحافلات الصغيرة الالتفاف في الشوارع الضيقة قرب الميناء القديم، لذلك
صارت الخطوط تتوقف بالقرب من المباني السكنية.

[[picture night-lines]]

الخدمة تجربة لمدة عام واحد. ستُنشر أعداد الركاب كل شهر، وسيقرر المجلس البلدي في الخريف المقبل ما
إذا كانت الخطوط ستستمر.
""",
            },
        },
    },
    {
        "section": "climate",
        "source": "en",
        "authors": ["camille-laurent"],
        "tags": ["flooding", "biodiversity"],
        "image": "oyster-reef",
        "placements": [
            {
                "image": "wave-heights",
                # Only some languages replace the chart's own caption in this story; the
                # others show the caption from the library.
                "caption": {
                    "en": "Behind the reef, waves were lower in each of the five storms, not"
                    " only on average.",
                    "nl": "Achter het rif waren de golven in elk van de vijf stormen lager, niet"
                    " alleen gemiddeld.",
                    "de": "Hinter dem Riff waren die Wellen in jedem der fünf Stürme niedriger,"
                    " nicht nur im Durchschnitt.",
                },
            }
        ],
        "status": PUBLISHED,
        "hours_ago": 28,
        "text": {
            "en": {
                "title": "Oyster reefs on the sea wall come through their first winter",
                "standfirst": "A trial that grows oyster reefs along the old sea wall has"
                " survived its first storm season. Engineers call the results encouraging, but"
                " not yet proof.",
                "body": """
Eighteen months ago, engineers fixed concrete frames to a four-hundred-metre stretch of the old sea
wall and seeded them with young oysters. The idea is simple: a living reef breaks the waves before
they reach the wall.

## What the measurements show

After a winter with five named storms, sensors behind the reef recorded waves that were on average
a fifth lower than on an unprotected stretch nearby. The oysters themselves did better than
expected, and crabs and small fish have moved in.

[[picture wave-heights]]

> One winter is a promising start. We need at least three before we can tell the city what to build.

That was the verdict of the project's lead engineer, who warned that a single mild year can make
any coastal defence look better than it is. The trial continues until 2027.
""",
            },
            "nl": {
                "title": "Oesterriffen langs de zeewering doorstaan hun eerste winter",
                "standfirst": "Een proef met oesterriffen langs de oude zeewering heeft het"
                " eerste stormseizoen overleefd. Ingenieurs noemen de resultaten bemoedigend,"
                " maar nog geen bewijs.",
                "body": """
Achttien maanden geleden bevestigden ingenieurs betonnen frames aan een stuk van vierhonderd meter
van de oude zeewering en plaatsten er jonge oesters op. Het idee is eenvoudig: een levend rif
breekt de golven voordat ze de muur bereiken.

## Wat de metingen laten zien

Na een winter met vijf stormen met een naam registreerden sensoren achter het rif golven die
gemiddeld een vijfde lager waren dan op een onbeschermd stuk in de buurt. De oesters zelf deden het
beter dan verwacht, en er hebben zich krabben en kleine vissen gevestigd.

[[picture wave-heights]]

> Eén winter is een veelbelovend begin. We hebben er minstens drie nodig voordat we de stad kunnen
vertellen wat er gebouwd moet worden.

Dat was het oordeel van de hoofdingenieur van het project, die waarschuwde dat één zacht jaar elke
kustverdediging beter laat lijken dan ze is. De proef loopt door tot 2027.
""",
            },
            "de": {
                "title": "Austernriffe an der alten Seemauer überstehen ihren ersten Winter",
                "standfirst": "Ein Versuch mit Austernriffen entlang der alten Seemauer hat die"
                " erste Sturmsaison überstanden. Die Ingenieure nennen die Ergebnisse"
                " ermutigend, aber noch keinen Beweis.",
                "body": """
Vor achtzehn Monaten befestigten Ingenieure Betonrahmen an einem vierhundert Meter langen Abschnitt
der alten Seemauer und besetzten sie mit jungen Austern. Die Idee ist einfach: Ein lebendes Riff
bricht die Wellen, bevor sie die Mauer erreichen.

## Was die Messungen zeigen

Nach einem Winter mit fünf benannten Stürmen zeichneten Sensoren hinter dem Riff Wellen auf, die im
Durchschnitt ein Fünftel niedriger waren als an einem ungeschützten Abschnitt in der Nähe. Die
Austern selbst entwickelten sich besser als erwartet, und Krebse und kleine Fische haben sich
angesiedelt.

[[picture wave-heights]]

> Ein Winter ist ein vielversprechender Anfang. Wir brauchen mindestens drei, bevor wir der Stadt
sagen können, was sie bauen soll.

So lautete das Urteil des leitenden Ingenieurs des Projekts, der davor warnte, dass ein einziges
mildes Jahr jeden Küstenschutz besser aussehen lässt, als er ist. Der Versuch läuft bis 2027
weiter.
""",
            },
            "fr": {
                "title": "Les récifs d'huîtres de la vieille digue passent leur premier hiver",
                "standfirst": "Un essai qui fait pousser des récifs d'huîtres le long de la"
                " vieille digue a survécu à sa première saison des tempêtes. Les ingénieurs"
                " jugent les résultats encourageants, mais pas encore concluants.",
                "body": """
Il y a dix-huit mois, des ingénieurs ont fixé des cadres en béton sur quatre cents mètres de la
vieille digue et y ont installé de jeunes huîtres. L'idée est simple : un récif vivant brise les
vagues avant qu'elles n'atteignent le mur.

## Ce que montrent les mesures

Après un hiver marqué par cinq tempêtes baptisées, des capteurs placés derrière le récif ont
enregistré des vagues en moyenne un cinquième moins hautes que sur une portion non protégée toute
proche. Les huîtres elles-mêmes se portent mieux que prévu, et des crabes et de petits poissons s'y
sont installés.

[[picture wave-heights]]

> Un hiver, c'est un début prometteur. Il nous en faut au moins trois avant de pouvoir dire à la
ville ce qu'il faut construire.

C'est le verdict de l'ingénieur en chef du projet, qui prévient qu'une seule année clémente peut
faire paraître n'importe quelle défense côtière meilleure qu'elle ne l'est. L'essai se poursuit
jusqu'en 2027.
""",
            },
            "ar": {
                "title": "شعاب المحار على الجدار البحري تجتاز شتاءها الأول",
                "standfirst": "نجت تجربة لزراعة شعاب المحار على امتداد الجدار البحري القديم من"
                " موسم العواصف الأول. ويصف المهندسون النتائج بأنها مشجعة، لكنها ليست دليلًا"
                " قاطعًا بعد.",
                "body": """
قبل ثمانية عشر شهرًا، ثبّت مهندسون أطرًا خرسانية على امتداد أربعمئة متر من الجدار البحري القديم،
ووضعوا فيها محارًا صغيرًا. والفكرة بسيطة: الشعاب الحية تكسر الأمواج قبل أن تصل إلى الجدار.

## ماذا تُظهر القياسات

بعد شتاء شهد خمس عواصف تحمل أسماء، سجّلت أجهزة استشعار خلف الشعاب أمواجًا أقل ارتفاعًا بمقدار
الخُمس في المتوسط مقارنةً بجزء غير محمي قريب. وكان أداء المحار نفسه أفضل من المتوقع، واستقرت فيه
السرطانات والأسماك الصغيرة.

[[picture wave-heights]]

> شتاء واحد بداية واعدة. نحتاج إلى ثلاثة على الأقل قبل أن نقول للمدينة ما الذي ينبغي بناؤه.

هذا ما خلص إليه كبير مهندسي المشروع، الذي حذّر من أن عامًا معتدلًا واحدًا قد يجعل أي دفاع ساحلي
يبدو أفضل مما هو عليه. وتستمر التجربة حتى عام 2027.
""",
            },
        },
    },
    {
        # No German version: visible in four languages only.
        "section": "science",
        "source": "en",
        "authors": ["elias-brandt"],
        "tags": ["citizen-science", "biodiversity"],
        "image": "moth-night",
        "status": PUBLISHED,
        "hours_ago": 52,
        "text": {
            "en": {
                "title": "Volunteers count 40,000 moths in a single summer night",
                "standfirst": "Two hundred volunteers with white sheets and lamps took part in"
                " the city's first moth night. The count will help ecologists see which species"
                " are coming back.",
                "body": """
On the shortest night of the year, two hundred volunteers hung white sheets in gardens, parks and
on balconies, switched on lamps and waited. By dawn they had counted just over forty thousand moths
of more than three hundred species.

## Why moths matter

Moths pollinate plants at night and feed birds and bats. Because many species react quickly to
changes in light, heat and planting, they are an early signal of how a neighbourhood is doing.

The ecologists who organised the count were most pleased with the balconies: even on the tenth
floor, volunteers recorded dozens of species. All records are published as open data, and the count
will be repeated next June.
""",
            },
            "nl": {
                "title": "Vrijwilligers tellen 40.000 nachtvlinders in één zomernacht",
                "standfirst": "Tweehonderd vrijwilligers met witte lakens en lampen deden mee aan"
                " de eerste nachtvlindernacht van de stad. De telling helpt ecologen te zien"
                " welke soorten terugkomen.",
                "body": """
In de kortste nacht van het jaar hingen tweehonderd vrijwilligers witte lakens op in tuinen, parken
en op balkons, deden de lampen aan en wachtten. Tegen de ochtend hadden ze ruim veertigduizend
nachtvlinders geteld, van meer dan driehonderd soorten.

## Waarom nachtvlinders ertoe doen

Nachtvlinders bestuiven 's nachts planten en zijn voedsel voor vogels en vleermuizen. Omdat veel
soorten snel reageren op veranderingen in licht, warmte en beplanting, geven ze een vroeg signaal
over hoe het met een buurt gaat.

De ecologen die de telling organiseerden, waren het meest te spreken over de balkons: zelfs op de
tiende verdieping noteerden vrijwilligers tientallen soorten. Alle waarnemingen worden als open
data gepubliceerd, en de telling wordt volgend jaar in juni herhaald.
""",
            },
            "fr": {
                "title": "Des bénévoles comptent 40 000 papillons de nuit en une seule nuit d'été",
                "standfirst": "Deux cents bénévoles équipés de draps blancs et de lampes ont"
                " participé à la première nuit des papillons de la ville. Le comptage aidera les"
                " écologues à savoir quelles espèces reviennent.",
                "body": """
Pendant la nuit la plus courte de l'année, deux cents bénévoles ont tendu des draps blancs dans des
jardins, des parcs et sur des balcons, ont allumé des lampes et ont attendu. À l'aube, ils avaient
compté un peu plus de quarante mille papillons de nuit, appartenant à plus de trois cents espèces.

## Pourquoi les papillons de nuit comptent

Les papillons de nuit pollinisent les plantes la nuit et nourrissent oiseaux et chauves-souris.
Comme beaucoup d'espèces réagissent vite aux changements de lumière, de chaleur et de végétation,
ils renseignent tôt sur l'état d'un quartier.

Les écologues qui ont organisé le comptage ont surtout été ravis par les balcons : même au dixième
étage, des bénévoles ont relevé des dizaines d'espèces. Toutes les observations sont publiées en
données ouvertes, et le comptage sera renouvelé en juin prochain.
""",
            },
            "ar": {
                "title": "متطوعون يُحصون 40 ألف فراشة ليلية في ليلة صيفية واحدة",
                "standfirst": "شارك مئتا متطوع بملاءات بيضاء ومصابيح في أول ليلة لرصد الفراشات"
                " الليلية في المدينة. وسيساعد الإحصاء علماء البيئة على معرفة الأنواع التي بدأت"
                " تعود.",
                "body": """
في أقصر ليلة من السنة، علّق مئتا متطوع ملاءات بيضاء في الحدائق والمتنزهات وعلى الشرفات، وأضاؤوا
المصابيح وانتظروا. ومع الفجر كانوا قد أحصوا ما يزيد قليلًا على أربعين ألف فراشة ليلية من أكثر من
ثلاثمئة نوع.

## لماذا تهمّ الفراشات الليلية

تلقّح الفراشات الليلية النباتات في الليل، وهي غذاء للطيور والخفافيش. ولأن أنواعًا كثيرة منها تتأثر
بسرعة بتغيّر الضوء والحرارة والغطاء النباتي، فهي إشارة مبكرة إلى حال الحي.

وكان أكثر ما أسعد علماء البيئة الذين نظّموا الإحصاء هو الشرفات: فحتى في الطابق العاشر سجّل
المتطوعون عشرات الأنواع. وتُنشر جميع الملاحظات بيانات مفتوحة، وسيتكرر الإحصاء في يونيو المقبل.
""",
            },
        },
    },
    {
        # Written in Dutch; the other four languages are translations.
        "section": "culture",
        "source": "nl",
        "authors": ["mara-jansen"],
        "tags": ["libraries", "community"],
        "image": "tool-library",
        "status": PUBLISHED,
        "hours_ago": 76,
        "text": {
            "nl": {
                "title": "De bibliotheek die boormachines en ladders uitleent",
                "standfirst": "In de bibliotheek aan het Havenplein kun je sinds dit voorjaar"
                " niet alleen boeken lenen, maar ook gereedschap. De wachtlijst voor de"
                " hogedrukreiniger is drie weken.",
                "body": """
Tussen de kookboeken en de reisgidsen staat sinds maart een rek met boormachines, ladders,
naaimachines en een tegelsnijder. Wie een bibliotheekpas heeft, mag ze een week lenen, net als een
boek.

## Van idee tot uitleenbalie

Het idee kwam van een groep buurtbewoners die vond dat niemand een eigen boormachine nodig heeft
die één keer per jaar wordt gebruikt. De bibliotheek stelde ruimte beschikbaar; vrijwilligers
controleren elk apparaat wanneer het wordt teruggebracht.

> Mensen komen voor een ladder en gaan naar huis met een boek over tuinieren. Zo was het niet
bedoeld, maar we vinden het prachtig.

Dat zegt een van de medewerkers aan de uitleenbalie. Inmiddels hebben meer dan negenhonderd leden
iets geleend. Het populairst is de hogedrukreiniger: daarvoor is de wachtlijst drie weken.
""",
            },
            "en": {
                "title": "The library that lends out drills and ladders",
                "standfirst": "Since this spring, the library on Havenplein has been lending"
                " tools as well as books. The waiting list for the pressure washer is three"
                " weeks long.",
                "body": """
Between the cookery books and the travel guides, there has been a rack of drills, ladders, sewing
machines and a tile cutter since March. Anyone with a library card may borrow them for a week, just
like a book.

## From idea to lending desk

The idea came from a group of neighbours who felt that nobody needs to own a drill that is used
once a year. The library offered the space; volunteers check every tool when it comes back.

> People come in for a ladder and go home with a book about gardening. That was not the plan, but
we love it.

So says one of the staff at the lending desk. More than nine hundred members have borrowed
something so far. The most popular item is the pressure washer, with a three-week waiting list.
""",
            },
            "de": {
                "title": "Die Bibliothek, die Bohrmaschinen und Leitern verleiht",
                "standfirst": "Seit diesem Frühjahr verleiht die Bibliothek am Havenplein nicht"
                " nur Bücher, sondern auch Werkzeug. Auf den Hochdruckreiniger wartet man drei"
                " Wochen.",
                "body": """
Zwischen den Kochbüchern und den Reiseführern steht seit März ein Regal mit Bohrmaschinen, Leitern,
Nähmaschinen und einem Fliesenschneider. Wer einen Bibliotheksausweis hat, darf sie eine Woche lang
ausleihen, genau wie ein Buch.

## Von der Idee zur Ausleihtheke

Die Idee stammt von einer Gruppe von Nachbarn, die fanden, dass niemand eine eigene Bohrmaschine
braucht, die einmal im Jahr benutzt wird. Die Bibliothek stellte den Platz zur Verfügung;
Freiwillige prüfen jedes Gerät, wenn es zurückgebracht wird.

> Die Leute kommen wegen einer Leiter und gehen mit einem Buch über Gartenarbeit nach Hause. So war
das nicht geplant, aber wir finden es wunderbar.

Das sagt eine Mitarbeiterin an der Ausleihtheke. Inzwischen haben mehr als neunhundert Mitglieder
etwas ausgeliehen. Am beliebtesten ist der Hochdruckreiniger: Die Warteliste dafür ist drei Wochen
lang.
""",
            },
            "fr": {
                "title": "La bibliothèque qui prête des perceuses et des échelles",
                "standfirst": "Depuis ce printemps, la bibliothèque du Havenplein prête des"
                " outils en plus des livres. Pour le nettoyeur haute pression, il faut attendre"
                " trois semaines.",
                "body": """
Entre les livres de cuisine et les guides de voyage, un rayonnage accueille depuis mars des
perceuses, des échelles, des machines à coudre et un coupe-carrelage. Toute personne munie d'une
carte de bibliothèque peut les emprunter pour une semaine, comme un livre.

## De l'idée au guichet de prêt

L'idée vient d'un groupe de voisins pour qui personne n'a besoin de posséder une perceuse qui ne
sert qu'une fois par an. La bibliothèque a fourni l'espace ; des bénévoles vérifient chaque outil à
son retour.

> Les gens viennent chercher une échelle et repartent avec un livre sur le jardinage. Ce n'était
pas prévu, mais nous adorons ça.

C'est ce que raconte une employée du guichet de prêt. Plus de neuf cents membres ont déjà emprunté
quelque chose. L'objet le plus demandé est le nettoyeur haute pression, avec trois semaines de
liste d'attente.
""",
            },
            "ar": {
                "title": "المكتبة التي تُعير المثاقب والسلالم",
                "standfirst": "منذ هذا الربيع، لم تعد المكتبة في ساحة هافنبلاين تُعير الكتب"
                " فقط، بل الأدوات أيضًا. وقائمة الانتظار لآلة الغسيل بالضغط العالي تمتد ثلاثة"
                " أسابيع.",
                "body": """
بين كتب الطبخ وأدلة السفر، يقف منذ مارس رف عليه مثاقب وسلالم وماكينات خياطة وآلة لقص البلاط. ويحق
لكل من يحمل بطاقة المكتبة أن يستعيرها لمدة أسبوع، تمامًا مثل الكتاب.

## من فكرة إلى مكتب الإعارة

جاءت الفكرة من مجموعة من الجيران رأوا أن أحدًا لا يحتاج إلى امتلاك مثقاب لا يُستخدم إلا مرة في
السنة. ووفّرت المكتبة المكان، ويفحص متطوعون كل أداة عند إعادتها.

> يأتي الناس من أجل سلّم ويعودون إلى بيوتهم ومعهم كتاب عن البستنة. لم يكن هذا مخططًا له، لكنه
يسعدنا كثيرًا.

هذا ما تقوله إحدى العاملات في مكتب الإعارة. وحتى الآن استعار أكثر من تسعمئة عضو شيئًا ما. وأكثر
الأدوات طلبًا هي آلة الغسيل بالضغط العالي، وقائمة انتظارها ثلاثة أسابيع.
""",
            },
        },
    },
    {
        # No German version.
        "section": "world",
        "source": "en",
        "authors": ["nadia-haddad"],
        "tags": ["borders", "emergency-services"],
        "image": "fire-brigade",
        "placements": [{"embed": "flood-rescue"}],
        "status": PUBLISHED,
        "hours_ago": 100,
        "text": {
            "en": {
                "title": "Two border towns now share one fire brigade",
                "standfirst": "Firefighters from both banks of the river now work from a single"
                " station on the bridge road. The first month brought faster call-outs and a"
                " few language lessons.",
                "body": """
For decades, the two towns on either side of the river each kept a small volunteer fire brigade,
and each struggled to find enough people for the night shifts. Since the first of the month, they
have shared one station on the bridge road, staffed by crews from both countries.

[[video flood-rescue]]

## One radio, two languages

Emergency calls from either town now reach the same control room. Crews have learned each other's
words for the most important equipment, and every fire engine carries a small card with both.

> A fire does not check passports. It made no sense to drive past our neighbours' houses to reach
our own side.

Those were the words of the joint station's first commander. In the first month, crews reached
emergencies on average four minutes sooner than last year.
""",
            },
            "nl": {
                "title": "Twee grenssteden delen voortaan één brandweerkorps",
                "standfirst": "Brandweerlieden van beide oevers van de rivier werken nu vanuit"
                " één kazerne aan de brugweg. De eerste maand leverde snellere uitrukken en een"
                " paar taallessen op.",
                "body": """
Decennialang had elk van de twee steden aan weerszijden van de rivier een eigen kleine vrijwillige
brandweer, en beide hadden moeite om genoeg mensen te vinden voor de nachtdiensten. Sinds het begin
van de maand delen ze één kazerne aan de brugweg, bemand door ploegen uit beide landen.

[[video flood-rescue]]

## Eén radio, twee talen

Noodoproepen uit beide steden komen nu binnen bij dezelfde meldkamer. De ploegen hebben elkaars
woorden voor het belangrijkste materieel geleerd, en in elke brandweerwagen ligt een kaartje met
beide.

> Een brand kijkt niet naar paspoorten. Het was onzinnig om langs de huizen van onze buren te
rijden om bij onze eigen kant te komen.

Dat zei de eerste commandant van de gezamenlijke kazerne. In de eerste maand waren de ploegen
gemiddeld vier minuten eerder ter plaatse dan vorig jaar.
""",
            },
            "fr": {
                "title": "Deux villes frontalières partagent désormais une seule caserne de"
                " pompiers",
                "standfirst": "Des pompiers des deux rives du fleuve travaillent maintenant"
                " depuis une seule caserne sur la route du pont. Le premier mois a apporté des"
                " interventions plus rapides et quelques leçons de langue.",
                "body": """
Pendant des décennies, les deux villes situées de part et d'autre du fleuve avaient chacune une
petite brigade de pompiers volontaires, et chacune peinait à trouver assez de monde pour les gardes
de nuit. Depuis le début du mois, elles partagent une seule caserne sur la route du pont, avec des
équipes venues des deux pays.

[[video flood-rescue]]

## Une radio, deux langues

Les appels d'urgence des deux villes arrivent désormais au même centre de traitement. Les équipes
ont appris les mots de l'autre pour le matériel le plus important, et chaque camion transporte une
petite fiche avec les deux.

> Le feu ne vérifie pas les passeports. Cela n'avait aucun sens de passer devant les maisons de nos
voisins pour rejoindre notre côté.

Ce sont les mots du premier commandant de la caserne commune. Au cours du premier mois, les équipes
sont arrivées sur les lieux en moyenne quatre minutes plus tôt que l'an dernier.
""",
            },
            "ar": {
                "title": "بلدتان حدوديتان تتقاسمان الآن فرقة إطفاء واحدة",
                "standfirst": "يعمل رجال إطفاء من ضفتي النهر الآن انطلاقًا من مركز واحد على طريق"
                " الجسر. وجلب الشهر الأول استجابة أسرع وبعض دروس اللغة.",
                "body": """
على مدى عقود، احتفظت كل من البلدتين الواقعتين على ضفتي النهر بفرقة إطفاء تطوعية صغيرة، وكانت
كلتاهما تجد صعوبة في توفير عدد كافٍ من الأشخاص للمناوبات الليلية. ومنذ بداية الشهر، تتقاسم البلدتان
مركزًا واحدًا على طريق الجسر، تعمل فيه فرق من البلدين.

[[video flood-rescue]]

## لاسلكي واحد ولغتان

تصل مكالمات الطوارئ من البلدتين الآن إلى غرفة التحكم نفسها. وتعلّمت الفرق كلمات بعضها البعض لأهم
المعدات، وتحمل كل سيارة إطفاء بطاقة صغيرة بالكلمات في اللغتين.

> النار لا تتحقق من جوازات السفر. لم يكن من المعقول أن نمرّ أمام بيوت جيراننا لنصل إلى جهتنا.

هذه كلمات أول قائد للمركز المشترك. وفي الشهر الأول، وصلت الفرق إلى حالات الطوارئ أسرع بأربع دقائق
في المتوسط مقارنة بالعام الماضي.
""",
            },
        },
    },
    {
        # No Arabic version.
        "section": "climate",
        "source": "en",
        "authors": ["camille-laurent", "newsroom-staff"],
        "tags": ["heat", "urban-trees"],
        "image": "heat-map",
        "status": PUBLISHED,
        "hours_ago": 124,
        "text": {
            "en": {
                "title": "Heat maps show where the city will plant its next trees",
                "standfirst": "Satellite measurements from the hottest afternoons of last summer"
                " reveal streets up to eight degrees warmer than nearby parks. The planting plan"
                " now follows the map.",
                "body": """
The city's new tree plan starts from a simple question: where does a hot day hurt most? To answer
it, the environment department combined satellite measurements from last summer's hottest
afternoons with a list of the streets where older people and young children live.

## Eight degrees of difference

The map shows paved squares and wide roads without shade up to eight degrees warmer than parks a
few hundred metres away. Those streets will get the first of the two thousand trees planned for the
next three years.

Residents can suggest places on the city's website until the end of the month. Every suggestion is
checked against the pipes and cables under the pavement, which often decide where a tree can
actually go.
""",
            },
            "nl": {
                "title": "Hittekaarten bepalen waar de stad haar volgende bomen plant",
                "standfirst": "Satellietmetingen op de heetste middagen van afgelopen zomer tonen"
                " straten die tot acht graden warmer zijn dan parken in de buurt. Het plantplan"
                " volgt nu de kaart.",
                "body": """
Het nieuwe bomenplan van de stad begint met een eenvoudige vraag: waar doet een hete dag het meeste
pijn? Om die te beantwoorden combineerde de afdeling milieu satellietmetingen van de heetste
middagen van afgelopen zomer met een lijst van straten waar ouderen en jonge kinderen wonen.

## Acht graden verschil

De kaart laat zien dat verharde pleinen en brede wegen zonder schaduw tot acht graden warmer zijn
dan parken een paar honderd meter verderop. Die straten krijgen de eerste van de tweeduizend bomen
die de komende drie jaar worden geplant.

Bewoners kunnen tot het eind van de maand plekken voorstellen op de website van de gemeente. Elk
voorstel wordt getoetst aan de leidingen en kabels onder de stoep, die vaak bepalen waar een boom
echt kan staan.
""",
            },
            "de": {
                "title": "Hitzekarten zeigen, wo die Stadt ihre nächsten Bäume pflanzt",
                "standfirst": "Satellitenmessungen an den heißesten Nachmittagen des vergangenen"
                " Sommers zeigen Straßen, die bis zu acht Grad wärmer sind als nahe Parks. Der"
                " Pflanzplan folgt jetzt der Karte.",
                "body": """
Der neue Baumplan der Stadt beginnt mit einer einfachen Frage: Wo setzt ein heißer Tag den Menschen
am meisten zu? Um sie zu beantworten, kombinierte das Umweltamt Satellitenmessungen von den
heißesten Nachmittagen des letzten Sommers mit einer Liste der Straßen, in denen ältere Menschen
und kleine Kinder wohnen.

## Acht Grad Unterschied

Die Karte zeigt gepflasterte Plätze und breite Straßen ohne Schatten, die bis zu acht Grad wärmer
sind als Parks wenige hundert Meter entfernt. Diese Straßen bekommen die ersten der zweitausend
Bäume, die in den nächsten drei Jahren gepflanzt werden sollen.

Bis Ende des Monats können Anwohner auf der Website der Stadt Standorte vorschlagen. Jeder
Vorschlag wird mit den Leitungen und Kabeln unter dem Gehweg abgeglichen, die oft darüber
entscheiden, wo ein Baum tatsächlich stehen kann.
""",
            },
            "fr": {
                "title": "Des cartes de chaleur désignent les rues où la ville plantera ses"
                " prochains arbres",
                "standfirst": "Des mesures satellitaires prises lors des après-midi les plus"
                " chauds de l'été dernier révèlent des rues jusqu'à huit degrés plus chaudes que"
                " les parcs voisins. Le plan de plantation suit désormais la carte.",
                "body": """
Le nouveau plan arbres de la ville part d'une question simple : où une journée de chaleur fait-elle
le plus mal ? Pour y répondre, le service de l'environnement a croisé des mesures satellitaires des
après-midi les plus chauds de l'été dernier avec la liste des rues où vivent des personnes âgées et
de jeunes enfants.

## Huit degrés d'écart

La carte montre des places pavées et de larges avenues sans ombre jusqu'à huit degrés plus chaudes
que des parcs situés à quelques centaines de mètres. Ces rues recevront les premiers des deux mille
arbres prévus au cours des trois prochaines années.

Les habitants peuvent proposer des emplacements sur le site de la ville jusqu'à la fin du mois.
Chaque proposition est confrontée au plan des canalisations et des câbles sous le trottoir, qui
décident souvent de l'endroit où un arbre peut réellement pousser.
""",
            },
        },
    },
    {
        "section": "science",
        "source": "en",
        "authors": ["elias-brandt"],
        "tags": ["archives", "weather", "citizen-science"],
        "image": "logbooks",
        "status": PUBLISHED,
        "hours_ago": 150,
        "text": {
            "en": {
                "title": "Century-old ships' logbooks fill gaps in the weather record",
                "standfirst": "Volunteers have transcribed more than a hundred thousand weather"
                " observations written down by sailors between 1890 and 1930. Climate"
                " scientists are using them to check their models.",
                "body": """
Every four hours, the officer on watch wrote down the wind, the air pressure and the temperature of
the sea. Thousands of these logbooks survived in the harbour archive, but until recently nobody had
read them since the voyages ended.

## Handwriting, ink and patience

Over two winters, volunteers typed the observations into an online form, and two people checked
every page. The hardest part, they say, is the handwriting: some officers wrote neatly, others in a
hurry during a storm.

> You can see the storm coming in the pressure readings, hour by hour, long before the captain
mentions it.

The archive's project coordinator adds that the data is already in use. Climate researchers are
comparing the old observations with their reconstructions of the weather over the ocean, where
measurements from that period are rare.
""",
            },
            "nl": {
                "title": "Honderd jaar oude scheepsjournaals vullen gaten in de weergeschiedenis",
                "standfirst": "Vrijwilligers hebben meer dan honderdduizend weerwaarnemingen"
                " overgetypt die zeelieden tussen 1890 en 1930 noteerden. Klimaatwetenschappers"
                " gebruiken ze om hun modellen te controleren.",
                "body": """
Elke vier uur schreef de officier van de wacht de wind, de luchtdruk en de temperatuur van het
zeewater op. Duizenden van deze journaals zijn bewaard gebleven in het havenarchief, maar tot voor
kort had niemand ze gelezen sinds de reizen voorbij waren.

## Handschrift, inkt en geduld

Twee winters lang typten vrijwilligers de waarnemingen over in een online formulier, en elke pagina
werd door twee mensen gecontroleerd. Het moeilijkste, zeggen ze, is het handschrift: sommige
officieren schreven keurig, anderen haastig tijdens een storm.

> Je ziet de storm uur na uur aankomen in de luchtdrukmetingen, lang voordat de kapitein er iets
over schrijft.

De projectcoördinator van het archief voegt eraan toe dat de gegevens al worden gebruikt.
Klimaatonderzoekers vergelijken de oude waarnemingen met hun reconstructies van het weer boven de
oceaan, waar metingen uit die tijd zeldzaam zijn.
""",
            },
            "de": {
                "title": "Hundert Jahre alte Logbücher schließen Lücken in der Wetterchronik",
                "standfirst": "Freiwillige haben mehr als hunderttausend Wetterbeobachtungen"
                " abgetippt, die Seeleute zwischen 1890 und 1930 notiert haben. Klimaforscher"
                " prüfen damit ihre Modelle.",
                "body": """
Alle vier Stunden notierte der wachhabende Offizier den Wind, den Luftdruck und die
Wassertemperatur. Tausende dieser Logbücher sind im Hafenarchiv erhalten geblieben, doch bis vor
Kurzem hatte sie seit dem Ende der Reisen niemand mehr gelesen.

## Handschrift, Tinte und Geduld

Zwei Winter lang tippten Freiwillige die Beobachtungen in ein Online-Formular; jede Seite wurde von
zwei Personen geprüft. Am schwierigsten, sagen sie, sei die Handschrift: Manche Offiziere schrieben
sauber, andere in Eile mitten im Sturm.

> Man sieht den Sturm Stunde um Stunde in den Luftdruckwerten kommen, lange bevor der Kapitän ihn
erwähnt.

Die Projektkoordinatorin des Archivs ergänzt, dass die Daten bereits genutzt werden. Klimaforscher
vergleichen die alten Beobachtungen mit ihren Rekonstruktionen des Wetters über dem Ozean, wo
Messungen aus dieser Zeit selten sind.
""",
            },
            "fr": {
                "title": "Des journaux de bord centenaires comblent les lacunes des relevés météo",
                "standfirst": "Des bénévoles ont retranscrit plus de cent mille observations"
                " météorologiques notées par des marins entre 1890 et 1930. Les climatologues"
                " s'en servent pour vérifier leurs modèles.",
                "body": """
Toutes les quatre heures, l'officier de quart notait le vent, la pression atmosphérique et la
température de la mer. Des milliers de ces journaux de bord ont été conservés aux archives du port,
mais jusqu'à récemment, personne ne les avait lus depuis la fin des traversées.

## Écriture, encre et patience

Pendant deux hivers, des bénévoles ont saisi les observations dans un formulaire en ligne, et
chaque page a été vérifiée par deux personnes. Le plus difficile, disent-ils, c'est l'écriture :
certains officiers écrivaient proprement, d'autres à la hâte en pleine tempête.

> On voit la tempête arriver dans les relevés de pression, heure après heure, bien avant que le
capitaine ne la mentionne.

La coordinatrice du projet aux archives ajoute que les données sont déjà utilisées. Des
climatologues comparent les anciennes observations à leurs reconstitutions du temps qu'il faisait
au-dessus de l'océan, où les mesures de cette époque sont rares.
""",
            },
            "ar": {
                "title": "سجلات سفن عمرها قرن تسدّ ثغرات في سجل الطقس",
                "standfirst": "نسخ متطوعون أكثر من مئة ألف رصد جوي دوّنه بحّارة بين عامي 1890"
                " و1930. ويستخدمها علماء المناخ للتحقق من نماذجهم.",
                "body": """
كل أربع ساعات، كان الضابط المناوب يدوّن الرياح والضغط الجوي ودرجة حرارة مياه البحر. وقد حُفظت آلاف
من هذه السجلات في أرشيف الميناء، لكن أحدًا لم يقرأها منذ انتهاء الرحلات حتى وقت قريب.

## خط اليد والحبر والصبر

على مدى شتاءين، أدخل المتطوعون الأرصاد في استمارة على الإنترنت، وراجع كل صفحة شخصان. ويقولون إن
أصعب ما في الأمر هو خط اليد: فبعض الضباط كتبوا بعناية، وآخرون على عجل في أثناء العاصفة.

> ترى العاصفة وهي تقترب في قراءات الضغط، ساعة بعد ساعة، قبل وقت طويل من أن يذكرها القبطان.

وتضيف منسّقة المشروع في الأرشيف أن البيانات تُستخدم بالفعل، إذ يقارن باحثو المناخ الأرصاد القديمة
بما أعادوا بناءه من حالة الطقس فوق المحيط، حيث تندر القياسات من تلك الفترة.
""",
            },
        },
    },
    {
        "section": "culture",
        "source": "en",
        "authors": ["nadia-haddad", "mara-jansen"],
        "tags": ["music", "community"],
        "image": "choir",
        "placements": [{"embed": "choir-rehearsal"}],
        "status": PUBLISHED,
        "hours_ago": 172,
        "text": {
            "en": {
                "title": "One choir, five languages, one song",
                "standfirst": "A neighbourhood choir that started with twelve singers now has"
                " sixty members who between them speak more than twenty languages. Its winter"
                " concert is sung in five of them.",
                "body": """
The choir began four years ago in the kitchen of the community centre, with twelve singers and a
borrowed keyboard. Today it rehearses in the school hall every Tuesday, and the waiting list is
longer than the choir itself.

Its conductor chooses songs from the members' own childhoods. Each singer teaches the others the
pronunciation of their song, line by line, before the choir learns the melody.

[[video choir-rehearsal]]

## The winter concert

This year's concert has songs in Dutch, Arabic, French, German and English, and a lullaby that
several members discovered they all knew, each with different words. Entry is free; the collection
goes to the music school's instrument fund.
""",
            },
            "nl": {
                "title": "Eén koor, vijf talen, één lied",
                "standfirst": "Een buurtkoor dat begon met twaalf zangers heeft nu zestig leden"
                " die samen meer dan twintig talen spreken. Het winterconcert wordt in vijf"
                " daarvan gezongen.",
                "body": """
Het koor begon vier jaar geleden in de keuken van het buurthuis, met twaalf zangers en een geleend
keyboard. Nu repeteert het elke dinsdag in de aula van de school, en de wachtlijst is langer dan
het koor zelf.

De dirigent kiest liederen uit de jeugd van de leden zelf. Elke zanger leert de anderen regel voor
regel de uitspraak van zijn of haar lied, voordat het koor de melodie instudeert.

[[video choir-rehearsal]]

## Het winterconcert

Het concert van dit jaar heeft liederen in het Nederlands, Arabisch, Frans, Duits en Engels, en een
slaapliedje waarvan verschillende leden ontdekten dat ze het allemaal kenden, elk met andere
woorden. De toegang is gratis; de collecte gaat naar het instrumentenfonds van de muziekschool.
""",
            },
            "de": {
                "title": "Ein Chor, fünf Sprachen, ein Lied",
                "standfirst": "Ein Nachbarschaftschor, der mit zwölf Stimmen begann, hat heute"
                " sechzig Mitglieder, die zusammen mehr als zwanzig Sprachen sprechen. Das"
                " Winterkonzert wird in fünf davon gesungen.",
                "body": """
Der Chor begann vor vier Jahren in der Küche des Gemeinschaftszentrums, mit zwölf Stimmen und einem
geliehenen Keyboard. Heute probt er jeden Dienstag in der Schulaula, und die Warteliste ist länger
als der Chor selbst.

Die Chorleiterin wählt Lieder aus der Kindheit der Mitglieder. Jedes Mitglied bringt den anderen
Zeile für Zeile die Aussprache seines Liedes bei, bevor der Chor die Melodie einstudiert.

[[video choir-rehearsal]]

## Das Winterkonzert

Das diesjährige Konzert bietet Lieder auf Niederländisch, Arabisch, Französisch, Deutsch und
Englisch, dazu ein Wiegenlied, das, wie mehrere Mitglieder feststellten, alle kannten – jeder mit
anderen Worten. Der Eintritt ist frei; die Kollekte geht an den Instrumentenfonds der Musikschule.
""",
            },
            "fr": {
                "title": "Une chorale, cinq langues, une chanson",
                "standfirst": "Une chorale de quartier qui a débuté avec douze choristes compte"
                " aujourd'hui soixante membres qui parlent à eux tous plus de vingt langues. Son"
                " concert d'hiver est chanté dans cinq d'entre elles.",
                "body": """
La chorale est née il y a quatre ans dans la cuisine de la maison de quartier, avec douze choristes
et un clavier emprunté. Aujourd'hui, elle répète chaque mardi dans la salle de l'école, et la liste
d'attente est plus longue que la chorale elle-même.

La cheffe de chœur choisit des chansons tirées de l'enfance des membres. Chaque choriste apprend
aux autres, vers par vers, la prononciation de sa chanson avant que la chorale n'en apprenne la
mélodie.

[[video choir-rehearsal]]

## Le concert d'hiver

Le concert de cette année propose des chansons en néerlandais, en arabe, en français, en allemand
et en anglais, ainsi qu'une berceuse : plusieurs membres ont découvert qu'ils la connaissaient
tous, chacun avec des paroles différentes. L'entrée est libre ; la quête ira au fonds d'instruments
de l'école de musique.
""",
            },
            "ar": {
                "title": "جوقة واحدة وخمس لغات وأغنية واحدة",
                "standfirst": "جوقة حيّ بدأت باثني عشر مغنيًا تضم اليوم ستين عضوًا يتحدثون معًا"
                " أكثر من عشرين لغة. وتُغنّى حفلتها الشتوية بخمس منها.",
                "body": """
بدأت الجوقة قبل أربع سنوات في مطبخ المركز المجتمعي، باثني عشر مغنيًا ولوحة مفاتيح مستعارة. واليوم
تتدرّب كل يوم ثلاثاء في قاعة المدرسة، وقائمة الانتظار أطول من الجوقة نفسها.

تختار قائدة الجوقة أغاني من طفولة الأعضاء أنفسهم. ويعلّم كل مغنٍّ الآخرين نطق أغنيته سطرًا سطرًا،
قبل أن تتعلم الجوقة اللحن.

[[video choir-rehearsal]]

## الحفلة الشتوية

تضم حفلة هذا العام أغاني بالهولندية والعربية والفرنسية والألمانية والإنجليزية، إضافة إلى تهويدة
اكتشف عدد من الأعضاء أنهم جميعًا يعرفونها، كلٌّ بكلمات مختلفة. الدخول مجاني، ويذهب ما يُجمع من
تبرعات إلى صندوق الآلات في مدرسة الموسيقى.
""",
            },
        },
    },
    {
        "section": "world",
        "source": "en",
        "authors": ["newsroom-staff"],
        "tags": ["rail", "borders"],
        "image": "night-train",
        "status": PUBLISHED,
        "hours_ago": 200,
        "text": {
            "en": {
                "title": "Night train between the two capitals runs again after bridge repairs",
                "standfirst": "The sleeper service was suspended for fourteen months while"
                " engineers replaced the steel of a hundred-year-old railway bridge. The first"
                " train left on Sunday evening, fully booked.",
                "body": """
When inspectors found cracks in the old railway bridge last year, the night train between the two
capitals was the first service to stop. Freight trains could take a longer route; a sleeper train
with a fixed timetable could not.

## A bridge rebuilt piece by piece

Engineers replaced the bridge's steel one section at a time, so that daytime trains could keep
crossing on a single track. The work finished two weeks ahead of schedule.

> The first month sold out within a day. People missed falling asleep in one country and waking up
in another.

The operator's spokesperson says a third sleeping car will be added in the spring. Tickets for the
summer go on sale next month.
""",
            },
            "nl": {
                "title": "Nachttrein tussen de twee hoofdsteden rijdt weer na herstel van de brug",
                "standfirst": "De slaaptrein reed veertien maanden niet, terwijl ingenieurs het"
                " staal van een honderd jaar oude spoorbrug vervingen. De eerste trein vertrok"
                " zondagavond, volgeboekt.",
                "body": """
Toen inspecteurs vorig jaar scheuren vonden in de oude spoorbrug, was de nachttrein tussen de twee
hoofdsteden de eerste dienst die werd stilgelegd. Goederentreinen konden omrijden; een slaaptrein
met een vaste dienstregeling kon dat niet.

## Een brug, stuk voor stuk herbouwd

Ingenieurs vervingen het staal van de brug deel voor deel, zodat treinen overdag over één spoor
konden blijven rijden. Het werk was twee weken eerder klaar dan gepland.

> De eerste maand was binnen een dag uitverkocht. Mensen misten het om in het ene land in slaap te
vallen en in het andere wakker te worden.

Volgens de woordvoerder van de vervoerder komt er in het voorjaar een derde slaaprijtuig bij.
Kaartjes voor de zomer gaan volgende maand in de verkoop.
""",
            },
            "de": {
                "title": "Nachtzug zwischen den beiden Hauptstädten fährt nach"
                " Brückensanierung wieder",
                "standfirst": "Der Schlafwagenzug war vierzehn Monate lang eingestellt, während"
                " Ingenieure den Stahl einer hundert Jahre alten Eisenbahnbrücke erneuerten."
                " Der erste Zug fuhr am Sonntagabend ab – ausgebucht.",
                "body": """
Als Prüfer im vergangenen Jahr Risse in der alten Eisenbahnbrücke fanden, war der Nachtzug zwischen
den beiden Hauptstädten die erste Verbindung, die eingestellt wurde. Güterzüge konnten einen
längeren Weg nehmen; ein Schlafwagenzug mit festem Fahrplan konnte das nicht.

## Eine Brücke, Stück für Stück erneuert

Die Ingenieure ersetzten den Stahl der Brücke Abschnitt für Abschnitt, sodass die Züge tagsüber
eingleisig weiterfahren konnten. Die Arbeiten waren zwei Wochen früher als geplant fertig.

> Der erste Monat war innerhalb eines Tages ausgebucht. Den Leuten hat es gefehlt, in einem Land
einzuschlafen und in einem anderen aufzuwachen.

Laut der Sprecherin des Betreibers kommt im Frühjahr ein dritter Schlafwagen hinzu. Die Fahrkarten
für den Sommer sind ab nächstem Monat erhältlich.
""",
            },
            "fr": {
                "title": "Le train de nuit entre les deux capitales roule de nouveau après la"
                " réparation du pont",
                "standfirst": "Le train-couchettes avait été suspendu pendant quatorze mois, le"
                " temps que des ingénieurs remplacent l'acier d'un pont ferroviaire centenaire."
                " Le premier train est parti dimanche soir, complet.",
                "body": """
Lorsque des inspecteurs ont découvert des fissures dans le vieux pont ferroviaire l'an dernier, le
train de nuit entre les deux capitales a été le premier service suspendu. Les trains de
marchandises pouvaient faire un détour ; un train-couchettes à l'horaire fixe ne le pouvait pas.

## Un pont reconstruit pièce par pièce

Les ingénieurs ont remplacé l'acier du pont tronçon par tronçon, afin que les trains de jour
puissent continuer à circuler sur une seule voie. Les travaux se sont achevés avec deux semaines
d'avance.

> Le premier mois était complet en une journée. Il manquait aux gens de s'endormir dans un pays et
de se réveiller dans un autre.

Selon la porte-parole de l'opérateur, une troisième voiture-couchettes sera ajoutée au printemps.
Les billets pour l'été seront mis en vente le mois prochain.
""",
            },
            "ar": {
                "title": "قطار الليل بين العاصمتين يعود إلى العمل بعد إصلاح الجسر",
                "standfirst": "توقفت خدمة قطار النوم أربعة عشر شهرًا بينما استبدل المهندسون"
                " الفولاذ في جسر للسكك الحديدية عمره مئة عام. وغادر القطار الأول مساء الأحد"
                " بكامل حجوزاته.",
                "body": """
عندما اكتشف المفتشون العام الماضي تشققات في جسر السكك الحديدية القديم، كان قطار الليل بين العاصمتين
أول خدمة تتوقف. فقد استطاعت قطارات الشحن أن تسلك طريقًا أطول، أما قطار النوم بجدوله الثابت فلم
يستطع.

## جسر أُعيد بناؤه قطعة قطعة

استبدل المهندسون فولاذ الجسر جزءًا بعد جزء، كي تواصل قطارات النهار العبور على سكة واحدة. وانتهت
الأعمال قبل موعدها بأسبوعين.

> حُجزت مقاعد الشهر الأول كلها في يوم واحد. لقد افتقد الناس أن يناموا في بلد ويستيقظوا في بلد آخر.

وتقول المتحدثة باسم الشركة المشغّلة إن عربة نوم ثالثة ستُضاف في الربيع. وتُطرح تذاكر الصيف للبيع
الشهر المقبل.
""",
            },
        },
    },
    {
        "section": "science",
        "source": "en",
        "authors": ["elias-brandt"],
        "tags": ["water-quality", "heat"],
        "image": "green-lake",
        "placements": [{"image": "dead-fish"}],
        "content_warning": {
            "en": "This story includes an illustration of dead fish.",
            "nl": "Dit verhaal bevat een afbeelding van dode vissen.",
            "de": "Dieser Artikel enthält eine Abbildung toter Fische.",
            "fr": "Cet article contient une illustration montrant des poissons morts.",
            "ar": "يتضمن هذا المقال رسمًا توضيحيًا لأسماك نافقة.",
        },
        "status": PUBLISHED,
        "hours_ago": 230,
        "text": {
            "en": {
                "title": "Why the lake turned green in August",
                "standfirst": "A bloom of blue-green algae closed the swimming lake for three"
                " weeks. Researchers explain what caused it and what the city can do before next"
                " summer.",
                "body": """
In the second week of August, swimmers noticed that the water of the lake had turned the colour of
pea soup. Tests showed a bloom of cyanobacteria, often called blue-green algae, which can cause
skin rashes and stomach problems. The beach closed the same day.

[[picture dead-fish]]

## Warm water and too many nutrients

Cyanobacteria thrive when the water is warm, still and full of nutrients. This summer brought all
three: a long heatwave, almost no wind, and phosphate that has been washing into the lake from
fertilised fields and old drains for years.

> The bloom is a symptom. The cause is what flows into the lake all year round.

The water board's ecologist proposes a reed belt at the inlet to filter the water, and a check of
every drain that ends in the lake. The first reeds will be planted in March.
""",
            },
            "nl": {
                "title": "Waarom het meer in augustus groen werd",
                "standfirst": "Een bloei van blauwalg hield het zwemmeer drie weken dicht."
                " Onderzoekers leggen uit wat de oorzaak was en wat de stad vóór volgende zomer"
                " kan doen.",
                "body": """
In de tweede week van augustus zagen zwemmers dat het water van het meer de kleur van erwtensoep
had gekregen. Tests wezen op een bloei van cyanobacteriën, ook wel blauwalg genoemd, die
huiduitslag en maagklachten kunnen veroorzaken. Het strand ging dezelfde dag dicht.

[[picture dead-fish]]

## Warm water en te veel voedingsstoffen

Cyanobacteriën gedijen als het water warm, stil en rijk aan voedingsstoffen is. Deze zomer bracht
alle drie: een lange hittegolf, bijna geen wind, en fosfaat dat al jaren vanuit bemeste akkers en
oude afvoeren het meer in spoelt.

> De bloei is een symptoom. De oorzaak is wat het hele jaar door het meer in stroomt.

De ecoloog van het waterschap stelt een rietzone bij de inlaat voor om het water te filteren, en
een controle van elke afvoer die in het meer uitkomt. Het eerste riet wordt in maart geplant.
""",
            },
            "de": {
                "title": "Warum der See im August grün wurde",
                "standfirst": "Eine Blaualgenblüte hat den Badesee drei Wochen lang geschlossen."
                " Forschende erklären, was sie verursacht hat und was die Stadt vor dem nächsten"
                " Sommer tun kann.",
                "body": """
In der zweiten Augustwoche bemerkten Badegäste, dass das Wasser des Sees die Farbe von Erbsensuppe
angenommen hatte. Tests zeigten eine Blüte von Cyanobakterien, oft Blaualgen genannt, die
Hautausschläge und Magenbeschwerden verursachen können. Der Strand wurde noch am selben Tag
gesperrt.

[[picture dead-fish]]

## Warmes Wasser und zu viele Nährstoffe

Cyanobakterien gedeihen, wenn das Wasser warm, ruhig und nährstoffreich ist. In diesem Sommer kam
alles zusammen: eine lange Hitzewelle, fast kein Wind und Phosphat, das seit Jahren aus gedüngten
Feldern und alten Abflüssen in den See gespült wird.

> Die Blüte ist ein Symptom. Die Ursache ist das, was das ganze Jahr über in den See fließt.

Die Ökologin des Wasserverbands schlägt einen Schilfgürtel am Zulauf vor, der das Wasser filtert,
sowie eine Überprüfung aller Abflüsse, die in den See münden. Das erste Schilf wird im März
gepflanzt.
""",
            },
            "fr": {
                "title": "Pourquoi le lac est devenu vert en août",
                "standfirst": "Une prolifération d'algues bleues a fermé le lac de baignade"
                " pendant trois semaines. Des chercheurs expliquent ce qui l'a provoquée et ce"
                " que la ville peut faire avant l'été prochain.",
                "body": """
Au cours de la deuxième semaine d'août, les baigneurs ont remarqué que l'eau du lac avait pris la
couleur d'une soupe de pois. Les analyses ont révélé une prolifération de cyanobactéries, souvent
appelées algues bleues, qui peuvent provoquer des irritations de la peau et des troubles digestifs.
La plage a fermé le jour même.

[[picture dead-fish]]

## Une eau chaude et trop de nutriments

Les cyanobactéries prospèrent dans une eau chaude, calme et riche en nutriments. Cet été a réuni
les trois conditions : une longue canicule, presque pas de vent, et du phosphate qui ruisselle
depuis des années vers le lac à partir des champs fertilisés et de vieilles canalisations.

> La prolifération est un symptôme. La cause, c'est ce qui se déverse dans le lac toute l'année.

L'écologue de l'agence de l'eau propose une ceinture de roseaux à l'entrée du lac pour filtrer
l'eau, ainsi qu'un contrôle de chaque canalisation qui s'y déverse. Les premiers roseaux seront
plantés en mars.
""",
            },
            "ar": {
                "title": "لماذا تحوّل لون البحيرة إلى الأخضر في أغسطس",
                "standfirst": "أدّى تكاثر الطحالب الخضراء المزرقة إلى إغلاق بحيرة السباحة ثلاثة"
                " أسابيع. ويشرح باحثون سبب ذلك وما يمكن للمدينة فعله قبل الصيف المقبل.",
                "body": """
في الأسبوع الثاني من أغسطس، لاحظ السبّاحون أن مياه البحيرة صار لونها مثل حساء البازلاء. وأظهرت
الفحوص تكاثرًا للبكتيريا الزرقاء، التي تُعرف غالبًا بالطحالب الخضراء المزرقة، ويمكن أن تسبب طفحًا
جلديًا واضطرابات في المعدة. وأُغلق الشاطئ في اليوم نفسه.

[[picture dead-fish]]

## مياه دافئة ومغذيات كثيرة

تزدهر البكتيريا الزرقاء حين تكون المياه دافئة وراكدة وغنية بالمغذيات. وقد اجتمعت الشروط الثلاثة هذا
الصيف: موجة حر طويلة، وغياب شبه تام للرياح، والفوسفات الذي ظل يتسرب إلى البحيرة منذ سنوات من الحقول
المسمّدة ومصارف المياه القديمة.

> التكاثر عَرَض، أما السبب فهو ما يتدفق إلى البحيرة طوال العام.

وتقترح عالمة البيئة في هيئة المياه زراعة حزام من القصب عند مدخل المياه لتصفيتها، وفحص كل مصرف يصبّ
في البحيرة. وسيُزرع القصب الأول في مارس.
""",
            },
        },
    },
    {
        # Scheduled: published in every language, but its time has not come yet.
        "section": "cities",
        "source": "en",
        "authors": ["mara-jansen"],
        "tags": ["cycling", "public-transport"],
        "image": "cycle-bridge",
        "status": SCHEDULED,
        "hours_ago": -48,
        "text": {
            "en": {
                "title": "The new cycle bridge opens on Saturday",
                "standfirst": "After two years of construction, the bridge for cyclists and"
                " pedestrians across the harbour basin opens to the public this weekend.",
                "body": """
The bridge is three hundred metres long and cuts the ride from the station to the north bank from
twenty minutes to six. It has separate lanes for cyclists and pedestrians, and benches on its two
widest sections.

## A bridge that opens for ships

The middle section swings aside for tall ships, usually for ten minutes at a time. Lights at both
ends show how long the wait will be.

The opening starts at ten in the morning with a walk across for everyone who wants to join.
Cyclists may use the bridge from noon.
""",
            },
            "nl": {
                "title": "De nieuwe fietsbrug gaat zaterdag open",
                "standfirst": "Na twee jaar bouwen gaat de brug voor fietsers en voetgangers over"
                " het havenbekken dit weekend open voor publiek.",
                "body": """
De brug is driehonderd meter lang en verkort de rit van het station naar de noordoever van twintig
naar zes minuten. Er zijn aparte stroken voor fietsers en voetgangers, en op de twee breedste delen
staan bankjes.

## Een brug die opengaat voor schepen

Het middendeel draait opzij voor hoge schepen, meestal tien minuten per keer. Lichten aan beide
kanten laten zien hoe lang het wachten duurt.

De opening begint om tien uur 's ochtends met een wandeling over de brug voor iedereen die mee wil
lopen. Fietsers mogen vanaf twaalf uur over de brug.
""",
            },
            "de": {
                "title": "Die neue Fahrradbrücke öffnet am Samstag",
                "standfirst": "Nach zwei Jahren Bauzeit wird die Brücke für Rad- und Fußverkehr"
                " über das Hafenbecken an diesem Wochenende für alle geöffnet.",
                "body": """
Die Brücke ist dreihundert Meter lang und verkürzt die Fahrt vom Bahnhof zum Nordufer von zwanzig
auf sechs Minuten. Sie hat getrennte Spuren für Rad- und Fußverkehr und Sitzbänke auf den beiden
breitesten Abschnitten.

## Eine Brücke, die sich für Schiffe öffnet

Das Mittelteil schwenkt für hohe Schiffe zur Seite, meist jeweils zehn Minuten lang. Lichter an
beiden Enden zeigen an, wie lange man warten muss.

Die Eröffnung beginnt um zehn Uhr morgens mit einem gemeinsamen Spaziergang über die Brücke für
alle, die mitgehen möchten. Radfahrer dürfen die Brücke ab zwölf Uhr benutzen.
""",
            },
            "fr": {
                "title": "La nouvelle passerelle cyclable ouvre samedi",
                "standfirst": "Après deux ans de travaux, la passerelle pour cyclistes et"
                " piétons qui enjambe le bassin du port ouvre au public ce week-end.",
                "body": """
La passerelle mesure trois cents mètres et réduit le trajet de la gare à la rive nord de vingt à
six minutes. Elle comporte des voies séparées pour les cyclistes et les piétons, et des bancs sur
ses deux parties les plus larges.

## Une passerelle qui s'ouvre pour les bateaux

La partie centrale pivote pour laisser passer les grands navires, généralement dix minutes à chaque
fois. Des feux aux deux extrémités indiquent la durée de l'attente.

L'inauguration commence à dix heures du matin par une traversée à pied ouverte à tous. Les
cyclistes pourront emprunter la passerelle à partir de midi.
""",
            },
            "ar": {
                "title": "جسر الدراجات الجديد يُفتتح يوم السبت",
                "standfirst": "بعد عامين من البناء، يُفتح الجسر المخصص للدراجات والمشاة فوق حوض"
                " الميناء أمام الجمهور في نهاية هذا الأسبوع.",
                "body": """
يبلغ طول الجسر ثلاثمئة متر، ويختصر الطريق من المحطة إلى الضفة الشمالية من عشرين دقيقة إلى ست دقائق.
وفيه مساران منفصلان للدراجات والمشاة، ومقاعد على أعرض جزأين منه.

## جسر ينفتح للسفن

يدور الجزء الأوسط جانبًا لتمرّ السفن العالية، عادةً لمدة عشر دقائق في كل مرة. وتُظهر أضواء عند
طرفيه مدة الانتظار.

يبدأ الافتتاح في العاشرة صباحًا بجولة سيرًا على الأقدام فوق الجسر لكل من يرغب في المشاركة. ويُسمح
للدراجين باستخدام الجسر ابتداءً من الظهر.
""",
            },
        },
    },
    {
        # A draft: English text, a Dutch translation just started.
        "section": "world",
        "source": "en",
        "authors": ["nadia-haddad"],
        "tags": ["public-transport", "community"],
        "image": "ferry",
        "status": DRAFT,
        "hours_ago": None,
        "text": {
            "en": {
                "title": "Ferry operator and union resume talks over the winter timetable",
                "standfirst": "Negotiations over a reduced winter timetable for the harbour"
                " ferries continue next week. Both sides say an agreement is possible before"
                " December.",
                "body": """
Talks between the ferry company and the crews' union stalled last month over the number of late
crossings in winter. The company wants to stop the last two ferries between November and February;
the union says that would leave shift workers without a way home.

## What is on the table

A mediator has proposed keeping one late crossing and replacing the other with a bus over the new
bridge. Both sides have agreed to study the proposal.

Still to do before publishing: a response from the ferry company.
""",
            },
            "nl": {
                "title": "Veerdienst en bond hervatten overleg over de winterdienstregeling",
                "standfirst": "De onderhandelingen over een afgeslankte winterdienstregeling voor"
                " de havenponten gaan volgende week verder.",
                "body": """
Het overleg tussen het veerbedrijf en de bond van de bemanning liep vorige maand vast op het aantal
late overtochten in de winter.
""",
            },
        },
    },
]
