//! Dutch (Flemish) names and phrases from which generated plans are written.

pub const FIRST_NAMES: &[&str] = &[
    "An",
    "Bart",
    "Els",
    "Pieter",
    "Sofie",
    "Koen",
    "Lies",
    "Tom",
    "Inge",
    "Wouter",
    "Katrien",
    "Jeroen",
    "Griet",
    "Stijn",
    "Veerle",
    "Joris",
    "Nele",
    "Dirk",
    "Hilde",
    "Maarten",
    "Ann",
    "Kristof",
    "Leen",
    "Bram",
    "Eline",
    "Sander",
    "Lotte",
    "Jan",
    "Marleen",
    "Geert",
    "Ilse",
    "Wim",
    "Karen",
    "Pieterjan",
    "Evelien",
    "Thomas",
    "Annelies",
    "Ruben",
    "Charlotte",
    "Jens",
    "Fien",
    "Arne",
    "Hanne",
    "Dries",
    "Liesbeth",
    "Toon",
    "Sarah",
    "Niels",
    "Elke",
    "Frederik",
    "Zoë",
    "Noor",
    "Mathias",
    "Febe",
    "Lars",
];

pub const LAST_NAMES: &[&str] = &[
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Hermans",
    "Aerts",
    "Van den Broeck",
    "Vermeulen",
    "Pauwels",
    "Van Damme",
    "Michiels",
    "Lambrechts",
    "De Backer",
    "Smets",
    "Verstraete",
    "Claeys",
    "Desmet",
    "Martens",
    "Van de Velde",
    "Cools",
    "Declercq",
    "Van Dyck",
    "Verhoeven",
    "Coppens",
    "De Vos",
    "Vandenberghe",
    "Stevens",
    "Leclercq",
    "Bogaerts",
    "Segers",
    "Van Hoof",
    "Verbeke",
    "De Wilde",
    "Wuyts",
    "Baert",
    "Van Acker",
    "Hendrickx",
    "Geerts",
    "Vanhove",
    "De Meyer",
    "Thys",
    "Noppe",
    "Vercammen",
];

/// First halves of invented place names.
pub const PLACE_HEADS: &[&str] = &[
    "Heide",
    "Zand",
    "Berg",
    "Linde",
    "Eike",
    "Molen",
    "Kasteel",
    "Water",
    "Broek",
    "Ooster",
    "Wester",
    "Noord",
    "Zuid",
    "Hoog",
    "Laag",
    "Groot",
    "Klein",
    "Sint-Jans",
    "Beek",
    "Bos",
    "Ter",
    "Ham",
    "Kapel",
    "Hulst",
    "Wilger",
    "Els",
    "Ronse",
    "Meer",
    "Vlier",
    "Steen",
    "Kruis",
    "Rode",
    "Hazel",
    "Dender",
    "Kempen",
    "Schelde",
    "Lei",
    "Nete",
    "Demer",
    "Dijle",
];

/// Second halves of invented place names.
pub const PLACE_TAILS: &[&str] = &[
    "beek", "hout", "dijk", "rode", "kerke", "gem", "lo", "donk", "hoven", "veld", "zele", "laar",
    "berge", "tem", "dam", "brugge", "hem", "akker", "meer", "wijk", "hove", "dries", "bos",
    "gaarde",
];

pub const STREETS: &[&str] = &[
    "Markt",
    "Kerkstraat",
    "Stationsstraat",
    "Dorpsstraat",
    "Schoolstraat",
    "Molenstraat",
    "Nieuwstraat",
    "Kapelstraat",
    "Industrieweg",
    "Grote Baan",
    "Kouter",
    "Gemeenteplein",
    "Zandstraat",
    "Brugstraat",
    "Lindenlaan",
    "Parklaan",
    "Beekstraat",
    "Ambachtenlaan",
    "Nijverheidsstraat",
    "Sint-Jansplein",
];

/// Departments of a local government.
pub const DEPARTMENTS: &[&str] = &[
    "Burgerzaken",
    "Financiën",
    "Personeel en organisatie",
    "Omgeving",
    "Sociale dienst",
    "Onderwijs",
    "Cultuur",
    "Sport",
    "Jeugd",
    "Welzijn",
    "Mobiliteit",
    "Wegen en groen",
    "Communicatie",
    "Secretariaat",
    "Bibliotheek",
    "Kinderopvang",
    "Woonzorgcentrum",
    "Facility",
    "Archief",
    "Economie",
    "Toerisme",
    "Huisvesting",
    "Erfgoed",
    "Milieu",
    "Belastingen",
    "Veiligheid",
    "Informatica",
];

/// Services, each with the department that delivers it and the people it serves.
pub const SERVICES: &[(&str, &str, &str)] = &[
    ("Afgifte identiteitskaarten", "Burgerzaken", "inwoners"),
    ("Rijbewijzen", "Burgerzaken", "inwoners"),
    ("Reispassen", "Burgerzaken", "inwoners"),
    ("Adreswijzigingen", "Burgerzaken", "inwoners"),
    ("Burgerlijke stand", "Burgerzaken", "inwoners"),
    (
        "Huwelijken en samenlevingscontracten",
        "Burgerzaken",
        "inwoners",
    ),
    (
        "Overlijdens en begraafplaatsen",
        "Burgerzaken",
        "nabestaanden",
    ),
    ("Verkiezingen", "Burgerzaken", "kiezers"),
    ("Uittreksels en attesten", "Burgerzaken", "inwoners"),
    ("Vreemdelingendienst", "Burgerzaken", "nieuwkomers"),
    (
        "Omgevingsvergunningen",
        "Omgeving",
        "bouwheren en architecten",
    ),
    ("Stedenbouwkundige inlichtingen", "Omgeving", "notarissen"),
    (
        "Ruimtelijke planning",
        "Omgeving",
        "inwoners en ondernemers",
    ),
    ("Handhaving bouwovertredingen", "Omgeving", "inwoners"),
    ("Leefloon", "Sociale dienst", "kwetsbare inwoners"),
    (
        "Schuldbemiddeling",
        "Sociale dienst",
        "gezinnen in schuldnood",
    ),
    (
        "Noodhulp en voedselbedeling",
        "Sociale dienst",
        "kwetsbare inwoners",
    ),
    ("Thuiszorg en maaltijden", "Welzijn", "ouderen"),
    (
        "Woonzorgcentrum zorgdossiers",
        "Woonzorgcentrum",
        "bewoners",
    ),
    ("Medicatiebeheer", "Woonzorgcentrum", "bewoners"),
    ("Facturatie", "Financiën", "leveranciers en inwoners"),
    ("Betalingen aan leveranciers", "Financiën", "leveranciers"),
    (
        "Boekhouding en rapportering",
        "Financiën",
        "de toezichthouder",
    ),
    (
        "Gemeentebelastingen",
        "Belastingen",
        "inwoners en ondernemingen",
    ),
    (
        "Loonverwerking",
        "Personeel en organisatie",
        "personeelsleden",
    ),
    (
        "Tijdsregistratie",
        "Personeel en organisatie",
        "personeelsleden",
    ),
    ("Rekrutering", "Personeel en organisatie", "kandidaten"),
    ("Inschrijvingen basisonderwijs", "Onderwijs", "ouders"),
    ("Leerlingenadministratie", "Onderwijs", "scholen"),
    ("Buitenschoolse kinderopvang", "Kinderopvang", "ouders"),
    ("Uitleen en catalogus", "Bibliotheek", "leden"),
    ("Zaalreservaties", "Cultuur", "verenigingen"),
    ("Ticketing cultuurcentrum", "Cultuur", "bezoekers"),
    (
        "Sportkampen en lessenreeksen",
        "Sport",
        "kinderen en ouders",
    ),
    ("Jeugdwerking en speelpleinwerking", "Jeugd", "kinderen"),
    ("Parkeerbeheer", "Mobiliteit", "automobilisten"),
    ("Signalisatievergunningen", "Mobiliteit", "aannemers"),
    ("Meldingen openbaar domein", "Wegen en groen", "inwoners"),
    ("Winterdienst", "Wegen en groen", "weggebruikers"),
    ("Recyclagepark", "Milieu", "inwoners"),
    ("Milieuvergunningen en meldingen", "Milieu", "ondernemers"),
    ("Website en e-loket", "Communicatie", "inwoners"),
    ("Onthaal en klantencontact", "Communicatie", "bezoekers"),
    ("Gemeenteraad en college", "Secretariaat", "mandatarissen"),
    ("Notulen en besluitvorming", "Secretariaat", "mandatarissen"),
    ("Archiefbeheer", "Archief", "onderzoekers en diensten"),
    ("Ondernemersloket", "Economie", "ondernemers"),
    ("Markten en foren", "Economie", "marktkramers"),
    ("Toeristisch onthaal", "Toerisme", "bezoekers"),
    ("Sociale huisvesting", "Huisvesting", "kandidaat-huurders"),
    ("Premies en subsidies", "Huisvesting", "inwoners"),
    ("Erfgoedinventaris", "Erfgoed", "onderzoekers"),
    ("Cameratoezicht", "Veiligheid", "politie en inwoners"),
    ("Noodplanning", "Veiligheid", "hulpdiensten"),
    (
        "Gebouwenbeheer en toegangscontrole",
        "Facility",
        "personeelsleden",
    ),
    ("Wagenpark", "Facility", "diensten"),
    ("Werkplekbeheer", "Informatica", "personeelsleden"),
    (
        "Telefonie en onthaal",
        "Informatica",
        "inwoners en personeelsleden",
    ),
];

/// Application names by domain.
pub const APPLICATIONS: &[&str] = &[
    "Bevolkingsregister",
    "Burgerzakenpakket",
    "Rijbewijzenmodule",
    "Zaaksysteem",
    "Documentbeheersysteem",
    "Omgevingsloket-koppeling",
    "GIS-platform",
    "Boekhoudpakket",
    "Facturatiemodule",
    "Loonpakket",
    "Tijdsregistratie",
    "Sociaal dossier",
    "Zorgdossier",
    "Medicatiesysteem",
    "Raadsinformatiesysteem",
    "Notulenbeheer",
    "Kassasysteem",
    "Reservatiesysteem",
    "Ticketingplatform",
    "Bibliotheeksysteem",
    "Leerlingenadministratie",
    "Kinderopvangplanning",
    "Parkeerbeheer",
    "Meldingensysteem",
    "Belastingmodule",
    "Subsidiemodule",
    "Klantcontactsysteem",
    "Archiefbeheer",
    "Contractbeheer",
    "Wagenparkbeheer",
    "Toegangscontrole",
    "Camerabeheer",
    "Intranet",
    "Website-CMS",
    "E-loket",
    "Afsprakenplanner",
    "Recyclageparkregistratie",
    "Begraafplaatsbeheer",
    "Verkiezingsmodule",
    "Personeelsdossier",
    "Aankoopbeheer",
    "Patrimoniumbeheer",
    "Rapporteringsplatform",
];

pub const SAAS: &[&str] = &[
    "Microsoft 365",
    "Afsprakenplatform",
    "Online betaalplatform",
    "E-learningplatform",
    "Enquêtetool",
    "Nieuwsbriefplatform",
    "Digitale handtekening",
    "Vergaderplatform",
    "Helpdesktool",
    "Formulierenplatform",
    "Social-mediabeheer",
    "Wachtlijstbeheer",
    "Zorgplanner",
    "Mobiele app",
    "Chatbot e-loket",
];

pub const DATABASES: &[&str] = &["SQL Server", "PostgreSQL", "Oracle", "MariaDB"];

pub const SERVER_ROLES: &[&str] = &[
    "applicatieserver",
    "webserver",
    "batchserver",
    "rapportageserver",
    "koppelingsserver",
    "printserver",
    "terminalserver",
    "beheerserver",
    "proxyserver",
    "integratieserver",
];

pub const SUPPLIER_HEADS: &[&str] = &[
    "Kempen",
    "Schelde",
    "Dender",
    "Vlaamse",
    "Noorder",
    "Leie",
    "Maas",
    "Polder",
    "Hageland",
    "Waas",
    "Brabantse",
    "Limburgse",
    "Kust",
    "Zenne",
    "Demer",
    "Groene",
    "Nete",
    "IJzer",
];

pub const SUPPLIER_TAILS: &[&str] = &[
    "ICT",
    "Datadiensten",
    "Netwerken",
    "Softwarehuis",
    "Cloud",
    "Systems",
    "Telecom",
    "Energie",
    "Archiefdiensten",
    "IT Services",
    "Infra",
    "Beveiliging",
    "Consultancy",
    "Informatica",
];

pub const SUPPLIER_FORMS: &[&str] = &["NV", "BV", "BVBA", "CV", "vzw"];

/// Scenario kinds: name, description, triggers.
pub const SCENARIOS: &[(&str, &str, &[&str])] = &[
    (
        "Ransomware",
        "Een aanvaller versleutelt servers en werkplekken en eist losgeld; back-ups die online bereikbaar zijn, kunnen mee versleuteld zijn.",
        &[
            "Bestanden met een onbekende extensie op de netwerkschijven",
            "Losgeldbericht op het scherm van een werkplek",
            "Melding van de EDR-console over massale versleuteling",
        ],
    ),
    (
        "Stroomuitval",
        "De stroomvoorziening valt langer dan de autonomie van de UPS uit; de noodgenerator start niet of raakt zonder brandstof.",
        &[
            "Melding van de UPS over werking op batterij",
            "Verlichting en werkplekken vallen uit",
            "Netbeheerder meldt een storing in de regio",
        ],
    ),
    (
        "Uitval datacenter",
        "Het datacenter is onbruikbaar door brand, waterschade of een defect aan de koeling; alle systemen die er draaien, vallen weg.",
        &[
            "Temperatuuralarm in de serverzaal",
            "Brandmelding of rookdetectie",
            "Meerdere systemen tegelijk onbereikbaar",
        ],
    ),
    (
        "Internetstoring",
        "De internetverbinding valt uit, waardoor cloudtoepassingen, e-mail en koppelingen met externe partners onbereikbaar worden.",
        &[
            "Cloudtoepassingen laden niet",
            "E-mail komt niet meer binnen",
            "Provider meldt een storing",
        ],
    ),
    (
        "Uitval leverancier",
        "Een kritieke leverancier kan zijn dienstverlening niet leveren door een eigen incident, faillissement of cyberaanval.",
        &[
            "Leverancier meldt een groot incident",
            "Servicedesk van de leverancier onbereikbaar",
            "Toepassing van de leverancier onbereikbaar",
        ],
    ),
    (
        "Personeelstekort",
        "Door ziekte, een pandemie of staking is een groot deel van het personeel of van de ICT-dienst niet beschikbaar.",
        &[
            "Meer dan een kwart van de medewerkers afwezig",
            "Sleutelpersonen van de ICT-dienst tegelijk afwezig",
        ],
    ),
    (
        "Storing identiteitsbeheer",
        "De directory of het aanmeldplatform valt uit: medewerkers kunnen zich niet aanmelden op werkplekken en toepassingen.",
        &[
            "Aanmeldfouten op alle werkplekken",
            "Meldingen dat wachtwoorden niet aanvaard worden",
        ],
    ),
    (
        "Defect opslagsysteem",
        "Het SAN of een opslagarray valt uit of raakt corrupt; virtuele servers en databanken die erop staan, stoppen.",
        &[
            "Virtuele machines bevriezen",
            "Foutmeldingen van de opslagcontroller",
            "Databanken melden I/O-fouten",
        ],
    ),
    (
        "Datalek",
        "Persoonsgegevens zijn gelekt of gestolen; systemen moeten onderzocht en mogelijk afgesloten worden.",
        &[
            "Melding van een burger of journalist",
            "Ongewoon dataverkeer naar buiten",
            "Gegevens opgedoken op een lekwebsite",
        ],
    ),
    (
        "Uitval telefonie",
        "De telefooncentrale of de VoIP-dienst valt uit: het onthaal en de hulplijnen zijn onbereikbaar.",
        &[
            "Geen kiestoon op vaste toestellen",
            "Inwoners melden dat het algemene nummer niet antwoordt",
        ],
    ),
    (
        "DDoS-aanval",
        "Een overbelastingsaanval maakt de website, het e-loket en de VPN onbereikbaar.",
        &[
            "Website traag of onbereikbaar",
            "Firewall meldt uitzonderlijk veel verbindingen",
        ],
    ),
    (
        "Overstroming",
        "Wateroverlast maakt een gebouw onbruikbaar; systemen in de kelder en de serverzaal lopen gevaar.",
        &[
            "Waarschuwing van het waterbeheer",
            "Water in de kelder of de serverzaal",
        ],
    ),
];

/// Verbs and objects for recovery steps, written as instructions.
pub const STEP_ACTIONS: &[&str] = &[
    "Verwittig de crisiscoördinator en roep het crisisteam samen",
    "Koppel de getroffen servers los van het netwerk",
    "Schakel de internetverbinding uit om verdere schade te beperken",
    "Meld het incident aan het CCB en, bij een datalek, aan de toezichthouder",
    "Stel de omvang vast: welke systemen en diensten zijn getroffen",
    "Informeer het personeel over wat wel en niet mag",
    "Activeer de alternatieve werklocatie en verdeel de laptops uit de crisiskoffer",
    "Herstel de opslag uit de offline back-up",
    "Start het virtualisatieplatform en controleer de clusterstatus",
    "Herstel de directory en reset de beheerderswachtwoorden",
    "Herstel de databanken in volgorde van prioriteit",
    "Start de toepassingen en laat de functionele beheerders ze testen",
    "Schakel over op de manuele werkwijze met papieren formulieren",
    "Bel de noodlijn van de leverancier en vraag een prioriteit 1-ticket",
    "Verplaats de telefonie naar de mobiele noodnummers",
    "Publiceer een bericht op de website en de sociale media",
    "Controleer de integriteit van de herstelde gegevens",
    "Werk de achterstand weg en registreer de manueel verwerkte dossiers",
    "Verklaar het volledige herstel en deactiveer het plan",
    "Evalueer het incident en leg de verbeteracties vast",
];

pub const STEP_RESOURCES: &[&str] = &[
    "crisiskoffer met papieren contactlijst",
    "offline kopie van het continuïteitsplan",
    "beheerderswachtwoorden uit de kluis",
    "laptops met 4G-router",
    "papieren aanvraagformulieren",
    "contract en klantnummer van de leverancier",
    "netwerkschema en IP-plan",
    "ASTRID-radio",
    "sleutel van de serverzaal",
    "USB-stick met installatiemedia",
];

pub const ROLES_CRISIS: &[(&str, &[&str])] = &[
    (
        "Crisiscoördinator",
        &[
            "Activeert het plan en leidt het crisisteam",
            "Beslist over prioriteiten en middelen",
            "Verklaart het volledige herstel",
        ],
    ),
    (
        "Algemeen directeur",
        &[
            "Neemt de eindverantwoordelijkheid",
            "Informeert het college en de burgemeester",
        ],
    ),
    (
        "ICT-verantwoordelijke",
        &[
            "Leidt het technische herstel",
            "Contacteert de ICT-leveranciers",
            "Bewaakt de hersteltijden",
        ],
    ),
    (
        "Communicatieverantwoordelijke",
        &[
            "Communiceert met pers, inwoners en personeel",
            "Beheert de website en de sociale media tijdens het incident",
        ],
    ),
    (
        "Informatieveiligheidsconsulent",
        &[
            "Beoordeelt de impact op informatieveiligheid",
            "Meldt incidenten aan het CCB",
        ],
    ),
    (
        "Functionaris voor gegevensbescherming",
        &[
            "Beoordeelt of er een datalek is",
            "Meldt datalekken binnen 72 uur aan de toezichthouder",
        ],
    ),
    (
        "Noodplanningsambtenaar",
        &[
            "Stemt af met de gouverneur en de hulpdiensten",
            "Zorgt voor de alternatieve locaties",
        ],
    ),
    (
        "Preventieadviseur",
        &[
            "Bewaakt de veiligheid van het personeel",
            "Beoordeelt of gebouwen veilig te betreden zijn",
        ],
    ),
    (
        "Facilitair verantwoordelijke",
        &["Zorgt voor toegang, stroom en logistiek op de locaties"],
    ),
    (
        "Financieel directeur",
        &[
            "Keurt dringende uitgaven goed",
            "Zorgt voor de continuïteit van betalingen",
        ],
    ),
    (
        "Personeelsverantwoordelijke",
        &["Organiseert de inzet en vervanging van personeel"],
    ),
    (
        "Secretaris crisisteam",
        &["Houdt het logboek van beslissingen en acties bij"],
    ),
];

pub const FUNCTIONS: &[&str] = &[
    "Diensthoofd",
    "Teamcoördinator",
    "Deskundige",
    "Medewerker",
    "Functioneel beheerder",
    "Systeembeheerder",
    "Netwerkbeheerder",
    "Applicatiebeheerder",
    "Databankbeheerder",
    "Projectleider",
    "Beleidsmedewerker",
    "Administratief medewerker",
    "Afdelingshoofd",
];

pub const PEAK_PERIODS: &[&str] = &[
    "maand van de verkiezingen",
    "eerste twee weken van september (schooljaar)",
    "maandafsluiting en loonverwerking rond de 25e",
    "aanslagjaar: mei en juni",
    "zomervakantie (vakantiekampen)",
    "jaarafsluiting in december en januari",
    "wintermaanden (winterdienst)",
    "periode van de jaarmarkt",
    "paasvakantie",
    "indieningstermijn van premieaanvragen in maart",
];

pub const FALLBACKS: &[&str] = &[
    "Aanvragen worden op papieren formulieren genoteerd en achteraf ingevoerd; dringende dossiers gaan telefonisch naar de back-office.",
    "Het loket werkt op afspraak vanuit de alternatieve locatie met een laptop en een 4G-router; attesten worden manueel ondertekend.",
    "Betalingen gebeuren via de noodprocedure van de bank met dubbele handtekening; facturen worden in een register bijgehouden.",
    "Bewoners worden verzorgd volgens de papieren zorgplannen uit de verpleegpost; medicatie volgens de afgedrukte medicatielijst van de vorige dag.",
    "Inwoners worden doorverwezen naar een ander loket of naar de deelgemeente; de wachtlijst wordt op papier bijgehouden.",
    "Meldingen worden via de noodlijn genoteerd in een logboek en dagelijks aan de ploegen doorgegeven.",
];

pub const IMPACTS: &[&str] = &[
    "Inwoners kunnen geen documenten aanvragen of ophalen; wettelijke termijnen komen in gevaar.",
    "Leveranciers worden niet tijdig betaald, met nalatigheidsintresten en reputatieschade tot gevolg.",
    "Personeelsleden worden niet of te laat betaald.",
    "De zorg voor kwetsbare inwoners komt in het gedrang.",
    "Vergunningsaanvragen lopen vertraging op; stilzwijgende termijnen kunnen verstrijken.",
    "Het bestuur kan geen rechtsgeldige beslissingen nemen of publiceren.",
    "Inwoners en bezoekers kunnen de organisatie niet bereiken.",
    "Gegevens moeten achteraf opnieuw ingevoerd worden; er is kans op fouten.",
];

pub const ICT_MEANS: &[&str] = &[
    "10 laptops met VPN",
    "4G-router",
    "multifunctionele printer",
    "papieren formulieren",
    "USB-sticks met het plan",
    "beamer en scherm",
    "noodstroomvoorziening",
    "wifi-toegangspunt",
];

pub const COMM_MEANS: &[&str] = &[
    "vaste telefoonlijn",
    "5 mobiele toestellen",
    "ASTRID-radio",
    "satelliettelefoon",
    "megafoon",
];

pub const MITIGATIONS: &[&str] = &[
    "Offline en onveranderlijke back-ups",
    "Multifactorauthenticatie voor alle accounts",
    "EDR op alle werkplekken en servers",
    "Segmentatie van het netwerk",
    "UPS en noodgenerator met brandstofcontract",
    "Tweede internetverbinding via een andere provider",
    "Uitwijkcontract met een tweede datacenter",
    "Jaarlijkse hersteltest",
    "Bewustmakingscampagne voor het personeel",
    "Escrow-overeenkomst met de leverancier",
    "Kruisopleiding van de beheerders",
    "Monitoring en alarmering 24/7",
];

pub const EXERCISE_FINDINGS: &[&str] = &[
    "De telefoonlijst bevatte twee nummers van vertrokken medewerkers.",
    "De sleutel van de alternatieve locatie lag niet op de afgesproken plaats.",
    "Het herstel van de databank duurde langer dan de geschatte hersteltijd.",
    "De noodlijn van de leverancier verwees buiten de kantooruren naar een antwoordapparaat.",
    "Niet alle leden van het crisisteam hadden een actuele kopie van het plan.",
    "De papieren formulieren voor de manuele werkwijze waren verouderd.",
    "De volgorde van de herstelstappen was niet duidelijk voor de functionele beheerders.",
    "De 4G-router in de crisiskoffer had geen actief abonnement meer.",
    "Het communicatiesjabloon voor inwoners verwees naar een onbestaande webpagina.",
    "De beheerderswachtwoorden in de kluis waren niet bijgewerkt.",
];

pub const ACTION_TITLES: &[&str] = &[
    "Contactlijst bijwerken en per kwartaal controleren",
    "Sleutelbeheer van de alternatieve locatie vastleggen",
    "Hersteltijd herzien en herstelprocedure versnellen",
    "Noodcontact 24/7 contractueel vastleggen met de leverancier",
    "Nieuwe kopieën van het plan uitdelen",
    "Papieren formulieren actualiseren",
    "Herstelvolgorde verduidelijken in de procedure",
    "Abonnement van de 4G-router verlengen",
    "Communicatiesjabloon aanpassen",
    "Wachtwoordkluis bijwerken na elke wijziging",
];

/// A slug for ids: lowercase ASCII letters and digits joined by single hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            other => other.to_ascii_lowercase(),
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("Crisiscoördinator"), "crisiscoordinator");
        assert_eq!(slug("Van den Broeck, Zoë!"), "van-den-broeck-zoe");
        assert_eq!(slug("  --a  b--"), "a-b");
        for name in SERVICES
            .iter()
            .map(|s| s.0)
            .chain(APPLICATIONS.iter().copied())
        {
            assert!(continuity_schema::types::is_valid_id(&slug(name)), "{name}");
        }
    }
}
